"""Normalize a fact-checker's textual rating ("Sai sự thật", "Mostly false", "Gây hiểu nhầm"…) to a verdict.

Verdicts: ``false`` | ``partly_false`` | ``misleading`` | ``true`` | ``unknown``. Matching is done on the lower-case,
diacritic-free form so "SAI SU THAT" and "Sai sự thật" agree. Order matters: the more specific phrases are tried
first ("một phần sai" before "sai", "mostly false" before "false", "not true" before "true").
"""

from __future__ import annotations

import re
import unicodedata

from kiemchung.claims.text import strip_diacritics

# (verdict, phrases) tried in order; phrases are diacritic-free, lower-case, matched on word boundaries.
_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("misleading", (
        "gay hieu nham", "gay hieu lam", "de gay hieu nham", "sai lech", "danh trao khai niem", "cat ghep",
        "thieu boi canh", "thieu ngu canh", "xuyen tac", "misleading", "missing context", "lacks context",
        "out of context", "cherry picked", "exaggerated", "phong dai", "thoi phong", "distorted", "spin",
    )),
    ("partly_false", (
        "mot phan sai", "sai mot phan", "phan lon sai", "gan nhu sai", "nua dung nua sai", "chua hoan toan chinh xac",
        "khong hoan toan dung", "chua chinh xac hoan toan", "dung mot phan", "mot phan dung", "partly false",
        "partially false", "mostly false", "half true", "half-true", "partly true", "partially true", "mixture",
        "mixed", "part false", "largely false", "inaccurate",
    )),
    ("false", (
        "sai su that", "hoan toan sai", "chua chinh xac", "khong co that", "khong phai su that", "tin gia",
        "tin don sai", "sai", "khong dung", "khong dung su that",
        "khong chinh xac", "bia dat", "gia mao", "lua dao", "vo can cu", "khong co can cu", "bịa",
        "false", "fake", "hoax", "pants on fire", "incorrect", "not true", "untrue", "wrong", "fabricated",
        "scam", "baseless", "no evidence", "unproven", "unsupported", "doctored", "altered",
    )),
    ("true", (
        "dung su that", "chinh xac", "dung", "co that", "that", "xac thuc", "true", "correct", "accurate",
        "mostly true", "verified", "confirmed",
    )),
)

_COMPILED = tuple(
    (verdict, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(strip_diacritics(p)) for p in phrases) + r")(?!\w)"))
    for verdict, phrases in _RULES
)


def _key(s: str) -> str:
    s = unicodedata.normalize("NFC", s).lower().replace("_", " ")
    return re.sub(r"\s+", " ", strip_diacritics(s)).strip()


def normalize_rating(
    rating: str | None,
    rating_value: float | str | None = None,
    best: float | str | None = None,
    worst: float | str | None = None,
) -> str:
    """The verdict a textual rating (or, failing that, a numeric ``ratingValue`` on a worst..best scale) means.

    >>> normalize_rating("Sai sự thật"), normalize_rating("Mostly false"), normalize_rating("Gây hiểu nhầm")
    ('false', 'partly_false', 'misleading')
    """
    if rating:
        key = _key(rating)
        for verdict, rx in _COMPILED:
            if rx.search(key):
                return verdict
    return _from_value(rating_value, best, worst)


def _from_value(value: float | str | None, best: float | str | None, worst: float | str | None) -> str:
    try:
        v = float(value) if value is not None and value != "" else None
        hi = float(best) if best is not None and best != "" else 5.0
        lo = float(worst) if worst is not None and worst != "" else 1.0
    except (TypeError, ValueError):
        return "unknown"
    if v is None or hi <= lo:
        return "unknown"
    frac = (v - lo) / (hi - lo)
    if frac <= 0.0:
        return "false"
    if frac < 0.5:
        return "partly_false"
    if frac < 0.75:
        return "misleading"
    return "true"
