"""Find direct quotes in a post and who the post says said them.

Quote marks: “…”, "…", «…», ‘…’ (a “ may close with " and the other way round). Attribution is read around the
quote on the diacritic-free key, so "ong Nguyen Van A noi" works like "ông Nguyễn Văn A nói":

- before: ``<speaker> <verb> [rằng|là][:,] “…”`` (verbs in :data:`~kiemchung.quotes.lexicon.SPEECH_VERBS`),
  ``Theo <speaker>, “…”``, ``<title> <Name>: “…”``;
- after: ``“…”, <speaker> <verb>.``, ``“…”, <verb> <speaker>.``, ``“…” – <speaker>``.

Short quoted phrases with no attribution (scare quotes such as “siêu lừa”) are not treated as quotes.
An ellipsis (… ... [...] (...)) splits a quote into pieces that are aligned one by one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from kiemchung.quotes.lexicon import PERSONAL_TITLES, SPEECH_VERBS, TITLES, key_of
from kiemchung.types import NormalizedText

_QUOTE_RE = re.compile(r"“([^“”\"\n]{2,3000}?)[”\"]|\"([^\"“”\n]{2,3000}?)[\"”]|«([^«»\n]{2,3000}?)»|‘([^‘’\n]{2,3000}?)’")
_ELLIPSIS_RE = re.compile(r"\s*(?:\[\s*(?:…|\.{2,})\s*\]|\(\s*(?:…|\.{2,})\s*\)|…|\.{3,})\s*")
_WORD_RE = re.compile(r"\w+")


def _alt(phrases: tuple[str, ...]) -> str:
    keys = sorted({" ".join(key_of(p)) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


_VERBS = _alt(SPEECH_VERBS)
_TITLES = _alt(TITLES)
_PTITLES = _alt(PERSONAL_TITLES)
# the speaker: up to 8 words with no sentence punctuation
_SPK = r"[^\W\d_][\w.]*(?:\s+[\w.]+){0,7}?"
_BEFORE_VERB_RE = re.compile(
    rf"(?P<spk>{_SPK})\s+(?P<verb>{_VERBS})\b(?:\s+\w+){{0,6}}?(?:\s+(?:rang|la))?\s*[:,]?\s*$"
)
_BEFORE_THEO_RE = re.compile(rf"(?:^|[\s,.(])theo\s+(?P<spk>{_SPK})\s*[,:]\s*$")
_BEFORE_COLON_RE = re.compile(rf"(?P<spk>(?:{_TITLES})\.?\s+{_SPK})\s*:\s*$")
_AFTER_SPK_VERB_RE = re.compile(rf"^\s*[,.–—-]*\s*(?P<spk>{_SPK})\s+(?:{_VERBS})\b")
_AFTER_VERB_SPK_RE = re.compile(rf"^\s*[,–—-]\s*(?:{_VERBS})\s+(?P<spk>{_SPK})\s*(?:[.,;!?)]|$)")
_AFTER_DASH_RE = re.compile(rf"^\s*[–—-]\s*(?P<spk>(?:{_TITLES})\.?\s+{_SPK}|[^\W\d_]+(?:\s+[^\W\d_]+){{1,3}})\s*(?:[.,;!?)]|$)")
_TITLE_START_RE = re.compile(rf"\b(?:{_TITLES})\b")
_TITLE_BEFORE_RE = re.compile(rf"(?<!\w)(?:{_TITLES})\.?\s*$")


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


def _speaker_span(norm: NormalizedText, ks: int, ke: int, lo: int) -> tuple[int, int] | None:
    """Trim a speaker candidate (normalized span [ks, ke)) to start at its last title, else at a capitalized run."""
    key = norm.key
    cand = key[ks:ke]
    # cut at the last clause punctuation
    cut = max(cand.rfind(","), cand.rfind(";"), cand.rfind(":"), cand.rfind("("), cand.rfind('"'))
    if cut >= 0:
        ks += cut + 1
        cand = key[ks:ke]
    titles = list(_TITLE_START_RE.finditer(cand))
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
        m = _TITLE_BEFORE_RE.search(key, max(lo, s - 24), s)
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
        lo = prev_end
        for sep in ".!?\n":
            p = text.rfind(sep, prev_end, m.start())
            # an abbreviation dot (TS., GS.) does not end a sentence
            if p >= 0 and sep == "." and re.search(r"(?:^|\W)(?:TS|GS|PGS|ThS|BS|KS|TP|Th|Mr|Mrs)$", text[max(0, p - 4) : p], re.I):
                continue
            if p >= 0:
                lo = max(lo, p + 1)
        hi = next_start
        for sep in ".!?\n":
            p = text.find(sep, m.end(), next_start)
            if p >= 0:
                hi = min(hi, p + (1 if sep != "\n" else 0))
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


def _attribution(norm: NormalizedText, lo: int, qs: int, qe: int, hi: int) -> tuple[int, int] | None:
    """Normalized span of the speaker named around the quote at normalized [qs, qe), or None."""
    key = norm.key
    before = key[lo:qs]
    m = _BEFORE_VERB_RE.search(before)
    if m:
        sp = _speaker_span(norm, lo + m.start("spk"), lo + m.end("spk"), lo)
        if sp:
            return sp
    m = _BEFORE_THEO_RE.search(before)
    if m:
        return _speaker_span(norm, lo + m.start("spk"), lo + m.end("spk"), lo)
    m = _BEFORE_COLON_RE.search(before)
    if m:
        return _speaker_span(norm, lo + m.start("spk"), lo + m.end("spk"), lo)
    after = key[qe:hi]
    for rx in (_AFTER_VERB_SPK_RE, _AFTER_SPK_VERB_RE, _AFTER_DASH_RE):
        m = rx.search(after)
        if m:
            sp = _speaker_span(norm, qe + m.start("spk"), qe + m.end("spk"), qe)
            if sp:
                return sp
    return None
