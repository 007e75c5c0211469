"""``kiemchung eval TASK PATH…`` and ``kiemchung train TASK DATA… --out DIR``.

Each task lives in ``kiemchung.evaluation.<task>`` (function ``evaluate``) and, when it has a model,
``kiemchung.models.<task>_train`` (function ``train``).
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from kiemchung.cli._common import cli_errors, console
from kiemchung.errors import InputError

EVAL_TASKS = ("toxicity", "spans", "unreliable", "scam", "pii", "claims", "quotes", "normalize")
TRAIN_TASKS = ("toxicity", "unreliable", "scam", "normalize")


def _load(module: str, attr: str, task: str, kind: str) -> Any:
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            raise InputError(f"chưa hỗ trợ {kind} cho tác vụ '{task}' (no {kind} for task {task!r})") from exc
        raise
    return getattr(mod, attr)


def eval_cmd(
    task: Annotated[str, typer.Argument(help="Tác vụ: " + ", ".join(EVAL_TASKS))],
    paths: Annotated[list[Path], typer.Argument(help="Tệp dữ liệu có nhãn.")],
    fmt: Annotated[Optional[str], typer.Option("--format", help="Định dạng dữ liệu (vihsd, victsd, vlsp2019, vihos, reintel, ie403, vilexnorm, jsonl).")] = None,
    factchecks: Annotated[Optional[Path], typer.Option(help="Tệp kiểm chứng (cho tác vụ claims).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")] = False,
) -> None:
    """Đánh giá một bộ phát hiện trên dữ liệu có nhãn (score a detector on a labelled set)."""
    with cli_errors():
        if task not in EVAL_TASKS:
            raise InputError(f"tác vụ không hợp lệ '{task}'; chọn một trong {', '.join(EVAL_TASKS)}")
        evaluate = _load(f"kiemchung.evaluation.{task}", "evaluate", task, "eval")
        result = evaluate(paths, fmt=fmt, factchecks=factchecks)
        if as_json:
            typer.echo(json.dumps(result, ensure_ascii=False))
        else:
            for k, v in result.items():
                console.print(f"{k}: {v}", highlight=False)


def train_cmd(
    task: Annotated[str, typer.Argument(help="Tác vụ: " + ", ".join(TRAIN_TASKS))],
    data: Annotated[Optional[list[Path]], typer.Argument(help="Thư mục/tệp dữ liệu (mặc định: ../shared/data).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Thư mục ghi mô hình.")] = Path("build/models"),
    as_json: Annotated[bool, typer.Option("--json", help="In số đo dạng JSON.")] = False,
) -> None:
    """Huấn luyện lại một mô hình đi kèm (rebuild a shipped model) và in số đo trên tập dev."""
    with cli_errors():
        if task not in TRAIN_TASKS:
            raise InputError(f"tác vụ không hợp lệ '{task}'; chọn một trong {', '.join(TRAIN_TASKS)}")
        train = _load(f"kiemchung.models.{task}_train", "train", task, "train")
        result = train(list(data or []), out)
        if as_json:
            typer.echo(json.dumps(result, ensure_ascii=False))
        else:
            for k, v in result.items():
                console.print(f"{k}: {v}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_cmd)
    app.command("train")(train_cmd)
