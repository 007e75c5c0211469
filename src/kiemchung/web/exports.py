"""The quarterly report as XLSX (the store's exporter) and PDF (fpdf2, with an embedded DejaVu Sans font so
Vietnamese diacritics render everywhere)."""

from __future__ import annotations

import io
import tempfile
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from kiemchung.web.i18n import t

FONT_DIR = resources.files("kiemchung.web").joinpath("static/fonts")


def to_xlsx_bytes(report: Any) -> bytes:
    from kiemchung.store.reports import to_xlsx

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.xlsx"
        to_xlsx(report, path)
        return path.read_bytes()


def summarize(report: Any) -> dict[str, Any]:
    """Aggregates the dashboard and the PDF show: per label, per unit, per review state."""
    by_label: Counter[str] = Counter()
    by_unit: Counter[str] = Counter()
    for row in report.sections.get("by_unit_label", []):
        by_label[row["label"]] += row["findings"]
        by_unit[row["unit"]] += row["findings"]
    outcomes: Counter[str] = Counter()
    for row in report.sections.get("review_outcomes", []):
        outcomes[row["state"]] += row["reviews"]
    return {
        "by_label": dict(sorted(by_label.items())),
        "by_unit": dict(sorted(by_unit.items())),
        "outcomes": dict(outcomes),
    }


def to_pdf_bytes(report: Any, lang: str = "vi", unit_names: dict[str, str] | None = None) -> bytes:
    from fpdf import FPDF

    unit_names = unit_names or {}
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    with (
        resources.as_file(FONT_DIR.joinpath("DejaVuSans.ttf")) as regular,
        resources.as_file(FONT_DIR.joinpath("DejaVuSans-Bold.ttf")) as bold,
    ):
        pdf.add_font("DejaVu", "", str(regular))
        pdf.add_font("DejaVu", "B", str(bold))
    pdf.set_title(t("report.title", lang, quarter=report.quarter))
    pdf.set_author("Kiểm Chứng")
    pdf.set_creator("Kiểm Chứng")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    pdf.cell(0, 10, t("report.title", lang, quarter=report.quarter), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.cell(
        0,
        6,
        f"{report.start.date().isoformat()} – {report.end.date().isoformat()} · "
        + t("report.generated", lang, at=report.generated_at.strftime("%Y-%m-%d %H:%M UTC")),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    s = summarize(report)

    def table(title: str, header: list[str], rows: list[list[Any]], widths: list[int]) -> None:
        pdf.set_font("DejaVu", "B", 12)
        pdf.cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "B", 9)
        for h, w in zip(header, widths, strict=True):
            pdf.cell(w, 6, h, border=1)
        pdf.ln()
        pdf.set_font("DejaVu", "", 9)
        if not rows:
            pdf.cell(sum(widths), 6, t("dash.no_data", lang), border=1)
            pdf.ln()
        for row in rows:
            for v, w in zip(row, widths, strict=True):
                pdf.cell(w, 6, str(v)[:70], border=1)
            pdf.ln()
        pdf.ln(3)

    totals = report.totals
    table(
        t("report.summary", lang),
        ["", t("report.count", lang)],
        [
            [t("dash.posts", lang), totals.get("posts", 0)],
            [t("dash.findings", lang), totals.get("findings", 0)],
            [t("dash.open", lang), totals.get("open", 0)],
            ["reviewed", totals.get("reviewed", 0)],
        ],
        [90, 40],
    )
    table(
        t("report.by_label", lang),
        [t("review.label", lang), t("report.count", lang)],
        [[k, v] for k, v in s["by_label"].items()],
        [90, 40],
    )
    table(
        t("report.by_unit", lang),
        [t("registry.unit", lang), t("report.count", lang)],
        [[unit_names.get(k, k), v] for k, v in s["by_unit"].items()],
        [130, 40],
    )
    table(
        t("report.outcomes", lang),
        [t("review.state", lang), t("report.count", lang)],
        [[t("state." + k, lang), v] for k, v in sorted(s["outcomes"].items())],
        [90, 40],
    )
    table(
        t("dash.time_to_review", lang),
        [t("registry.unit", lang), "n", t("dash.median_hours", lang), "mean"],
        [
            [unit_names.get(r["unit"], r["unit"]), r["reviewed"], r["median_hours"], r["mean_hours"]]
            for r in report.sections.get("time_to_review", [])
        ],
        [100, 20, 35, 25],
    )
    out = pdf.output()
    return bytes(out) if not isinstance(out, bytes) else out


def pdf_stream(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)
