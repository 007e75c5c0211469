"""X (Twitter) archive: ``data/tweets.js``.

The file is JavaScript: ``window.YTD.tweets.part0 = [{"tweet": {...}}, ...]``; the prefix is stripped and the
rest parsed as JSON. Text is ``full_text`` with HTML entities decoded and t.co links replaced by their
``expanded_url`` (so link checks see the real address). ``created_at`` looks like
``Wed Oct 10 20:19:24 +0000 2018``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from kiemchung.ingest.base import Record, fail, parse_json, read_text

_PREFIX = re.compile(r"^\s*window\.YTD\.[A-Za-z0-9_]+\.part\d+\s*=\s*")


def _text(tweet: dict[str, Any]) -> str:
    text = tweet.get("full_text", tweet.get("text"))
    if not isinstance(text, str):
        raise TypeError("thiếu 'full_text' (missing 'full_text')")
    for u in (tweet.get("entities") or {}).get("urls") or []:
        if isinstance(u, dict) and isinstance(u.get("url"), str) and isinstance(u.get("expanded_url"), str):
            text = text.replace(u["url"], u["expanded_url"])
    return html.unescape(text)


class XImporter:
    format: ClassVar[str] = "x"
    platform: ClassVar[str | None] = "x"

    def read(self, path: Path) -> Iterator[Record]:
        body = read_text(path)
        m = _PREFIX.match(body)
        if m is None:
            raise fail("không phải tệp tweets.js: thiếu 'window.YTD.tweets.part0 =' (not an X archive tweets.js)",
                       path)
        doc = parse_json(body[m.end():].rstrip().rstrip(";"), path)
        if not isinstance(doc, list):
            raise fail("cần một danh sách tweet (expected a list of tweets)", path)
        for i, item in enumerate(doc, 1):
            tweet = item.get("tweet", item) if isinstance(item, dict) else None
            if not isinstance(tweet, dict):
                raise fail("bản ghi phải là đối tượng JSON (record must be an object)", path, i)
            tid = tweet.get("id_str", tweet.get("id"))
            if not isinstance(tid, (str, int)) or isinstance(tid, bool) or not str(tid).isdigit():
                raise fail("thiếu 'id_str' (missing tweet id)", path, i)
            try:
                text = _text(tweet)
            except TypeError as exc:
                raise fail(str(exc), path, i) from None
            created = tweet.get("created_at")
            try:
                when = (datetime.strptime(created, "%a %b %d %H:%M:%S %z %Y").astimezone(UTC)
                        if created else None)
            except (TypeError, ValueError):
                raise fail(f"'created_at' không hợp lệ (invalid created_at): {created!r}", path, i) from None
            yield Record(external_id=str(tid), text=text, url=f"https://x.com/i/web/status/{tid}",
                         published_at=when, raw=item)
