"""Text helpers for claim matching: match keys, syllables, character n-grams, numbers, negation, sentences.

Everything works on :class:`~kiemchung.types.NormalizedText` so that spans map back to the original text.
The match key is the diacritic-free ``key`` with a few chat spellings folded ("ko" → "khong", "dc" → "duoc").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass


from kiemchung.text.literal import ZERO_WIDTH, literal_view
from kiemchung.types import NormalizedText

_VI_LOWER = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_STRIP = str.maketrans(_VI_LOWER, "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd")


def strip_diacritics(s: str) -> str:
    """Diacritic-free form of lower-case NFC text, same length (đ → d)."""
    return s.translate(_STRIP)


_ZERO_WIDTH = ZERO_WIDTH

_WORD = re.compile(r"\w+")

# Chat spellings → the diacritic-free word (applied to key syllables, both on fact-checks and on posts).
# Kept conservative: a fold that can also be a real word or a name ("hong" → Hồng, "ti" → ti vi) is left out.
TEENCODE: dict[str, str] = {
    "ko": "khong", "k": "khong", "khg": "khong", "hok": "khong", "hk": "khong", "khum": "khong",
    "k0": "khong", "kp": "khong phai", "chx": "chua",
    "dc": "duoc", "dk": "duoc", "ng": "nguoi", "nguoj": "nguoi", "vs": "voi", "j": "gi", "ji": "gi",
    "ntn": "nhu the nao", "bn": "bao nhieu", "bnhiu": "bao nhieu", "nhiu": "nhieu", "mn": "moi nguoi",
    "r": "roi", "oy": "roi", "wa": "qua", "qa": "qua", "bt": "biet", "bik": "biet", "bjk": "biet", "thik": "thich",
    "ms": "moi", "nc": "nuoc", "cx": "cung", "cg": "cung", "lun": "luon", "bh": "bao gio", "thui": "thoi",
    "tp": "thanh pho", "hn": "ha noi", "hcm": "ho chi minh", "tphcm": "thanh pho ho chi minh", "vn": "viet nam",
    "bs": "bac si", "bv": "benh vien", "ubnd": "uy ban nhan dan", "bhxh": "bao hiem xa hoi",
    "bhyt": "bao hiem y te", "cccd": "can cuoc cong dan", "csgt": "canh sat giao thong", "hcv": "huy chuong vang",
    "thpt": "trung hoc pho thong", "ngan": "nghin", "ty": "ty", "ti": "ty", "ky": "kg",
}
# After a number: "50 tr" = 50 triệu, "50 k" = 50 nghìn, "2 ti" = 2 tỷ, "5 ky" = 5 kg.
AFTER_NUMBER: dict[str, str] = {"tr": "trieu", "trd": "trieu", "k": "nghin", "ti": "ty", "ky": "kg", "ngan": "nghin"}
_NOT_AFTER_NUMBER_ONLY = frozenset({"ti", "ky"})  # folded only after a number

# Negators on the diacritic-free key; "chang"/"cha" only count when the text has no diacritics (else "chẳng"/"chả").
NEGATORS = frozenset({"khong", "chua", "chang", "cha", "dung", "deo", "chac", "cam"})
# "cấm" (ban) counts like a negation: "cấm ô tô vào nội thành" = "ô tô không được vào nội thành".
_NEG_DIACRITIC = frozenset({"không", "chưa", "chẳng", "chả", "đừng", "đéo", "chẳg", "hông", "hổng", "cấm"})
# "không khí" (air), "không chỉ" (not only) … are not negations of the claim (checked on the accented form when
# the post has accents, else on the key).
_NEG_FIXED_NEXT_RAW = frozenset({
    "khí", "gian", "quân", "phận", "lưu", "dây", "chỉ", "những", "ít", "sao", "trung", "lâu", "bao",
    "ai", "biết", "rõ", "hiếm", "ngờ", "tặc",
})
_NEG_FIXED_NEXT = frozenset({
    "khi", "gian", "quan", "phan", "luu", "day", "chi", "nhung", "it", "sao", "trung", "lau", "bao",
    "ai", "biet", "ro", "hiem", "ngo", "tac",
})
_NEG_FIXED_PREV = frozenset({"so", "hay", "or"})
_NEG_FIXED_PREV_RAW = frozenset({"số", "hay", "or"})  # "số không", "hay không" (question), "từ không"


@dataclass(frozen=True, slots=True)
class Syllable:
    """A key syllable (after chat folding) with its span in the normalized text."""

    text: str
    start: int
    end: int
    raw: str  # the normalized (with diacritics) form


def view(text: str) -> NormalizedText:
    """The matcher's own view of a text: :func:`kiemchung.text.literal.literal_view` (no word rewriting, so a
    diacritic-free "hong", "deo" or "giai" stays what it is). Offsets map back to ``text``."""
    return literal_view(text)


def syllables(norm: NormalizedText, start: int = 0, end: int | None = None) -> list[Syllable]:
    """Key syllables of ``norm.key[start:end]``, chat spellings folded (one chat word may give two syllables)."""
    key = norm.key
    end = len(key) if end is None else end
    out: list[Syllable] = []
    prev_digit = False
    for m in _WORD.finditer(key, start, end):
        w = m.group()
        raw = norm.normalized[m.start() : m.end()]
        if w.isdigit():
            out.append(Syllable(w, m.start(), m.end(), w))
            prev_digit = True
            continue
        rep = AFTER_NUMBER.get(w) if prev_digit else None
        if rep is None and not (w in _NOT_AFTER_NUMBER_ONLY and not prev_digit):
            rep = TEENCODE.get(w) if raw == w else None  # only diacritic-free spellings are chat
        prev_digit = False
        if rep is None:
            out.append(Syllable(w, m.start(), m.end(), raw))
        elif rep:
            for part in rep.split():
                out.append(Syllable(part, m.start(), m.end(), w))  # raw keeps the chat spelling
    return out


def match_text(text: str) -> str:
    """The folded key of a text as one space-joined string (what character n-grams are taken from)."""
    return " ".join(s.text for s in syllables(view(text)))


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
def _num_value(s: str) -> str:
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", s):
        return str(int(re.sub(r"[.,]", "", s)))
    s = s.replace(",", ".")
    try:
        v = float(s)
    except ValueError:
        return s
    return str(int(v)) if v == int(v) else repr(v)


_CODE = re.compile(r"(?<![\w])(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]+(?!\w)")


def numbers(folded: str) -> Counter[str]:
    """Numbers in a key with their scale unit ("74 trieu" → "74e6", "1,5 ty" → "1.5e9"), and codes that mix
    letters and digits ("h5n1", "co2"), as a multiset."""
    out: Counter[str] = Counter()
    for m in _CODE.finditer(folded):
        out["code:" + m.group()] += 1
    for m in _NUM.finditer(folded):
        val = _num_value(m.group(1))
        unit = _UNITS.get(m.group(2) or "", "")
        out[val + unit if unit in ("e3", "e6", "e9", "%") else val] += 1
    return out


def numbers_conflict(claim_nums: Counter[str], sent_nums: Counter[str]) -> bool:
    """True when both sides state numbers and they disagree ("74 triệu" vs "47 triệu").

    A claim number missing from the sentence only counts when the sentence states some number the claim does not
    (a post that drops the number is not a conflict; one that changes it is).
    """
    if not claim_nums or not sent_nums:
        return False
    missing = claim_nums - sent_nums  # multiset difference: "ngày 1 tháng 1" vs "ngày 5 tháng 1"
    extra = sent_nums - claim_nums
    return bool(missing) and bool(extra)


def negators(
    sylls: list[Syllable], text: str | None = None, targets: frozenset[str] | None = None, reach: int = 3
) -> list[tuple[str, bool]]:
    """Negation words in a span as ``(word, ambiguous)``: không/chưa/chẳng/chả/đừng, "ko"/"k"/"hok" (folded).

    ``ambiguous`` marks a diacritic-free "chua"/"chang" that could be "chữa"/"chùa"/"chàng": the matcher resolves
    it against the claim. "không khí", "không chỉ", "số không", a trailing "…không?"/"…chưa?" are not negations.
    With ``targets`` (the claim's words) and ``text``, a negator only counts when one of the next ``reach``
    syllables of the same clause is a target: it negates the claim, not a preamble ("Cả nhà biết chưa, …").
    """
    out: list[tuple[str, bool]] = []
    accented = any(ord(c) > 127 for s in sylls for c in s.raw)  # does the text carry diacritics at all?
    for i, s in enumerate(sylls):
        w = s.text
        if w not in NEGATORS:
            continue
        raw = s.raw
        has_marks = any(ord(c) > 127 for c in raw)
        if raw != w and (raw in TEENCODE or raw in AFTER_NUMBER):
            ambiguous = False  # a chat spelling of a negator: "ko", "k", "hok", "kp"
        elif has_marks or accented:
            if raw not in _NEG_DIACRITIC:
                continue  # "chữa", "chùa", "chàng", "dũng", "chắc" …
            ambiguous = False
        else:
            if w in ("cha", "dung", "chac", "deo"):
                continue  # too ambiguous without diacritics
            ambiguous = w in ("chua", "chang", "cam") and raw == w
        nxt = sylls[i + 1].text if i + 1 < len(sylls) else ""
        nxt_raw = sylls[i + 1].raw if i + 1 < len(sylls) else ""
        prv = sylls[i - 1].text if i > 0 else ""
        fixed = nxt_raw in _NEG_FIXED_NEXT_RAW if accented else nxt in _NEG_FIXED_NEXT
        prv_raw = sylls[i - 1].raw if i > 0 else ""
        fixed_prev = prv_raw in _NEG_FIXED_PREV_RAW if accented else prv in _NEG_FIXED_PREV
        if w == "khong" and (fixed or fixed_prev or not nxt):
            continue
        nxt2 = sylls[i + 2].text if i + 2 < len(sylls) else ""
        if (nxt, nxt2) in _IDIOMS:
            continue  # "không thể tin nổi", "không ngờ là" …
        if w == "chua" and (not nxt or nxt in ("ai", "biet", "ro")):
            continue  # trailing "…chưa?" is a question
        if w == "khong" and prv == "cho" and nxt not in ("phep", "duoc", "co"):
            continue  # "cho không" = for free
        passive = w == "cam" and prv == "bi"  # "bị cấm": what is banned comes before
        if targets is not None and text is not None and not passive:
            hit = False
            for j in range(i + 1, min(i + 1 + reach, len(sylls))):
                if any(ch in text[sylls[j - 1].end : sylls[j].start] for ch in _CLAUSE_BREAK):
                    break
                if sylls[j].text in targets and sylls[j].text not in NEGATORS:
                    hit = True
                    break
            if not hit:
                continue
        out.append((w, ambiguous))
    return out


_CLAUSE_BREAK = ",;:.!?()\n"
# Exclamations that carry a negator but negate nothing in the claim.
_IDIOMS = frozenset({
    ("the", "tin"), ("tin", "noi"), ("ngo", "la"), ("biet", "sao"), ("hieu", "sao"), ("noi", "gi"), ("thoi", "han"),
})


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


def names(norm: NormalizedText, sylls: list[Syllable]) -> set[str]:
    """Syllables written with a capital letter that do not start a sentence: likely parts of names
    ("cầu Long Biên", "bão Yagi"). Empty for an all-lower-case post."""
    out: set[str] = set()
    text = norm.normalized
    for s in sylls:
        if s.raw != s.text and s.raw in TEENCODE:
            continue
        o = norm.starts[s.start]
        if not norm.original[o : o + 1].isupper():
            continue
        k = s.start - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        if k < 0 or text[k] in ".!?:\n\"'“(-–—":
            continue
        out.add(s.text)
    return out
