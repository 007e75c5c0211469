"""YouTube Takeout comments (``YouTube and YouTube Music/comments/comments.csv``).

Chosen format: the CSV that Takeout writes today, one comment a row, with the header::

    Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Post ID,Video ID,Comment Text

``Comment Text`` holds JSON fragments such as ``{"text":"Hay quá "},{"text":"@kenh","link":{...}}``; their
``text`` parts are joined. A plain string is taken as is. The same records are accepted as a JSON file
(``.json``: a list of objects with those keys), which is handy for tools that convert Takeout. The comment id
is the external id; the URL is ``https://www.youtube.com/watch?v=<Video ID>&lc=<Comment ID>``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar

from kiemchung.ingest.base import Record, fail, parse_iso, parse_json, read_text

ID_COL = "Comment ID"
TIME_COLS = ("Comment Create Timestamp", "Comment create timestamp")
TEXT_COLS = ("Comment Text", "Comment text")


def comment_text(value: str) -> str:
    """Join the ``text`` parts of Takeout's JSON fragments; plain text is returned unchanged."""
    s = value.strip()
    if not s.startswith("{"):
        return value
    try:
        parts = json.loads("[" + s + "]")
    except json.JSONDecodeError:
        return value
    if not all(isinstance(p, dict) for p in parts):
        return value
    return "".join(str(p.get("text", "")) for p in parts)


def _pick(row: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    for n in names:
        if n in row:
            return row[n]
    return None


class YouTubeImporter:
    format: ClassVar[str] = "youtube"
    platform: ClassVar[str | None] = "youtube"

    def read(self, path: Path) -> Iterator[Record]:
        body = read_text(path)
        rows: list[Any]
        if path.suffix.lower() == ".json" or body.lstrip().startswith("["):
            doc = parse_json(body, path)
            if not isinstance(doc, list):
                raise fail("cần một danh sách bình luận (expected a list of comments)", path)
            rows, first = doc, 1
        else:
            reader = csv.DictReader(io.StringIO(body, newline=""), strict=True)
            try:
                header = reader.fieldnames or []
                if ID_COL not in header or not any(c in header for c in TEXT_COLS):
                    raise fail(f"thiếu cột '{ID_COL}' hoặc 'Comment Text' (not a Takeout comments.csv)", path,
                               "dòng 1")
                rows = []
                for row in reader:
                    if None in row or any(v is None for v in row.values()):
                        raise fail("số cột không khớp tiêu đề (wrong number of fields)", path,
                                   f"dòng {reader.line_num}")
                    rows.append(row)
            except csv.Error as exc:
                raise fail(f"CSV không hợp lệ ({exc})", path, f"dòng {reader.line_num}") from exc
            first = 2
        for i, row in enumerate(rows, first):
            where = f"dòng {i}" if first == 2 else i
            if not isinstance(row, dict):
                raise fail("bản ghi phải là đối tượng JSON (record must be an object)", path, where)
            cid, text = row.get(ID_COL), _pick(row, TEXT_COLS)
            if not isinstance(cid, str) or not cid:
                raise fail(f"thiếu '{ID_COL}' (missing comment id)", path, where)
            if not isinstance(text, str):
                raise fail("thiếu 'Comment Text' (missing comment text)", path, where)
            vid = row.get("Video ID") or ""
            url = f"https://www.youtube.com/watch?v={vid}&lc={cid}" if vid else None
            yield Record(external_id=cid, text=comment_text(text), url=url,
                         published_at=parse_iso(_pick(row, TIME_COLS), path, where), raw=row)
