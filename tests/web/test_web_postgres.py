"""The web app on PostgreSQL: the demo seeds, the queue filters, a review goes through, the dashboard and the
exports work (the same queries as on SQLite)."""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from webtest_support import csrf_of, login

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_app(web_analyzer: Any) -> Any:
    from kiemchung.store.testing import pg_available, pg_schema_url

    if not pg_available() and not os.environ.get("KIEMCHUNG_TEST_PG_REQUIRED"):
        pytest.skip("PostgreSQL server not reachable (set KIEMCHUNG_TEST_PG_URL)")
    from kiemchung.demo_seed import seed_demo
    from kiemchung.store.engine import Store
    from kiemchung.web.app import create_app

    with pg_schema_url() as url:
        store = Store.open(url, upgrade=True)
        seed_demo(store, web_analyzer)
        store.dispose()
        app = create_app(db_url=url, analyzer=web_analyzer)
        yield app
        app.state.store.dispose()


def test_web_postgres_review_dashboard_exports(pg_app: Any) -> None:
    with TestClient(pg_app) as c:
        assert login(c, "ranhsoat").status_code == 303
        queue = c.get("/review?state=open")
        assert queue.status_code == 200
        fid = re.search(r'data-finding="(\d+)"', queue.text).group(1)  # type: ignore[union-attr]
        assert c.get("/review?state=&label=privacy&min_score=0.5&since=2020-01-01").status_code == 200
        page = c.get(f"/review/{fid}")
        r = c.post(f"/review/{fid}/confirm", data={"csrf_token": csrf_of(page.text)}, follow_redirects=False)
        assert r.status_code == 303
        assert "đã xác nhận" in c.get(f"/review/{fid}").text
        dash = c.get("/dashboard")
        assert dash.status_code == 200 and 'id="chart-quarter"' in dash.text
        assert c.get("/reports/quarterly.xlsx").status_code == 200
        assert c.get("/reports/quarterly.pdf").content.startswith(b"%PDF-")
