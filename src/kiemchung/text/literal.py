"""A literal view of a text: the words the writer typed, cleaned but never rewritten.

NFC/NFKC per character cluster, lower-cased, zero-width characters dropped, a diacritic-free key; no teencode
expansion, accent restoration or de-obfuscation. Claim matching and quote checking compare on this view (a quote
must be judged on what was written, and an unaccented "deo" or "giai" must stay what it is); offsets map back to
the original exactly like :func:`kiemchung.text.normalize.normalize`.
"""

from __future__ import annotations

import unicodedata

from kiemchung.text.normalize import strip_diacritics
from kiemchung.types import NormalizedText

ZERO_WIDTH = frozenset({"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"})


def literal_view(text: str) -> NormalizedText:
    """The literal view of ``text`` with its offset map (see the module docstring)."""
    if unicodedata.is_normalized("NFKC", text) and not any(c in text for c in ZERO_WIDTH):
        low = text.lower()
        if len(low) == len(text):  # the common case: one character for one character
            return NormalizedText(text, low, strip_diacritics(low), tuple(range(len(text))),
                                  tuple(range(1, len(text) + 1)))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        if text[i] in ZERO_WIDTH:
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
