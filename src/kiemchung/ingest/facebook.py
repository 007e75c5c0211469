"""Facebook "Download Your Information" (DYI) posts, JSON format (``your_posts_1.json``).

The file is a list of posts (or an object holding such a list, e.g. ``{"status_updates_v2": [...]}``)::

    [{"timestamp": 1700000000,
      "data": [{"post": "Xin chÃ\\u00a0o"}, {"update_timestamp": 1700000100}],
      "attachments": [{"data": [{"external_context": {"url": "https://example.vn/a"}}]}],
      "title": "Nguyá»\\u0085n VÄ\\u0083n A updated his status."}]

Facebook writes UTF-8 bytes as ``\\u00XX`` escapes; the text is repaired with :func:`fix_mojibake` (the raw
record is kept as exported). DYI gives no post id, so posts are deduplicated by content hash (text + time).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from kiemchung.ingest.base import Record, fail, fix_mojibake, parse_iso, parse_json, read_text


def _posts_list(doc: Any, path: Path) -> list[Any]:
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        lists = [v for v in doc.values() if isinstance(v, list)]
        if len(lists) == 1:
            return lists[0]
    raise fail("không phải tệp bài đăng Facebook DYI: cần một danh sách bài (expected a list of posts)", path)


class FacebookImporter:
    format: ClassVar[str] = "facebook"
    platform: ClassVar[str | None] = "facebook"

    def read(self, path: Path) -> Iterator[Record]:
        posts = _posts_list(parse_json(read_text(path), path), path)
        for i, item in enumerate(posts, 1):
            if not isinstance(item, dict):
                raise fail("bản ghi phải là đối tượng JSON (record must be an object)", path, i)
            ts = item.get("timestamp")
            if not isinstance(ts, int) or isinstance(ts, bool):
                raise fail("thiếu 'timestamp' kiểu số nguyên (missing integer 'timestamp')", path, i)
            data = item.get("data", [])
            if not isinstance(data, list):
                raise fail("'data' phải là danh sách (field 'data' must be a list)", path, i)
            texts = [d["post"] for d in data if isinstance(d, dict) and isinstance(d.get("post"), str)]
            url = None
            for att in item.get("attachments") or []:
                for d in (att.get("data") or []) if isinstance(att, dict) else []:
                    ctx = d.get("external_context") if isinstance(d, dict) else None
                    if isinstance(ctx, dict) and isinstance(ctx.get("url"), str):
                        url = ctx["url"]
                        break
                if url:
                    break
            yield Record(
                external_id=None,
                text=fix_mojibake("\n".join(texts)),
                url=url,
                published_at=parse_iso(ts, path, i),
                raw=item,
            )
