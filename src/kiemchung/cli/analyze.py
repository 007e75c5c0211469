"""``kiemchung check`` and ``kiemchung scan``."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.table import Table
from rich.text import Text

from kiemchung.cli._common import cli_errors, console, err_console, read_text_arg
from kiemchung.detectors.base import Settings
from kiemchung.errors import InputError
from kiemchung.types import Document, Report, Source

if TYPE_CHECKING:
    from kiemchung.analyzer import Analyzer

_STYLE = {"toxicity": "red", "misinformation": "magenta", "scam": "yellow", "privacy": "cyan", "quote": "blue"}


def build_analyzer(factchecks: Path | None = None, policy: Path | None = None) -> Analyzer:
    from kiemchung.analyzer import Analyzer
    from kiemchung.policy.pack import load_policy

    if factchecks is None:  # the local store written by `kiemchung factchecks import`
        from kiemchung.claims.store import default_store_path

        p = default_store_path()
        factchecks = p if p.exists() else None
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


def _progress(total: int, enabled: bool):  # type: ignore[no-untyped-def]
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    return Progress(
        TextColumn("[bold]Quét[/]"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
        TextColumn("{task.fields[rate]} bài/s"), TimeElapsedColumn(), TextColumn("còn"), TimeRemainingColumn(),
        console=err_console, disable=not enabled, transient=False,
    )


def _print_summary(d: dict) -> None:  # type: ignore[type-arg]
    table = Table(title="Tóm tắt quét (scan summary)")
    table.add_column("chỉ số")
    table.add_column("giá trị", justify="right")
    table.add_row("bài đăng", str(d["posts"]))
    table.add_row("giây", str(d["seconds"]))
    table.add_row("bài/giây", str(d["posts_per_second"]))
    for label, n in d["findings"].items():
        table.add_row(label, str(n))
    err_console.print(table)


def scan(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="Tệp JSONL hoặc CSV bài đăng ({id, text, ...}).")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Tệp JSONL kết quả (mặc định: stdout).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="In tóm tắt dạng JSON lên stdout.")] = False,
    factchecks: Annotated[Optional[Path], typer.Option(help="Tệp kiểm chứng (JSONL / ClaimReview).")] = None,
    policy: Annotated[Optional[Path], typer.Option(help="Gói chính sách TOML.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Số bài mỗi lô.")] = 1024,
    workers: Annotated[int, typer.Option(min=0, help="Số tiến trình (0 = mọi lõi CPU).")] = 1,
    resume: Annotated[bool, typer.Option("--resume", help="Tiếp tục lần quét bị gián đoạn (cần --out).")] = False,
    engine: Annotated[str, typer.Option(help="local hoặc ray.")] = "local",
    address: Annotated[Optional[str], typer.Option(help="Địa chỉ cụm Ray (mặc định: cụm cục bộ).")] = None,
    db: Annotated[Optional[str], typer.Option(help="Quét bài trong kho dữ liệu (URL CSDL) và ghi phát hiện vào đó.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Với --db: chỉ bài đăng từ ngày này (YYYY-MM-DD).")] = None,
    unit: Annotated[Optional[int], typer.Option(help="Với --db: chỉ bài của đơn vị này (và đơn vị con).")] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Thanh tiến độ (mặc định khi là terminal).")] = sys.stderr.isatty(),
) -> None:
    """Quét nhiều bài đăng (scan many posts): một dòng kết quả cho mỗi bài, theo thứ tự đầu vào."""
    from kiemchung.pipeline.local import iter_documents, scan_documents, scan_files, validate_inputs

    with cli_errors():
        if engine not in ("local", "ray"):
            raise InputError(f"--engine phải là local hoặc ray, không phải {engine!r}")
        if workers == 0:
            workers = os.cpu_count() or 1
        if db is not None:
            summary_dict = _scan_store(db, since, unit, factchecks, policy, batch_size, workers)
        else:
            if not inputs:
                raise InputError("cần ít nhất một tệp đầu vào, hoặc --db (need an INPUT file or --db)")
            if resume and out is None:
                raise InputError("--resume cần --out (resume needs an output file)")
            total = validate_inputs(inputs)  # a bad line fails here, before any output is written
            analyzer = build_analyzer(factchecks, policy)
            with _progress(total, progress and out is not None) as bar:
                task = bar.add_task("scan", total=total, rate="-")
                t0 = time.perf_counter()
                state = {"n": 0}

                def tick(n: int) -> None:
                    state["n"] += n
                    rate = state["n"] / max(time.perf_counter() - t0, 1e-9)
                    bar.update(task, advance=n, rate=f"{rate:,.0f}")

                if engine == "ray":
                    if out is None:
                        raise InputError("--engine ray cần --out (ray needs an output file)")
                    if any(str(p).lower().endswith(".csv") for p in inputs):
                        raise InputError("--engine ray đọc JSONL; hãy chuyển CSV sang JSONL trước")
                    from kiemchung.pipeline.ray import scan_ray

                    summary = scan_ray(analyzer, inputs, out, address=address, batch_size=batch_size, on_batch=tick)
                elif out is None:
                    summary = scan_documents(analyzer, iter_documents(inputs), sys.stdout, batch_size=batch_size,
                                             workers=workers)
                else:
                    summary = scan_files(analyzer, inputs, out, batch_size=batch_size, workers=workers,
                                         resume=resume, on_batch=tick,
                                         on_start=lambda done: bar.update(task, completed=done))
            summary_dict = summary.to_dict()
        if as_json:
            typer.echo(json.dumps(summary_dict, ensure_ascii=False))
        else:
            _print_summary(summary_dict)


def _scan_store(db: str, since: str | None, unit: int | None, factchecks: Path | None, policy: Path | None,
                batch_size: int, workers: int) -> dict:  # type: ignore[type-arg]
    """Scan posts in the store and write findings there (library: kiemchung.store.scanning.scan_store)."""
    try:
        from kiemchung.store import scanning
    except ModuleNotFoundError as exc:  # pragma: no cover - store extra missing
        raise InputError(f"kho dữ liệu chưa sẵn sàng ({exc})") from exc
    return scanning.scan_store_cli(db, since=since, unit=unit, factchecks=factchecks, policy=policy,
                                   batch_size=batch_size, workers=workers)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
    app.command("scan")(scan)
