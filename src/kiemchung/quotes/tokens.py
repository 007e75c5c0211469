"""Word tokens of a text view, with the punctuation break before each token and offsets back to the original.

Alignment compares ``keys`` (diacritic-free, numbers without thousand/decimal separators); verdict rules read
``words`` (normalized, with diacritics when the writer typed them).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from kiemchung.quotes.lexicon import ABBREVIATIONS, SHORTHAND_KEYS
from kiemchung.text.literal import literal_view
from kiemchung.types import NormalizedText



def plain_view(text: str) -> NormalizedText:
    """A literal view of ``text``: NFC, lower case, zero-width characters dropped, and its diacritic-free key,
    with the offset map back to ``text``.

    Quotes are compared on this view rather than on the analyzer's normalization, which may expand teencode or
    restore diacritics: a quote check must judge the words the writer typed, not a guess at them.
    """
    return literal_view(text)

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:\d+)?")
_SENTENCE_CHARS = frozenset(".!?\n…")
_CLAUSE_CHARS = frozenset(",;:–—()[]\"“”«»‘’-")

NO_BREAK, CLAUSE_BREAK, SENTENCE_BREAK = 0, 1, 2


_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?%?")


def number_key(tok: str) -> str:
    """A figure as written in Vietnamese ("2.500", "6,5", "12%") → its plain value ("2500", "6.5", "12")."""
    tok = tok.rstrip("%")
    if _THOUSANDS_DOT.fullmatch(tok) or ("," in tok and "." not in tok):
        tok = tok.replace(".", "").replace(",", ".")
    elif "," in tok:
        tok = tok.replace(",", "")
    return tok


@dataclass(slots=True)
class TokenSeq:
    """Tokens of ``norm`` (a :class:`NormalizedText`) in order.

    ``breaks[i]`` is the strongest break (0 none, 1 clause, 2 sentence) in the gap just before token ``i``
    (``breaks[0]`` is 2).
    """

    norm: NormalizedText
    keys: list[str]
    words: list[str]
    starts: list[int]  # normalized offsets
    ends: list[int]
    breaks: list[int]
    is_number: list[bool]

    @classmethod
    def of(cls, norm: NormalizedText) -> TokenSeq:
        key, nrm = norm.key, norm.normalized
        keys: list[str] = []
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        breaks: list[int] = []
        is_num: list[bool] = []
        prev_end = 0
        for m in _TOKEN_RE.finditer(key):
            s, e = m.span()
            gap = nrm[prev_end:s]
            brk = NO_BREAK
            if not keys:
                brk = SENTENCE_BREAK
            elif gap:
                if any(c in _SENTENCE_CHARS for c in gap):
                    brk = SENTENCE_BREAK
                    if gap.strip() == "." and keys[-1] in ABBREVIATIONS:
                        brk = NO_BREAK
                elif any(c in _CLAUSE_CHARS for c in gap):
                    brk = CLAUSE_BREAK
            tok = m.group()
            num = tok[0].isdigit()
            keys.append(number_key(tok) if num else SHORTHAND_KEYS.get(tok, tok))
            words.append(nrm[s:e])
            starts.append(s)
            ends.append(e)
            breaks.append(brk)
            is_num.append(num)
            prev_end = e
        return cls(norm, keys, words, starts, ends, breaks, is_num)

    def __len__(self) -> int:
        return len(self.keys)

    def orig_span(self, i: int, j: int) -> tuple[int, int]:
        """Original span covering tokens ``[i, j)`` (``i < j``)."""
        return self.norm.to_original(self.starts[i], self.ends[j - 1])

    def excerpt(self, i: int, j: int) -> str:
        if j <= i:
            return ""
        a, b = self.orig_span(i, j)
        return self.norm.original[a:b]

    def range_in_original(self, a: int, b: int) -> tuple[int, int]:
        """Token range whose original spans lie inside the original span ``[a, b)``."""
        ostarts = self.norm.starts
        i = bisect_left(self.starts, _norm_index(ostarts, a))
        j = bisect_left(self.starts, _norm_index(ostarts, b))
        while j > i and self.norm.ends[self.ends[j - 1] - 1] > b:
            j -= 1
        return i, j

    def sentence_start(self, i: int) -> int:
        while i > 0 and self.breaks[i] != SENTENCE_BREAK:
            i -= 1
        return i

    def sentence_end(self, j: int) -> int:
        """First token index at or after ``j`` that starts a new sentence (exclusive end of the sentence)."""
        n = len(self.keys)
        while j < n and self.breaks[j] != SENTENCE_BREAK:
            j += 1
        return j


def _norm_index(ostarts: tuple[int, ...], orig_pos: int) -> int:
    """First normalized index whose original start is ``>= orig_pos``."""
    return bisect_left(ostarts, orig_pos)
