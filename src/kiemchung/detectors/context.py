"""One shared context stage for pattern recognizers (Presidio ``lemma_context_aware_enhancer`` style).

A candidate span found by a pattern is looked at through the words just before it (and a few just after it) on
the diacritic-free, lower-case *key* of the text, so "Số tài khoản", "so tai khoan", "STK" and "stk" all read the
same. Each recognizer names three kinds of words:

* its own ``CONTEXT`` (a boost: "sđt", "zalo" for a phone),
* the context of labels whose formats collide with its own (a 10-digit number after "STK" is an account number,
  not a phone), and
* ``NEGATIVE`` words (a price, an order code, a hotline).

The nearest word wins: the one closest to the candidate, before it or after it. This is how two recognizers that
both match "0912345678" agree on one label without seeing each other's output.

Two views of a text give the key window: :class:`KeyView` reads ``NormalizedText.key`` through its offset map (so
it sees what the normalizer expanded, e.g. teencode), :class:`RawView` computes the key of the original text on the
fly (for library calls on a plain string).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import regex

from kiemchung.types import NormalizedText

WINDOW_BEFORE = 48  # key characters looked at before a candidate
WINDOW_AFTER = 24  # and after it (bank names often follow the number: "0071000123456 Vietcombank")
REGEX_TIMEOUT = 0.05  # seconds; the context regexes are plain alternations of literals

_STRIP = str.maketrans(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ",
    "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd",
)


def key_of(text: str) -> str:
    """The diacritic-free, lower-case key of any text (NFC first; đ→d). Not length-preserving for NFD input."""
    if text.isascii():
        return text.lower()
    s = unicodedata.normalize("NFC", text).lower().translate(_STRIP)
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


_WORD_PART = regex.compile(r"[a-z0-9]+")


def key_word(word: str) -> str:
    """A context word as it is matched: key form, runs of anything but letters and digits made one space."""
    return " ".join(_WORD_PART.findall(key_of(word)))


class ContextView(Protocol):
    """Key text around a span of the ORIGINAL text."""

    def before(self, start: int, width: int = WINDOW_BEFORE) -> str: ...

    def after(self, end: int, width: int = WINDOW_AFTER) -> str: ...


class RawView:
    """Context computed from the original text alone."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def before(self, start: int, width: int = WINDOW_BEFORE) -> str:
        return key_of(self.text[max(0, start - width) : start])

    def after(self, end: int, width: int = WINDOW_AFTER) -> str:
        return key_of(self.text[end : end + width])


class KeyView:
    """Context read from ``NormalizedText.key`` through the offset map (original position → normalized index)."""

    __slots__ = ("norm",)

    def __init__(self, norm: NormalizedText) -> None:
        self.norm = norm

    def before(self, start: int, width: int = WINDOW_BEFORE) -> str:
        i = bisect_left(self.norm.starts, start)  # first normalized char produced at or after ``start``
        return self.norm.key[max(0, i - width) : i]

    def after(self, end: int, width: int = WINDOW_AFTER) -> str:
        i = bisect_right(self.norm.starts, end - 1) if end > 0 else 0
        return self.norm.key[i : i + width]


def view_for(text: str, norm: NormalizedText | None) -> ContextView:
    """KeyView when a normalized view of exactly this text is at hand, else RawView."""
    if norm is not None and norm.original == text and len(norm.starts) == len(norm.key):
        return KeyView(norm)
    return RawView(text)


@dataclass(frozen=True, slots=True)
class ContextHit:
    """The nearest context word: what it is, whose it is ("own", a competing label, or "negative"), how far."""

    word: str
    owner: str
    distance: int
    side: str  # "before" | "after"


OWN = "own"
NEGATIVE = "negative"


class ContextMatcher:
    """Finds the nearest context word around a candidate among own, competing and negative words.

    ``before`` and ``after`` map a word to its owner (``"own"``, a competing label, ``"negative"``); the after
    table is usually short (bank names, "(VCB)"), since a word after a number more often introduces the next one.
    Picklable: holds only the word tables; compiled regexes are cached per table.
    """

    __slots__ = ("before", "after")

    def __init__(self, before: Mapping[str, str], after: Mapping[str, str] | None = None) -> None:
        self.before = _table(before)
        self.after = _table(after or {})

    def __getstate__(self) -> tuple[dict[str, str], dict[str, str]]:
        return (self.before, self.after)

    def __setstate__(self, state: tuple[dict[str, str], dict[str, str]]) -> None:
        self.before, self.after = state

    def nearest(self, view: ContextView, start: int, end: int, *, before: int = WINDOW_BEFORE,
                after: int = WINDOW_AFTER) -> ContextHit | None:
        best: ContextHit | None = None
        if self.before:
            left = view.before(start, before)
            if left:
                last = None
                for m in _compile(tuple(self.before)).finditer(left, timeout=REGEX_TIMEOUT):
                    last = m
                if last is not None:
                    w = key_word(last.group())
                    best = ContextHit(w, self.before.get(w, OWN), len(left) - last.end(), "before")
        if self.after and after:
            right = view.after(end, after)
            if right:
                m = _compile(tuple(self.after)).search(right, timeout=REGEX_TIMEOUT)
                if m is not None and (best is None or m.start() < best.distance):
                    w = key_word(m.group())
                    best = ContextHit(w, self.after.get(w, OWN), m.start(), "after")
        return best


def words_table(own: Iterable[str] = (), competing: Mapping[str, Iterable[str]] | None = None,
                negative: Iterable[str] = ()) -> dict[str, str]:
    """A word → owner table; own words win over a competitor's identical word, competitors over negatives."""
    table: dict[str, str] = {}
    for w in negative:
        table[key_word(w)] = NEGATIVE
    for owner, words in (competing or {}).items():
        for w in words:
            table[key_word(w)] = owner
    for w in own:
        table[key_word(w)] = OWN
    table.pop("", None)
    return table


def _table(t: Mapping[str, str]) -> dict[str, str]:
    out = {key_word(w): o for w, o in t.items()}
    out.pop("", None)
    return dict(sorted(out.items()))


@lru_cache(maxsize=256)
def _compile(words: tuple[str, ...]) -> regex.Pattern[str]:
    alts = "|".join(regex.escape(w).replace("\\ ", r"[\W_]+") for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<![a-z0-9])(?:{alts})(?![a-z0-9])")
