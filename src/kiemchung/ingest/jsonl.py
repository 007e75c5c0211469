"""Generic JSONL: one post a line, DESIGN §5 ``{"id", "text", "url"?, "published_at"?, ...}``.

Only ``text`` is required; ``id`` (string or integer) is the external id. Other keys are kept in the raw record.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from kiemchung.ingest.base import Record, fail, loads, parse_iso, read_text


class JsonlImporter:
    format: ClassVar[str] = "jsonl"
    platform: ClassVar[str | None] = None

    def read(self, path: Path) -> Iterator[Record]:
        for lineno, line in enumerate(read_text(path).split("\n"), 1):  # not splitlines(): U+2028 is text
            if not line.strip():
                continue
            where = f"dòng {lineno}"
            try:
                obj = loads(line)
            except json.JSONDecodeError as exc:
                raise fail(f"JSON không hợp lệ (invalid JSON: {exc.msg})", path, where) from exc
            except ValueError as exc:
                raise fail(str(exc), path, where) from exc
            if not isinstance(obj, dict):
                raise fail("bản ghi phải là đối tượng JSON (record must be an object)", path, where)
            yield record_from_mapping(obj, path, where)


def record_from_mapping(obj: dict[str, object], path: Path, where: str) -> Record:
    text = obj.get("text")
    if not isinstance(text, str):
        raise fail("thiếu trường 'text' kiểu chuỗi (missing string field 'text')", path, where)
    pid = obj.get("id")
    if pid is not None and (isinstance(pid, bool) or not isinstance(pid, (str, int))):
        raise fail("trường 'id' phải là chuỗi (field 'id' must be a string)", path, where)
    url = obj.get("url")
    if url is not None and not isinstance(url, str):
        raise fail("trường 'url' phải là chuỗi (field 'url' must be a string)", path, where)
    return Record(external_id=None if pid in (None, "") else str(pid), text=text, url=url or None,
                  published_at=parse_iso(obj.get("published_at"), path, where), raw=obj)
