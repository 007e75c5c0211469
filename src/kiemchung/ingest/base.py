"""What every importer produces, and the helpers they share.

An importer reads one platform export or feed and yields :class:`Record` objects (external id, url,
published_at, text, raw record). It reads the whole file before anything is written, and a bad file raises
``ImportFormatError`` naming the file, the record (1-based index or line) and the reason.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar, Protocol, runtime_checkable

from kiemchung.errors import ImportFormatError


@dataclass(frozen=True, slots=True)
class Record:
    """One post as an importer read it. ``raw`` is the platform's record, JSON-serializable, unchanged."""

    external_id: str | None
    text: str
    url: str | None = None
    published_at: datetime | None = None
    raw: Mapping[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text, self.published_at)


def content_hash(text: str, published_at: datetime | None) -> str:
    """sha256 of the NFC text and the UTC publication time: the same post read twice has the same hash."""
    when = published_at.astimezone(UTC).isoformat(timespec="seconds") if published_at else ""
    body = unicodedata.normalize("NFC", text).strip() + "\x1f" + when
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@runtime_checkable
class Importer(Protocol):
    """Reads one format. ``platform`` is the page platform the format implies (None: any)."""

    format: ClassVar[str]
    platform: ClassVar[str | None]

    def read(self, path: Path) -> Iterator[Record]: ...


def fail(reason: str, path: Path | str, record: int | str | None = None) -> ImportFormatError:
    return ImportFormatError(reason, file=str(path), record=record)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise fail(f"không mở được tệp ({exc.strerror or exc})", path) from exc


def read_text(path: Path) -> str:
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(f"không phải UTF-8 (not UTF-8: {exc.reason})", path, f"dòng {line}") from exc


def _no_constants(name: str) -> Any:
    raise ValueError(f"giá trị {name} không được phép trong JSON (NaN/Infinity not allowed)")


def loads(text: str) -> Any:
    """``json.loads`` that refuses NaN and Infinity (they are not JSON and PostgreSQL rejects them)."""
    return json.loads(text, parse_constant=_no_constants)


def parse_json(text: str, path: Path) -> Any:
    try:
        return loads(text)
    except ValueError as exc:
        if not isinstance(exc, json.JSONDecodeError):
            raise fail(str(exc), path) from exc
        raise fail(f"JSON không hợp lệ ở dòng {exc.lineno}, cột {exc.colno} (invalid JSON: {exc.msg})", path,
                   f"dòng {exc.lineno}") from exc


def fix_mojibake(s: str) -> str:
    """Undo Facebook's escaping of UTF-8 bytes as \\u00XX code points ("Nguyá»…n" → "Nguyễn").

    Only applied when every character fits in one byte and the bytes decode as UTF-8, so text that is
    already right is left alone."""
    if not any("\x80" <= c <= "\xff" for c in s):
        return s
    try:
        return s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


def parse_iso(value: Any, path: Path, record: int | str) -> datetime | None:
    """ISO-8601 text (``Z`` allowed) or a Unix timestamp → aware UTC datetime; '' / None → None."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise fail(f"thời điểm không hợp lệ (invalid date/time): {value!r}", path, record)
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError) as exc:
            raise fail(f"mốc thời gian không hợp lệ (invalid timestamp): {value!r}", path, record) from exc
    if not isinstance(value, str):
        raise fail(f"thời điểm không hợp lệ (invalid date/time): {value!r}", path, record)
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise fail(f"thời điểm không hợp lệ (invalid date/time): {value!r}", path, record) from exc
    return dt.astimezone(UTC) if dt.tzinfo else dt.replace(tzinfo=UTC)


class _TextExtractor(HTMLParser):
    _BLOCK: ClassVar[frozenset[str]] = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
                                             "pre"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment (feeds): tags dropped, entities decoded, blank lines collapsed."""
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    p = _TextExtractor()
    p.feed(markup)
    p.close()
    text = html.unescape("".join(p.parts))
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def jsonable(obj: Any) -> Any:
    """A JSON-serializable copy (struct_time and datetime become ISO text, bytes become UTF-8 text)."""
    import time

    if isinstance(obj, Mapping):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)) and not isinstance(obj, time.struct_time):
        return [jsonable(v) for v in obj]
    if isinstance(obj, time.struct_time):
        return datetime.fromtimestamp(calendar.timegm(obj), UTC).isoformat()
    if isinstance(obj, datetime):
        return obj.isoformat()
    if isinstance(obj, bytes):
        return obj.decode("utf-8", "replace")
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    return str(obj)
