"""Helpers shared by CLI modules: errors become one clear line and a non-zero exit."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

import typer
from rich.console import Console

from kiemchung.errors import KiemChungError

err_console = Console(stderr=True)
console = Console()

T = TypeVar("T")


@contextmanager
def cli_errors() -> Iterator[None]:
    """Turn KiemChungError into ``Lỗi: <message>`` on stderr and exit code 2."""
    try:
        yield
    except KiemChungError as exc:
        typer.echo(f"Lỗi: {exc}", err=True)  # plain, never wrapped: scripts grep it
        raise typer.Exit(2) from None


def read_text_arg(text: str | None) -> str:
    """TEXT, or stdin when TEXT is '-' or omitted."""
    if text is None or text == "-":
        return sys.stdin.read()
    return text
