"""Dashboard charts (Chart.js, vendored) and the quarterly report export (XLSX, PDF), from the store's
``reports.quarterly_report`` query layer, scoped to the viewer's units."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from kiemchung.store import audit
from kiemchung.store.reports import quarterly_report
from kiemchung.store.schema import Unit
from kiemchung.web.deps import db_session, page_require
from kiemchung.web.exports import summarize, to_pdf_bytes, to_xlsx_bytes
from kiemchung.web.i18n import t
from kiemchung.web.principal import Principal
from kiemchung.web.templating import lang_of, render

router = APIRouter(tags=["pages"], include_in_schema=False)

CATEGORY_COLORS = {
    "toxicity": "#d92d20",
    "misinformation": "#7a2eb8",
    "scam": "#b54708",
    "privacy": "#026aa2",
    "quote": "#3538cd",
}
STATE_COLORS = {
    "open": "#f79009",
    "confirmed": "#d92d20",
    "dismissed": "#12b76a",
    "appealed": "#7a2eb8",
    "upheld": "#912018",
    "overturned": "#32d583",
}
EXTRA_COLORS = ["#667085", "#0e9384", "#dd2590", "#4e5ba6", "#ca8504", "#15b79e"]


def current_quarter(now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    return f"{now.year}Q{(now.month - 1) // 3 + 1}"


def previous_quarters(quarter: str, n: int) -> list[str]:
    year, q = int(quarter[:4]), int(quarter[-1])
    out = []
    for _ in range(n):
        out.append(f"{year}Q{q}")
        q -= 1
        if q == 0:
            year, q = year - 1, 4
    return list(reversed(out))


def _valid_quarter(value: str | None) -> str:
    import re

    if value and re.fullmatch(r"\d{4}Q[1-4]", value):
        return value
    return current_quarter()


def _label_color(label: str, i: int) -> str:
    base = CATEGORY_COLORS.get(label.split(".")[0])
    return base if base and label.count(".") == 0 else (base or EXTRA_COLORS[i % len(EXTRA_COLORS)])


def _palette(labels: list[str]) -> dict[str, str]:
    """One colour per label; labels of one category get shades of the category colour."""
    out: dict[str, str] = {}
    per_cat: dict[str, int] = {}
    for lbl in labels:
        cat = lbl.split(".")[0]
        k = per_cat.get(cat, 0)
        per_cat[cat] = k + 1
        base = CATEGORY_COLORS.get(cat, EXTRA_COLORS[len(out) % len(EXTRA_COLORS)])
        alpha = max(0.35, 1.0 - 0.18 * k)
        r, g, b = int(base[1:3], 16), int(base[3:5], 16), int(base[5:7], 16)
        out[lbl] = f"rgba({r},{g},{b},{alpha:.2f})"
    return out


def _stacked(x: list[str], series: dict[str, dict[str, int]], colors: dict[str, str]) -> dict[str, Any]:
    return {
        "type": "bar",
        "data": {
            "labels": x,
            "datasets": [
                {"label": lbl, "data": [series[lbl].get(v, 0) for v in x], "backgroundColor": colors[lbl]}
                for lbl in sorted(series)
            ],
        },
        "options": {
            "scales": {
                "x": {"stacked": True},
                "y": {"stacked": True, "beginAtZero": True, "ticks": {"precision": 0}},
            },
            "plugins": {"legend": {"position": "bottom"}},
        },
    }


def dashboard_data(session: Session, user: Principal, quarter: str, lang: str) -> dict[str, Any]:
    quarters = previous_quarters(quarter, 4)
    reports = {q: quarterly_report(session, q, actor=user.actor) for q in quarters}
    rep = reports[quarter]
    unit_names = {u.code: u.name for u in session.execute(select(Unit)).scalars()}
    labels: set[str] = set()
    per_quarter: dict[str, dict[str, int]] = {}
    per_week: dict[str, dict[str, int]] = {}
    weeks: set[str] = set()
    for q, r in reports.items():
        for row in r.sections["by_unit_label"]:
            labels.add(row["label"])
            per_quarter.setdefault(row["label"], {})
            per_quarter[row["label"]][q] = per_quarter[row["label"]].get(q, 0) + row["findings"]
        for row in r.sections["by_week"]:
            labels.add(row["label"])
            weeks.add(row["week"])
            per_week.setdefault(row["label"], {})
            per_week[row["label"]][row["week"]] = per_week[row["label"]].get(row["week"], 0) + row["findings"]
    colors = _palette(sorted(labels))
    week_axis = sorted(weeks)[-16:]
    per_week = {k: v for k, v in per_week.items() if any(w in v for w in week_axis)}
    per_unit: dict[str, dict[str, int]] = {}
    units: set[str] = set()
    for row in rep.sections["by_unit_label"]:
        name = unit_names.get(row["unit"], row["unit"])
        units.add(name)
        per_unit.setdefault(row["label"], {})
        per_unit[row["label"]][name] = per_unit[row["label"]].get(name, 0) + row["findings"]
    s = summarize(rep)
    states = [st for st in STATE_COLORS if st in s["outcomes"]]
    ttr = rep.sections["time_to_review"]
    charts = {
        "chart-week": _stacked(week_axis, per_week, colors),
        "chart-quarter": _stacked(quarters, per_quarter, colors),
        "chart-unit": _stacked(sorted(units), per_unit, colors),
        "chart-outcomes": {
            "type": "doughnut",
            "data": {
                "labels": [t("state." + st, lang) for st in states],
                "datasets": [
                    {
                        "data": [s["outcomes"][st] for st in states],
                        "backgroundColor": [STATE_COLORS[st] for st in states],
                    }
                ],
            },
            "options": {"plugins": {"legend": {"position": "bottom"}}},
        },
        "chart-ttr": {
            "type": "bar",
            "data": {
                "labels": [unit_names.get(r["unit"], r["unit"]) for r in ttr],
                "datasets": [
                    {
                        "label": t("dash.median_hours", lang),
                        "data": [r["median_hours"] for r in ttr],
                        "backgroundColor": "#0b6e4f",
                    },
                    {"label": t("dash.mean_hours", lang), "data": [r["mean_hours"] for r in ttr], "backgroundColor": "#84caff"},
                ],
            },
            "options": {
                "scales": {"y": {"beginAtZero": True}},
                "plugins": {"legend": {"position": "bottom"}},
            },
        },
    }
    return {
        "report": rep,
        "charts": charts,
        "quarters": previous_quarters(current_quarter(), 8),
        "quarter": quarter,
        "summary": s,
        "unit_names": unit_names,
    }


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(
    request: Request,
    user: Principal = Depends(page_require("dashboard")),
    session: Session = Depends(db_session),
) -> HTMLResponse:
    quarter = _valid_quarter(request.query_params.get("quarter"))
    data = dashboard_data(session, user, quarter, lang_of(request))
    charts_json = {
        k: json.dumps(v, ensure_ascii=False).replace("</", "<\\/") for k, v in data["charts"].items()
    }
    return render(request, "dashboard.html", {**data, "charts_json": charts_json})


def _export(request: Request, user: Principal, session: Session, fmt: str) -> Response:
    quarter = _valid_quarter(request.query_params.get("quarter"))
    rep = quarterly_report(session, quarter, actor=user.actor)
    if fmt == "xlsx":
        body = to_xlsx_bytes(rep)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        names = {u.code: u.name for u in session.execute(select(Unit)).scalars()}
        body = to_pdf_bytes(rep, lang_of(request), names)
        media = "application/pdf"
    audit.append(session, user.login, "report.export", "report", quarter, {"format": fmt})
    session.commit()
    return Response(
        body,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="kiemchung-{quarter}.{fmt}"'},
    )


@router.get("/reports/quarterly.xlsx")
def export_xlsx(
    request: Request,
    user: Principal = Depends(page_require("reports.read")),
    session: Session = Depends(db_session),
) -> Response:
    return _export(request, user, session, "xlsx")


@router.get("/reports/quarterly.pdf")
def export_pdf(
    request: Request,
    user: Principal = Depends(page_require("reports.read")),
    session: Session = Depends(db_session),
) -> Response:
    return _export(request, user, session, "pdf")
