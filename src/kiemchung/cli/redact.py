"""``kiemchung redact [TEXT | -] [--mode mask|label|hash] [--salt S] [--json]``: a thin shell over ``kiemchung.redact``."""

from __future__ import annotations

import json
import os
from typing import Annotated

import typer

from kiemchung.cli._common import cli_errors, read_text_arg

SALT_ENV = "KIEMCHUNG_REDACT_SALT"


def redact_cmd(
    text: Annotated[
        str | None, typer.Argument(help="Văn bản cần che; '-' hoặc bỏ trống để đọc từ stdin.")
    ] = None,
    mode: Annotated[
        str,
        typer.Option(
            "--mode", help="mask: thay bằng *; label: nhãn như [SỐ ĐIỆN THOẠI]; hash: bí danh nhất quán."
        ),
    ] = "mask",
    salt: Annotated[
        str | None,
        typer.Option(
            "--salt",
            help=f"Khóa bí mật cho chế độ hash (mặc định: biến môi trường {SALT_ENV}, nếu không thì ngẫu nhiên).",
        ),
    ] = None,
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help="Chỉ che các loại này (phone, cccd, email, …); lặp lại được."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="In kết quả dạng JSON (văn bản và các vị trí đã thay).")
    ] = False,
) -> None:
    """Che dữ liệu cá nhân trong văn bản (mask personal data): số điện thoại, CCCD, email, số tài khoản…"""
    from kiemchung.redact import redact

    with cli_errors():
        source = read_text_arg(text)
        result = redact(
            source, mode, salt=salt if salt is not None else os.environ.get(SALT_ENV), labels=only
        )
        if as_json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            typer.echo(result.text, nl=not result.text.endswith("\n"))


def register(app: typer.Typer) -> None:
    app.command("redact")(redact_cmd)
