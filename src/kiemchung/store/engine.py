"""Where the store lives and how to connect to it.

The database URL comes from, in order: the ``--db URL`` option (``url`` argument), the ``KIEMCHUNG_DB``
environment variable, or a SQLite file ``kiemchung.db`` in the user's data directory (platformdirs).

* SQLite: WAL journal, foreign keys on, a busy timeout, ``synchronous=NORMAL`` (durable at each commit in WAL).
* PostgreSQL: ``postgresql+psycopg://user@host:5432/db``; a schema can be chosen with
  ``?options=-csearch_path%3Dmyschema`` (the tests use one schema per test).

A bare path (``/tmp/x.db``) is accepted and means a SQLite file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from kiemchung.errors import StoreError

ENV_VAR = "KIEMCHUNG_DB"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def default_sqlite_path() -> Path:
    """``<user data dir>/kiemchung.db`` (e.g. ``~/.local/share/kiemchung/kiemchung.db`` on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("kiemchung", appauthor=False)) / "kiemchung.db"


def resolve_url(url: str | None = None) -> str:
    """The database URL to use: ``url``, else ``$KIEMCHUNG_DB``, else the default SQLite file."""
    chosen = url or os.environ.get(ENV_VAR) or ""
    if not chosen:
        path = default_sqlite_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if chosen == ":memory:":
        return "sqlite://"
    if "://" not in chosen:  # a bare file path
        return f"sqlite:///{Path(chosen).expanduser().resolve()}"
    if chosen.startswith(("postgresql://", "postgres://")):
        chosen = "postgresql+psycopg://" + chosen.split("://", 1)[1]
    return chosen


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
    finally:
        cur.close()


def make_engine(url: str | None = None, *, echo: bool = False) -> Engine:
    """An Engine for ``resolve_url(url)`` with the settings above."""
    resolved = resolve_url(url)
    try:
        u = make_url(resolved)
    except Exception as exc:
        raise StoreError(f"địa chỉ cơ sở dữ liệu không hợp lệ (invalid database URL): {exc}") from exc
    backend = u.get_backend_name()
    if backend == "sqlite":
        kwargs: dict[str, Any] = {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}}
        if u.database is None or u.database in ("", ":memory:"):
            kwargs["poolclass"] = StaticPool
            kwargs["connect_args"]["check_same_thread"] = False
        else:
            Path(u.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(u, echo=echo, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if backend == "postgresql":
        return create_engine(u, echo=echo, pool_pre_ping=True)
    raise StoreError(f"chỉ hỗ trợ SQLite và PostgreSQL (unsupported database: {backend})")


class Store:
    """An engine and a session factory: the one object the CLI and the web app open.

    >>> store = Store.open("sqlite:///:memory:", create=True)
    >>> with store.transaction() as session:
    ...     ...
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessionmaker = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str | None = None, *, create: bool = False, upgrade: bool = False) -> Store:
        """Connect to ``url``; ``upgrade=True`` runs the migrations, ``create=True`` a plain ``create_all``."""
        store = cls(make_engine(url))
        if upgrade:
            store.upgrade()
        elif create:
            store.create_all()
        return store

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def create_all(self) -> None:
        """Create every table directly from the models and mark the database as migrated to head (fast:
        tests, in-memory demos). Prefer :meth:`upgrade` for real databases."""
        from kiemchung.store.audit import ensure_head
        from kiemchung.store.migrate import stamp_head
        from kiemchung.store.schema import Base

        Base.metadata.create_all(self.engine)
        ensure_head(self.engine)
        stamp_head(self.engine)

    def upgrade(self, revision: str = "head") -> None:
        """Apply the Alembic migrations shipped in the package up to ``revision``."""
        from kiemchung.store.migrate import upgrade

        upgrade(self.engine, revision)

    def session(self) -> Session:
        return self.sessionmaker()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session inside one transaction: committed on success, rolled back on any error."""
        with self.sessionmaker() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
