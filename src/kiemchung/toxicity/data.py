"""Readers for the labelled toxicity datasets in their native formats (ViHSD, VLSP 2019 HSD, ViCTSD, ViHOS).

Each reader returns plain lists; ``drop_holdout`` removes the rows listed in the dataset's
``rows_in_holdout_texts.csv`` (columns ``file,row,holdouts``; ``row`` is 0-based without the header).
"""

from __future__ import annotations

import ast
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from kiemchung.errors import InputError

LABELS = ("clean", "offensive", "hate")

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: int  # 0 clean, 1 offensive, 2 hate (binary sets: 0 clean, 1 toxic)
    row: int


@dataclass(frozen=True, slots=True)
class SpanExample:
    text: str
    offsets: frozenset[int]
    row: int


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except OSError as exc:
        raise InputError(f"không đọc được tệp ({exc.strerror})", file=str(path)) from exc


def holdout_rows(path: Path) -> set[int]:
    """Rows of ``path`` listed in ``rows_in_holdout_texts.csv`` of its dataset folder (or a parent)."""
    for folder in (path.parent, path.parent.parent, path.parent.parent.parent):
        lst = folder / "rows_in_holdout_texts.csv"
        if lst.is_file():
            rel = path.relative_to(folder).as_posix()
            return {int(r["row"]) for r in _rows(lst) if r.get("file") == rel}
    return set()


def _int(value: str | None, path: Path, row: int, column: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError as exc:
        raise InputError(f"cột '{column}' không phải số nguyên: {value!r}", file=str(path), record=row) from exc


def _need(rows: list[dict[str, str]], path: Path, *cols: str) -> None:
    if rows and any(c not in rows[0] for c in cols):
        raise InputError(f"thiếu cột {', '.join(cols)} (có: {', '.join(rows[0])})", file=str(path))


def read_vihsd(path: Path) -> list[Example]:
    rows = _rows(path)
    _need(rows, path, "free_text", "label_id")
    return [Example(r["free_text"] or "", _int(r["label_id"], path, i, "label_id"), i) for i, r in enumerate(rows)]


def read_victsd(path: Path) -> list[Example]:
    rows = _rows(path)
    _need(rows, path, "Comment", "Toxicity")
    return [Example(r["Comment"] or "", _int(r["Toxicity"], path, i, "Toxicity"), i) for i, r in enumerate(rows)]


def read_vlsp2019(path: Path) -> list[Example]:
    """``path`` is ``02_train_text.csv`` (labels joined from ``03_train_label.csv`` beside it), or a single CSV
    with ``free_text`` and ``label_id`` columns."""
    rows = _rows(path)
    if rows and "label_id" in rows[0]:
        return read_vihsd(path)
    _need(rows, path, "id", "free_text")
    lab_path = path.with_name(path.name.replace("02_train_text", "03_train_label"))
    if lab_path == path or not lab_path.is_file():
        lab_path = path.parent / "03_train_label.csv"
    labels = {r["id"]: r["label_id"] for r in _rows(lab_path)}
    out = []
    for i, r in enumerate(rows):
        if r["id"] not in labels:
            raise InputError(f"không có nhãn cho id {r['id']!r}", file=str(path), record=i)
        out.append(Example(r["free_text"] or "", _int(labels[r["id"]], lab_path, i, "label_id"), i))
    return out


def read_vihos(path: Path) -> list[SpanExample]:
    rows = _rows(path)
    _need(rows, path, "content", "index_spans")
    out = []
    for i, r in enumerate(rows):
        try:
            offs = ast.literal_eval(r["index_spans"] or "[]")
        except (ValueError, SyntaxError) as exc:
            raise InputError(f"index_spans không hợp lệ: {r['index_spans']!r}", file=str(path), record=i) from exc
        out.append(SpanExample(r["content"] or "", frozenset(int(x) for x in offs), i))
    return out


READERS = {"vihsd": read_vihsd, "victsd": read_victsd, "vlsp2019": read_vlsp2019}


def drop_holdout(path: Path, rows: list[Example] | list[SpanExample]) -> list:  # type: ignore[type-arg]
    bad = holdout_rows(path)
    return [r for r in rows if r.row not in bad]
