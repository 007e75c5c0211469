"""Fact-checks in the database, for ``kiemchung factchecks import --db URL`` and the claims detector.

``import_factchecks(url, factchecks)`` merges by id in one transaction and returns
``{"added", "updated", "unchanged", "total", "store"}``; ``load_factchecks_from_db(url)`` gives DESIGN §5 dicts
(``{"id","claim","rating","url","date","publisher"}``) that ``Settings(factchecks=...)`` accepts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kiemchung.store.authz import SYSTEM, Actor
from kiemchung.store.engine import Store
from kiemchung.store.repositories import FactCheckRepository


def import_factchecks(url: str | None, factchecks: Iterable[Mapping[str, Any] | Any], *,
                      actor: Actor = SYSTEM) -> dict[str, Any]:
    store = Store.open(url)
    try:
        _ensure_schema(store)
        with store.transaction() as session:
            counts: dict[str, Any] = FactCheckRepository(session, actor).merge(factchecks)
        counts["store"] = store.url
        return counts
    finally:
        store.dispose()


def load_factchecks_from_db(url: str | None) -> list[dict[str, Any]]:
    store = Store.open(url)
    try:
        _ensure_schema(store)
        with store.session() as session:
            return FactCheckRepository(session).all_dicts()
    finally:
        store.dispose()


def _ensure_schema(store: Store) -> None:
    from kiemchung.errors import StoreError
    from kiemchung.store.migrate import current_revision, head_revision

    current = current_revision(store.engine)
    if current is None:
        store.upgrade()
    elif current != head_revision():
        raise StoreError(f"CSDL ở phiên bản {current}; hãy chạy 'kiemchung db upgrade' (schema out of date)")
