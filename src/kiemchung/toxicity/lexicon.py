"""A small hand-written lexicon of Vietnamese offensive and hateful words, used as evidence in findings.

Written for this project (not copied from any list). A hit is evidence, never a label by itself: many words
are offensive only in context ("chó", "ngu", "má"), which is why scores come from the model.
Entries are NFC, lower case, with diacritics; ``ASCII_FORMS`` are abbreviations that are unambiguous even
without diacritics and are matched on the diacritic-free key.
"""

from __future__ import annotations

import re

from kiemchung.text.normalize import strip_diacritics

CATEGORY_VI = {
    "vulgar": "thô tục",
    "insult": "xúc phạm",
    "regional": "kỳ thị vùng miền",
    "gender": "kỳ thị giới, xu hướng tính dục",
    "dehumanizing": "hạ thấp nhân phẩm",
    "violence": "kích động bạo lực",
}

_ENTRIES: dict[str, tuple[str, ...]] = {
    "vulgar": (
        "địt", "đụ", "đéo", "đếch", "cặc", "buồi", "lồn", "đĩ", "đĩ điếm", "con đĩ", "vãi lồn", "vãi",
        "đm", "đmm", "đcm", "đkm", "dm", "dmm", "dcm", "dkm", "vcl", "vkl", "vl", "clm", "cmm", "cc", "vđ", "đệch",
        "mẹ mày", "cha mày", "bố mày", "con mẹ mày", "đồ chó", "chó má", "mả mẹ", "cái lồn", "cái con cặc",
    ),
    "insult": (
        "ngu", "ngu si", "ngu học", "óc chó", "não tôm", "thiểu năng", "đần", "đần độn", "khùng", "điên",
        "mất dạy", "vô học", "láo", "láo toét", "khốn nạn", "thằng khốn", "đồ khốn", "súc vật", "rác rưởi",
        "thằng điên", "con điên", "đồ ngu", "thằng ngu", "con ngu", "hãm", "hãm lồn", "sủa", "câm mồm", "im mồm",
        "mặt dày", "trơ trẽn", "bố láo", "mặt lồn", "đểu", "đồ đểu", "thằng chó", "con chó cái", "lũ chó",
        "bọn chó", "óc lợn", "đồ lợn", "ăn hại", "ăn bám",
    ),
    "regional": (
        "bắc kỳ", "nam kỳ", "parky", "bake", "bắc kỳ chó", "nam kỳ lục tỉnh", "ba que", "3 que", "thanh hoá chó",
        "dân nghệ", "mọi rợ",
    ),
    "gender": ("bê đê", "bóng lộ", "pê đê", "xăng pha nhớt", "đàn bà ngu", "con mụ"),
    "dehumanizing": ("súc sinh", "cầm thú", "loài vật", "đồ súc sinh", "bọn mọi", "lũ mọi", "khỉ đột", "mắt híp"),
    "violence": ("giết hết", "chết đi", "đáng chết", "đi chết đi", "xử bắn", "treo cổ", "đập chết", "chém chết"),
}

# Abbreviations safe to match without diacritics (no ordinary word has these keys).
ASCII_FORMS = frozenset({"dm", "dmm", "dcm", "dkm", "vcl", "vkl", "clm", "cmm", "dit", "lon", "cac", "buoi"})
_AMBIGUOUS_KEYS = frozenset({"lon", "cac", "dit", "buoi"})  # lớn, các, đít, buổi: only with the exact diacritics


def _build() -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str]]:
    exact: dict[tuple[str, ...], str] = {}
    keyed: dict[tuple[str, ...], str] = {}
    for cat, words in _ENTRIES.items():
        for w in words:
            toks = tuple(w.split())
            exact.setdefault(toks, cat)
            k = tuple(strip_diacritics(w).split())
            if len(k) == 1 and k[0] in ASCII_FORMS and k[0] not in _AMBIGUOUS_KEYS:
                keyed.setdefault(k, cat)
    return exact, keyed


_EXACT, _KEYED = _build()
_MAX_LEN = max(len(k) for k in _EXACT)
# the first word of every entry: a word that starts none (nearly every word) is passed over without a lookup
_FIRST_EXACT = frozenset(k[0] for k in _EXACT)
_FIRST_KEYED = frozenset(k[0] for k in _KEYED)
_WORD_RE = re.compile(r"\w+")


def entries() -> dict[str, tuple[str, ...]]:
    """The lexicon by category (a copy)."""
    return dict(_ENTRIES)


# Hits of a span, by its normalized text and key (offsets from the span's start): the toxicity detector asks
# for the same few offending phrases again and again. Cleared when full.
_CACHE: dict[tuple[str, str], list[tuple[int, int, str, str]]] = {}
_CACHE_SIZE = 4096


def lexicon_hits(normalized: str, key: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, matched words, category) of lexicon entries in ``normalized[start:end]`` (normalized offsets).

    ``key`` is the diacritic-free form of ``normalized`` (same length).
    """
    n = len(normalized)
    stop = n if end is None else end
    if not 0 <= start <= stop <= n:  # the regex's pos/endpos and slicing disagree outside the text
        return _hits(normalized, key, start, end)
    text = normalized[start:stop]
    ck = (text, key[start:stop])
    rel = _CACHE.get(ck)
    if rel is None:
        rel = _hits(text, ck[1], 0, None)  # ``\w+`` does not look outside the span: same words, shifted
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        _CACHE[ck] = rel
    if not start:
        return list(rel)
    return [(s + start, e + start, w, c) for s, e, w, c in rel]


def _hits(normalized: str, key: str, start: int, end: int | None) -> list[tuple[int, int, str, str]]:
    spans = [(m.start(), m.end()) for m in _WORD_RE.finditer(normalized, start, len(normalized) if end is None else end)]
    words = [normalized[s:e] for s, e in spans]
    keys = [key[s:e] for s, e in spans]
    out = []
    i = 0
    while i < len(words):
        if words[i] not in _FIRST_EXACT and keys[i] not in _FIRST_KEYED:
            i += 1
            continue
        hit = None
        for n in range(min(_MAX_LEN, len(words) - i), 0, -1):
            cat = _EXACT.get(tuple(words[i : i + n])) or _KEYED.get(tuple(keys[i : i + n]))
            if cat:
                hit = (spans[i][0], spans[i + n - 1][1], " ".join(words[i : i + n]), cat)
                i += n
                break
        if hit:
            out.append(hit)
        else:
            i += 1
    return out
