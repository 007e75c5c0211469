"""Web test fixtures: a tiny deterministic analyzer, a demo database seeded once per session and copied per
module (seeding hashes eight passwords with Argon2), logged-in clients per role."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from webtest_support import API_TOKEN, ROLE_LOGINS, WebWordDetector, login  # type: ignore[import-not-found]

from kiemchung.analyzer import Analyzer


@pytest.fixture(scope="session")
def web_analyzer() -> Analyzer:
    return Analyzer([WebWordDetector()])


@pytest.fixture()
def api_app(web_analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch) -> Any:
    """An app with no database, the test analyzer and ``API_TOKEN`` as the admin token."""
    from kiemchung.web.app import create_app

    monkeypatch.setenv("KIEMCHUNG_API_TOKEN", API_TOKEN)
    return create_app(analyzer=web_analyzer)


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory, web_analyzer: Analyzer) -> Path:
    """A demo database file, seeded once for the whole session (copy it before writing to it)."""
    from kiemchung.demo_seed import seed_demo
    from kiemchung.store.engine import Store

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = Store.open(f"sqlite:///{path}", upgrade=True)
    seed_demo(store, web_analyzer)
    store.dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


@pytest.fixture()
def db_copy(seeded_db: Path, tmp_path: Path) -> str:
    """A private copy of the seeded demo database (URL)."""
    dst = tmp_path / "demo.db"
    shutil.copy(seeded_db, dst)
    return f"sqlite:///{dst}"


@pytest.fixture(scope="module")
def module_db(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    dst = tmp_path_factory.mktemp("mod") / "demo.db"
    shutil.copy(seeded_db, dst)
    return f"sqlite:///{dst}"


def _create(db_url: str, analyzer: Analyzer, monkeypatch: Any = None) -> Any:
    from kiemchung.web.app import create_app

    app = create_app(db_url=db_url, analyzer=analyzer)
    return app


@pytest.fixture()
def app(db_copy: str, web_analyzer: Analyzer) -> Any:
    return _create(db_copy, web_analyzer)


@pytest.fixture(scope="module")
def module_app(module_db: str, web_analyzer: Analyzer) -> Any:
    return _create(module_db, web_analyzer)


@pytest.fixture()
def client_for() -> Iterator[Callable[[Any, str | None], Any]]:
    """``client_for(app, role)``: a TestClient logged in as the demo account of ``role`` (None: anonymous)."""
    from fastapi.testclient import TestClient

    made: list[Any] = []

    def make(app: Any, role: str | None) -> Any:
        c = TestClient(app)
        c.__enter__()
        made.append(c)
        if role is not None:
            r = login(c, ROLE_LOGINS.get(role, role))
            assert r.status_code == 303, r.text
        return c

    yield make
    for c in made:
        c.__exit__(None, None, None)
