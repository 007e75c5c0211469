from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from kiemchung.errors import StoreError
from kiemchung.store import Store
from kiemchung.store.engine import ENV_VAR, make_engine, resolve_url
from kiemchung.store.migrate import current_revision, head_revision


def test_engine_url_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, "sqlite:///from-env.db")
    assert resolve_url("sqlite:///given.db") == "sqlite:///given.db"
    assert resolve_url() == "sqlite:///from-env.db"
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    url = resolve_url()
    assert url.startswith("sqlite:///") and url.endswith("kiemchung.db")
    assert str(tmp_path) in url


@pytest.mark.parametrize(
    ("given", "expected_prefix"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite://", "sqlite://"),
        (":memory:", "sqlite://"),
    ],
)
def test_engine_resolve_url_forms(given: str, expected_prefix: str) -> None:
    assert resolve_url(given) == expected_prefix


def test_engine_bare_path_is_sqlite(tmp_path: Path) -> None:
    assert resolve_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"


def test_engine_sqlite_pragmas(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    engine.dispose()


def test_engine_rejects_unknown_backend() -> None:
    with pytest.raises(StoreError):
        make_engine("mysql://u@h/db")


def test_engine_migrations_reach_head_and_match_models(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from kiemchung.store.schema import Base

    store = Store.open(db_url)
    assert current_revision(store.engine) is None
    store.upgrade()
    assert current_revision(store.engine) == head_revision()
    store.upgrade()  # idempotent
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []
    store.dispose()
