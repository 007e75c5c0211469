"""Importers for platform exports and feeds (DESIGN §7), and :func:`import_file` to archive them.

Formats: ``facebook`` (DYI JSON), ``x`` (archive ``data/tweets.js``), ``tiktok`` (data export JSON),
``youtube`` (Takeout ``comments.csv`` or the same records as JSON), ``feed`` / ``rss`` / ``atom``,
``jsonl`` and ``csv`` (generic). Each yields :class:`~kiemchung.ingest.base.Record` objects.
"""

from __future__ import annotations

from typing import Any

from kiemchung.ingest.base import Importer, Record, content_hash, fix_mojibake

__all__ = ["FORMATS", "ImportResult", "Importer", "Record", "content_hash", "fix_mojibake", "get_importer",
           "import_file", "read_records"]


def __getattr__(name: str) -> Any:  # the archive part needs SQLAlchemy; keep plain reading light
    if name in ("FORMATS", "ImportResult", "get_importer", "import_file", "read_records", "importers"):
        from kiemchung.ingest import archive

        return getattr(archive, name)
    raise AttributeError(name)
