"""Text helpers for claim matching: match keys, syllables, character n-grams, numbers, negation, sentences.

Everything works on :class:`~kiemchung.types.NormalizedText` so that spans map back to the original text.
The match key is the diacritic-free ``key`` with a few chat spellings folded ("ko" → "khong", "dc" → "duoc").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiemchung.text.normalize import normalize
from kiemchung.types import NormalizedText

_WORD = re.compile(r"\w+")

# Chat spellings → the diacritic-free word (applied to key syllables, both on fact-checks and on posts).
TEENCODE: dict[str, str] = {
    "ko": "khong", "k": "khong", "kg": "khong", "kh": "khong", "khg": "khong", "hok": "khong", "hk": "khong",
    "hong": "khong", "hem": "khong", "khum": "khong", "hum": "khong", "kp": "khong phai",
    "dc": "duoc", "dk": "duoc", "đc": "duoc", "ng": "nguoi", "nguoj": "nguoi", "vs": "voi", "j": "gi", "ji": "gi",
    "ntn": "nhu the nao", "bn": "bao nhieu", "bnhiu": "bao nhieu", "nhiu": "nhieu", "mn": "moi nguoi",
    "tr": "trieu", "trd": "trieu", "ty": "ty", "ti": "ty", "tỉ": "ty", "r": "roi", "ròi": "roi", "oy": "roi",
    "uong": "uong", "wa": "qua", "qa": "qua", "zui": "vui", "z": "vay", "v": "vay", "vk": "vo", "ck": "chong",
    "bt": "biet", "bik": "biet", "bjk": "biet", "thik": "thich", "ms": "moi", "nc": "nuoc", "ntn": "nhu the nao",
    "cx": "cung", "cg": "cung", "lun": "luon", "nha": "nha", "h": "gio", "bh": "bao gio", "bây": "bay",
    "tp": "thanh pho", "hn": "ha noi", "hcm": "ho chi minh", "sg": "sai gon", "vn": "viet nam", "bs": "bac si",
    "bv": "benh vien", "cp": "chinh phu", "nn": "nha nuoc", "ubnd": "uy ban nhan dan", "bhxh": "bao hiem xa hoi",
    "bhyt": "bao hiem y te", "cccd": "can cuoc cong dan", "xe may": "xe may", "trieu": "trieu", "nghin": "nghin",
    "ngan": "nghin", "k0": "khong", "0k": "khong", "chx": "chua", "chua": "chua", "chg": "chang", "hem": "khong",
    "ui": "oi", "bjo": "bao gio", "jo": "gio", "thui": "thoi", "hjx": "", "nè": "ne", "ak": "a", "ah": "a",
}

# Negators on the diacritic-free key; "chang"/"cha" only count when the text has no diacritics (else "chẳng"/"chả").
NEGATORS = frozenset({"khong", "chua", "chang", "cha", "dung", "deo", "chac"})
_NEG_DIACRITIC = frozenset({"không", "chưa", "chẳng", "chả", "đừng", "đéo", "chẳg", "hông", "hổng"})
# "không khí" (air), "không chỉ" (not only) … are not negations of the claim.
_NEG_FIXED_NEXT = frozenset({
    "khi", "gian", "quan", "phan", "luu", "day", "chi", "nhung", "it", "sao", "ngung", "the", "trung", "lau", "bao",
    "ai", "biet", "ro", "hiem", "cong", "ngo", "hay", "tac",
})
_NEG_FIXED_PREV = frozenset({"so", "con", "hay", "or", "tu"})  # "số không", "hay không" (question), "từ không"


@dataclass(frozen=True, slots=True)
class Syllable:
    """A key syllable (after chat folding) with its span in the normalized text."""

    text: str
    start: int
    end: int
    raw: str  # the normalized (with diacritics) form


def syllables(norm: NormalizedText, start: int = 0, end: int | None = None) -> list[Syllable]:
    """Key syllables of ``norm.key[start:end]``, chat spellings folded (one chat word may give two syllables)."""
    key = norm.key
    end = len(key) if end is None else end
    out: list[Syllable] = []
    for m in _WORD.finditer(key, start, end):
        w = m.group()
        if w.isdigit():
            out.append(Syllable(w, m.start(), m.end(), w))
            continue
        rep = TEENCODE.get(w)
        raw = norm.normalized[m.start() : m.end()]
        if rep is None:
            out.append(Syllable(w, m.start(), m.end(), raw))
        elif rep:
            for part in rep.split():
                out.append(Syllable(part, m.start(), m.end(), raw if part == rep else part))
    return out


def match_text(text: str) -> str:
    """The folded key of a text as one space-joined string (what character n-grams are taken from)."""
    norm = normalize(text)
    return " ".join(s.text for s in syllables(norm))


def char_ngrams(folded: str, n: int = 3) -> set[str]:
    """Character n-grams of each word padded with spaces (within words only, so word order does not matter)."""
    out: set[str] = set()
    for w in folded.split():
        p = f" {w} "
        if len(p) <= n:
            out.add(p)
        else:
            out.update(p[i : i + n] for i in range(len(p) - n + 1))
    return out


_UNITS = {
    "trieu": "e6", "tr": "e6", "trd": "e6", "ty": "e9", "ti": "e9", "nghin": "e3", "ngan": "e3", "k": "e3",
    "ngàn": "e3", "phan tram": "%", "%": "%", "usd": "usd", "do": "deg", "nam": "yr", "tuoi": "age",
    "ngay": "day", "thang": "month", "lan": "x", "km": "km", "m": "m", "kg": "kg", "ca": "case", "nguoi": "person",
}
_NUM = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)*)\s*(%|phan tram|trieu|trd|tr|ty|ti|nghin|ngan|k|usd|do|tuoi|km|kg|m|lan|ca|nguoi)?(?!\w)"
)
_NUM_WORDS = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
}


def _num_value(s: str) -> str:
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", s):
        return str(int(re.sub(r"[.,]", "", s)))
    s = s.replace(",", ".")
    try:
        v = float(s)
    except ValueError:
        return s
    return str(int(v)) if v == int(v) else repr(v)


def numbers(folded: str) -> set[str]:
    """Numbers in a folded key with their scale unit: "74 trieu" → {"74e6"}, "1,5 ty" → {"1.5e9"}."""
    out: set[str] = set()
    for m in _NUM.finditer(folded):
        val = _num_value(m.group(1))
        unit = _UNITS.get(m.group(2) or "", "")
        if unit in ("e3", "e6", "e9", "%"):
            out.add(val + unit)
        else:
            out.add(val)
    return out


def numbers_conflict(claim_nums: set[str], sent_nums: set[str]) -> bool:
    """True when both sides state numbers and they disagree ("74 triệu" vs "47 triệu").

    A claim number missing from the sentence only counts when the sentence states some number the claim does not
    (a post that drops the number is not a conflict; one that changes it is).
    """
    if not claim_nums or not sent_nums:
        return False
    missing = claim_nums - sent_nums
    extra = sent_nums - claim_nums
    return bool(missing) and bool(extra)


def negators(sylls: list[Syllable]) -> list[tuple[str, bool]]:
    """Negation words in a span as ``(word, ambiguous)``: không/chưa/chẳng/chả/đừng, "ko"/"k"/"hok" (folded).

    ``ambiguous`` marks a diacritic-free "chua"/"chang" that could be "chữa"/"chùa"/"chàng": the matcher resolves
    it against the claim. "không khí", "không chỉ", "số không", a trailing "…không?"/"…chưa?" are not negations.
    """
    out: list[tuple[str, bool]] = []
    for i, s in enumerate(sylls):
        w = s.text
        if w not in NEGATORS:
            continue
        raw = s.raw
        has_marks = any(ord(c) > 127 for c in raw)
        if has_marks:
            if raw not in _NEG_DIACRITIC:
                continue  # "chữa", "chùa", "chàng", "dũng", "chắc" …
            ambiguous = False
        else:
            if w in ("cha", "dung", "chac", "deo"):
                continue  # too ambiguous without diacritics
            ambiguous = w in ("chua", "chang") and raw == w
        nxt = sylls[i + 1].text if i + 1 < len(sylls) else ""
        prv = sylls[i - 1].text if i > 0 else ""
        if w == "khong" and (nxt in _NEG_FIXED_NEXT or prv in _NEG_FIXED_PREV or not nxt):
            continue
        if w == "chua" and (not nxt or nxt in ("ai", "biet", "ro")):
            continue  # trailing "…chưa?" is a question
        out.append((w, ambiguous))
    return out


def negation_parity(found: list[tuple[str, bool]], claim_words: set[str] | None = None,
                    claim_negators: set[str] | None = None) -> int:
    """0 or 1: the parity of negations, resolving ambiguous words against the claim when it is given.

    An ambiguous "chua" counts as a negation unless the claim uses the same syllable as a non-negation
    ("chữa khỏi" in the claim, "chua khoi" in the post).
    """
    n = 0
    for w, amb in found:
        if amb and claim_words is not None and w in claim_words and w not in (claim_negators or set()):
            continue
        n += 1
    return n % 2


_SENT_END = re.compile(r"[.!?…;]+[\"'”»)]*\s+|\n+|\s+-\s+|:\s+")


def sentences(norm: NormalizedText) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)`` over the normalized text, whitespace-trimmed, in order."""
    s = norm.normalized
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(s):
        out.append((pos, m.start() + (len(m.group().rstrip()) if m.group()[0] in ".!?…;" else 0)))
        pos = m.end()
    out.append((pos, len(s)))
    trimmed = []
    for a, b in out:
        while a < b and s[a].isspace():
            a += 1
        while b > a and s[b - 1].isspace():
            b -= 1
        if b > a and _WORD.search(s, a, b):
            trimmed.append((a, b))
    return trimmed
