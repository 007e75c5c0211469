"""Archive an export or feed into the store: :func:`import_file`.

The whole file is read and validated first, so a malformed file raises ``ImportFormatError`` before anything
is written. Then, in the caller's single transaction, the page is created if missing, one ``ImportBatch`` row
and the new posts are inserted in bulk, and an audit event is appended. A record with a platform id is a
duplicate when the page already has a post with that id; a record without one (Facebook DYI) is a duplicate
when the page has a post with the same content hash (NFC text + time). Re-importing a file imports nothing new. If the process dies mid-import, the uncommitted transaction leaves no partial batch.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from kiemchung.errors import InputError
from kiemchung.ingest.base import Importer, Record
from kiemchung.store import audit
from kiemchung.store.authz import SYSTEM, Actor, check_page
from kiemchung.store.repositories import PageRepository
from kiemchung.store.schema import ImportBatch, Post, utcnow

CHUNK = 2000


def importers() -> dict[str, Importer]:
    """Format name → importer. ``rss`` and ``atom`` are aliases of ``feed``."""
    from kiemchung.ingest.csv import CsvImporter
    from kiemchung.ingest.facebook import FacebookImporter
    from kiemchung.ingest.feeds import FeedImporter
    from kiemchung.ingest.jsonl import JsonlImporter
    from kiemchung.ingest.tiktok import TikTokImporter
    from kiemchung.ingest.x import XImporter
    from kiemchung.ingest.youtube import YouTubeImporter

    table: dict[str, Importer] = {}
    for cls in (FacebookImporter, XImporter, TikTokImporter, YouTubeImporter, FeedImporter, JsonlImporter,
                CsvImporter):
        table[cls.format] = cls()
    table["rss"] = table["atom"] = table["feed"]
    table["twitter"] = table["x"]
    return table


FORMATS = ("facebook", "x", "tiktok", "youtube", "feed", "rss", "atom", "jsonl", "csv")


def get_importer(fmt: str) -> Importer:
    table = importers()
    try:
        return table[fmt.lower()]
    except KeyError:
        raise InputError(f"định dạng không hỗ trợ (unknown format) {fmt!r}; chọn một trong: "
                         f"{', '.join(FORMATS)}") from None


def read_records(fmt: str, path: str | Path) -> list[Record]:
    """Every record of the file, validated (raises ImportFormatError; writes nothing).

    Raw records are JSON-native by construction (parsed JSON without NaN/Infinity, CSV strings, or feed entries
    passed through ``jsonable``), so they are stored without a second validation pass."""
    return list(get_importer(fmt).read(Path(path)))


@dataclass(frozen=True, slots=True)
class ImportResult:
    imported: int
    duplicates: int
    batch: int
    page: int
    page_created: bool

    def to_dict(self) -> dict[str, int]:
        """The CLI contract: ``{"imported", "duplicates", "batch"}``."""
        return {"imported": self.imported, "duplicates": self.duplicates, "batch": self.batch}


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


_COLUMNS = ("page_id", "batch_id", "external_id", "url", "published_at", "text", "raw", "content_hash", "imported_at")


def _bulk_insert(session: Session, rows: list[dict[str, Any]],
                 progress: Callable[[int, int], None] | None) -> None:
    """Insert posts in chunks, in the session's transaction: COPY on PostgreSQL, executemany elsewhere."""
    conn = session.connection()
    total = len(rows)
    if conn.dialect.name == "postgresql":
        dbapi = conn.connection.driver_connection
        cols = ", ".join(_COLUMNS)
        with dbapi.cursor() as cur:  # type: ignore[union-attr]
            for start in range(0, total, CHUNK):
                with cur.copy(f"COPY posts ({cols}) FROM STDIN") as copy:
                    for r in rows[start:start + CHUNK]:
                        copy.write_row([json.dumps(r[c], ensure_ascii=False) if c == "raw" else r[c]
                                        for c in _COLUMNS])
                if progress is not None:
                    progress(min(start + CHUNK, total), total)
        return
    table = cast(Table, Post.__table__)
    for start in range(0, total, CHUNK):
        session.execute(insert(table), rows[start:start + CHUNK])
        if progress is not None:
            progress(min(start + CHUNK, total), total)


def import_file(session: Session, fmt: str, path: str | Path, page_url: str, *, actor: Actor = SYSTEM,
                platform: str | None = None, handle: str | None = None,
                progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Import ``path`` (format ``fmt``) into the page at ``page_url`` inside the caller's transaction.

    ``progress(done, total)`` is called after each inserted chunk. The caller commits (or rolls back);
    nothing is written when the file is malformed.
    """
    p = Path(path)
    importer = get_importer(fmt)
    records = read_records(fmt, p)
    pages = PageRepository(session, actor)
    page, created = pages.ensure(page_url, platform=platform or importer.platform, handle=handle)
    check_page(session, actor, "posts.import", page)

    seen_ids: set[str] = set()
    seen_hashes: set[str] = set()
    for ext, h in session.execute(select(Post.external_id, Post.content_hash).where(Post.page_id == page.id)):
        if ext is not None:
            seen_ids.add(ext)
        seen_hashes.add(h)

    batch = ImportBatch(page_id=page.id, format=fmt.lower(), source_name=p.name, file_sha256=_sha256_file(p),
                        actor=actor.name, started_at=utcnow())
    session.add(batch)
    session.flush()
    now = utcnow()
    rows: list[dict[str, Any]] = []
    duplicates = 0
    for r in records:
        h = r.content_hash
        if (r.external_id in seen_ids) if r.external_id is not None else (h in seen_hashes):
            duplicates += 1
            continue
        seen_hashes.add(h)
        if r.external_id is not None:
            seen_ids.add(r.external_id)
        rows.append({"page_id": page.id, "batch_id": batch.id, "external_id": r.external_id, "url": r.url,
                     "published_at": r.published_at, "text": r.text, "raw": r.raw, "content_hash": h,
                     "imported_at": now})
    _bulk_insert(session, rows, progress)
    batch.imported, batch.duplicates, batch.finished_at = len(rows), duplicates, utcnow()
    session.flush()
    audit.append(session, actor.name, "import", "import_batch", batch.id,
                 {"page_id": page.id, "format": batch.format, "file": p.name, "sha256": batch.file_sha256,
                  "imported": len(rows), "duplicates": duplicates})
    return ImportResult(imported=len(rows), duplicates=duplicates, batch=batch.id, page=page.id,
                        page_created=created)
