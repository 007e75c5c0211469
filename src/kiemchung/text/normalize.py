"""Vietnamese social-media text normalization with an offset map back to the original.

``normalize(text)`` returns a :class:`~kiemchung.types.NormalizedText`; the input is never changed.

The text is split on spaces into chunks; each distinct chunk is analysed once and cached (posts repeat their
words), so the hot path is a dictionary look-up per chunk. A chunk goes through (each stage keeps a map from every
output character to the span of the input it came from):

1. ``offsets.clean``: NFC/NFKC (combining accents, full-width and "fancy" letters), zero-width characters out.
2. Case folding and one tone-placement style (old style: ``hoà→hòa``, ``khoẻ→khỏe``, ``thuý→thúy``;
   ``tuởng→tưởng``). Both are length-preserving.
3. Tokens (one compiled regex): URLs, e-mails, @mentions, #hashtags, emoticons, numbers (prices, phones, times,
   ``500k``, ``20k/kg``), words, emoji, punctuation. URLs, e-mails, mentions, hashtags, numbers, emoticons and
   emoji are kept whole and never rewritten (only case-folded).
4. Words (``words.py``): digits/symbols standing for letters inside words undone (``ch3t→chết``,
   ``ch@o→chao``), letters repeated for emphasis squashed (``quáaaa→quá``; ``xoong``, ``good``, ``kkkk`` kept),
   letters split by separators (``đ.m``, ``v-c-l``) joined, teencode expanded (``ko→không``,
   ``ntn→như thế nào``). A capitalised teencode-looking word in the middle of a sentence is a name ("anh Ko"):
   it is left as written, case included, so normalizing twice changes nothing; a post in capitals is shouting and
   gets expanded. Words glued into dotted abbreviations ("TP.HCM") are not expanded.

Runs of single letters spelled out with spaces ("n g u", "c h ế t") are found across chunks first and joined when
the letters make a known word.

Mapping: an expanded or joined word maps each of its characters to the whole source token; a squashed letter maps
to its whole run; everything else maps one to one.
"""

from __future__ import annotations

import re
from itertools import accumulate, compress, count, repeat
from operator import is_not, itemgetter
from typing import Any, cast

from kiemchung.text.offsets import clean
from kiemchung.text.words import (
    _CACHE,
    _CACHE_MAX,
    _SEP_CHARS,
    _STRIP,
    _TONE_PAIR_RE,
    _TONE_RE,
    TABLE_VERSION,
    _analyze,
    _join_ok,
    _lookup,
    _tone_sub,
    is_syllable,
    money_sense,
    money_talk,
    normalize_word,
    strip_diacritics,
)
from kiemchung.types import NormalizedText, Token

__all__ = ["TABLE_VERSION", "clear_caches", "is_syllable", "normalize", "normalize_word", "strip_diacritics"]

# --- stage 3: tokens --------------------------------------------------------------------------------------
_STRONG_TLD = (
    "com|net|org|vn|info|biz|xyz|top|io|gov|edu|asia|online|site|club|shop|store|link|app|live|pro|tk|ml|"
    "website|space|fun|icu|vip|win|bet|cash|money|finance|group|email|click"
)
_WEAK_TLD = "me|ly|co|in|us|tv|cc|uk|ga|cf|gq|gl|gg|to|sh|ai"
_EMOJI = "\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_URL_TAIL = r"""(?:[^\s<>"'“”]*[^\s<>"'“”.,;:!?)\]}])?"""
_TOKEN_RE = re.compile(
    rf"(?P<url>(?:https?://|www\.)[^\s<>\"'“”]*[^\s<>\"'“”.,;:!?)\]}}])"
    r"|(?P<email>(?<![\w.+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w]))"
    rf"|(?P<domain>(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:(?:{_STRONG_TLD})(?![\w])(?:/{_URL_TAIL})?"
    rf"|(?:{_WEAK_TLD})/{_URL_TAIL}))"
    r"|(?P<mention>(?<![\w@])@[^\W_][\w.]*[^\W_]|(?<![\w@])@[^\W_])"
    r"|(?P<hashtag>(?<![\w&#])#[^\W_]\w*)"
    r"|(?P<emoticon>(?<![\d:;=^<>/-])[:;=][-'^o]?(?:[)(\]\[/\\|*>v3]+|[dpo])(?![\w/])"
    r"|(?<![\w:;=^<>-])(?:x[d)(]+|<3+|\^[_.\-]?\^+|-_+-|t_t|o_o|>_<|>\.<|\(y\))(?![\w]))"
    r"|(?P<sep>(?<![\w.*+-])[^\W\d_](?P<s>[.\-*+_])[^\W\d_](?:(?P=s)[^\W\d_])*(?![\w*+-]|\.\w))"
    r"|(?P<number>\d+(?:[.,:/\-]\d+)*[^\W_]*(?:/[^\W\d_]+(?![\w.]))?)"
    r"|(?P<word>[^\W_]+(?:[@$]+[^\W_]+)*)"
    rf"|(?P<emoji>[\U0001f1e6-\U0001f1ff]{{2}}|[{_EMOJI}](?:\ufe0f|[\U0001f3fb-\U0001f3ff]|\u200d[{_EMOJI}])*)"
    r"|(?P<punct>([^\w\s])\2*)"
)
_KIND = {"url": "url", "domain": "url", "email": "email", "mention": "mention", "hashtag": "hashtag",
         "emoticon": "emoticon", "number": "number", "emoji": "emoji", "punct": "punct"}
_SENTENCE_END = frozenset(".!?…\n")

# --- chunks: space-separated pieces of text, analysed once and cached --------------------------------------------
# A unit is one token of a chunk: (rel_start, rel_end, out, kind, mode, ctx, alt)
#   mode None: ``out`` is the lower-cased source, one to one; "w": every char of ``out`` maps to the whole unit;
#   a tuple: per-char (rel_start, rel_end) runs inside the unit.
#   ctx 0: fixed; 1: a capitalised teencode word first in its chunk (a name unless at a sentence start);
#   2: a capitalised teencode word inside a chunk (a name unless the post is shouting); 3: a word whose meaning
#   turns on money talk in the post ("ck": chồng / chuyển khoản). ``alt`` = (out, mode) then.
_Unit = tuple[int, int, str, str, Any, int, Any]
# A rendering of a chunk: (out, key, rel_starts or None when one to one, rel_ends, tokens (text, start, end, kind))
_Render = tuple[str, str, "tuple[int, ...] | None", "tuple[int, ...] | None", tuple[tuple[str, int, int, str], ...]]
# What the cache holds per chunk: the default rendering (out, key, rel_starts, rel_ends, tokens), sentence end
# (None: no change), context bit mask, source length, output length, units, (cleaned chunk, its map, spaced)
_Chunk = tuple[str, str, Any, Any, Any, "bool | None", int, int, int, tuple[_Unit, ...], Any]
_CHUNKS: dict[str, _Chunk] = {}
# The cached chunks that read the same in every context (nearly all): their output and key; and those of them not
# mapped one to one. A text made only of one-to-one chunks is normalized without a Python loop over its chunks.
_OUT: dict[str, str] = {}
_KEY: dict[str, str] = {}
_MAPPED: set[str] = set()
# The cached chunks that are one letter, maybe with combining marks: the first letter of a spelled-out run is one
# (a text none of whose chunks is in here holds no run: a set look-up per chunk instead of a regex over the text)
_LETTERS: set[str] = set()
_LETTER_RE = re.compile(r"[^\W\d_][\u0300-\u036f]*")
_VARIANTS: dict[tuple[str, bool, bool, bool], _Render] = {}
# a letter, possibly followed by combining marks (decomposed input: "e\u0323\u0302" is one letter "ệ")
_SPACED_RE = re.compile(r" [^\W\d_][\u0300-\u036f]*(?: [^\W\d_][\u0300-\u036f]*){2,}(?= )")
_MARK_RE = re.compile(r"[\u0300-\u036f]")
_DOTTED_RE = re.compile(r"\.[^\W\d_]")
_DOTTED_END_RE = re.compile(r"[^\W\d_]\.")


def _word_unit(u: str, w: str, a: int, b: int, first: bool, sent: bool) -> _Unit:
    r = _CACHE.get(w)
    if r is None:
        r = _analyze(w)
    form, rel, exp = r
    if exp is None:
        return (a, b, form, "word", None if form == w else (rel if rel is not None else _identity(len(w))), 0, None)
    ctx = 0
    if u[a].isupper() and (b - a == 1 or not u[a + 1 : b].isupper()):
        ctx = 1 if first else (0 if sent else 2)
    if ctx:  # a name keeps its case, so that normalizing the normalized text again leaves it alone
        return (a, b, exp, "word", "w", ctx, (u[a:b], None))
    money = money_sense(form)
    if money is not None:
        return (a, b, exp, "word", "w", 3, (money, "w"))
    return (a, b, exp, "word", "w", 0, None)


_IDENTITY: dict[int, tuple[tuple[int, int], ...]] = {}


def _identity(n: int) -> tuple[tuple[int, int], ...]:
    rel = _IDENTITY.get(n)
    if rel is None:
        rel = _IDENTITY[n] = tuple((i, i + 1) for i in range(n))
    return rel


def _chunk_units(chunk: str, spaced: bool) -> tuple[tuple[_Unit, ...], bool | None]:
    """Tokens of one cleaned chunk (original case) with what each becomes, and whether it ends a sentence."""
    if spaced:  # a run of spelled-out letters
        return _spaced_units(chunk), False
    low = chunk.lower()
    folded = _TONE_RE.sub(_tone_sub, low) if _TONE_PAIR_RE.search(low) else low
    units: list[_Unit] = []
    sent = False
    prev = 0
    for m in _TOKEN_RE.finditer(folded):
        kind = m.lastgroup or "punct"
        a, b = m.span()
        g = m.group()
        if "\n" in folded[prev:a]:
            sent = True
        first = not units and not sent
        if kind == "word":
            unit = _word_unit(chunk, g, a, b, first, sent)
            if unit[4] == "w" and (_DOTTED_RE.match(folded, b) or a > 1 and _DOTTED_END_RE.match(folded, a - 2)):
                # part of a dotted abbreviation ("TP.HCM"): no teencode
                form, rel, _ = _CACHE[g]
                unit = (a, b, form, "word", None if form == g else (rel or _identity(b - a)), 0, None)
            sent = False
        elif kind == "sep":
            joined = "".join(c for c in g if c not in _SEP_CHARS)
            # lower-case "m.n" is teencode (mọi người); capitals "N.V" are initials, joined only if a word
            if g != "v.v" and (_join_ok(joined) or _lookup(joined) is not None and chunk[a:b].islower()):
                unit = (a, b, _lookup(joined) or joined, "word", "w", 0, None)
            elif _lookup(joined) is not None:  # initials that look like teencode keep their case (idempotence)
                unit = (a, b, chunk[a:b], "word", None, 0, None)
            else:
                unit = (a, b, g, "word", None, 0, None)
            sent = False
        else:
            unit = (a, b, g, _KIND[kind], None, 0, None)
            sent = kind == "punct" and g[0] in _SENTENCE_END
        if unit[4] is None and g != low[a:b]:  # the tone fold changed it
            unit = (a, b, unit[2], unit[3], _identity(b - a), 0, None)
        units.append(unit)
        prev = b
    if "\n" in folded[prev:]:
        sent = True
    return tuple(units), (sent if units or sent else None)


def _spaced_units(run: str) -> tuple[_Unit, ...]:
    """Units of single letters separated by spaces: join the longest windows that make a word ("t k n g u")."""
    low = run.lower()
    units: list[_Unit] = []
    i, n = 0, len(run)
    while i < n:
        for j in range(min(n, i + 13), i + 4, -2):  # a syllable has at most 7 letters ("nghiêng")
            joined = low[i:j:2]
            if _join_ok(joined):
                # Spelled with tone marks: keep the syllable as typed; bare letters: look the word up ("dit").
                form = joined if joined != strip_diacritics(joined) else (_lookup(joined) or joined)
                units.append((i, j, form, "word", "w", 0, None))
                i = j + 1
                break
        else:
            # A letter inside a run of spelled-out letters is a letter, not teencode ("đ ị t" is not "đ ị tôi").
            units.append((i, i + 1, low[i], "word", None, 0, None))
            i += 2
    return tuple(units)


def _render(
    chunk: str,
    units: tuple[_Unit, ...],
    alt_first: bool,
    alt_inner: bool,
    money: bool,
    extra: tuple[str, list[int] | None, list[int] | None, bool],
) -> _Render:
    """The normalized chunk, its key, its offset map relative to the raw chunk, and its tokens."""
    src, cs, ce, spaced = extra
    low = src.lower()
    pieces: list[str] = []
    rs: list[int] = []
    re_: list[int] = []
    toks: list[tuple[str, int, int, str]] = []
    pos = 0
    olen = 0  # length of the output so far
    changed = False
    for a, b, out, kind, mode, ctx, alt in units:
        if ctx and alt is not None and (alt_first if ctx == 1 else alt_inner if ctx == 2 else money):
            out, mode = alt
        if a > pos:  # characters no token took (e.g. "_", a newline): kept one to one
            pieces.append(low[pos:a])
            rs.extend(range(pos, a))
            re_.extend(range(pos + 1, a + 1))
            olen += a - pos
        o = olen
        pieces.append(out)
        olen += len(out)
        if mode is None:
            rs.extend(range(a, b))
            re_.extend(range(a + 1, b + 1))
            toks.append((out, o, o + len(out), kind))
        else:
            changed = True
            if mode == "w":
                rs.extend([a] * len(out))
                re_.extend([b] * len(out))
                for word in out.split(" "):
                    toks.append((word, o, o + len(word), kind))
                    o += len(word) + 1
            else:
                for ra, rb in mode:
                    rs.append(a + ra)
                    re_.append(a + rb)
                toks.append((out, o, o + len(out), kind))
        pos = b
    if pos < len(src):
        pieces.append(low[pos:])
        rs.extend(range(pos, len(src)))
        re_.extend(range(pos + 1, len(src) + 1))
    out_s = "".join(pieces)
    if cs is not None and ce is not None:  # compose with the character clean-up of the raw chunk
        rs = [cs[x] for x in rs]
        re_ = [ce[x - 1] for x in re_]
        changed = True
    if spaced:
        changed = True
    if not changed:
        return out_s, out_s.translate(_STRIP), None, None, tuple(toks)
    return out_s, out_s.translate(_STRIP), tuple(rs), tuple(re_), tuple(toks)


def _chunk(chunk: str) -> _Chunk:
    spaced = " " in chunk  # chunks come from split(" "); only runs of spelled-out letters hold spaces
    c, cs, ce = clean(chunk)
    extra = (c, cs, ce, spaced)
    units, ends = _chunk_units(c, spaced) if c else ((), None)
    out, key, rs, re_, toks = _render(chunk, units, False, False, False, extra)
    ctx = 0  # bit mask of the context-dependent units: 1 first-word name, 2 inner name, 4 money sense
    for unit in units:
        if unit[5]:
            ctx |= 1 << (unit[5] - 1)
    res = (out, key, rs, re_, toks, ends, ctx, len(chunk), len(out), units, extra)
    if len(chunk) <= 64:  # long chunks (URLs, junk) rarely repeat: not worth the memory
        if len(_CHUNKS) >= _CACHE_MAX:
            _clear_chunk_caches()
        _CHUNKS[chunk] = res
        if _LETTER_RE.fullmatch(chunk):  # before ``_OUT``: the fast path reads both, maybe on another thread
            _LETTERS.add(chunk)
        if not ctx:
            _OUT[chunk] = out
            _KEY[chunk] = key
            if rs is not None:
                _MAPPED.add(chunk)
    return res


def _variant(chunk: str, info: _Chunk, alt_first: bool, alt_inner: bool, money: bool) -> _Render:
    k = (chunk, alt_first, alt_inner, money)
    r = _VARIANTS.get(k)
    if r is None:
        r = _VARIANTS[k] = _render(chunk, info[9], alt_first, alt_inner, money, info[10])
    return r


def _one_letter_each(run: str) -> bool:
    return all(len(p) == 1 for p in run.split(" "))


def _spaced_parts(u: str, parts: list[str]) -> list[str]:
    """Merge the parts of each run of spelled-out letters ("n g u") into one part (the only parts with spaces)."""
    spans = [(m.start(), m.end() - 1) for m in _SPACED_RE.finditer(" " + u + " ")]
    out: list[str] = []
    pos = 0
    k = 0
    # clean() must leave one letter between each pair of spaces (NFC composes "e\u0323\u0302"; it must not
    # expand or drop letters, which would break the letter-space-letter layout the joiner reads)
    spans = [(a, b) for a, b in spans if _one_letter_each(clean(u[a:b])[0])]
    for part in parts:
        if k < len(spans) and pos >= spans[k][0]:
            if pos == spans[k][0]:
                out.append(u[spans[k][0] : spans[k][1]])
            if pos + len(part) >= spans[k][1]:
                k += 1
        else:
            out.append(part)
        pos += len(part) + 1
    return out


_new = object.__new__
_set_text = vars(Token)["text"].__set__
_set_start = vars(Token)["start"].__set__
_set_end = vars(Token)["end"].__set__
_set_kind = vars(Token)["kind"].__set__


class _Tokens:
    """Builds a text's tokens from its chunks' cached tokens, when first asked (picklable, plain data).

    ``parts`` is a list of (output offset of a chunk, its cached tokens)."""

    __slots__ = ("parts",)

    def __init__(self, parts: list[tuple[int, Any]]) -> None:
        self.parts = parts

    def __getstate__(self) -> list[tuple[int, Any]]:
        return self.parts

    def __setstate__(self, state: list[tuple[int, Any]]) -> None:
        self.parts = state

    def __call__(self) -> tuple[Token, ...]:
        return _build_tokens(self.parts)


class _LazyTokens:
    """The tokens of a text whose chunks all read the same in every context: found from the chunk cache when
    asked for (rarely), not while normalizing. Pickles as a :class:`_Tokens`."""

    __slots__ = ("chunks",)

    def __init__(self, chunks: list[str]) -> None:
        self.chunks = chunks

    def _parts(self) -> list[tuple[int, Any]]:
        parts: list[tuple[int, Any]] = []
        opos = 0
        for chunk in self.chunks:
            info = _CHUNKS.get(chunk) or _chunk(chunk)  # the same result if it was evicted meanwhile
            if info[4]:
                parts.append((opos, info[4]))
            opos += info[8] + 1
        return parts

    def __reduce__(self) -> tuple[type[_Tokens], tuple[list[tuple[int, Any]]]]:
        return _Tokens, (self._parts(),)

    def __call__(self) -> tuple[Token, ...]:
        return _build_tokens(self._parts())


def _build_tokens(parts: list[tuple[int, Any]]) -> tuple[Token, ...]:
    out: list[Token] = []
    append = out.append
    new, set_text, set_start, set_end, set_kind = _new, _set_text, _set_start, _set_end, _set_kind
    for opos, toks in parts:
        for t, a, b, kind in toks:
            tok = new(Token)  # Token is frozen: fill its slots directly, twice as fast as its __init__
            set_text(tok, t)
            set_start(tok, opos + a)
            set_end(tok, opos + b)
            set_kind(tok, kind)
            append(tok)
    return tuple(out)


def _clear_chunk_caches() -> None:
    """Forget every cached chunk and what is derived from it (its variants, the fast path's tables)."""
    _CHUNKS.clear()
    _VARIANTS.clear()
    _OUT.clear()
    _KEY.clear()
    _MAPPED.clear()
    _LETTERS.clear()


def clear_caches() -> None:
    """Forget every cached word and chunk (for benchmarks, or after changing the tables)."""
    _CACHE.clear()
    _clear_chunk_caches()


# Offset maps are slices of one shared tuple of ints (a slice copies pointers; ``tuple(range(n))`` makes new ints).
_RANGE_MAX = 1 << 13
_RANGE: tuple[int, ...] = tuple(range(_RANGE_MAX + 1))
_set_original = vars(NormalizedText)["original"].__set__
_set_normalized = vars(NormalizedText)["normalized"].__set__
_set_key = vars(NormalizedText)["key"].__set__
_set_token_source = vars(NormalizedText)["token_source"].__set__
_set_map_source = vars(NormalizedText)["map_source"].__set__


def _lazy_text(original: str, norm: str, key: str, maps: Any, tokens: Any) -> NormalizedText:
    """``NormalizedText(...)`` with its slots filled directly (it is frozen: its ``__init__`` is slower), except
    ``starts``/``ends``: they stay empty until first read, when ``maps()`` builds them (``map_source``)."""
    r = _new(NormalizedText)
    _set_original(r, original)
    _set_normalized(r, norm)
    _set_key(r, key)
    _set_token_source(r, tokens)
    _set_map_source(r, maps)
    return r


_FIELD0 = itemgetter(0)
_FIELD1 = itemgetter(1)
_FIELD2 = itemgetter(2)
_ChangedChunk = tuple[int, int, Any, Any]  # (source position, source length, rel_starts, rel_ends) of a chunk


def _build_maps(changed: list[_ChangedChunk], n_src: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """``starts``/``ends`` of a text of length ``n_src`` whose chunks not in ``changed`` (and the spaces between
    chunks) map one to one."""
    st: list[int] = []
    en: list[int] = []
    spos = 0
    for p, size, rs, re_ in changed:
        st.extend(_span_range(spos, p))
        en.extend(_span_range(spos + 1, p + 1))
        add = p.__add__
        st.extend(map(add, rs))
        en.extend(map(add, re_))
        spos = p + size
    st.extend(_span_range(spos, n_src))
    en.extend(_span_range(spos + 1, n_src + 1))
    return tuple(st), tuple(en)


class _Maps:
    """Builds a text's offset maps from its changed chunks, when first asked (``NormalizedText.map_source``)."""

    __slots__ = ("changed", "n_src")

    def __init__(self, changed: list[_ChangedChunk], n_src: int) -> None:
        self.changed = changed
        self.n_src = n_src

    def __call__(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        return _build_maps(self.changed, self.n_src)


class _IdentityMaps:
    """The offset maps of a text of ``n`` characters mapped one to one, when first asked: most are never read,
    and slicing two tuples of ``n`` ints costs more than this object (shared by every text of that length)."""

    __slots__ = ("n",)

    def __init__(self, n: int) -> None:
        self.n = n

    def __call__(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        n = self.n
        return _range_tuple(0, n), _range_tuple(1, n + 1)


_IDENTITY_MAPS: dict[int, _IdentityMaps] = {}


def _identity_maps(n: int) -> _IdentityMaps:
    m = _IDENTITY_MAPS.get(n)
    if m is None:
        m = _IdentityMaps(n)
        if n <= _RANGE_MAX:  # bounded: one per length that the shared range tuple covers
            _IDENTITY_MAPS[n] = m
    return m


class _LazyMaps:
    """The offset maps of a text whose chunks all read the same in every context, some of them rewritten: which
    chunks changed and how is found from the chunk cache when asked for, not while normalizing."""

    __slots__ = ("chunks", "n_src")

    def __init__(self, chunks: list[str], n_src: int) -> None:
        self.chunks = chunks
        self.n_src = n_src

    def __call__(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        chunks = self.chunks
        found = list(map(_CHUNKS.get, chunks))
        # the same result if a chunk was evicted meanwhile
        infos = [i or _chunk(c) for i, c in zip(found, chunks)] if None in found else cast("list[_Chunk]", found)
        rel_starts = list(map(_FIELD2, infos))
        offsets = list(accumulate(map(len, chunks), initial=0))  # chunk i starts at offsets[i] + i
        # only the changed chunks in Python (the maps of most texts are never built: see NormalizedText)
        changed = [(offsets[i] + i, len(chunks[i]), rel_starts[i], infos[i][3])
                   for i in compress(count(), map(is_not, rel_starts, repeat(None)))]
        return _build_maps(changed, self.n_src)


def _span_range(a: int, b: int) -> tuple[int, ...] | range:
    """``a, a + 1, …, b - 1`` as something ``list.extend``/``tuple`` take quickly."""
    return _RANGE[a:b] if b <= _RANGE_MAX else range(a, b)


def _range_tuple(a: int, b: int) -> tuple[int, ...]:
    return _RANGE[a:b] if b <= _RANGE_MAX else tuple(range(a, b))


def normalize(text: str) -> NormalizedText:
    """Normalize ``text`` for matching; the result maps every character back to ``text``."""
    u = text
    parts = u.split(" ")
    try:  # every chunk cached and context-free (no Python loop over the chunks)
        norm = " ".join(map(_OUT.__getitem__, parts))
    except KeyError:  # a new chunk, or one that reads differently by context (a name, money talk)
        return _normalize_slow(u, parts)
    # a spelled-out run ("n g u") starts with a chunk that is one letter, and every chunk is cached here: without
    # one in ``_LETTERS`` there is no run (the common case; the regex costs a few µs)
    if len(parts) > 3 and not _LETTERS.isdisjoint(parts) and _SPACED_RE.search(" " + u + " "):
        return _normalize_slow(u, parts)
    return _normalized(u, parts, norm)


def _normalize_slow(u: str, parts: list[str]) -> NormalizedText:
    """``normalize`` when the chunk look-ups failed (a chunk is new or reads differently by context) or the text
    may hold a run of spelled-out letters (merged into one part first)."""
    # a spelled-out run is single letters (each maybe followed by combining marks) between spaces: without a
    # one-character part or a combining mark, there is none
    if (len(parts) > 3 and (1 in map(len, parts) or _MARK_RE.search(u) is not None)
            and _SPACED_RE.search(" " + u + " ")):
        merged = _spaced_parts(u, parts)
        if merged != parts:  # else the look-ups that sent the text here would fail again
            try:
                norm = " ".join(map(_OUT.__getitem__, merged))
            except KeyError:
                return _normalize_loop(u, merged)
            return _normalized(u, merged, norm)
    found = list(map(_CHUNKS.get, parts))
    if None in found:  # a new chunk (or one too long to cache)
        return _normalize_loop(u, parts)
    infos = cast("list[_Chunk]", found)
    # Every chunk is cached; some read differently by context. Most often none of them does here (a capitalised
    # teencode-looking word opening a sentence, "Ko biết…", is not a name; "ck" outside money talk is "chồng"):
    # then the text is the default rendering of each chunk, as the loop would find. Otherwise, the loop.
    money: bool | None = None
    one_to_one = _MAPPED.isdisjoint(parts)
    for i, info in enumerate(infos):
        ctx = info[6]
        if not ctx:
            continue
        if ctx & 2:
            return _normalize_loop(u, parts)
        if ctx & 1:
            j = i - 1  # the sentence starts here if the last chunk before that says where sentences end does
            while j >= 0 and infos[j][5] is None:
                j -= 1
            if j >= 0 and not infos[j][5]:
                return _normalize_loop(u, parts)
        if ctx & 4:
            if money is None:
                money = money_talk(u)
            if money:
                return _normalize_loop(u, parts)
        if info[2] is not None:
            one_to_one = False
    norm = " ".join(map(_FIELD0, infos))
    key = " ".join(map(_FIELD1, infos))
    maps = _identity_maps(len(norm)) if one_to_one else _LazyMaps(parts, len(u))
    return _lazy_text(u, norm, key, maps, _LazyTokens(parts))


def _normalized(u: str, parts: list[str], norm: str) -> NormalizedText:
    """The result for chunks that are all cached and context-free, ``norm`` their joined output."""
    key = " ".join(map(_KEY.__getitem__, parts))
    # the offset maps are built if they are ever read (see NormalizedText.map_source): one to one, or (a chunk is
    # rewritten: teencode…) from the chunk cache
    maps = _identity_maps(len(norm)) if _MAPPED.isdisjoint(parts) else _LazyMaps(parts, len(u))
    return _lazy_text(u, norm, key, maps, _LazyTokens(parts))


def _normalize_loop(u: str, parts: list[str]) -> NormalizedText:
    """``normalize`` chunk by chunk: some chunk is new, or reads differently by context (a name, money talk)."""
    chunks = _CHUNKS
    outs: list[str] = []
    keys: list[str] = []
    token_parts: list[tuple[int, Any]] = []  # (output offset of the chunk, its cached tokens)
    append = token_parts.append
    maps: list[_ChangedChunk] = []  # (source pos, source length, map) of changed chunks
    pos = opos = 0
    sentence_start = True
    shouting: bool | None = None
    money: bool | None = None
    for part in parts:
        info = chunks.get(part)
        if info is None:
            info = _chunk(part)
        out, key, rs, re_, toks, ends, ctx, size, osize, _, _ = info
        if ctx:
            alt_first = bool(ctx & 1) and not sentence_start
            alt_inner = bool(ctx & 2)
            if (alt_first or alt_inner) and shouting is None:
                shouting = sum(map(str.isupper, u)) > 0.6 * sum(map(str.isalpha, u))
            if shouting:
                alt_first = alt_inner = False
            if ctx & 4 and money is None:
                money = money_talk(u)
            use_money = bool(ctx & 4) and bool(money)
            if alt_first or alt_inner or use_money:
                out, key, rs, re_, toks = _variant(part, info, alt_first, alt_inner, use_money)
                osize = len(out)
        outs.append(out)
        keys.append(key)
        if toks:
            append((opos, toks))
        if rs is not None:
            maps.append((pos, size, rs, re_))
        if ends is not None:
            sentence_start = ends
        pos += size + 1
        opos += osize + 1
    norm = " ".join(outs)
    key = " ".join(keys)
    return _lazy_text(u, norm, key, _Maps(maps, len(u)) if maps else _identity_maps(len(norm)), _Tokens(token_parts))
