"""Helpers for tests (ours and the web app's): a throw-away database on SQLite or PostgreSQL.

``KIEMCHUNG_TEST_PG_URL`` (default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``) names the server;
each call of :func:`pg_schema_url` creates a fresh schema and returns a URL whose ``search_path`` points at it,
so parallel test workers never collide. The schema is dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def pg_base_url() -> str:
    return os.environ.get("KIEMCHUNG_TEST_PG_URL", DEFAULT_PG_URL)


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def pg_available(url: str | None = None) -> bool:
    import psycopg

    try:
        with psycopg.connect(_libpq(url or pg_base_url()), connect_timeout=3):
            return True
    except psycopg.Error:
        return False


@contextmanager
def pg_schema_url(base_url: str | None = None) -> Iterator[str]:
    """A URL for a brand-new empty schema on the test server; dropped on exit."""
    import psycopg

    base = base_url or pg_base_url()
    schema = f"kc_test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(_libpq(base), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options={quote(f'-csearch_path={schema}', safe='')}"
    finally:
        with psycopg.connect(_libpq(base), autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def sqlite_url(directory: Path) -> str:
    return f"sqlite:///{directory / 'kiemchung-test.db'}"
