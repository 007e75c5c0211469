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


_STORE_HELP = "Tệp kho JSONL (mặc định: thư mục dữ liệu người dùng)."
_PATH_HELP = "Tệp kiểm chứng: .jsonl, ClaimReview JSON-LD hoặc JSON của Google."
_DB_HELP = "URL cơ sở dữ liệu (SQLite/PostgreSQL) thay cho tệp kho."


@group.command("import")
def import_cmd(
    path: Annotated[Path, typer.Argument(help=_PATH_HELP)],
    out: Annotated[Optional[Path], typer.Option("--out", help=_STORE_HELP)] = None,
    db: Annotated[Optional[str], typer.Option("--db", help=_DB_HELP)] = None,
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
            r = result
            console.print(
                f"Đã đọc {r['read']} kiểm chứng: thêm {r.get('added', 0)}, cập nhật {r.get('updated', 0)}, "
                f"không đổi {r.get('unchanged', 0)}; kho có {r.get('total', '?')} ({r.get('store', db)}).",
                highlight=False,
            )


@group.command("list")
def list_cmd(
    store: Annotated[Optional[Path], typer.Option("--store", help=_STORE_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="In JSONL.")] = False,
) -> None:
    """Liệt kê kiểm chứng trong kho (list the fact-check store)."""
    with cli_errors():
        fcs = read_store(store or default_store_path())
        for fc in fcs:
            if as_json:
                typer.echo(json.dumps(fc.to_dict(), ensure_ascii=False))
            else:
                typer.echo(f"{fc.id}\t{fc.verdict}\t{fc.rating}\t{fc.claim}")
        if not as_json:
            console.print(f"{len(fcs)} kiểm chứng.", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="factchecks")
