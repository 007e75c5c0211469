"""``kiemchung factchecks import PATH`` and ``kiemchung factchecks list``: the fact-check store.

Without ``--db`` the store is a normalized JSONL file (default: the user data dir's ``factchecks.jsonl``, or
``--out``); with ``--db URL`` the records go to the database through ``kiemchung.store.factchecks``.
A malformed file fails with file, record and reason, and nothing is imported.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from kiemchung.claims.loaders import load_factchecks
from kiemchung.claims.store import default_store_path, import_into_store, read_store
from kiemchung.cli._common import cli_errors, console
from kiemchung.errors import InputError

group = typer.Typer(
    name="factchecks",
    help="Kho kiểm chứng: nhập (ClaimReview JSON-LD, Google Fact Check Tools, JSONL) và liệt kê.",
    no_args_is_help=True,
)


def _import_db(url: str, fcs: list[Any]) -> dict[str, Any]:
    try:
        mod = importlib.import_module("kiemchung.store.factchecks")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("kiemchung.store"):
            raise InputError("chưa hỗ trợ nhập kiểm chứng vào cơ sở dữ liệu (--db)") from exc
        raise
    result: dict[str, Any] = mod.import_factchecks(url, fcs)
    return result


@group.command("import")
def import_cmd(
    path: Annotated[Path, typer.Argument(help="Tệp kiểm chứng: .jsonl, ClaimReview JSON-LD hoặc JSON của Google.")],
    out: Annotated[Optional[Path], typer.Option("--out", help="Tệp kho JSONL (mặc định: thư mục dữ liệu người dùng).")] = None,
    db: Annotated[Optional[str], typer.Option("--db", help="URL cơ sở dữ liệu (SQLite/PostgreSQL) thay cho tệp kho.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")] = False,
) -> None:
    """Nhập kiểm chứng; nhập lại cùng tệp không tạo bản trùng (import fact-checks, idempotent)."""
    with cli_errors():
        fcs = load_factchecks(path)
        if db:
            result = _import_db(db, fcs)
        else:
            result = import_into_store(fcs, out or default_store_path())
        result = {"read": len(fcs), **result}
        if as_json:
            typer.echo(json.dumps(result, ensure_ascii=False))
        else:
            console.print(
                f"Đã đọc {result['read']} kiểm chứng: thêm {result.get('added', 0)}, cập nhật {result.get('updated', 0)}, "
                f"không đổi {result.get('unchanged', 0)}; kho có {result.get('total', '?')} ({result.get('store', db)}).",
                highlight=False,
            )


@group.command("list")
def list_cmd(
    store: Annotated[Optional[Path], typer.Option("--store", help="Tệp kho JSONL (mặc định: thư mục dữ liệu người dùng).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="In JSONL.")] = False,
) -> None:
    """Liệt kê kiểm chứng trong kho (list the fact-check store)."""
    with cli_errors():
        fcs = read_store(store or default_store_path())
        for fc in fcs:
            if as_json:
                typer.echo(json.dumps(fc.to_dict(), ensure_ascii=False))
            else:
                console.print(f"{fc.id}\t{fc.verdict}\t{fc.rating}\t{fc.claim}", highlight=False, markup=False)
        if not as_json:
            console.print(f"{len(fcs)} kiểm chứng.", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="factchecks")
