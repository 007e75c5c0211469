from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kiemchung.analyzer import Analyzer
from kiemchung.errors import InputError, PermissionDeniedError
from kiemchung.store import Records, Store, reports
from kiemchung.store.scanning import scan_store


@pytest.mark.parametrize(
    ("quarter", "start", "end"),
    [
        ("2026Q4", datetime(2026, 10, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)),
        ("2026-q1", datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC)),
        ("2025Q3", datetime(2025, 7, 1, tzinfo=UTC), datetime(2025, 10, 1, tzinfo=UTC)),
    ],
)
def test_reports_quarter_bounds(quarter: str, start: datetime, end: datetime) -> None:
    assert reports.quarter_bounds(quarter) == (start, end)


@pytest.mark.parametrize("bad", ["2026Q5", "Q4", "2026", "2026Q0"])
def test_reports_quarter_bounds_rejects(bad: str) -> None:
    with pytest.raises(InputError):
        reports.quarter_bounds(bad)


def _scanned_and_reviewed(store: Store, org: Any, make_analyzer: Callable[[str], Analyzer]) -> None:
    with store.session() as s:
        scan_store(make_analyzer("1"), s)
    with store.transaction() as s:
        rec = Records(s, org.actors["reviewer_a"])
        for r in rec.reviews.list():
            if r.finding.label == "scam.prize":
                rec.reviews.confirm(r.id, "ok")
            else:
                rec.reviews.dismiss(r.id)


def test_reports_quarterly_counts(store: Store, org: Any, make_analyzer: Callable[[str], Analyzer]) -> None:
    _scanned_and_reviewed(store, org, make_analyzer)
    with store.session() as s:
        rep = reports.quarterly_report(s, "2026Q4")
    assert rep.totals == {"posts": 4, "findings": 3, "reviewed": 2, "open": 1}
    assert rep.sections["by_unit_label"] == [
        {"unit": "a1", "label": "scam.prize", "findings": 1},
        {"unit": "a1", "label": "toxicity.offensive", "findings": 1},
        {"unit": "b", "label": "scam.prize", "findings": 1},
    ]
    assert {r["week"] for r in rep.sections["by_week"]} == {"2026-W41", "2026-W46", "2026-W49"}
    assert {(r["unit"], r["state"]): r["reviews"] for r in rep.sections["review_outcomes"]} == {
        ("a1", "confirmed"): 1, ("a1", "dismissed"): 1, ("b", "open"): 1}
    (ttr,) = rep.sections["time_to_review"]
    assert ttr["unit"] == "a1" and ttr["reviewed"] == 2 and ttr["median_hours"] >= 0
    assert rep.sections["posts_by_unit"] == [{"unit": "a1", "posts": 3}, {"unit": "b", "posts": 1}]
    with store.session() as s:  # a reviewer sees only their unit; a member no report at all
        scoped = reports.quarterly_report(s, "2026Q4", actor=org.actors["reviewer_b"])
        assert scoped.totals["findings"] == 1
        with pytest.raises(PermissionDeniedError):
            reports.quarterly_report(s, "2026Q4", actor=org.actors["member_a"])


def test_reports_exporters(store: Store, org: Any, make_analyzer: Callable[[str], Analyzer], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _scanned_and_reviewed(store, org, make_analyzer)
    with store.session() as s:
        rep = reports.quarterly_report(s, "2026Q4")
    data = reports.to_json(rep)
    assert data["quarter"] == "2026Q4" and data["totals"]["findings"] == 3
    rows = list(csv.DictReader(io.StringIO(reports.to_csv(rep))))
    assert {"section": "by_unit_label", "unit": "b", "label": "scam.prize", "metric": "findings", "value": "1"}.items() \
        <= next(r for r in rows if r["section"] == "by_unit_label" and r["unit"] == "b").items()
    out = tmp_path / "q4.xlsx"
    reports.to_xlsx(rep, out)
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Tổng quan" and len(wb.sheetnames) == 6
    sheet = wb[reports.SECTION_TITLES["by_unit_label"]]
    assert [c.value for c in sheet[1]] == ["unit", "label", "findings"] and sheet.max_row == 4
