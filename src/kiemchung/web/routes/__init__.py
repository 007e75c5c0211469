"""One router per area of the web app; ``ROUTERS`` is what ``create_app`` mounts, in order."""

from __future__ import annotations

import importlib

from fastapi import APIRouter

from kiemchung.web.routes import api, auth, selfcheck

ROUTERS: list[APIRouter] = [auth.router, selfcheck.router, api.router]

# Areas built on the store's repositories (skipped, with their pages, where the store is not installed).
for _name in ("review", "registry", "dashboard", "audit", "api_records", "accounts_admin"):
    try:
        _mod = importlib.import_module(f"kiemchung.web.routes.{_name}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("kiemchung.web.routes"):
            continue
        raise
    ROUTERS.append(_mod.router)
