"""Vietnamese social-media text normalization with an offset map back to the original.

``normalize(text)`` returns a :class:`~kiemchung.types.NormalizedText`; the input is never changed.

Stages (each keeps a map from every output character to the span of the input it came from):

1. ``offsets.clean``: NFC/NFKC (combining accents, full-width and "fancy" letters), zero-width characters out.
2. Case folding and one tone-placement style (old style: ``hoà→hòa``, ``khoẻ→khỏe``, ``thuý→thúy``;
   ``tuởng→tưởng``). Both are length-preserving.
3. Tokens (one compiled regex): URLs, e-mails, @mentions, #hashtags, emoticons, numbers (prices, phones, times,
   ``500k``), words, emoji, punctuation. URLs, e-mails, mentions, hashtags, numbers, emoticons and emoji are
   kept whole and never rewritten.
4. Words: digits/symbols standing for letters inside words undone (``ch3t→chet``, ``ch@o→chao``), letters
   repeated for emphasis squashed (``quáaaa→quá``; ``xoong``, ``good`` kept), letters split by separators
   (``đ.m``, ``v-c-l``) or spaces (``n g u``) joined, teencode expanded (``ko→không``, ``ntn→như thế nào``) —
   except for capitalised names in the middle of a sentence. Word results are cached.

Mapping: an expanded or joined word maps each of its characters to the whole source token; a squashed letter maps
to its whole run; everything else maps one to one.
"""

from __future__ import annotations

import json
import re
from importlib import resources

from kiemchung.text.offsets import clean
from kiemchung.text.teencode import KEEP_DOUBLE, OBFUSCATED, TEENCODE
from kiemchung.types import NormalizedText, Token

__all__ = ["normalize", "normalize_word", "strip_diacritics", "is_syllable", "TABLE_VERSION"]

_VI_LOWER = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_VI_LOWER_KEY = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd"
_STRIP = str.maketrans(_VI_LOWER + _VI_LOWER.upper(), _VI_LOWER_KEY + _VI_LOWER_KEY.upper())


def strip_diacritics(s: str) -> str:
    """Diacritic-free key of NFC text; same length as the input (đ→d, Đ→D)."""
    return s.translate(_STRIP)


# --- stage 2: one tone-placement style --------------------------------------------------------------------
_TONE_FOLD = {}
for _plain, _toned in (("o", "àáảãạ"), ("o", "èéẻẽẹ"), ("u", "ỳýỷỹỵ")):
    _marked = {"o": "òóỏõọ", "u": "ùúủũụ"}[_plain]
    for _i, _c in enumerate(_toned):
        _TONE_FOLD[_plain + _c] = _marked[_i] + "aaaaa eeeee yyyyy"[("àèỳ".index(_toned[0])) * 6 + _i]
for _i, _c in enumerate("ơờớởỡợ"):  # "tuởng" → "tưởng": uơ followed by a letter is always ươ
    _TONE_FOLD["u" + _c] = "ư" + _c
_TONE_RE = re.compile(r"(?<![q\w])(?:\w?)(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![^\W\d_])|u[ơờớởỡợ](?=[^\W\d_])")
_TONE_PAIR_RE = re.compile(r"o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]|u[ơờớởỡợ]")


def _tone_sub(m: re.Match[str]) -> str:
    g = m.group()
    if g[0] == "u" and len(g) == 2 and g[1] in "ơờớởỡợ":
        return _TONE_FOLD[g]
    head, pair = g[:-2], g[-2:]
    if head == "q" or head == "g" and pair[0] == "u":  # quý, quà: u belongs to the onset
        return g
    return head + _TONE_FOLD[pair]


# --- stage 3: tokens --------------------------------------------------------------------------------------
_STRONG_TLD = (
    "com|net|org|vn|info|biz|xyz|top|io|gov|edu|asia|online|site|club|shop|store|link|app|live|pro|tk|ml|"
    "website|space|fun|icu|vip|win|bet|cash|money|finance|group|email|click"
)
_WEAK_TLD = "me|ly|co|in|us|tv|cc|uk|ga|cf|gq|gl|gg|to|sh|ai"
_URL_TAIL = r"""(?:[^\s<>"'“”]*[^\s<>"'“”.,;:!?)\]}])?"""
_TOKEN_RE = re.compile(
    rf"(?P<url>(?:https?://|www\.)[^\s<>\"'“”]*[^\s<>\"'“”.,;:!?)\]}}])"
    r"|(?P<email>(?<![\w.+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w]))"
    rf"|(?P<domain>(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:(?:{_STRONG_TLD})(?![\w])(?:/{_URL_TAIL})?"
    rf"|(?:{_WEAK_TLD})/{_URL_TAIL}))"
    r"|(?P<mention>(?<![\w@])@[^\W_][\w.]*[^\W_]|(?<![\w@])@[^\W_])"
    r"|(?P<hashtag>(?<![\w&#])#[^\W_]\w*)"
    r"|(?P<emoticon>(?<![\w:;=^<>-])(?:[:;=][-'^o]?(?:[)(\]\[/\\|*>v3]+|[dpo](?![\w]))|x[d)(]+(?![\w])|<3+"
    r"|\^[_.\-]?\^+|-_+-|t_t|o_o|>_<|>\.<|=\)+|\(y\)|:v)(?![\w]))"
    r"|(?P<sep>(?<![\w.*+-])[^\W\d_](?P<s>[.\-*+_])[^\W\d_](?:(?P=s)[^\W\d_])*(?![\w*+-]|\.\w))"
    r"|(?P<spaced>(?<![\w.@#])[^\W\d_](?: [^\W\d_]){2,}(?![\w@]))"
    r"|(?P<number>\d+(?:[.,:/\-]\d+)*[^\W_]*)"
    r"|(?P<word>[^\W_]+(?:[@$]+[^\W_]+)*)"
    rf"|(?P<emoji>[{'\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff'}]"
    r"[\ufe0f\u200d\U0001f3fb-\U0001f3ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]*)"
    r"|(?P<punct>([^\w\s])\2*)"
)
_KIND = {"url": "url", "domain": "url", "email": "email", "mention": "mention", "hashtag": "hashtag",
         "emoticon": "emoticon", "number": "number", "emoji": "emoji", "punct": "punct"}
_SENTENCE_END = frozenset(".!?…\n")

# --- stage 4: words -----------------------------------------------------------------------------------------
_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)
_ONSET_ONLY_RE = re.compile(r"[aeiouy]")
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "@": "a", "$": "s"}
_LEET_RE = re.compile(r"(?<=[^\W\d_])[0134@$]+(?=[^\W\d_])")
_RUN_RE = re.compile(r"(\w)\1+")
_SEP_CHARS = ".-*+_"


def is_syllable(word: str) -> bool:
    """Whether ``word`` (lower case) has the shape of one Vietnamese syllable (tones ignored)."""
    return _SYLLABLE_RE.fullmatch(strip_diacritics(word)) is not None


def _load_table() -> tuple[dict[str, str], str]:
    try:
        ref = resources.files("kiemchung.models").joinpath("data/normalize/vilexnorm_table.json")
        data = json.loads(ref.read_text(encoding="utf-8"))
    except (FileNotFoundError, ModuleNotFoundError, OSError, ValueError):
        return {}, "none"
    return dict(data["entries"]), str(data.get("version", "unknown"))


_LEARNED, TABLE_VERSION = _load_table()


def _lookup(form: str) -> str | None:
    rep = _LEARNED.get(form)
    if rep is None:
        rep = TEENCODE.get(form)
    return None if rep is None or rep == form else rep


def _known(form: str) -> bool:
    return is_syllable(form) or form in TEENCODE or form in _LEARNED or form in KEEP_DOUBLE


def _squash(w: str) -> tuple[str, tuple[tuple[int, int], ...]] | None:
    """Squash letters repeated for emphasis; return the new form and, per output char, its source run."""
    if w in KEEP_DOUBLE:
        return None
    key = strip_diacritics(w)
    runs = [m.span() for m in _RUN_RE.finditer(key)]
    if not runs:
        return None
    # legit doubles: "oo" in xoong/boong/moóc (exactly two, before ng/c)
    runs = [(a, b) for a, b in runs if not (key[a] == "o" and b - a == 2 and key[b:b + 2] in ("ng", "c"))]
    if not runs:
        return None

    def build(limit: int) -> tuple[str, tuple[tuple[int, int], ...]]:
        out: list[str] = []
        rel: list[tuple[int, int]] = []
        pos = 0
        for a, b in runs:
            if b - a < (2 if limit == 1 else 3):
                continue
            out.extend(w[pos:a])
            rel.extend((i, i + 1) for i in range(pos, a))
            run = w[a:b]
            marked = [c for c in run if c != key[a]]  # prefer the letter that carries the accent
            keep = (marked[-1] if marked else run[0]) * limit
            out.append(keep)
            rel.extend([(a, b)] * limit)
            pos = b
        out.extend(w[pos:])
        rel.extend((i, i + 1) for i in range(pos, len(w)))
        return "".join(out), tuple(rel)

    full, rel = build(1)
    if _known(full):
        return full, rel
    if any(b - a >= 3 for a, b in runs):
        two, rel2 = build(2)
        if two != w:
            return two, rel2
    return None


def _leet(w: str) -> str:
    if not _LEET_RE.search(w):
        return w
    cand = _LEET_RE.sub(lambda m: "".join(_LEET[c] for c in m.group()), w)
    if len(cand) == len(w) and _known(cand):
        return cand
    return w


_Analysis = tuple[str, "tuple[tuple[int, int], ...] | None", "str | None"]
_CACHE: dict[str, _Analysis] = {}
_CACHE_MAX = 200_000


def _analyze(w: str) -> _Analysis:
    """(form, per-char source runs or None when one-to-one, teencode expansion or None) of a lower-case word."""
    form = _leet(w)
    rel: tuple[tuple[int, int], ...] | None = None
    sq = _squash(form)
    if sq is not None:
        form, rel = sq
    exp = _lookup(form)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    res = (form, rel, exp)
    _CACHE[w] = res
    return res


def normalize_word(word: str) -> str:
    """Normalize one lower-case word (leet, emphasis, teencode), out of context."""
    form, _, exp = _CACHE.get(word) or _analyze(word)
    return exp if exp is not None else form


def _join_ok(joined: str) -> bool:
    if joined in OBFUSCATED:
        return True
    key = strip_diacritics(joined)
    if _RUN_RE.search(key):  # "ừ ừ ừ" is not a spelled-out word
        return False
    return _SYLLABLE_RE.fullmatch(key) is not None and not _ONSET_ONLY_RE.fullmatch(key)


def normalize(text: str) -> NormalizedText:
    """Normalize ``text`` for matching; the result maps every character back to ``text``."""
    u, cs, ce = clean(text)
    s = u.lower()
    if len(s) != len(u):  # exotic case mappings; keep lengths by lowering char by char
        s = "".join(c.lower() if len(c.lower()) == 1 else c for c in u)
    if _TONE_PAIR_RE.search(s):
        s = _TONE_RE.sub(_tone_sub, s)

    edits: list[tuple[int, int, str, tuple[tuple[int, int], ...] | None]] = []
    tokens: list[Token] = []
    append = tokens.append
    delta = 0
    sentence_start = True
    prev_end = 0
    cache = _CACHE
    shouting: bool | None = None

    def emit_word(w: str, a: int, b: int) -> None:
        nonlocal delta, shouting
        r = cache.get(w)
        if r is None:
            r = _analyze(w)
        form, rel, exp = r
        if exp is not None:
            first = u[a]
            if first.isupper() and not sentence_start and "\n" not in s[prev_end:a]:
                # a capitalised word mid-sentence is a name ("anh Ko"), unless the whole post is shouting
                if b - a == 1 or not u[a + 1 : b].isupper():
                    if shouting is None:
                        letters = [c for c in u if c.isalpha()]
                        shouting = sum(c.isupper() for c in letters) > 0.6 * len(letters)
                    if not shouting:
                        exp = None
        if exp is not None:
            edits.append((a, b, exp, None))
            p = a + delta
            for part in exp.split(" "):
                append(Token(part, p, p + len(part), "word"))
                p += len(part) + 1
            delta += len(exp) - (b - a)
        elif form != w:
            edits.append((a, b, form, rel))
            append(Token(form, a + delta, a + delta + len(form), "word"))
            delta += len(form) - (b - a)
        else:
            append(Token(w, a + delta, b + delta, "word"))

    for m in _TOKEN_RE.finditer(s):
        kind = m.lastgroup
        a, b = m.span()
        if kind == "word":
            emit_word(m.group(), a, b)
            sentence_start = False
        elif kind == "punct":
            g = m.group()
            append(Token(g, a + delta, b + delta, "punct"))
            if g[0] in _SENTENCE_END:
                sentence_start = True
        elif kind == "sep" or kind == "spaced":
            g = m.group()
            joined = "".join(c for c in g if c != " " and c not in _SEP_CHARS)
            if g != "v.v" and _join_ok(joined):
                rep = _lookup(joined) or joined
                edits.append((a, b, rep, None))
                p = a + delta
                for part in rep.split(" "):
                    append(Token(part, p, p + len(part), "word"))
                    p += len(part) + 1
                delta += len(rep) - (b - a)
            elif kind == "spaced":
                for i in range(a, b, 2):
                    emit_word(s[i], i, i + 1)
                    prev_end = i + 1
            else:
                append(Token(g, a + delta, b + delta, "word"))
            sentence_start = False
        else:
            append(Token(m.group(), a + delta, b + delta, _KIND[kind or "punct"]))
            sentence_start = False
        prev_end = b

    n = len(s)
    if not edits:
        norm = s
        if cs is None or ce is None:
            starts: tuple[int, ...] = tuple(range(n))
            ends: tuple[int, ...] = tuple(range(1, n + 1))
        else:
            starts, ends = tuple(cs), tuple(ce)
    else:
        pieces: list[str] = []
        st: list[int] = []
        en: list[int] = []
        pos = 0
        for a, b, rep, rel in edits:
            if a > pos:
                pieces.append(s[pos:a])
                if cs is None or ce is None:
                    st.extend(range(pos, a))
                    en.extend(range(pos + 1, a + 1))
                else:
                    st.extend(cs[pos:a])
                    en.extend(ce[pos:a])
            pieces.append(rep)
            if rel is None:
                sa, eb = (a, b) if cs is None or ce is None else (cs[a], ce[b - 1])
                st.extend([sa] * len(rep))
                en.extend([eb] * len(rep))
            elif cs is None or ce is None:
                for ra, rb in rel:
                    st.append(a + ra)
                    en.append(a + rb)
            else:
                for ra, rb in rel:
                    st.append(cs[a + ra])
                    en.append(ce[a + rb - 1])
            pos = b
        if pos < n:
            pieces.append(s[pos:])
            if cs is None or ce is None:
                st.extend(range(pos, n))
                en.extend(range(pos + 1, n + 1))
            else:
                st.extend(cs[pos:])
                en.extend(ce[pos:])
        norm = "".join(pieces)
        starts, ends = tuple(st), tuple(en)
    return NormalizedText(text, norm, norm.translate(_STRIP), starts, ends, tuple(tokens))
