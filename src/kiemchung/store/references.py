"""Reference material: published fact-checks and source documents for quote checks."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from kiemchung.errors import InputError
from kiemchung.store._base import (
    NotFoundError,
    _Repository,
    parse_when,
)
from kiemchung.store.authz import require
from kiemchung.store.schema import (
    FactCheck,
    SourceDocument,
)

# ---------------------------------------------------------------------------------------------- references


def _factcheck_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(f"ngày kiểm chứng không hợp lệ (invalid fact-check date): {value!r}") from exc


class FactCheckRepository(_Repository):
    """Published fact-checks; :meth:`all_dicts` gives DESIGN §5 dicts for the claims detector."""

    def add_many(self, items: Iterable[Mapping[str, Any] | Any]) -> int:
        """Insert or update fact-checks by ``id``; returns how many were written. Needs an administrator.

        Items are DESIGN §5 dicts or objects with ``to_dict()`` (``kiemchung.claims.model.FactCheck``)."""
        counts = self.merge(items)
        return counts["added"] + counts["updated"] + counts["unchanged"]

    def merge(self, items: Iterable[Mapping[str, Any] | Any]) -> dict[str, int]:
        """Like :meth:`add_many`, returning ``{"added", "updated", "unchanged", "total"}``."""
        require(self.actor, "factchecks.write")
        added = updated = unchanged = 0
        for i, item in enumerate(items):
            it = item if isinstance(item, Mapping) else item.to_dict()
            fid, claim = it.get("id"), it.get("claim")
            if not fid or not isinstance(claim, str) or not claim.strip():
                raise InputError("kiểm chứng cần 'id' và 'claim' (fact-check needs id and claim)", record=i + 1)
            row = self.session.get(FactCheck, str(fid))
            values = {"claim": claim, "rating": str(it.get("rating") or ""), "url": str(it.get("url") or ""),
                      "date": _factcheck_date(it.get("date")), "publisher": str(it.get("publisher") or "")}
            if row is None:
                self.session.add(FactCheck(id=str(fid), **values))
                self.session.flush()
                added += 1
            elif all(getattr(row, k) == v for k, v in values.items()):
                unchanged += 1
            else:
                for k, v in values.items():
                    setattr(row, k, v)
                updated += 1
        self.session.flush()
        if added or updated:
            self._audit("factchecks.import", "factcheck", "", {"added": added, "updated": updated})
        return {"added": added, "updated": updated, "unchanged": unchanged, "total": self.count()}

    def get(self, factcheck_id: str) -> FactCheck:
        row = self.session.get(FactCheck, factcheck_id)
        if row is None:
            raise NotFoundError(f"không tìm thấy kiểm chứng (fact-check not found): {factcheck_id}")
        return row

    def count(self) -> int:
        return int(self.session.execute(select(func.count()).select_from(FactCheck)).scalar_one())

    def all_dicts(self) -> list[dict[str, Any]]:
        """Every fact-check as ``{"id","claim","rating","url","date","publisher"}`` ordered by id."""
        return [r.to_dict() for r in self.session.execute(select(FactCheck).order_by(FactCheck.id)).scalars()]


class SourceDocumentRepository(_Repository):
    """Source texts for quote checks, keyed by a stable ``key``."""

    def add(self, key: str, text: str, *, speaker: str = "", title: str = "", url: str | None = None,
            published_at: str | datetime | None = None) -> SourceDocument:
        require(self.actor, "factchecks.write")
        row = self.session.execute(select(SourceDocument).where(SourceDocument.key == key)).scalar_one_or_none()
        if row is None:
            row = SourceDocument(key=key, text=text, speaker=speaker, title=title, url=url,
                                 published_at=parse_when(published_at))
            self.session.add(row)
        else:
            row.text, row.speaker, row.title, row.url = text, speaker, title, url
            row.published_at = parse_when(published_at)
        self.session.flush()
        self._audit("source.add", "source_document", row.id, {"key": key, "speaker": speaker})
        return row

    def get(self, key: str) -> SourceDocument:
        row = self.session.execute(select(SourceDocument).where(SourceDocument.key == key)).scalar_one_or_none()
        if row is None:
            raise NotFoundError(f"không tìm thấy văn bản nguồn (source not found): {key}")
        return row

    def list(self) -> list[SourceDocument]:
        return list(self.session.execute(select(SourceDocument).order_by(SourceDocument.id)).scalars())

    def as_sources(self, keys: Sequence[str] | None = None) -> builtins.list[Any]:
        """``kiemchung.types.Source`` objects for the analyzer (all, or the given keys)."""
        from kiemchung.types import Source

        rows = self.list() if keys is None else [self.get(k) for k in keys]
        return [Source(id=r.key, text=r.text, speaker=r.speaker) for r in rows]


