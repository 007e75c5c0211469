"""Find direct quotes in a post and who the post says said them.

Quote marks: “…”, "…", «…», ‘…’ (a “ may close with " and the other way round). Attribution is read around the
quote on the lower-cased text, then on its diacritic-free key, so "ong Nguyen Van A noi" works like
"ông Nguyễn Văn A nói" (the key alone would read "Hà Nội" as the verb "nói"):

- before: ``<speaker> <verb> [rằng|là][:,] “…”`` (verbs in :data:`~kiemchung.quotes.lexicon.SPEECH_VERBS`),
  ``Theo <speaker>, “…”``, ``<title> <Name>: “…”``;
- after: ``“…”, <speaker> <verb>.``, ``“…”, <verb> <speaker>.``, ``“…” – <speaker>``.

Short quoted phrases with no attribution (scare quotes such as “siêu lừa”) are not treated as quotes.
An ellipsis (… ... [...] (...)) splits a quote into pieces that are aligned one by one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from kiemchung.quotes.lexicon import SPEECH_VERBS, TITLES, key_of, words_of
from kiemchung.types import NormalizedText

_QUOTE_RE = re.compile(
    r"“([^“”\"\n]{2,3000}?)[”\"]|\"([^\"“”\n]{2,3000}?)[\"”]|«([^«»\n]{2,3000}?)»|‘([^‘’\n]{2,3000}?)’"
)
_ELLIPSIS_RE = re.compile(r"\s*(?:\[\s*(?:…|\.{2,})\s*\]|\(\s*(?:…|\.{2,})\s*\)|…|\.{3,})\s*")
_WORD_RE = re.compile(r"\w+")
_SENT_END_RE = re.compile(r"[.!?\n]")
_ABBREV_DOT_RE = re.compile(r"(?:^|\W)(?:TS|GS|PGS|ThS|BS|KS|TP|Th|Mr|Mrs|PCT|CT)$", re.I)
_CONTEXT = 300  # characters read on each side of a quote for its attribution


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Index after the last sentence end in ``text[lo:pos]`` (the dot of "PGS.TS" is not one)."""
    for m in reversed(list(_SENT_END_RE.finditer(text, lo, pos))):
        if m.group() == "." and _ABBREV_DOT_RE.search(text[max(0, m.start() - 4) : m.start()]):
            continue
        return m.end()
    return lo


def _alt(phrases: tuple[str, ...], form: Callable[[str], tuple[str, ...]]) -> str:
    keys = sorted({" ".join(form(p)) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


# the speaker: up to 12 words with no sentence punctuation
_SPK = r"(?<!\w)[^\W\d_][\w.]*(?:\s+[\w.]+){0,11}?"


@dataclass(frozen=True, slots=True)
class _Patterns:
    """Attribution patterns over one view of the text: lower-cased (with diacritics) or the diacritic-free key."""

    before_verb: re.Pattern[str]
    before_theo: re.Pattern[str]
    before_colon: re.Pattern[str]
    before_name_colon: re.Pattern[str]
    after_spk_verb: re.Pattern[str]
    after_verb_spk: re.Pattern[str]
    after_dash: re.Pattern[str]
    title_start: re.Pattern[str]
    title_before: re.Pattern[str]
    verb: re.Pattern[str]

    @classmethod
    def build(cls, form: Callable[[str], tuple[str, ...]]) -> _Patterns:
        verbs, titles = _alt(SPEECH_VERBS, form), _alt(TITLES, form)
        rang, theo = " ".join(form("rằng")), " ".join(form("theo"))
        return cls(
            re.compile(
                rf"(?P<spk>{_SPK})\s+(?P<verb>{verbs})(?!\w)(?:\s+\w+){{0,6}}?(?:\s+(?:{rang}|là|la))?\s*[:,]?\s*$"
            ),
            re.compile(rf"(?:^|[\s,.(]){theo}\s+(?P<spk>{_SPK})\s*[,:]\s*$"),
            re.compile(rf"(?<!\w)(?P<spk>(?:{titles})\.?\s*{_SPK})\s*:\s*$"),
            re.compile(r"(?:^|(?<=[.!?,;]\s))(?P<spk>[^\W\d_]+(?:\s+[^\W\d_]+){1,5})\s*:\s*$"),
            re.compile(
                rf"^\s*(?:[,–—-]+\s*|(?=(?:{titles})(?!\w)))(?P<spk>{_SPK})\s+(?P<verb>{verbs})(?!\w)"
            ),
            re.compile(rf"^\s*[,–—-]\s*(?P<verb>{verbs})\s+(?P<spk>{_SPK})\s*(?:[.,;!?)]|$)"),
            re.compile(
                rf"^\s*[–—-]\s*(?P<spk>(?:{titles})\.?\s+{_SPK}|[^\W\d_]+(?:\s+[^\W\d_]+){{1,3}})"
                r"\s*(?:[.,;!?)]|$)"
            ),
            re.compile(rf"(?<!\w)(?:{titles})(?!\w)"),
            re.compile(rf"(?<!\w)(?:{titles})\.?\s*$"),
            re.compile(rf"(?<!\w)(?:{verbs})(?!\w)"),
        )


_WITH_MARKS = _Patterns.build(words_of)
_KEY = _Patterns.build(key_of)


def _views(norm: NormalizedText) -> tuple[tuple[str, _Patterns], ...]:
    """Views to read attributions on: the normalized text (with diacritics), then the diacritic-free key for
    posts typed without them (the key alone would read "Hà Nội" as the verb "nói")."""
    return ((norm.normalized, _WITH_MARKS), (norm.key, _KEY))


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote: ``start``/``end`` cover the words inside the marks (original offsets)."""

    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]  # original spans between ellipses
    speaker: str = ""
    speaker_start: int | None = None
    speaker_end: int | None = None
    lead_ellipsis: bool = False
    trail_ellipsis: bool = False

    @property
    def has_ellipsis(self) -> bool:
        return len(self.pieces) > 1 or self.lead_ellipsis or self.trail_ellipsis


def _n_words(s: str) -> int:
    return len(_WORD_RE.findall(s))


def _norm_index(norm: NormalizedText, orig_pos: int) -> int:
    return bisect_left(norm.starts, orig_pos)


def _speaker_span(
    norm: NormalizedText, ks: int, ke: int, lo: int, text: str, pats: _Patterns
) -> tuple[int, int] | None:
    """Trim a speaker candidate (span [ks, ke) of ``text``) to start at its last title, else at the capitalized
    run before the verb; titles joined in front ("PGS.TS") are taken in, down to ``lo``."""
    key = text
    cand = key[ks:ke]
    # cut at the last clause punctuation
    cut = max(cand.rfind(","), cand.rfind(";"), cand.rfind(":"), cand.rfind("("), cand.rfind('"'))
    if cut >= 0:
        ks += cut + 1
        cand = key[ks:ke]
    titles = list(pats.title_start.finditer(cand))
    if titles:
        # take the first title of the last run of titles ("Phó Thủ tướng", "PGS.TS")
        first = titles[-1]
        for t in reversed(titles[:-1]):
            between = cand[t.end():first.start()]
            if between.strip(" .") == "":
                first = t
            else:
                break
        s = ks + first.start()
    else:
        # last run of capitalized words in the original
        words = list(_WORD_RE.finditer(cand))
        if not words:
            return None
        run_start = None
        for w in reversed(words):
            a, _ = norm.to_original(ks + w.start(), ks + w.end())
            if norm.original[a : a + 1].isupper():
                run_start = w.start()
            else:
                break
        if run_start is None:
            # a lower-case subject of a few words ("mẹ tôi nói")
            if len(words) > 3:
                return None
            run_start = words[0].start()
        s = ks + run_start
    e = ke
    while e > s and key[e - 1] in " .,;:–—-":
        e -= 1
    while s < e and key[s] in " .,;:–—-":
        s += 1
    # take in titles joined to the front ("PGS.TS", "Phó Thủ tướng")
    while True:
        m = pats.title_before.search(key, max(lo, s - 24), s)
        if not m or m.start() < lo:
            break
        s = m.start()
    if e <= s:
        return None
    return (s, e)


def extract_quotes(norm: NormalizedText, *, min_words: int = 4, min_words_attributed: int = 2) -> list[Quote]:
    """Direct quotes in ``norm.original`` in order, each with the speaker the post names (or "")."""
    text = norm.original
    matches = list(_QUOTE_RE.finditer(text))
    out: list[Quote] = []
    for idx, m in enumerate(matches):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        cs, ce = m.span(g)
        # trim spaces inside the marks
        while cs < ce and text[cs].isspace():
            cs += 1
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        # context windows: from the previous sentence end / previous quote to the quote, and after it
        prev_end = matches[idx - 1].end() if idx else 0
        next_start = matches[idx + 1].start() if idx + 1 < len(matches) else len(text)
        lo = max(prev_end, m.start() - _CONTEXT, _sentence_start(text, prev_end, m.start()))
        hi = min(next_start, m.end() + _CONTEXT)
        end = _SENT_END_RE.search(text, m.end(), hi)
        if end:
            hi = end.end()
        speaker_span = _attribution(norm, _norm_index(norm, lo), _norm_index(norm, m.start()),
                                    _norm_index(norm, m.end()), _norm_index(norm, hi))
        words = _n_words(text[cs:ce])
        if words < (min_words_attributed if speaker_span else min_words):
            continue
        pieces, lead, trail = _split_ellipsis(text, cs, ce)
        if not pieces:
            continue
        speaker, sps, spe = "", None, None
        if speaker_span:
            sps, spe = norm.to_original(*speaker_span)
            speaker = text[sps:spe]
        out.append(Quote(cs, ce, tuple(pieces), speaker, sps, spe, lead, trail))
    return out


def _split_ellipsis(text: str, cs: int, ce: int) -> tuple[list[tuple[int, int]], bool, bool]:
    pieces: list[tuple[int, int]] = []
    pos = cs
    lead = trail = False
    for em in _ELLIPSIS_RE.finditer(text, cs, ce):
        if em.start() <= cs:
            lead = True
        elif em.end() >= ce:
            trail = True
        if _n_words(text[pos : em.start()]) > 0:
            pieces.append((pos, em.start()))
        pos = em.end()
    if _n_words(text[pos:ce]) > 0:
        pieces.append((pos, ce))
    return pieces, lead, trail


def _mask_names(text: str, norm: NormalizedText, lo: int, hi: int, pats: _Patterns) -> str:
    """``text`` with every speech verb that is capitalized in the original (a name: "Lâm Quốc Bảo", not the
    verb "bảo") disguised, so attribution patterns cannot take it for a verb; same length as ``text``."""
    chars = None
    for m in pats.verb.finditer(text, lo, hi):
        a, _ = norm.to_original(m.start(), m.start() + 1)
        if norm.original[a : a + 1].isupper():
            if chars is None:
                chars = list(text)
            chars[m.start()] = "ŋ"  # a letter no Vietnamese verb starts with
    return text if chars is None else "".join(chars)


def _attribution(norm: NormalizedText, lo: int, qs: int, qe: int, hi: int) -> tuple[int, int] | None:
    """Normalized span of the speaker named around the quote at normalized [qs, qe), or None."""
    for full, pats in _views(norm):
        text = _mask_names(full, norm, lo, hi, pats)
        before = text[lo:qs]
        for rx in (pats.before_verb, pats.before_theo, pats.before_colon):
            m = rx.search(before)
            if m:
                sp = _speaker_span(norm, lo + m.start("spk"), lo + m.end("spk"), lo, text, pats)
                if sp:
                    return sp
        after = text[qe:hi]
        for rx in (pats.after_verb_spk, pats.after_spk_verb, pats.after_dash):
            m = rx.search(after)
            if m:
                sp = _speaker_span(norm, qe + m.start("spk"), qe + m.end("spk"), qe, text, pats)
                if sp:
                    return sp
        m = pats.before_name_colon.search(before)
        if m:
            sp = _speaker_span(norm, lo + m.start("spk"), lo + m.end("spk"), lo, text, pats)
            if sp:
                return sp
    return None
