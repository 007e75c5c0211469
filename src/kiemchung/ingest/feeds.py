"""RSS 2.0 and Atom feeds of personal blogs and sites, read with feedparser.

Each entry becomes a post: title and content (HTML converted to plain text), the entry id (or link) as external
id, ``published`` (or ``updated``) as time. A feed that is not well-formed XML, or is not RSS/Atom at all, is
refused (feedparser alone would read it "loosely" and might drop entries silently).
"""

from __future__ import annotations

import calendar
import xml.sax
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from kiemchung.ingest.base import Record, fail, html_to_text, jsonable, read_bytes


def _entry_text(entry: Any) -> str:
    title = html_to_text(entry.get("title", "") or "")
    body = ""
    content = entry.get("content") or []
    if content and isinstance(content[0], dict):
        body = content[0].get("value", "") or ""
    if not body:
        body = entry.get("summary", "") or ""
    body = html_to_text(body)
    return "\n\n".join(p for p in (title, body) if p)


class FeedImporter:
    format: ClassVar[str] = "feed"
    platform: ClassVar[str | None] = "blog"

    def read(self, path: Path) -> Iterator[Record]:
        import feedparser

        data = read_bytes(path)
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
        exc = parsed.get("bozo_exception")
        if isinstance(exc, xml.sax.SAXException):
            line = exc.getLineNumber() if isinstance(exc, xml.sax.SAXParseException) else None
            raise fail(f"XML không hợp lệ (malformed feed: {exc.getMessage()})", path,
                       f"dòng {line}" if line else None)
        if not parsed.get("version"):
            raise fail("không phải nguồn RSS/Atom (not an RSS or Atom feed)", path)
        for i, entry in enumerate(parsed.entries, 1):
            eid = entry.get("id") or entry.get("link")
            if not eid:
                raise fail("mục thiếu 'id'/'guid' và 'link' (entry has no id or link)", path, i)
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            when = datetime.fromtimestamp(calendar.timegm(stamp), UTC) if stamp else None
            yield Record(external_id=str(eid), text=_entry_text(entry), url=entry.get("link"), published_at=when,
                         raw=jsonable(dict(entry)))
