"""Reading and writing posts (DESIGN §5): every bad record is named by file, line and reason."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kiemchung.errors import InputError
from kiemchung.types import Document, sources_from

_META_KEYS = ("page", "url", "published_at", "likes", "comments", "shares", "unit")


def post_to_document(obj: Any, *, file: str, line: int) -> Document:
    """Validate one post object ``{"id", "text", ...}`` and build a Document."""
    if not isinstance(obj, dict):
        raise InputError("bản ghi phải là một đối tượng JSON (expected a JSON object)", file=file, record=line)
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError("thiếu trường 'text' kiểu chuỗi (missing string field 'text')", file=file, record=line)
    pid = obj.get("id")
    if pid is not None and not isinstance(pid, (str, int)):
        raise InputError("trường 'id' phải là chuỗi (field 'id' must be a string)", file=file, record=line)
    for k in ("likes", "comments", "shares"):
        v = obj.get(k)
        if v is not None and (not isinstance(v, (int, float)) or isinstance(v, bool) or v < 0):
            raise InputError(f"trường '{k}' phải là số không âm (field '{k}' must be a non-negative number)",
                             file=file, record=line)
    try:
        sources = sources_from(obj.get("sources"))
    except ValueError as exc:
        raise InputError(f"trường 'sources' không hợp lệ: {exc}", file=file, record=line) from exc
    meta = {k: obj[k] for k in _META_KEYS if obj.get(k) is not None}
    return Document(text=text, id=None if pid is None else str(pid), sources=sources, meta=meta)


def _decode(raw: str, name: str, lineno: int) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"JSON không hợp lệ: {exc.msg} (cột {exc.colno})", file=name, record=lineno) from exc


def parse_jsonl(lines: Iterable[str], name: str) -> Iterator[tuple[int, Any]]:
    """Yield ``(line_number, value)`` for each non-blank line; bad JSON raises InputError naming file and line."""
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        yield lineno, _decode(raw, name, lineno)


def iter_jsonl_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, raw line)`` for each non-blank line of a UTF-8 file, streaming, not parsed.

    An unreadable file or a non-UTF-8 line raises InputError naming the file (and line)."""
    name = str(path)
    try:
        fh = Path(path).open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"không mở được tệp ({exc.strerror})", file=name) from exc
    with fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline()
            except UnicodeDecodeError as exc:
                raise InputError(f"không phải UTF-8 ({exc.reason})", file=name, record=lineno + 1) from exc
            if not raw:
                return
            lineno += 1
            if raw.strip():
                yield lineno, raw


def iter_jsonl(path: str | Path) -> Iterator[tuple[int, Any]]:
    """Yield ``(line_number, value)`` from a UTF-8 JSONL file, streaming; every reader of labelled or post files
    uses this, so an unreadable file, a non-UTF-8 line or bad JSON is reported the same way (file, line, reason)."""
    name = str(path)
    for lineno, raw in iter_jsonl_lines(path):
        yield lineno, _decode(raw, name, lineno)


def parse_post_line(raw: str, *, file: str, line: int) -> Document:
    """One JSONL line of a posts file → Document (the same checks and errors as :func:`read_posts_jsonl`)."""
    return post_to_document(_decode(raw, file, line), file=file, line=line)


def read_posts_jsonl(path: str | Path) -> Iterator[tuple[int, Document]]:
    """Yield ``(line_number, Document)`` from a JSONL file of posts; blank lines are skipped."""
    name = str(path)
    for lineno, obj in iter_jsonl(path):
        yield lineno, post_to_document(obj, file=name, line=lineno)


def _csv_value(key: str, value: str) -> Any:
    if key in ("likes", "comments", "shares"):
        if value.strip() == "":
            return None
        try:
            return int(float(value))
        except ValueError:
            return value  # rejected by post_to_document with a clear reason
    if key == "sources":
        return json.loads(value) if value.strip() else None
    return value if value != "" else None


def read_posts_csv(path: str | Path) -> Iterator[tuple[int, Document]]:
    """Yield ``(line_number, Document)`` from a CSV with a header (id, text, optional page, url, published_at,
    likes, comments, shares, sources as JSON). Line numbers count the header as line 1."""
    import csv

    p = Path(path)
    name = str(p)
    try:
        fh = p.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"không mở được tệp ({exc.strerror})", file=name) from exc
    with fh:
        try:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None or "text" not in reader.fieldnames:
                raise InputError("thiếu cột 'text' trong dòng tiêu đề (missing 'text' column)", file=name, record=1)
            for row in reader:
                line = reader.line_num
                if None in row:
                    raise InputError("số cột nhiều hơn tiêu đề (more fields than the header)", file=name, record=line)
                try:
                    obj = {k: _csv_value(k, v if v is not None else "") for k, v in row.items()}
                except json.JSONDecodeError as exc:
                    raise InputError(f"cột 'sources' không phải JSON: {exc.msg}", file=name, record=line) from exc
                if obj.get("text") is None:
                    obj["text"] = ""
                yield line, post_to_document(obj, file=name, line=line)
        except UnicodeDecodeError as exc:
            raise InputError(f"không phải UTF-8 ({exc.reason})", file=name) from exc
        except csv.Error as exc:
            raise InputError(f"CSV không hợp lệ: {exc}", file=name) from exc


def read_posts(path: str | Path) -> Iterator[tuple[int, Document]]:
    """Posts from a ``.csv`` file or JSONL (any other extension)."""
    if str(path).lower().endswith(".csv"):
        return read_posts_csv(path)
    return read_posts_jsonl(path)


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
