"""Read fact-checks from ClaimReview JSON-LD, a Google Fact Check Tools ``claims:search`` response, or JSONL.

``load_factchecks(path)`` is the one entry point (the CLI and the store call it); it reads the whole file, validates
every record and either returns all of them or raises :class:`~kiemchung.errors.InputError` naming the file, the
record and the reason — never a partial list.

Formats:

* JSONL (DESIGN §5): ``{"id", "claim", "rating", "url", "date"}`` per line, plus optional ``publisher``,
  ``verdict``, ``claimant``, ``language``.
* ClaimReview JSON-LD (schema.org): one object, a list of objects, or ``{"@graph": [...]}``; fields
  ``claimReviewed``, ``reviewRating.alternateName`` / ``ratingValue`` (+ ``bestRating``/``worstRating``),
  ``itemReviewed.author.name``, ``datePublished``, ``url``, ``author``/``publisher.name``, ``inLanguage``.
* Google Fact Check Tools ``claims:search``: ``{"claims": [{"text", "claimant", "claimDate",
  "claimReview": [{"publisher": {"name", "site"}, "url", "title", "reviewDate", "textualRating",
  "languageCode"}]}]}``; one fact-check per review.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from kiemchung.claims.model import FactCheck
from kiemchung.claims.ratings import normalize_rating
from kiemchung.errors import InputError
from kiemchung.io import parse_jsonl

__all__ = ["load_factchecks", "factchecks_from_records", "parse_claimreview", "parse_google", "detect_format"]


def _nfc(s: Any) -> str:
    return unicodedata.normalize("NFC", s).strip() if isinstance(s, str) else ""


def _make_id(*parts: str) -> str:
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"fc-{h}"


def _date(s: Any) -> str:
    t = _nfc(s)
    return t[:10] if len(t) >= 10 and t[4] == "-" else t


def _name(x: Any) -> str:
    """``"X"``, ``{"name": "X"}`` or a list of either → "X" (first one)."""
    if isinstance(x, list):
        x = x[0] if x else None
    if isinstance(x, Mapping):
        return _nfc(x.get("name") or x.get("alternateName") or x.get("url"))
    return _nfc(x)


def _is_claimreview(obj: Mapping[str, Any]) -> bool:
    t = obj.get("@type")
    types = t if isinstance(t, list) else [t]
    return any(isinstance(x, str) and x.rsplit("/", 1)[-1] == "ClaimReview" for x in types)


def parse_claimreview(obj: Mapping[str, Any]) -> FactCheck:
    """One schema.org ClaimReview object → FactCheck. Raises ``ValueError`` with the reason."""
    claim = _nfc(obj.get("claimReviewed"))
    if not claim:
        raise ValueError("thiếu 'claimReviewed' (missing claimReviewed)")
    rr = obj.get("reviewRating")
    if isinstance(rr, list):
        rr = rr[0] if rr else None
    if not isinstance(rr, Mapping):
        raise ValueError("thiếu 'reviewRating' (missing reviewRating)")
    rating = _nfc(rr.get("alternateName")) or _nfc(rr.get("name"))
    value = rr.get("ratingValue")
    verdict = normalize_rating(rating, value, rr.get("bestRating"), rr.get("worstRating"))
    if not rating:
        if value in (None, ""):
            raise ValueError("reviewRating thiếu 'alternateName' và 'ratingValue' (no rating)")
        rating = str(value)
    url = _nfc(obj.get("url"))
    item = obj.get("itemReviewed")
    claimant = ""
    if isinstance(item, Mapping):
        claimant = _name(item.get("author"))
    publisher = _name(obj.get("publisher")) or _name(obj.get("author"))
    ident = _nfc(obj.get("identifier")) or _nfc(obj.get("@id")) or url or _make_id(claim, rating)
    return FactCheck(
        id=ident,
        claim=claim,
        rating=rating,
        url=url,
        date=_date(obj.get("datePublished")),
        publisher=publisher,
        verdict=verdict,
        claimant=claimant,
        language=_name(obj.get("inLanguage")),
    )


def _claimreview_objects(data: Any) -> list[Any]:
    if isinstance(data, Mapping) and "@graph" in data:
        graph = data["@graph"]
        if not isinstance(graph, list):
            raise InputError("'@graph' phải là một danh sách ('@graph' must be a list)")
        return [o for o in graph if not isinstance(o, Mapping) or _is_claimreview(o) or "claimReviewed" in o]
    if isinstance(data, list):
        return list(data)
    return [data]


def parse_google(data: Mapping[str, Any]) -> list[tuple[int, FactCheck | ValueError]]:
    """A ``claims:search`` response → (record number, FactCheck or the error) for each claim review."""
    claims = data.get("claims")
    if not isinstance(claims, list):
        return [(1, ValueError("'claims' phải là một danh sách ('claims' must be a list)"))]
    out: list[tuple[int, FactCheck | ValueError]] = []
    for i, c in enumerate(claims, 1):
        if not isinstance(c, Mapping):
            out.append((i, ValueError("mỗi claim phải là một đối tượng (each claim must be an object)")))
            continue
        text = _nfc(c.get("text"))
        reviews = c.get("claimReview")
        if not text:
            out.append((i, ValueError("thiếu 'text' (missing text)")))
            continue
        if not isinstance(reviews, list) or not reviews:
            out.append((i, ValueError("thiếu 'claimReview' (missing claimReview)")))
            continue
        for r in reviews:
            if not isinstance(r, Mapping):
                out.append((i, ValueError("claimReview phải là đối tượng (claimReview must be an object)")))
                continue
            rating = _nfc(r.get("textualRating"))
            if not rating:
                out.append((i, ValueError("thiếu 'textualRating' (missing textualRating)")))
                continue
            url = _nfc(r.get("url"))
            pub = r.get("publisher")
            publisher = ""
            if isinstance(pub, Mapping):
                publisher = _nfc(pub.get("name")) or _nfc(pub.get("site"))
            out.append(
                (
                    i,
                    FactCheck(
                        id=url or _make_id(text, rating, publisher),
                        claim=text,
                        rating=rating,
                        url=url,
                        date=_date(r.get("reviewDate") or c.get("claimDate")),
                        publisher=publisher,
                        verdict=normalize_rating(rating),
                        claimant=_nfc(c.get("claimant")),
                        language=_nfc(r.get("languageCode")),
                    ),
                )
            )
    return out


def detect_format(path: Path, head: str) -> str:
    """``jsonl``, ``google`` or ``claimreview`` from the file name and its first characters."""
    if path.suffix.lower() == ".jsonl":
        return "jsonl"
    stripped = head.lstrip()
    if stripped.startswith("{"):
        first_line = stripped.split("\n", 1)[0].strip()
        try:
            obj = json.loads(first_line)
        except json.JSONDecodeError:
            obj = None
        if isinstance(obj, Mapping) and "claim" in obj and "claimReviewed" not in obj:
            return "jsonl"
        if '"claims"' in head[:4096] and '"claimReviewed"' not in head[:4096]:
            return "google"
    return "claimreview"


def _dedupe(items: Iterable[FactCheck]) -> list[FactCheck]:
    """Keep one fact-check per id (the last one read wins), in first-seen order."""
    by_id: dict[str, FactCheck] = {}
    for fc in items:
        by_id[fc.id] = fc
    return list(by_id.values())


def load_factchecks(path: Path | str, fmt: str | None = None) -> list[FactCheck]:
    """Read and validate every fact-check in ``path`` (JSONL, ClaimReview JSON-LD or Google API JSON).

    ``fmt`` forces ``jsonl`` | ``claimreview`` | ``google``; by default it is detected. Duplicate ids keep the
    last record. Raises :class:`InputError` (file, record, reason) on the first bad record; returns nothing partial.
    """
    p = Path(path)
    name = str(p)
    try:
        raw = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("không tìm thấy tệp (file not found)", file=name) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"tệp không phải UTF-8 (not UTF-8): {exc.reason}", file=name) from None
    except OSError as exc:
        raise InputError(f"không đọc được tệp: {exc.strerror}", file=name) from None
    raw = raw.lstrip("\ufeff")
    fmt = fmt or detect_format(p, raw[:8192])
    if fmt == "jsonl":
        return _load_jsonl(raw, name)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"JSON không hợp lệ ở dòng {exc.lineno}, cột {exc.colno}: {exc.msg}", file=name) from None
    if fmt == "google":
        if not isinstance(data, Mapping):
            raise InputError("phản hồi Google phải là một đối tượng có 'claims'", file=name)
        out = []
        for rec, item in parse_google(data):
            if isinstance(item, ValueError):
                raise InputError(str(item), file=name, record=rec)
            out.append(item)
        return _dedupe(out)
    if fmt != "claimreview":
        raise InputError(f"định dạng không hỗ trợ: {fmt!r} (jsonl, claimreview, google)", file=name)
    objs = _claimreview_objects(data)
    out = []
    for i, obj in enumerate(objs, 1):
        if not isinstance(obj, Mapping):
            raise InputError("mỗi bản ghi phải là một đối tượng JSON", file=name, record=i)
        try:
            out.append(parse_claimreview(obj))
        except ValueError as exc:
            raise InputError(str(exc), file=name, record=i) from None
    return _dedupe(out)


def _load_jsonl(raw: str, name: str) -> list[FactCheck]:
    out = []
    for lineno, obj in parse_jsonl(raw.splitlines(), name):
        if not isinstance(obj, Mapping):
            raise InputError("mỗi dòng phải là một đối tượng JSON", file=name, record=lineno)
        try:
            out.append(FactCheck.from_dict(_nfc_values(obj)))
        except ValueError as exc:
            raise InputError(str(exc), file=name, record=lineno) from None
    return _dedupe(out)


def _nfc_values(obj: Mapping[str, Any]) -> dict[str, Any]:
    return {k: unicodedata.normalize("NFC", v) if isinstance(v, str) else v for k, v in obj.items()}


def factchecks_from_records(records: Sequence[Any], *, source: str = "<records>") -> list[FactCheck]:
    """Fact-checks from already loaded records: :class:`FactCheck` objects or DESIGN §5 dicts (e.g. DB rows)."""
    out = []
    for i, rec in enumerate(records, 1):
        if isinstance(rec, FactCheck):
            out.append(rec)
            continue
        if not isinstance(rec, Mapping):
            raise InputError("bản ghi phải là FactCheck hoặc dict", file=source, record=i)
        try:
            out.append(FactCheck.from_dict(_nfc_values(rec)))
        except ValueError as exc:
            raise InputError(str(exc), file=source, record=i) from None
    return _dedupe(out)
