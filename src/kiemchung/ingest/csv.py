"""Generic CSV (UTF-8, optional BOM, comma-separated, with a header): columns ``text`` (required), ``id``,
``url``, ``published_at`` (ISO-8601); other columns are kept in the raw record."""

from __future__ import annotations

import csv as _csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from kiemchung.ingest.base import Record, fail, read_text
from kiemchung.ingest.jsonl import record_from_mapping


class CsvImporter:
    format: ClassVar[str] = "csv"
    platform: ClassVar[str | None] = None

    def read(self, path: Path) -> Iterator[Record]:
        _csv.field_size_limit(16 * 1024 * 1024)
        reader = _csv.DictReader(io.StringIO(read_text(path), newline=""), strict=True)
        try:
            if "text" not in (reader.fieldnames or []):
                raise fail("thiếu cột 'text' trong dòng tiêu đề (header has no 'text' column)", path, "dòng 1")
            rows = []
            for row in reader:
                if None in row or any(v is None for v in row.values()):
                    raise fail("số cột không khớp tiêu đề (wrong number of fields)", path, f"dòng {reader.line_num}")
                rows.append((reader.line_num, row))
        except _csv.Error as exc:
            raise fail(f"CSV không hợp lệ ({exc})", path, f"dòng {reader.line_num}") from exc
        for line, row in rows:
            yield record_from_mapping(dict(row), path, f"dòng {line}")
