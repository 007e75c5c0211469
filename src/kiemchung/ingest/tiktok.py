"""TikTok data export, JSON format (``user_data_tiktok.json`` / ``user_data.json``).

The member's own videos are read from ``Video.Videos.VideoList`` (older exports) or ``Post.Posts.VideoList``
(newer ones); each item looks like::

    {"Date": "2026-10-01 08:30:00", "Link": "https://www.tiktokv.com/share/video/7301234567890123456/",
     "Likes": "12", "Title": "Chia sẻ về ..."}

The caption comes from ``Title``, ``Desc``, ``Description`` or ``Caption`` (whichever is present); the video id
(digits after ``/video/``) is the external id; ``Date`` is UTC. Comments the member wrote on other people's
videos are not imported: they are not posts of the declared page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from kiemchung.ingest.base import Record, fail, parse_json, read_text

_VIDEO_ID = re.compile(r"/video/(\d+)")
_TEXT_KEYS = ("Title", "Desc", "Description", "Caption")


def _video_list(doc: Any, path: Path) -> list[Any]:
    if not isinstance(doc, dict):
        raise fail("không phải tệp dữ liệu TikTok: cần một đối tượng JSON (expected a TikTok export object)", path)
    for outer, inner in (("Video", "Videos"), ("Post", "Posts")):
        section = doc.get(outer)
        if isinstance(section, dict) and isinstance(section.get(inner), dict):
            videos = section[inner].get("VideoList")
            if videos is None:
                return []
            if not isinstance(videos, list):
                raise fail(f"'{outer}.{inner}.VideoList' phải là danh sách (must be a list)", path)
            return videos
    raise fail("không tìm thấy danh sách video (no Video.Videos.VideoList or Post.Posts.VideoList)", path)


class TikTokImporter:
    format: ClassVar[str] = "tiktok"
    platform: ClassVar[str | None] = "tiktok"

    def read(self, path: Path) -> Iterator[Record]:
        for i, item in enumerate(_video_list(parse_json(read_text(path), path), path), 1):
            if not isinstance(item, dict):
                raise fail("bản ghi phải là đối tượng JSON (record must be an object)", path, i)
            link = item.get("Link")
            if not isinstance(link, str) or not link:
                raise fail("thiếu 'Link' (missing video link)", path, i)
            date = item.get("Date")
            try:
                when = datetime.strptime(date, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC) if date else None
            except (TypeError, ValueError):
                raise fail(f"'Date' không hợp lệ (invalid Date): {date!r}", path, i) from None
            text = next((item[k] for k in _TEXT_KEYS if isinstance(item.get(k), str)), "")
            m = _VIDEO_ID.search(link)
            yield Record(external_id=m.group(1) if m else link, text=text, url=link, published_at=when, raw=item)
