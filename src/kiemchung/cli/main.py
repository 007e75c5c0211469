"""The ``kiemchung`` command: a thin shell over the library. One module per command group."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="kiemchung",
    help="Kiểm Chứng — kiểm tra nội dung tiếng Việt: độc hại, tin sai, lừa đảo, dữ liệu cá nhân, trích dẫn.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module exposes ``register(app: typer.Typer) -> None``.
COMMAND_MODULES = (
    "kiemchung.cli.analyze",  # check, scan
    "kiemchung.cli.evaluate",  # eval, train
    "kiemchung.cli.redact",  # redact
    "kiemchung.cli.factchecks",  # factchecks import|list
    "kiemchung.cli.bench",  # bench
    "kiemchung.cli.store",  # db, units, members, pages, import, audit, report
    "kiemchung.cli.serve",  # serve
)

for _mod in COMMAND_MODULES:
    try:
        module = importlib.import_module(_mod)
    except ModuleNotFoundError as exc:  # a command group not built yet
        if exc.name != _mod:
            raise
        continue
    module.register(app)


def main() -> None:  # pragma: no cover - console entry
    app()
