"""Vietnamese text normalization with an offset map back to the original (first cut; see text/ README).

``normalize(text)`` returns a :class:`~kiemchung.types.NormalizedText`; the input is never changed.
"""

from __future__ import annotations

import unicodedata

from kiemchung.types import NormalizedText

_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}

_STRIP = str.maketrans(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ",
    "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd",
)


def strip_diacritics(s: str) -> str:
    """Diacritic-free key of lower-case NFC text; same length as the input (đ→d)."""
    return s.translate(_STRIP)


def normalize(text: str) -> NormalizedText:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        if ch in _ZERO_WIDTH:
            i = j
            continue
        cluster = unicodedata.normalize("NFKC", text[i:j]).lower()
        for c in cluster:
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    norm = "".join(out)
    return NormalizedText(text, norm, strip_diacritics(norm), tuple(starts), tuple(ends))
