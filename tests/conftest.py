"""Shared fixtures: the shared datasets (skipped when absent), a bare analyzer with no plugins, and ``db_url`` /
``store``: the same tests on SQLite and PostgreSQL (one fresh schema per test)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kc_support import KeywordDetector
from kiemchung.analyzer import Analyzer
from kiemchung.store import Store
from kiemchung.store.testing import pg_available, pg_schema_url, sqlite_url

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = (REPO / ".." / "shared" / "data").resolve()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` beside the repository; tests that need it skip cleanly when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture()
def bare_analyzer() -> Analyzer:
    """An analyzer with only the test keyword detector (no entry-point plugins)."""
    return Analyzer([KeywordDetector()])


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL: a SQLite file, or a fresh schema on the PostgreSQL server (required when
    ``KIEMCHUNG_TEST_PG_REQUIRED`` is set, as CI does; skipped otherwise when no server answers)."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
        return
    if not pg_available() and not os.environ.get("KIEMCHUNG_TEST_PG_REQUIRED"):
        pytest.skip("PostgreSQL server not reachable (set KIEMCHUNG_TEST_PG_URL)")
    with pg_schema_url() as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store.open(db_url, create=True)  # migrations themselves: tests/store/test_store_engine.py
    yield s
    s.dispose()
