"""Jinja2 environment and the ``render`` helper every page uses (language, user, CSRF token in context)."""

from __future__ import annotations

from functools import partial
from importlib import resources
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from kiemchung import __version__
from kiemchung.web.i18n import LANGUAGES, t
from kiemchung.web.security import csrf_token

_TEMPLATE_DIR = str(resources.files("kiemchung.web").joinpath("templates"))
templates = Jinja2Templates(directory=_TEMPLATE_DIR)
templates.env.globals["version"] = __version__
templates.env.globals["languages"] = LANGUAGES


def _fmt_score(v: float | None) -> str:
    return "" if v is None else f"{v:.2f}"


def _display_tz() -> Any:
    """The zone times are shown in: ``KIEMCHUNG_TZ`` (default Asia/Ho_Chi_Minh; UTC when unknown)."""
    import os
    from datetime import UTC

    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(os.environ.get("KIEMCHUNG_TZ", "Asia/Ho_Chi_Minh"))
    except Exception:  # noqa: BLE001 - no tz database: fall back to UTC
        return UTC


DISPLAY_TZ = _display_tz()


def _fmt_dt(v: Any) -> str:
    """``2026-11-29 03:34 +07`` in the display zone (stored times are UTC)."""
    if v is None:
        return ""
    try:
        if getattr(v, "tzinfo", None) is not None:
            v = v.astimezone(DISPLAY_TZ)
            off = str(v.strftime("%z"))
            return str(v.strftime("%Y-%m-%d %H:%M ")) + (off[:3] if off.endswith("00") else off)
        return str(v.strftime("%Y-%m-%d %H:%M"))
    except (AttributeError, ValueError):
        return str(v)


templates.env.filters["score"] = _fmt_score
templates.env.filters["dt"] = _fmt_dt


def lang_of(request: Request) -> str:
    return str(getattr(request.state, "lang", "vi"))


def page_user(request: Request) -> Any:
    from kiemchung.web.deps import page_user as _page_user

    return _page_user(request)


def render(
    request: Request, name: str, ctx: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    lang = lang_of(request)
    context: dict[str, Any] = {
        "request": request,
        "lang": lang,
        "t": partial(t, lang=lang),
        "user": page_user(request),
        "csrf_token": csrf_token(request.session),
        "path": request.url.path,
    }
    if ctx:
        context.update(ctx)
    return templates.TemplateResponse(request, name, context, status_code=status_code)
