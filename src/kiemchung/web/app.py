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
from fastapi.exceptions import HTTPException, RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from kiemchung import __version__
from kiemchung.analyzer import Analyzer
from kiemchung.web.batcher import AnalyzeBatcher
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
    analyzer = analyzer or Analyzer.default()
    store = _open_store(db_url, demo)
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
        docs_url="/v1/docs",
        redoc_url=None,
        openapi_url="/v1/openapi.json",
    )
    app.state.analyzer = analyzer
    app.state.policy = analyzer.policy
    app.state.batcher = AnalyzeBatcher(analyzer)
    app.state.store = store
    app.state.demo = demo
    app.state.login_throttle = LoginThrottle()
    app.state.anon_check_limiter = SlidingWindowLimiter(limit=20, window=60.0)
    app.state.user_check_limiter = SlidingWindowLimiter(limit=120, window=60.0)
    app.state.admin_token = os.environ.get("KIEMCHUNG_API_TOKEN") or None
    app.state.secret_key = _secret_key(store)

    from kiemchung.web.routes import ROUTERS

    for router in ROUTERS:
        app.include_router(router)

    static_dir = str(resources.files("kiemchung.web").joinpath("static"))
    app.mount("/static", StaticFiles(directory=static_dir), name="static")

    @app.middleware("http")
    async def language_and_headers(request: Request, call_next: Any) -> Response:
        query_lang = request.query_params.get("lang")
        request.state.lang = pick_language(query_lang, request.cookies.get("lang"))
        response: Response = await call_next(request)
        if query_lang and query_lang == request.state.lang:
            response.set_cookie("lang", query_lang, max_age=365 * 86400, samesite="lax", httponly=True)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    app.add_middleware(
        SessionMiddleware,
        secret_key=app.state.secret_key,
        session_cookie=SESSION_COOKIE,
        max_age=12 * 3600,
        same_site="lax",
        https_only=os.environ.get("KIEMCHUNG_HTTPS_ONLY", "") == "1",
    )
    app.add_middleware(
        BodySizeLimitMiddleware,
        default_limit=API_BODY_LIMIT,
        limits={"/registry/import": UPLOAD_BODY_LIMIT, "/v1/imports": UPLOAD_BODY_LIMIT},
    )

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error_response(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": jsonable_errors(exc)}, status_code=422)
        return _error_response(request, 422, t("error.invalid_input", request.state.lang), None)

    return app


def jsonable_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for e in exc.errors():
        out.append({"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))})
    return out


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/v1") or "application/json" in request.headers.get("accept", "").split(",")[0]


def _error_response(request: Request, status: int, detail: str, headers: dict[str, str] | None) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    if status == 401:
        nxt = request.url.path
        return RedirectResponse(f"/login?next={nxt}", status_code=303)
    from kiemchung.web.templating import render

    lang = getattr(request.state, "lang", "vi")
    titles = {403: "error.forbidden", 404: "error.not_found", 429: "error.too_many", 400: "error.bad_request"}
    resp = render(
        request,
        "error.html",
        {"status": status, "title": t(titles.get(status, "error.generic"), lang), "detail": detail},
        status_code=status,
    )
    if headers:
        resp.headers.update(headers)
    return resp
