"""``kiemchung check`` and ``kiemchung scan``."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table
from rich.text import Text

from kiemchung.cli._common import cli_errors, console, err_console, read_text_arg
from kiemchung.detectors.base import Settings
from kiemchung.errors import InputError
from kiemchung.types import Document, Report, Source

_STYLE = {"toxicity": "red", "misinformation": "magenta", "scam": "yellow", "privacy": "cyan", "quote": "blue"}


def build_analyzer(factchecks: Path | None = None, policy: Path | None = None) -> "Analyzer":  # noqa: F821
    from kiemchung.analyzer import Analyzer
    from kiemchung.policy.pack import load_policy

    return Analyzer.default(Settings(factchecks=factchecks), policy=load_policy(policy) if policy else None)


def _read_source(path: Path) -> Source:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"không đọc được nguồn ({exc})", file=str(path)) from exc
    return Source(id=path.stem, text=text)


def print_report(report: Report) -> None:
    text = Text(report.text)
    for f in report.findings:
        text.stylize(f"bold underline {_STYLE.get(f.category, 'red')}", f.start, f.end)
    console.print(text)
    if not report.findings:
        console.print("[green]Không phát hiện vấn đề nào.[/] (No issues found.)")
    else:
        table = Table(title=f"{len(report.findings)} phát hiện (findings)", show_lines=False)
        for col in ("nhãn", "đoạn", "điểm", "giải thích"):
            table.add_column(col)
        for f in report.findings:
            table.add_row(f.label, report.text[f.start : f.end], f"{f.score:.2f}", f.explanation)
        console.print(table)
    for q in report.quotes:
        console.print(f"[blue]Trích dẫn[/] {report.text[q.start:q.end]!r}: {q.verdict} {q.detail}", highlight=False)
    for c in report.claims:
        console.print(f"[magenta]Khớp kiểm chứng[/] {c.factcheck_id} ({c.rating}, {c.score:.2f}) {c.url}")
    if report.scores:
        console.print(
            "Điểm: " + ", ".join(f"{k}={v:.2f}" for k, v in sorted(report.scores.items())), highlight=False
        )


def check(
    text: Annotated[Optional[str], typer.Argument(help="Văn bản cần kiểm tra; '-' hoặc bỏ trống để đọc stdin.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="In báo cáo dạng JSON.")] = False,
    source: Annotated[Optional[list[Path]], typer.Option("--source", help="Tệp văn bản nguồn để đối chiếu trích dẫn.")] = None,
    factchecks: Annotated[Optional[Path], typer.Option(help="Tệp kiểm chứng (JSONL / ClaimReview).")] = None,
    policy: Annotated[Optional[Path], typer.Option(help="Gói chính sách TOML.")] = None,
) -> None:
    """Kiểm tra một văn bản (check one text) và in báo cáo."""
    with cli_errors():
        body = read_text_arg(text)
        sources = tuple(_read_source(p) for p in (source or []))
        analyzer = build_analyzer(factchecks, policy)
        report = analyzer.analyze_batch([Document(text=body, sources=sources)])[0]
        if as_json:
            typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        else:
            print_report(report)


def scan(
    inputs: Annotated[list[Path], typer.Argument(help="Tệp JSONL bài đăng ({id, text, ...} mỗi dòng).")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Tệp JSONL kết quả (mặc định: stdout).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="In tóm tắt dạng JSON.")] = False,
    factchecks: Annotated[Optional[Path], typer.Option(help="Tệp kiểm chứng (JSONL / ClaimReview).")] = None,
    policy: Annotated[Optional[Path], typer.Option(help="Gói chính sách TOML.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Số bài mỗi lô.")] = 512,
) -> None:
    """Quét nhiều bài đăng (scan many posts): một dòng kết quả cho mỗi bài, theo thứ tự đầu vào."""
    from kiemchung.pipeline.local import iter_documents, scan_documents, validate_inputs

    with cli_errors():
        total = validate_inputs(inputs)  # a bad line fails here, before any output is written
        analyzer = build_analyzer(factchecks, policy)
        if out is None:
            import sys

            summary = scan_documents(analyzer, iter_documents(inputs), sys.stdout)
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=out.name + ".", suffix=".part", dir=out.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    summary = scan_documents(analyzer, iter_documents(inputs), fh, batch_size=batch_size)
                os.replace(tmp, out)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        assert summary.posts == total
        if as_json:
            typer.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
        else:
            d = summary.to_dict()
            err_console.print(
                f"Đã quét {d['posts']} bài trong {d['seconds']} s ({d['posts_per_second']} bài/s). "
                f"Phát hiện: {d['findings'] or 'không có'}",
                highlight=False,
            )


def register(app: typer.Typer) -> None:
    app.command("check")(check)
    app.command("scan")(scan)
