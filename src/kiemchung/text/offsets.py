"""Character-level clean-up with an offset map (the first normalization stage).

``clean(text)`` returns ``(u, starts, ends)``: ``u`` is ``text`` with Unicode compatibility forms folded (NFKC:
full-width letters, mathematical bold/italic letters, ligatures, "…"), decomposed accents composed (NFC), stray
combining marks and zero-width characters removed. ``starts[i]``/``ends[i]`` give the span of ``text`` that produced
``u[i]``; both are ``None`` when ``u == text`` (the common case), so callers can take a fast path.
"""

from __future__ import annotations

import re
import unicodedata

# Ranges where NFKC changes characters that real posts use: Latin-1 (NBSP, ª, ², ½), spacing modifiers,
# phonetic superscripts, general punctuation ("…", odd spaces), super/subscripts, letterlike symbols (™, ℕ),
# number forms (Ⅻ), enclosed alphanumerics (Ⓐ), the ideographic space, ligatures (ﬁ), small and full-width
# forms (ａ, ！), mathematical alphanumerics (𝐚, 𝓪, 𝕒 — a favourite of filter evasion).
_NFKC_RANGES = (
    (0x00A0, 0x0100), (0x0130, 0x0131), (0x0132, 0x0134), (0x013F, 0x0141), (0x0149, 0x014A), (0x017F, 0x0180),
    (0x01C4, 0x01CD), (0x02B0, 0x0300), (0x1D2C, 0x1DC0), (0x2000, 0x2190), (0x2460, 0x2500), (0x3000, 0x3001),
    (0xFB00, 0xFB07), (0xFE30, 0xFE70), (0xFF00, 0xFFEF), (0x1D400, 0x1D800), (0x1F100, 0x1F110),
)
_ZERO_WIDTH = "\u200b\u200c\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e"
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_EMOJI_CHARS = "\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"


def _nfkc_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for lo, hi in _NFKC_RANGES:
        for cp in range(lo, hi):
            c = chr(cp)
            if c in _ZERO_WIDTH:
                continue
            if cp == 0x0130:  # İ lower-cases to two code points; fold it here so lower() keeps lengths
                table[c] = "i"
                continue
            d = unicodedata.normalize("NFKC", c)
            if d != c and c != "\u2026" and not _COMBINING_RE.search(d):  # keep "…"; "￣" is no letter
                table[c] = _strip_combining(d)
    return table


_COMBINING_RE = re.compile(f"[{_COMBINING}]+")


def _strip_combining(s: str) -> str:
    return _COMBINING_RE.sub("", s)


_TABLE = _nfkc_table()


def _ranges(chars: list[str]) -> str:
    """A compact regex class body (consecutive code points merged): re scans a long class linearly."""
    cps = sorted(ord(c) for c in chars)
    out: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append(re.escape(chr(cps[i])) if i == j else f"{re.escape(chr(cps[i]))}-{re.escape(chr(cps[j]))}")
        i = j + 1
    return "".join(out)


_ODD_CHARS = _ranges(list(_TABLE))
# A base character followed by combining marks, a lone combining mark, a zero-width character, a ZWJ, or a
# character whose compatibility form differs.
_ODD_RE = re.compile(
    f"[^{_COMBINING}][{_COMBINING}]+|[{_COMBINING}]+|[{_ZERO_WIDTH}]+|\u200d|[{_ODD_CHARS}]"
)
# one character class: a cheap test for "nothing to do" (the common case)
_ANY_ODD_RE = re.compile(f"[{_COMBINING}{_ZERO_WIDTH}\u200d{_ODD_CHARS}]")
_EMOJI_RE = re.compile(f"[{_EMOJI_CHARS}\ufe0f]")


def _fix(piece: str) -> str:
    if len(piece) == 1:
        rep = _TABLE.get(piece)
        if rep is not None:
            return rep
    # a cluster: compose (NFC first keeps Vietnamese letters), then fold compatibility forms, drop what is left
    composed = unicodedata.normalize("NFKC", piece)
    if "\u0130" in composed:  # "I" + combining dot composes to "İ", which lower-cases to two code points
        composed = composed.replace("\u0130", "i")
    return _strip_combining(composed) if composed else composed


def clean(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """Fold compatibility forms, compose accents, drop zero-width chars; return the text and its offset map."""
    if text.isascii() or _ANY_ODD_RE.search(text) is None:
        return text, None, None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _ODD_RE.finditer(text):
        a, b = m.span()
        if a > pos:
            pieces.append(text[pos:a])
            starts.extend(range(pos, a))
            ends.extend(range(pos + 1, a + 1))
        piece = m.group()
        if piece == "\u200d":
            # keep the joiner inside emoji sequences (👨‍👩‍👧), drop it elsewhere
            near_emoji = a > 0 and b < len(text) and _EMOJI_RE.match(text, a - 1) and _EMOJI_RE.match(text, b)
            rep = piece if near_emoji else ""
        elif piece[0] in _ZERO_WIDTH:
            rep = ""
        else:
            rep = _fix(piece)
        if rep:
            pieces.append(rep)
            starts.extend([a] * len(rep))
            ends.extend([b] * len(rep))
        pos = b
    if pos < len(text):
        pieces.append(text[pos:])
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    return "".join(pieces), starts, ends
