"""``db_url`` and ``store`` for the importer tests: SQLite and PostgreSQL alike."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiemchung.store import Store
from kiemchung.store.testing import pg_available, pg_schema_url, sqlite_url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
        return
    if not pg_available() and not os.environ.get("KIEMCHUNG_TEST_PG_REQUIRED"):
        pytest.skip("PostgreSQL server not reachable (set KIEMCHUNG_TEST_PG_URL)")
    with pg_schema_url() as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store.open(db_url, create=True)
    yield s
    s.dispose()
