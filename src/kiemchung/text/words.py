"""Word-level normalization: one tone style, leet undone, emphasis squashed, teencode looked up.

``normalize_word(w)`` gives the standard form of one lower-case word out of context. ``_analyze`` (cached) gives the
pieces ``kiemchung.text.normalize`` needs: the cleaned form, a per-character map of squashed runs, and the teencode
expansion. Expansions come from the hand-written ``teencode.TEENCODE`` overridden or blocked by the learned table in
``models/data/normalize/vilexnorm_table.json``; the merged table is closed at import so every expansion is a fixed
point (normalization is idempotent).
"""

from __future__ import annotations

import json
import re
from importlib import resources

from kiemchung.text.teencode import FORCED, KEEP, KEEP_DOUBLE, MONEY_SENSE, OBFUSCATED, TEENCODE

__all__ = ["TABLE_VERSION", "is_syllable", "normalize_word", "strip_diacritics"]

_VI_LOWER = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_VI_LOWER_KEY = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd"
_STRIP = str.maketrans(_VI_LOWER + _VI_LOWER.upper(), _VI_LOWER_KEY + _VI_LOWER_KEY.upper())


def strip_diacritics(s: str) -> str:
    """Diacritic-free key of NFC text; same length as the input (đ→d, Đ→D)."""
    return s.translate(_STRIP)


# --- stage 2: one tone-placement style --------------------------------------------------------------------
_TONE_FOLD: dict[str, str] = {}
for _new, _old in (("oàoáoảoãoạ", "òaóaỏaõaọa"), ("oèoéoẻoẽoẹ", "òeóeỏeõeọe"), ("uỳuýuỷuỹuỵ", "ùyúyủyũyụy"),
                   ("uơuờuớuởuỡuợ", "ươườướưởưỡượ")):
    for _i in range(0, len(_new), 2):
        _TONE_FOLD[_new[_i : _i + 2]] = _old[_i : _i + 2]
# new-style marks in open syllables (not after q: "quý", "quà"); "tuởng" → "tưởng" (uơ + letter is always ươ)
_TONE_RE = re.compile(r"(?<!q)(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![^\W\d_])|u[ơờớởỡợ](?=[^\W\d_])")
_TONE_PAIR_RE = re.compile(r"o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵơờớởỡợ]")


def _tone_sub(m: re.Match[str]) -> str:
    return _TONE_FOLD[m.group()]


# --- words -----------------------------------------------------------------------------------------
_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)
_VOWEL_RE = re.compile(r"[aeiouy]")
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "@": "a", "$": "s"}
_LEET_RE = re.compile(r"(?<=[^\W\d_])[0134@$]+(?=[^\W\d_])")
_RUN_RE = re.compile(r"(\w)\1+")

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _untone_char(c: str) -> str:
    import unicodedata

    d = "".join(x for x in unicodedata.normalize("NFD", c) if x not in _TONE_MARKS)
    return unicodedata.normalize("NFC", d)


# Tone marks removed but vowel quality kept (ứ→ư, ấ→â): "ưu" in "hưu", "cứu" is not a repeated letter.
_UNTONE = str.maketrans({c: _untone_char(c) for c in
                         "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                         "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"})
_SEP_CHARS = ".-*+_"


def is_syllable(word: str) -> bool:
    """Whether ``word`` (lower case) has the shape of one Vietnamese syllable (tones ignored)."""
    return _SYLLABLE_RE.fullmatch(strip_diacritics(word)) is not None


def _load_table() -> tuple[dict[str, str], frozenset[str], str]:
    """The learned table shipped in ``models/data/normalize`` (empty when absent)."""
    try:
        ref = resources.files("kiemchung.models").joinpath("data/normalize/vilexnorm_table.json")
        data = json.loads(ref.read_text(encoding="utf-8"))
    except (FileNotFoundError, ModuleNotFoundError, OSError, ValueError):
        return {}, frozenset(), "none"
    return dict(data["entries"]), frozenset(data.get("vocab", ())), str(data.get("version", "unknown"))


_LEARNED, _VOCAB, TABLE_VERSION = _load_table()


# Words a learned (data-driven) entry may never produce on its own: an out-of-context guess must not invent an
# insult ("ngo"→"ngu", "méo"→"đéo", "cúc"→"cút"); the hand-written dictionary still maps real obfuscations.
_NEVER_GUESS = frozenset({"ngu", "đéo", "địt", "lồn", "cặc", "cứt", "đĩ", "cút", "chó", "mày", "tao", "khốn", "súc",
                          "dốt", "đần", "óc", "đít"})


def _unsafe_learned(k: str, v: str) -> bool:
    """A learned entry that would rewrite an ordinary word typed without accents into another word.

    "dai" is "dài" as often as teencode for "trai", "chin" is "chín", "hoi" is "hỏi"/"hơi": an unaccented syllable is
    only restored to its own accented form (strip_diacritics(v) == k), never replaced by a different word, unless the
    hand-written dictionary says so.
    """
    if k in TEENCODE:
        return False
    if v in _NEVER_GUESS:
        return True
    return k.isascii() and is_syllable(k) and strip_diacritics(v) != k


# What a word form expands to: the hand-written dictionary, overridden (or blocked) by the learned table.
def build_expansions(learned: dict[str, str]) -> dict[str, str]:
    """The hand-written dictionary overridden (or blocked: ``form → form``) by a learned table."""
    out = {k: v for k, v in TEENCODE.items() if k != v and k not in KEEP}
    for k, v in learned.items():
        if k in FORCED or k in KEEP or _unsafe_learned(k, v):
            continue
        if k == v:
            out.pop(k, None)
        else:
            out[k] = v
    return out


_EXPAND: dict[str, str] = build_expansions(_LEARNED)


_MONEY_RE = re.compile(
    r"\d\s?(?:k|tr|triệu|nghìn|ngàn|đ|vnd|vnđ|usd)(?![^\W\d_])|\bstk\b|số tk|tài khoản|tai khoan|ngân hàng|"
    r"momo|zalopay|viettelpay|\bck\s(?:trước|truoc|lại|cho|vào|vao|qua|tiền|tien|khoản|\d)"
)


def money_talk(text: str) -> bool:
    """Whether a post talks about money or transfers (decides "ck": chồng or chuyển khoản)."""
    return _MONEY_RE.search(text.lower()) is not None


def _lookup(form: str) -> str | None:
    return _EXPAND.get(form)


def money_sense(form: str) -> str | None:
    """The meaning of ``form`` in a post about money, when it differs from the usual one."""
    pair = MONEY_SENSE.get(form)
    return pair[1] if pair is not None else None


def _known(form: str) -> bool:
    return is_syllable(form) or form in TEENCODE or form in _LEARNED or form in KEEP_DOUBLE


def _squash(w: str) -> tuple[str, tuple[tuple[int, int], ...]] | None:
    """Squash letters repeated for emphasis; return the new form and, per output char, its source run."""
    if w in KEEP_DOUBLE or is_syllable(w):
        return None
    key = w.translate(_UNTONE)
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
    if not _VOWEL_RE.search(strip_diacritics(full)) and full not in OBFUSCATED:
        return None  # "kkkk" is laughter, not an emphasised "k"
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
        if _TONE_PAIR_RE.search(form):  # "hoàa" squashed to "hoà" now ends the syllable
            form = _TONE_RE.sub(_tone_sub, form)
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


def _close_table() -> None:
    """Make every expansion a fixed point (its words normalize to themselves), so normalize is idempotent."""
    for _ in range(3):
        _CACHE.clear()
        changed = {k: " ".join(normalize_word(w) for w in v.split()) for k, v in _EXPAND.items()}
        changed = {k: v for k, v in changed.items() if v != _EXPAND[k]}
        if not changed:
            break
        _EXPAND.update(changed)
    _CACHE.clear()
    for k, v in list(_EXPAND.items()):
        if any(normalize_word(w) != w for w in v.split()) or not all(w.isalpha() for w in v.split()):
            del _EXPAND[k]
    _CACHE.clear()


_close_table()


def _join_ok(joined: str) -> bool:
    if joined in OBFUSCATED:
        return True
    key = strip_diacritics(joined)
    if _RUN_RE.search(key):  # "ừ ừ ừ" is not a spelled-out word
        return False
    if _SYLLABLE_RE.fullmatch(key) is None:
        return False
    # Letters spelled out with the very tone marks the tables give their bare form ("đ ị t": "dit" → "địt") name
    # that word exactly: joining them invents nothing, although insults are kept out of the vocabulary.
    return not _VOCAB or joined in _VOCAB or joined in TEENCODE or (joined != key and _lookup(key) == joined)


