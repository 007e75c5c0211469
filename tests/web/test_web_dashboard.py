"""Dashboard charts (Chart.js configs from the store's report layer) and the quarterly XLSX / PDF exports."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime

from kiemchung.store import audit
from kiemchung.web.routes.dashboard import current_quarter, previous_quarters


def _charts(html: str) -> dict[str, dict]:  # type: ignore[type-arg]
    return {
        k: json.loads(v)
        for k, v in re.findall(r'<script type="application/json" id="([\w-]+)">(.*?)</script>', html, re.S)
    }


def test_dashboard_charts_carry_the_report(module_app, client_for) -> None:  # type: ignore[no-untyped-def]
    c = client_for(module_app, "auditor")
    r = c.get("/dashboard")
    assert r.status_code == 200
    assert '<script src="/static/vendor/chart.umd.min.js" defer></script>' in r.text
    charts = _charts(r.text)
    assert set(charts) == {"chart-week", "chart-quarter", "chart-unit", "chart-outcomes", "chart-ttr"}
    q = charts["chart-quarter"]
    assert q["type"] == "bar" and q["data"]["labels"] == previous_quarters(current_quarter(), 4)
    total = sum(sum(ds["data"]) for ds in q["data"]["datasets"])
    assert total > 0
    findings = int(re.search(r'id="stat-findings">(\d+)<', r.text).group(1))  # type: ignore[union-attr]
    this_quarter = sum(ds["data"][-1] for ds in q["data"]["datasets"])
    assert findings == this_quarter
    assert sum(charts["chart-outcomes"]["data"]["datasets"][0]["data"]) == findings
    labels = {ds["label"] for ds in charts["chart-week"]["data"]["datasets"]}
    assert labels <= {"toxicity.offensive", "privacy.phone"}


def test_dashboard_member_and_reviewer_scope(module_app, client_for) -> None:  # type: ignore[no-untyped-def]
    auditor = _charts(client_for(module_app, "auditor").get("/dashboard").text)
    reviewer = _charts(client_for(module_app, "reviewer").get("/dashboard").text)

    def total(ch: dict) -> int:  # type: ignore[type-arg]
        return sum(sum(ds["data"]) for ds in ch["chart-quarter"]["data"]["datasets"])

    assert 0 < total(reviewer) < total(auditor)


def test_dashboard_quarter_param_is_validated(module_app, client_for) -> None:  # type: ignore[no-untyped-def]
    c = client_for(module_app, "admin")
    assert c.get("/dashboard?quarter=2020Q1").status_code == 200
    assert c.get("/dashboard?quarter=<script>").status_code == 200


def test_dashboard_export_xlsx(module_app, client_for) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    c = client_for(module_app, "unit_admin")
    r = c.get(f"/reports/quarterly.xlsx?quarter={current_quarter()}")
    assert r.status_code == 200
    assert r.headers["content-disposition"].endswith(f'kiemchung-{current_quarter()}.xlsx"')
    wb = load_workbook(io.BytesIO(r.content))
    assert len(wb.sheetnames) >= 2
    s = module_app.state.store.session()
    try:
        last = audit.list_events(s, limit=1)[0]
        assert (last.action, last.actor, last.data["format"]) == ("report.export", "quantri", "xlsx")
    finally:
        s.close()


def test_dashboard_export_pdf_embeds_a_unicode_font(module_app, client_for) -> None:  # type: ignore[no-untyped-def]
    c = client_for(module_app, "admin")
    r = c.get("/reports/quarterly.pdf")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF-")
    assert b"DejaVu" in r.content and b"FontFile2" in r.content


def test_dashboard_quarters_helpers() -> None:
    assert current_quarter(datetime(2026, 11, 28, tzinfo=UTC)) == "2026Q4"
    assert previous_quarters("2026Q2", 4) == ["2025Q3", "2025Q4", "2026Q1", "2026Q2"]
