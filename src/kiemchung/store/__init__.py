"""The organization's records (DESIGN §6): SQLite by default, PostgreSQL by URL.

Public API::

    Store.open(url=None, upgrade=True)      # engine + sessions; url → --db / $KIEMCHUNG_DB / user data dir
    store.transaction()                     # a Session in one transaction
    Records(session, actor)                 # every repository: units, members, accounts, pages, posts, …
    Actor, SYSTEM                           # who acts (role + unit/member scope)
    audit.append / audit.verify             # the hash-chained audit log
    reports.quarterly_report(session, "2026Q4")
    scanning.scan_store(analyzer, session)
"""

from __future__ import annotations

from kiemchung.store.authz import SYSTEM, Actor
from kiemchung.store.engine import Store, make_engine, resolve_url
from kiemchung.store.repositories import (
    AccountRepository,
    FactCheckRepository,
    FindingRepository,
    ImportBatchRepository,
    InvalidTransitionError,
    MemberRepository,
    NotFoundError,
    PageRepository,
    PostRepository,
    Records,
    ReviewRepository,
    SettingsRepository,
    SourceDocumentRepository,
    UnitRepository,
)

__all__ = [
    "SYSTEM",
    "AccountRepository",
    "Actor",
    "FactCheckRepository",
    "FindingRepository",
    "ImportBatchRepository",
    "InvalidTransitionError",
    "MemberRepository",
    "NotFoundError",
    "PageRepository",
    "PostRepository",
    "Records",
    "ReviewRepository",
    "SettingsRepository",
    "SourceDocumentRepository",
    "Store",
    "UnitRepository",
    "make_engine",
    "resolve_url",
]
