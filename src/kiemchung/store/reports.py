"""Quarterly report data: one query layer for the web dashboard and ``kiemchung report``.

:func:`quarterly_report` counts the *current* findings (not superseded by a rescan) of posts published in the
quarter (or, for posts without a date, found in the quarter), and gives, per the actor's scope:

* ``by_unit_label``: findings per unit and label,
* ``by_week``: findings per ISO week and label,
* ``review_outcomes``: reviews per unit and state (open, confirmed, dismissed, appealed, upheld, overturned),
* ``time_to_review``: per unit, how many reviews were decided and the median / mean hours from finding to decision,
* ``posts_by_unit``: archived posts per unit.

Exporters: :func:`to_json`, :func:`to_csv`, :func:`to_xlsx` (one sheet per section).
"""

from __future__ import annotations

import csv
import io
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from kiemchung.errors import InputError
from kiemchung.store.authz import SYSTEM, Actor, require, scope_for
from kiemchung.store.schema import Finding, Member, Page, Post, Review, Unit

NO_UNIT = "—"
SECTIONS = ("by_unit_label", "by_week", "review_outcomes", "time_to_review", "posts_by_unit")
SECTION_TITLES = {
    "by_unit_label": "Theo đơn vị và nhãn",
    "by_week": "Theo tuần",
    "review_outcomes": "Kết quả xem xét",
    "time_to_review": "Thời gian xem xét",
    "posts_by_unit": "Bài đăng theo đơn vị",
}


def quarter_bounds(quarter: str) -> tuple[datetime, datetime]:
    """``"2026Q4"`` (or ``2026-Q4``) → [2026-10-01, 2027-01-01) in UTC."""
    m = re.fullmatch(r"\s*(\d{4})-?[Qq]([1-4])\s*", quarter)
    if m is None:
        raise InputError(f"quý không hợp lệ, cần dạng 2026Q4 (invalid quarter): {quarter!r}")
    year, q = int(m.group(1)), int(m.group(2))
    start = datetime(year, 3 * q - 2, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC) if q == 4 else datetime(year, 3 * q + 1, 1, tzinfo=UTC)
    return start, end


@dataclass
class QuarterReport:
    quarter: str
    start: datetime
    end: datetime
    generated_at: datetime
    totals: dict[str, int]
    sections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"quarter": self.quarter, "start": self.start.isoformat(), "end": self.end.isoformat(),
                "generated_at": self.generated_at.isoformat(), "totals": self.totals, **self.sections}


def _week(dt: datetime) -> str:
    y, w, _ = dt.isocalendar()
    return f"{y}-W{w:02d}"


def quarterly_report(session: Session, quarter: str, *, actor: Actor = SYSTEM) -> QuarterReport:
    require(actor, "reports.read")
    start, end = quarter_bounds(quarter)
    scope = scope_for(session, actor)
    when = func.coalesce(Post.published_at, Finding.created_at)
    in_quarter = and_(or_(and_(Post.published_at.is_not(None), Post.published_at >= start, Post.published_at < end),
                          and_(Post.published_at.is_(None), Finding.created_at >= start, Finding.created_at < end)))
    q = (
        select(Unit.code, Finding.label, Post.published_at, Finding.created_at, Review.state, Review.opened_at,
               Review.reviewed_at)
        .select_from(Finding)
        .join(Post, Post.id == Finding.post_id)
        .join(Page, Page.id == Post.page_id)
        .outerjoin(Member, Member.id == Page.member_id)
        .outerjoin(Unit, Unit.id == Member.unit_id)
        .outerjoin(Review, Review.finding_id == Finding.id)
        .where(Finding.superseded_at.is_(None), in_quarter, scope.page_clause())
        .order_by(when)
    )
    by_unit_label: Counter[tuple[str, str]] = Counter()
    by_week: Counter[tuple[str, str]] = Counter()
    outcomes: Counter[tuple[str, str]] = Counter()
    hours: defaultdict[str, list[float]] = defaultdict(list)
    findings = 0
    for code, label, published, created, state, opened, reviewed in session.execute(q):
        unit = code or NO_UNIT
        findings += 1
        by_unit_label[(unit, label)] += 1
        by_week[(_week(published or created), label)] += 1
        outcomes[(unit, state or "open")] += 1
        if reviewed is not None and opened is not None:
            hours[unit].append(max(0.0, (reviewed - opened).total_seconds() / 3600))
    pq = (
        select(Unit.code, func.count(Post.id))
        .select_from(Post)
        .join(Page, Page.id == Post.page_id)
        .outerjoin(Member, Member.id == Page.member_id)
        .outerjoin(Unit, Unit.id == Member.unit_id)
        .where(Post.published_at >= start, Post.published_at < end, scope.page_clause())
        .group_by(Unit.code)
    )
    posts_by_unit = sorted(((code or NO_UNIT, int(n)) for code, n in session.execute(pq)))
    sections: dict[str, list[dict[str, Any]]] = {
        "by_unit_label": [{"unit": u, "label": lab, "findings": n} for (u, lab), n in sorted(by_unit_label.items())],
        "by_week": [{"week": w, "label": lab, "findings": n} for (w, lab), n in sorted(by_week.items())],
        "review_outcomes": [{"unit": u, "state": s, "reviews": n} for (u, s), n in sorted(outcomes.items())],
        "time_to_review": [
            {"unit": u, "reviewed": len(v), "median_hours": round(statistics.median(v), 2),
             "mean_hours": round(statistics.fmean(v), 2)}
            for u, v in sorted(hours.items())
        ],
        "posts_by_unit": [{"unit": u, "posts": n} for u, n in posts_by_unit],
    }
    totals = {"posts": sum(n for _, n in posts_by_unit), "findings": findings,
              "reviewed": sum(len(v) for v in hours.values()),
              "open": sum(n for (_, s), n in outcomes.items() if s == "open")}
    return QuarterReport(quarter=f"{start.year}Q{(start.month + 2) // 3}", start=start, end=end,
                         generated_at=datetime.now(UTC), totals=totals, sections=sections)


def to_json(report: QuarterReport) -> dict[str, Any]:
    return report.to_dict()


def to_csv(report: QuarterReport) -> str:
    """One long table: ``section, unit, label, week, state, metric, value`` (one metric a row)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["quarter", "section", "unit", "label", "week", "state", "metric", "value"])
    for k, v in report.totals.items():
        w.writerow([report.quarter, "totals", "", "", "", "", k, v])
    for name in SECTIONS:
        for row in report.sections.get(name, []):
            dims = [row.get("unit", ""), row.get("label", ""), row.get("week", ""), row.get("state", "")]
            for metric, value in row.items():
                if metric not in ("unit", "label", "week", "state"):
                    w.writerow([report.quarter, name, *dims, metric, value])
    return out.getvalue()


def to_xlsx(report: QuarterReport, path: str | Path) -> None:
    """A workbook: a summary sheet, then one sheet per section."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Tổng quan"
    ws.append(["Báo cáo quý", report.quarter])
    ws.append(["Từ", report.start.date().isoformat()])
    ws.append(["Đến (không gồm)", report.end.date().isoformat()])
    ws.append(["Lập lúc", report.generated_at.strftime("%Y-%m-%d %H:%M UTC")])
    for k, v in report.totals.items():
        ws.append([k, v])
    ws["A1"].font = Font(bold=True)
    for name in SECTIONS:
        sheet = wb.create_sheet(SECTION_TITLES[name][:31])
        rows = report.sections.get(name, [])
        header = list(rows[0].keys()) if rows else ["(trống)"]
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([row[h] for h in header])
    wb.save(str(path))
