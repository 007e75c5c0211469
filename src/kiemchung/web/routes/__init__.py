"""One router per area of the web app; ``ROUTERS`` is what ``create_app`` mounts, in order."""

from __future__ import annotations

from fastapi import APIRouter

from kiemchung.web.routes import api, auth, selfcheck

ROUTERS: list[APIRouter] = [auth.router, selfcheck.router, api.router]

try:  # areas that need the store's repositories
    from kiemchung.web.routes import dashboard, registry, review

    ROUTERS += [registry.router, review.router, dashboard.router]
except ImportError:  # pragma: no cover - store not installed yet
    pass
