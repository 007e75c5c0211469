"""One shared context stage for pattern recognizers (Presidio ``lemma_context_aware_enhancer`` style).

A candidate span found by a pattern is looked at through the words just before it (and a few just after it) on
the diacritic-free, lower-case *key* of the text, so "Số tài khoản", "so tai khoan", "STK" and "stk" all read the
same. Each recognizer names three kinds of words:

* its own ``CONTEXT`` (a boost: "sđt", "zalo" for a phone),
* the context of labels whose formats collide with its own (a 10-digit number after "STK" is an account number,
  not a phone), and
* ``NEGATIVE`` words (a price, an order code, a hotline).

The nearest word wins: the one closest to the candidate (counted in words, within its sentence; after the
candidate only the next word counts). This is how two recognizers that both match "0912345678" agree on one
label without seeing each other's output. A negative word vetoes only when it is close.

Two views of a text give the key window: :class:`KeyView` reads ``NormalizedText.key`` through its offset map (so
it sees what the normalizer expanded, e.g. teencode), :class:`RawView` computes the key of the original text on the
fly (for library calls on a plain string).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from typing import NamedTuple, Protocol

from kiemchung.types import NormalizedText

WINDOW_BEFORE = 48  # key characters looked at before a candidate
MAX_WORDS = 5  # at most this many words between a context word and the candidate
MAX_WORDS_AFTER = 1  # after a candidate only the next word or two: "0071000123456 (VCB)", "… - Vietcombank"
WINDOW_AFTER = 24  # and after it (bank names often follow the number: "0071000123456 Vietcombank")

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


# every ASCII character but a-z and 0-9 becomes a space (str.translate has a fast path for ASCII; a complete
# table, a-z and 0-9 mapped to themselves, spares it a failed lookup per distinct letter)
_NON_ALNUM = {i: chr(i) if chr(i).isdigit() or "a" <= chr(i) <= "z" else " " for i in range(128)}


_SYMBOLS = re.compile(r"[^\w\s.,;:!?()\[\]\-/@+&%]+")  # emoji and other symbols: separators, like spaces
_COMBINING = re.compile("[\u0300-\u036f]+")


def window_key(text: str) -> str:
    """A fast key for context windows; unlike :func:`key_of` it need not keep the length.

    Symbols (emoji…) become spaces, so "STK👉0071…" still reads "stk"; punctuation stays (sentence ends are read
    from it).
    """
    s = text.lower()
    if s.isascii():
        return s
    s = _COMBINING.sub("", unicodedata.normalize("NFD", s.replace("đ", "d")))
    return s if s.isascii() else _SYMBOLS.sub(" ", s)


_SYMBOL = re.compile(r"[^\w\s.,;:!?()\[\]\-/@+&%]")
_NOT_ASCII_NOR_MARK = re.compile("[^\\x00-\\x7f\\u0300-\\u036f]")
_SYMBOL_NOT_MARK = re.compile(r"[^\w\s.,;:!?()\[\]\-/@+&%\u0300-\u036f]")  # _SYMBOL, but marks stay


def aligned_key(text: str) -> str | None:
    """The key of ``text`` with one character per text character (so text offsets index it), or None when the
    text does not allow it (decomposed accents, characters whose case or decomposition changes the length)."""
    s = text.lower()
    if len(s) != len(text):
        return None
    if s.isascii():
        return s
    d = unicodedata.normalize("NFD", s.replace("đ", "d"))
    # Dropping every non-ASCII character keeps one character per text character exactly when each is ASCII or a
    # letter that decomposes into an ASCII letter and marks (no canonical decomposition yields two ASCII
    # characters, and an emoji or a decomposed input's own mark drops one): the common case, one encode.
    k = d.encode("ascii", "ignore").decode("ascii")
    if len(k) == len(text):
        return k
    others = frozenset(_NOT_ASCII_NOR_MARK.findall(d))
    if not others:  # only letters and their marks, but the length changed
        return None
    # symbols (emoji…) become spaces, then the same; other scripts: drop the marks one by one
    if all([_SYMBOL_NOT_MARK.match(c) is not None for c in others]):
        # what ``_SYMBOL_NOT_MARK.sub(" ", d)`` and dropping the marks give, without a regex pass over the text:
        # the few distinct symbols replaced one by one, then ASCII symbols made spaces on the ASCII bytes
        for c in others:
            d = d.replace(c, " ")
        k = d.encode("ascii", "ignore").translate(_ASCII_SYMBOL_BYTES).decode("ascii")
    else:
        k = _COMBINING.sub("", d)
        if not k.isascii():
            k = _SYMBOL.sub(" ", k)
    return k if len(k) == len(text) else None


# characters that ``_SYMBOL_NOT_MARK`` matches made spaces, as bytes (``aligned_key``'s symbol case reads only the
# ASCII half: it encodes to ASCII first)
_ASCII_SYMBOL_BYTES = bytes(32 if _SYMBOL_NOT_MARK.match(chr(b)) else b for b in range(256))


# the same as bytes (an ASCII key: ``bytes.translate`` reads a table, ``str.translate`` a dict per character)
_NON_ALNUM_BYTES = bytes(b if 48 <= b <= 57 or 97 <= b <= 122 else 32 for b in range(256))


def split_words(key: str) -> list[str]:
    """The words of a key: runs of a-z and 0-9."""
    if key.isascii():
        return key.encode("ascii").translate(_NON_ALNUM_BYTES).decode("ascii").split()
    return key.translate(_NON_ALNUM).split()


_TOKEN_WORDS: dict[str, tuple[str, ...]] = {}


def text_words(text: str) -> frozenset[str]:
    """The set of key words of a text: whitespace tokens keyed one by one through a bounded cache (the
    vocabulary of posts is small, and keying a whole text costs more than looking its tokens up)."""
    cache = _TOKEN_WORDS
    out: set[str] = set()
    for tok in text.lower().split():
        words = cache.get(tok)
        if words is None:
            words = tuple(split_words(window_key(tok)))
            if len(cache) < 100_000:
                cache[tok] = words
        out.update(words)
    return frozenset(out)


def key_word(word: str) -> str:
    """A context word as it is matched: key form, runs of anything but letters and digits made one space."""
    return " ".join(split_words(key_of(word)))


class ContextView(Protocol):
    """Key text around a span of the ORIGINAL text, and the set of key words of the whole text."""

    def words(self) -> frozenset[str]: ...

    def before(self, start: int, width: int = WINDOW_BEFORE) -> str: ...

    def after(self, end: int, width: int = WINDOW_AFTER) -> str: ...

    def before_words(self, start: int, width: int = WINDOW_BEFORE) -> list[str]: ...

    def after_words(self, end: int, width: int = WINDOW_AFTER) -> list[str]: ...


class _WordWindows:
    """The cached word lists of a view's context windows (shared by :class:`RawView` and :class:`KeyView`)."""

    __slots__ = ()
    _words_cache: dict[tuple[int, int], list[str]]

    def before(self, start: int, width: int = WINDOW_BEFORE) -> str:
        raise NotImplementedError

    def after(self, end: int, width: int = WINDOW_AFTER) -> str:
        raise NotImplementedError

    def before_words(self, start: int, width: int = WINDOW_BEFORE) -> list[str]:
        """The words of :meth:`before` (cached: recognizers whose patterns match the same span share them)."""
        k = (start, -width)
        w = self._words_cache.get(k)
        if w is None:
            w = self._words_cache[k] = split_words(self.before(start, width))
        return w

    def after_words(self, end: int, width: int = WINDOW_AFTER) -> list[str]:
        """The words of :meth:`after` (cached)."""
        k = (end, width)
        w = self._words_cache.get(k)
        if w is None:
            w = self._words_cache[k] = split_words(self.after(end, width))
        return w


class RawView(_WordWindows):
    """Context computed from the original text alone (library calls on a plain string).

    The key of the whole text is computed once when it lines up with the text (NFC input: one key character per
    text character), else the key of each window; windows are cached, since recognizers share a view.
    """

    __slots__ = ("_cache", "_key", "_words", "_words_cache", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._key: str | None = None
        self._words: frozenset[str] | None = None
        self._cache: dict[tuple[int, int], str] = {}
        self._words_cache: dict[tuple[int, int], list[str]] = {}

    def _aligned(self) -> str:
        if self._key is None:
            self._key = aligned_key(self.text) or ""
        return self._key

    def words(self) -> frozenset[str]:
        if self._words is None:
            k = self._aligned()
            self._words = frozenset(split_words(k)) if k else text_words(self.text)
        return self._words

    def before(self, start: int, width: int = WINDOW_BEFORE) -> str:
        k = (start, -width)
        w = self._cache.get(k)
        if w is None:
            key = self._aligned()
            lo = max(0, start - width)
            w = self._cache[k] = _sentence(key[lo:start] if key else window_key(self.text[lo:start]))
        return w

    def after(self, end: int, width: int = WINDOW_AFTER) -> str:
        k = (end, width)
        w = self._cache.get(k)
        if w is None:
            key = self._aligned()
            w = self._cache[k] = _clause(
                key[end : end + width] if key else window_key(self.text[end : end + width])
            )
        return w


class KeyView(_WordWindows):
    """Context read from ``NormalizedText.key`` through the offset map (original position → normalized index)."""

    __slots__ = ("_cache", "_words", "_words_cache", "norm")

    def __init__(self, norm: NormalizedText) -> None:
        self.norm = norm
        self._words: frozenset[str] | None = None
        self._cache: dict[tuple[int, int], str] = {}
        self._words_cache: dict[tuple[int, int], list[str]] = {}

    def words(self) -> frozenset[str]:
        if self._words is None:
            key = self.norm.key
            # an ASCII key splits as a whole exactly as token by token; otherwise through the token cache
            self._words = frozenset(split_words(key.lower())) if key.isascii() else text_words(key)
        return self._words

    def before(self, start: int, width: int = WINDOW_BEFORE) -> str:
        k = (start, -width)
        w = self._cache.get(k)
        if w is None:
            i = bisect_left(self.norm.starts, start)  # first normalized char produced at or after ``start``
            # (window_key again: the key is meant to be lower-case and diacritic-free; make sure)
            w = self._cache[k] = _sentence(window_key(self.norm.key[max(0, i - width) : i]))
        return w

    def after(self, end: int, width: int = WINDOW_AFTER) -> str:
        k = (end, width)
        w = self._cache.get(k)
        if w is None:
            i = bisect_right(self.norm.starts, end - 1) if end > 0 else 0
            w = self._cache[k] = _clause(window_key(self.norm.key[i : i + width]))
        return w


_CLAUSE_END = re.compile(r"[.!?;\n]\s|[!?\n]")


def _clause(after: str) -> str:
    """Words after a candidate count only up to the end of its clause ("… 0392 963 845!! Ngân hàng …")."""
    m = _CLAUSE_END.search(after)
    return after if m is None else after[: m.start()]


# Abbreviations written with a period before a number ("Passport No. C1234567", "Tel. 0912…"): their
# period does not end a sentence.
ABBREVIATIONS = frozenset({"no", "nr", "num", "tel", "mob", "fax", "mr", "mrs", "ms", "dr", "tp", "tx"})


def _abbreviation_at(before: str, dot: int) -> bool:
    """Whether the period at ``before[dot]`` closes an abbreviation (the whole word before it is one)."""
    i = dot
    while i > 0 and before[i - 1].isalnum():
        i -= 1
    return 0 < dot - i <= 4 and before[i:dot] in ABBREVIATIONS


def _last_break(before: str) -> int:
    """Where the last sentence break (". ", "! ", "? ", "; ") of ``before`` starts, or -1."""
    hi = len(before)
    while True:
        other = max(before.rfind("! ", 0, hi), before.rfind("? ", 0, hi), before.rfind("; ", 0, hi))
        dot = before.rfind(". ", 0, hi)
        if dot < other or dot < 0 or not _abbreviation_at(before, dot):
            return max(dot, other)
        hi = dot  # "No. ": look further back


def _sentence(before: str) -> str:
    """Words before a candidate count only from the start of its sentence ("…chủ tk A. Số 0530…").

    A sentence ends at ". ", "! ", "? ", "; " or a line break, except a line break right after a colon ("STK:\n…")
    and the period of an abbreviation ("Passport No. …").
    """
    cut = _last_break(before)
    nl = before.rfind("\n")
    while nl > cut:
        head = before[:nl].rstrip(" \t")
        if not head.endswith(":"):
            cut = nl
            break
        nl = before.rfind("\n", 0, nl)
    return before if cut < 0 else before[cut + 1 :]


_KEY_VIEWS: dict[int, tuple[NormalizedText, KeyView]] = {}
_KEY_VIEWS_MAX = 4096


def view_for(text: str, norm: NormalizedText | None) -> ContextView:
    """KeyView when a normalized view of exactly this text is at hand, else RawView.

    Key views are shared by the recognizers that look at the same document in one batch (a small identity cache:
    eight detectors call ``detect_batch`` on the same prepared documents one after the other).
    """
    # a map for every character of the key (maps that ``normalize`` has not built yet will have one: asking their
    # length would build them for nothing)
    if norm is not None and norm.original == text and len(norm.key) == len(norm.normalized) and (
            norm.map_source is not None or len(norm.starts) == len(norm.key)):
        hit = _KEY_VIEWS.get(id(norm))
        if hit is not None and hit[0] is norm:
            return hit[1]
        if len(_KEY_VIEWS) >= _KEY_VIEWS_MAX:
            _KEY_VIEWS.clear()
        view = KeyView(norm)
        _KEY_VIEWS[id(norm)] = (norm, view)
        return view
    return RawView(text)


class ContextHit(NamedTuple):
    """The nearest context word: what it is, whose it is ("own", a competing label, or "negative"), how far."""

    word: str
    owner: str
    distance: int
    side: str  # "before" | "after"


OWN = "own"
NEGATIVE = "negative"
_hit = tuple.__new__  # builds a ContextHit without the named tuple's Python-level ``__new__``


class ContextMatcher:
    """Finds the nearest context word around a candidate among own, competing and negative words.

    ``before`` and ``after`` map a phrase to its owner (``"own"``, a competing label, ``"negative"``); the after
    table is usually short (bank names, "(VCB)"), since a word after a number more often introduces the next one.
    The window is split into words and phrases are looked up from the candidate outwards (a dict lookup per word,
    longest phrase first), so distance is counted in words. Picklable: holds only the tables.
    """

    __slots__ = ("_by_first", "_by_last", "after", "all_phrases", "before", "own_phrases")

    def __init__(self, before: Mapping[str, str], after: Mapping[str, str] | None = None) -> None:
        self.before = _table(before)
        self.after = _table(after or {})
        self._index()

    def _index(self) -> None:
        # each phrase as (its words, its owner, the phrase as reported)
        by_last: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for phrase, owner in self.before.items():
            ws = tuple(phrase.split())
            by_last.setdefault(ws[-1], []).append((ws, owner, " ".join(ws)))
        by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for phrase, owner in self.after.items():
            ws = tuple(phrase.split())
            by_first.setdefault(ws[0], []).append((ws, owner, " ".join(ws)))
        for d in (by_last, by_first):
            for lst in d.values():
                lst.sort(key=lambda t: -len(t[0]))
        self._by_last = by_last
        self._by_first = by_first
        # a text in which none of the phrases occurs (all of a phrase's words) has no context hit at all
        self.all_phrases = PhraseSet(p for t in (self.before, self.after) for p in t)
        self.own_phrases = PhraseSet(p for t in (self.before, self.after) for p, o in t.items() if o == OWN)

    def __getstate__(self) -> tuple[dict[str, str], dict[str, str]]:
        return (self.before, self.after)

    def __setstate__(self, state: tuple[dict[str, str], dict[str, str]]) -> None:
        self.before, self.after = state
        self._index()

    def nearest(
        self,
        view: ContextView,
        start: int,
        end: int,
        *,
        before: int = WINDOW_BEFORE,
        after: int = WINDOW_AFTER,
        max_words: int = MAX_WORDS,
        max_words_after: int = MAX_WORDS_AFTER,
    ) -> ContextHit | None:
        """The nearest context word at most ``max_words`` words away before (``max_words_after`` after), or None."""
        if not self.all_phrases.any_in(view.words()):
            return None
        return self.nearest_present(view, start, end, before, after, max_words, max_words_after)

    def nearest_present(
        self,
        view: ContextView,
        start: int,
        end: int,
        before: int = WINDOW_BEFORE,
        after: int = WINDOW_AFTER,
        max_words: int = MAX_WORDS,
        max_words_after: int = MAX_WORDS_AFTER,
    ) -> ContextHit | None:
        """:meth:`nearest` once ``all_phrases.any_in(view.words())`` is known to hold (a recognizer asks that
        once per text, not once per candidate)."""
        best: ContextHit | None = None
        if self._by_last and before:
            words = view.before_words(start, before)
            by_last = self._by_last
            n = len(words)
            for i in range(n - 1, max(-1, n - 2 - max_words), -1):
                cands = by_last.get(words[i])
                if cands is None:
                    continue
                for ws, owner, phrase in cands:
                    k = len(ws)
                    if k == 1 or (i + 1 >= k and tuple(words[i + 1 - k : i + 1]) == ws):
                        best = _hit(ContextHit, (phrase, owner, n - 1 - i, "before"))
                        break
                if best is not None:
                    break
        if self._by_first and after and (best is None or best.distance > 0):
            words = view.after_words(end, after)
            by_first = self._by_first
            limit = min(len(words), max_words_after + 1)
            if best is not None:
                limit = min(limit, best.distance)
            for i in range(limit):
                cands = by_first.get(words[i])
                if cands is None:
                    continue
                for ws, owner, phrase in cands:
                    k = len(ws)
                    if k == 1 or tuple(words[i : i + k]) == ws:
                        return _hit(ContextHit, (phrase, owner, i, "after"))
        return best


class PhraseSet:
    """Answers fast whether any of its phrases may occur in a text, given the set of the text's key words.

    Each phrase is filed under its longest word (the least common, as a rule); a phrase is present when all its
    words are (order is not checked: this is a gate before the exact, ordered lookup).
    """

    __slots__ = ("_anchors", "_by_anchor", "_last")

    def __init__(self, phrases: Iterable[str]) -> None:
        by_anchor: dict[str, list[frozenset[str]]] = {}
        for p in phrases:
            words = p.split()
            if words:
                by_anchor.setdefault(max(words, key=len), []).append(frozenset(words))
        self._by_anchor = by_anchor
        self._anchors = frozenset(by_anchor)
        # the last word set asked about and the answer: the candidates of one text ask about the same set
        self._last: tuple[frozenset[str] | None, bool] = (None, False)

    def any_in(self, words: frozenset[str]) -> bool:
        last = self._last
        if last[0] is words:
            return last[1]
        found = False
        for a in self._anchors & words:
            for need in self._by_anchor[a]:
                if need <= words:
                    found = True
                    break
            if found:
                break
        self._last = (words, found)
        return found


def words_table(
    own: Iterable[str] = (),
    competing: Mapping[str, Iterable[str]] | None = None,
    negative: Iterable[str] = (),
) -> dict[str, str]:
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
