"""The web app and REST API: ``create_app(db_url=None, analyzer=None, demo=False) -> FastAPI``.

A thin shell over the library (STYLE §0.2): pages and ``/v1`` endpoints call ``Analyzer.analyze_batch`` and the
store's repositories; nothing here decides what a post contains.

Settings from the environment:

* ``KIEMCHUNG_SECRET_KEY`` signs session cookies (a random key per process when unset: sessions then end
  when the server restarts).
* ``KIEMCHUNG_API_TOKEN`` is an admin Bearer token accepted by ``/v1`` (every permission, every unit).
* ``KIEMCHUNG_DB`` is the database URL when ``db_url`` is not given (see :mod:`kiemchung.store.engine`).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from kiemchung import __version__
from kiemchung.analyzer import Analyzer
from kiemchung.web.batcher import AnalyzeBatcher
from kiemchung.web.fastpath import AnalyzeFastPath
from kiemchung.web.i18n import pick_language, t
from kiemchung.web.security import BodySizeLimitMiddleware, LoginThrottle, SlidingWindowLimiter

API_BODY_LIMIT = 256 * 1024  # /v1 and forms: a post, a draft, a few sources
UPLOAD_BODY_LIMIT = 20 * 1024 * 1024  # platform exports uploaded on the import page
SESSION_COOKIE = "kc_session"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)


def _open_store(db_url: str | None, demo: bool) -> Any:
    """The store for ``db_url`` (None when the store package is not installed)."""
    try:
        from kiemchung.store.engine import Store
    except ImportError:  # pragma: no cover - store not built
        return None
    url = db_url
    if url is None:
        url = os.environ.get("KIEMCHUNG_DB") or ("sqlite:///:memory:" if not demo else None)
    if url is None:
        from kiemchung.demo_seed import default_demo_url

        url = default_demo_url()
    if url.startswith("sqlite") and (url.endswith(":memory:") or url.rstrip("/") in ("sqlite:", "sqlite:/")):
        return Store.open(url, create=True)  # a throwaway database: build the tables from the models
    return Store.open(url, upgrade=True)


def default_analyzer(store: Any) -> Analyzer:
    """Every installed detector; the claims detector gets the fact-checks kept in the store."""
    from kiemchung.detectors.base import Settings

    facts: list[dict[str, Any]] = []
    if store is not None:
        from kiemchung.store import Records

        with store.transaction() as session:
            facts = Records(session).factchecks.all_dicts()
    return Analyzer.default(Settings(factchecks=facts) if facts else None)


def _secret_key(store: Any) -> str:
    """``KIEMCHUNG_SECRET_KEY``, else a key kept in the store's settings (stable across restarts), else random."""
    env = os.environ.get("KIEMCHUNG_SECRET_KEY")
    if env:
        return env
    if store is None:
        return secrets.token_urlsafe(32)
    from kiemchung.store.schema import Setting

    with store.transaction() as session:
        row = session.get(Setting, "web.secret_key")
        if row is None or not isinstance(row.value, str):
            row = Setting(key="web.secret_key", value=secrets.token_urlsafe(48), updated_by="web")
            session.merge(row)
        return str(row.value)


def create_app(db_url: str | None = None, analyzer: Analyzer | None = None, demo: bool = False) -> FastAPI:
    """Build the FastAPI app. ``analyzer`` defaults to ``Analyzer.default()`` (built once, here).

    ``demo=True`` seeds the demo organization (idempotent) so the dashboard works at once.
    """
    store = _open_store(db_url, demo)
    if demo and store is not None:
        from kiemchung.demo_seed import seed_demo_factchecks

        seed_demo_factchecks(store)
    if analyzer is None:
        analyzer = default_analyzer(store)
    if demo and store is not None:
        from kiemchung.demo_seed import seed_demo

        seed_demo(store, analyzer)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await app.state.batcher.aclose()

    app = FastAPI(
        title="Kiểm Chứng API",
        version=__version__,
        description=(
            "Kiểm tra nội dung tiếng Việt: độc hại, tin sai, lừa đảo, dữ liệu cá nhân, trích dẫn. "
            "Bearer token per account; `KIEMCHUNG_API_TOKEN` sets an admin token."
        ),
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads from a CDN: /v1/docs is a local page instead (routes/api.py)
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        openapi_url="/v1/openapi.json",
    )
    app.state.analyzer = analyzer
    app.state.policy = analyzer.policy
    app.state.batcher = AnalyzeBatcher(analyzer)
    app.state.store = store
    app.state.demo = demo
    # failed logins counted in the store: the same count in every worker and after a restart
    from kiemchung.web.throttle import StoreLoginThrottle

    app.state.login_throttle = StoreLoginThrottle(store) if store is not None else LoginThrottle()
    app.state.anon_check_limiter = SlidingWindowLimiter(limit=20, window=60.0)
    app.state.user_check_limiter = SlidingWindowLimiter(limit=120, window=60.0)
    app.state.admin_token = os.environ.get("KIEMCHUNG_API_TOKEN") or None
    app.state.secret_key = _secret_key(store)

    from kiemchung.web.routes import ROUTERS

    for router in ROUTERS:
        app.include_router(router)

    static_dir = str(resources.files("kiemchung.web").joinpath("static"))
    app.mount("/static", StaticFiles(directory=static_dir), name="static")

    app.add_middleware(
        SessionMiddleware,
        secret_key=app.state.secret_key,
        session_cookie=SESSION_COOKIE,
        max_age=12 * 3600,
        same_site="lax",
        https_only=os.environ.get("KIEMCHUNG_HTTPS_ONLY", "") == "1",
    )
    app.add_middleware(LanguageAndHeadersMiddleware)
    app.add_middleware(
        BodySizeLimitMiddleware,
        default_limit=API_BODY_LIMIT,
        limits={"/registry/import": UPLOAD_BODY_LIMIT, "/v1/imports": UPLOAD_BODY_LIMIT},
    )
    # outermost: well-formed POST /v1/analyze answered without the layers above (web/fastpath.py)
    app.add_middleware(
        AnalyzeFastPath, state=app.state, body_limit=API_BODY_LIMIT, extra_headers=SECURITY_HEADERS
    )

    @app.exception_handler(StarletteHTTPException)  # also the router's own 404 / 405
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error_response(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    from kiemchung.errors import InputError, PermissionDeniedError, StoreError

    @app.exception_handler(PermissionDeniedError)
    async def permission_denied(request: Request, exc: PermissionDeniedError) -> Response:
        return _error_response(request, 403, str(exc), None)

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return _error_response(request, 400, str(exc), None)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        name = type(exc).__name__
        status = 404 if name == "NotFoundError" else 409 if name == "InvalidTransitionError" else 500
        return _error_response(request, status, str(exc), None)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": jsonable_errors(exc)}, status_code=422)
        return _error_response(request, 422, t("error.invalid_input", request.state.lang), None)

    return app


class LanguageAndHeadersMiddleware:
    """Pick the language (``?lang=``, then the ``lang`` cookie, else Vietnamese), remember a chosen one in a
    cookie, and add the security headers (CSP without inline scripts, no framing, no sniffing).

    A plain ASGI middleware (no BaseHTTPMiddleware): it costs next to nothing on the hot ``/v1`` path."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        from http.cookies import SimpleCookie
        from urllib.parse import parse_qs

        query_lang = None
        qs = scope.get("query_string", b"")
        if b"lang=" in qs:
            query_lang = (parse_qs(qs.decode("latin-1")).get("lang") or [None])[0]
        cookie_lang = None
        for name, value in scope.get("headers", []):
            if name == b"cookie" and b"lang=" in value:
                jar: SimpleCookie = SimpleCookie()
                try:
                    jar.load(value.decode("latin-1"))
                except Exception:  # noqa: BLE001 - a malformed cookie header is ignored
                    continue
                if "lang" in jar:
                    cookie_lang = jar["lang"].value
        lang = pick_language(query_lang, cookie_lang)
        scope.setdefault("state", {})["lang"] = lang
        remember = query_lang is not None and query_lang == lang

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for k, v in SECURITY_HEADERS:
                    if k not in present:
                        headers.append((k, v))
                if remember:
                    headers.append(
                        (
                            b"set-cookie",
                            f"lang={lang}; Max-Age=31536000; Path=/; HttpOnly; SameSite=lax".encode(),
                        )
                    )
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


def jsonable_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for e in exc.errors():
        out.append(
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
        )
    return out


def _wants_json(request: Request) -> bool:
    return (
        request.url.path.startswith("/v1")
        or "application/json" in request.headers.get("accept", "").split(",")[0]
    )


def _error_response(request: Request, status: int, detail: str, headers: dict[str, str] | None) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    if status == 401:
        nxt = request.url.path
        return RedirectResponse(f"/login?next={nxt}", status_code=303)
    from kiemchung.web.templating import render

    lang = getattr(request.state, "lang", "vi")
    titles = {
        403: "error.forbidden",
        404: "error.not_found",
        429: "error.too_many",
        400: "error.bad_request",
        409: "error.conflict",
    }
    resp = render(
        request,
        "error.html",
        {"status": status, "title": t(titles.get(status, "error.generic"), lang), "detail": detail},
        status_code=status,
    )
    if headers:
        resp.headers.update(headers)
    return resp
