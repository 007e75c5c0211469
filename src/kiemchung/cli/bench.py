"""``kiemchung bench``: throughput and memory of each detector and the whole pipeline, beside peers."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from kiemchung.cli._common import cli_errors


def bench(
    posts: Annotated[int, typer.Option(min=100, help="Số bài tổng hợp.")] = 20_000,
    factchecks: Annotated[int, typer.Option(min=0, help="Số kiểm chứng nạp vào chỉ mục.")] = 10_000,
    seconds: Annotated[float, typer.Option(min=0.1, help="Thời gian đo tối thiểu mỗi dòng.")] = 1.0,
    workers: Annotated[int, typer.Option(min=1, help="Số tiến trình cho phép đo cả đường ống.")] = 2,
    peers: Annotated[bool, typer.Option("--peers/--no-peers", help="Đo cả các công cụ đối chứng.")] = True,
    memory: Annotated[bool, typer.Option("--memory/--no-memory", help="Đo bộ nhớ đỉnh trong tiến trình con.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")] = False,
) -> None:
    """Đo tốc độ (bài/giây) và bộ nhớ của từng bộ phát hiện và cả đường ống, so với công cụ đối chứng."""
    from kiemchung.pipeline.bench import format_table, run_bench

    with cli_errors():
        result = run_bench(posts, factchecks, seconds, peers=peers, memory=memory, workers=workers)
        typer.echo(json.dumps(result, ensure_ascii=False) if as_json else format_table(result))


def register(app: typer.Typer) -> None:
    app.command("bench")(bench)
