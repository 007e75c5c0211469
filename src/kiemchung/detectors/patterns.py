"""A shared base for pattern recognizers (Presidio's ``PatternRecognizer``): PATTERNS, CONTEXT, ``validate()``.

A recognizer declares

* ``PATTERNS``: regexes (the ``regex`` module, with a timeout except over number regions of at most
  ``UNTIMED_RANGE`` characters and anchor ranges of at most ``UNTIMED_ANCHORED``: every pattern's repetitions
  are bounded) with a base score each,
* ``CONTEXT`` / ``CONTEXT_AFTER``: words that raise the score when they are the nearest word to a candidate,
* ``COMPETING``: words of other labels whose formats collide (the nearest word decides which label a number
  gets), and ``NEGATIVE`` words (prices, order codes, hotlines) that veto a candidate,
* ``REQUIRES_CONTEXT``: report only with own context (a bare 9-digit number is not a CMND),
* ``validate(match)``: checksums and structure (Luhn, province codes, prefixes); ``ok=False`` drops the candidate,
* ``explain(match, facts)``: one Vietnamese sentence.

Detection runs on the ORIGINAL text (digits and e-mail addresses are not changed by normalization); only the
context words are read from the normalized key, through the offset map (:mod:`kiemchung.detectors.context`).
A finding's evidence lists the pattern's base score, the structure check and the context boost.

Speed: most posts hold no personal data, so patterns run late and on little text. One stdlib pass finds the
number regions of a text (cached, shared by every recognizer); a recognizer skips regions whose longest number
has fewer digits than it needs (``MIN_DIGITS``), then cheap gates (``needs`` substrings, ``region_ok``, a
stdlib ``QUICK`` regex) decide whether its ``regex`` patterns run at all, and only over those regions. A
pattern with an ``anchor`` (the "@" of an e-mail address) runs only near its occurrences. A recognizer that needs
context words first checks that one of its phrases occurs anywhere in the text. :func:`privacy.find` computes
the number scan and the context view once, and a plan made once per recognizer list gives, for each digit count
of a text's longest number, the recognizers that apply; candidates are scored in one loop
(:meth:`PatternRecognizer._findings`: no call per check, the context gate asked once per text); findings below
the caller's threshold are never built, structure-check answers and evidence tuples are built once and shared,
and the currency checks run their regexes only when the character next to the number can start (or end) a
currency word.
"""

from __future__ import annotations

import operator
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, ClassVar, NamedTuple

import regex

from kiemchung.detectors.context import (
    NEGATIVE,
    OWN,
    ContextMatcher,
    ContextView,
    RawView,
    view_for,
    words_table,
)
from kiemchung.types import EMPTY_OUTPUT, DetectorOutput, Evidence, Finding, NormalizedText, Prepared

REGEX_TIMEOUT = 0.25  # seconds per finditer over one post; patterns are linear, this only guards odd input
# Number regions at most this long are scanned without the timeout: every pattern's repetitions are bounded, so a
# short range cannot take long, and arming the timer costs more than scanning a number region (a few µs per call).
UNTIMED_RANGE = 256
# The same for the ranges around a pattern's anchor character (``Pattern.anchor``: an e-mail address around its
# "@"): a range is the anchor's reach on both sides (a few hundred characters), merged with its neighbours.
UNTIMED_ANCHORED = 1024

# A number followed by a currency word is an amount, never personal data ("1.250.000đ", "910.046 VNĐ", "500k").
# (stdlib ``re``: anchored alternations of literals, run on a few characters)
PRICE_AFTER = re.compile(
    r"\s?(?:₫|đ|vnđ|vnd|đồng|k|tr|triệu|trieu|nghìn|nghin|ngàn|usd|\$|xu|lít|kg|cm|mm|m2|m²)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
PRICE_BEFORE = re.compile(r"(?:\$|₫|usd|vnd|vnđ)\s?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One regex of a recognizer; ``group`` names the part of the match that is reported (0: all of it).

    ``gate`` is an optional cheap stdlib-``re`` pattern (one plain, linear expression) that a text must contain
    before ``regex`` runs on it: most posts have no personal data, and a gate costs a fraction of a full scan.
    """

    name: str
    regex: str
    score: float
    flags: int = 0
    group: int | str = 0
    gate: str | None = None
    gate_flags: int = 0
    needs: tuple[str, ...] = ()  # the text must contain one of these (checked with ``in``, before the gate)
    # A literal character every match contains exactly once, and how far a match reaches before and after it
    # (lookarounds included): the pattern then runs only over the text near each occurrence, e.g. an e-mail
    # address near its "@" rather than from every position of a long post.
    anchor: str = ""
    reach: tuple[int, int] = (0, 0)


# Characters that end an emoji ("☎️" is U+260E U+FE0F; ZWJ sequences): the ``regex`` module counts them as word
# characters, so "☎️0912345678" would read as a number glued to a word. Boundaries leave them out.
EMOJI_TAIL = "\ufe00-\ufe0f\u200d"


def not_after(chars: str) -> str:
    """A lookbehind: the previous character is none of ``chars`` (a ``regex`` set body such as ``\\w.\\-``),
    an emoji's variation selector or joiner excepted (regex V1 set difference)."""
    return rf"(?<![[{chars}]--[{EMOJI_TAIL}]])"


_COMPILED: dict[tuple[str, int], regex.Pattern[str]] = {}


def _compile(rx: str, flags: int) -> regex.Pattern[str]:
    key = (rx, flags)
    c = _COMPILED.get(key)
    if c is None:
        c = _COMPILED[key] = regex.compile(rx, flags | regex.VERSION1)
    return c


_NUMBER_RUN = re.compile(r"\d+(?:[ .\-/()+]{1,3}\d+)*")  # stdlib: digits joined by short separator runs
REGION_BEFORE = 8  # room for "(+84) ", "51LD-", the letter of a passport number, and lookbehinds
REGION_AFTER = 16  # room for plate series and numbers, and lookaheads


_SEPARATOR = re.compile(r"[ .\-/()+]")  # removed: what is left of a number run is its digits
_SEPARATOR_BYTES = b" .-/()+"


class NumberScan(NamedTuple):
    """The number regions of a text (see :func:`number_regions`) and the digit count of its longest number.

    (A named tuple: one is made per text with digits, and a frozen dataclass costs several times as much to build.)
    """

    regions: tuple[tuple[int, int, int], ...]
    most: int


_NO_NUMBERS = NumberScan((), 0)


@lru_cache(maxsize=2048)
def scan_numbers(text: str) -> NumberScan:
    """Where digits are, widened and merged: ``(start, end, most_digits)`` ranges that contain every number-like
    match; ``most_digits`` is the digit count of the longest number in the range (separators not counted).

    One stdlib pass per text, cached (a few thousand recent texts) so the recognizers of one pipeline batch share
    it; a recognizer skips ranges whose numbers are too short for it without running any pattern, and a text
    whose longest number is too short without looking at anything else.
    """
    n = len(text)
    out: list[tuple[int, int, int]] = []
    pa = pb = pd = -1
    most = 0
    for m in _NUMBER_RUN.finditer(text):
        s, e = m.span()
        run = m.group()
        if run.isdigit():
            digits = e - s
        elif run.isascii():  # (bytes.translate deletes in C, the fastest way to count)
            digits = len(run.encode().translate(None, _SEPARATOR_BYTES))
        else:  # digits of other scripts
            digits = len(_SEPARATOR.sub("", run))
        if digits > most:
            most = digits
        a = s - REGION_BEFORE if s > REGION_BEFORE else 0
        e += REGION_AFTER
        if e > n:
            e = n
        if a <= pb:  # meets the region so far (``pb`` is -1 before the first run): widen it
            if e > pb:
                pb = e
            if digits > pd:
                pd = digits
        else:
            if pb >= 0:
                out.append((pa, pb, pd))
            pa, pb, pd = a, e, digits
    if pb < 0:
        return _NO_NUMBERS
    out.append((pa, pb, pd))
    return NumberScan(tuple(out), most)


def number_regions(text: str) -> tuple[tuple[int, int, int], ...]:
    """The number regions of ``text`` (cached, see :func:`scan_numbers`)."""
    return scan_numbers(text).regions


def most_digits(text: str) -> int:
    """The digit count of the longest number in ``text`` (0 without digits)."""
    return scan_numbers(text).most


def clear_caches() -> None:
    """Forget the per-text caches (benchmarks: no run profits from an earlier run on the same posts)."""
    scan_numbers.cache_clear()


_GATES: dict[tuple[str, int], re.Pattern[str]] = {}


def _gate(rx: str, flags: int) -> re.Pattern[str]:
    g = _GATES.get((rx, flags))
    if g is None:
        g = _GATES[(rx, flags)] = re.compile(rx, flags)
    return g


_NO_FACTS: Mapping[str, Any] = MappingProxyType({})


class Validation(NamedTuple):
    """The result of a structure check: ``ok`` False drops the candidate; ``facts`` feed the explanation.

    (A named tuple: one is made per candidate, and a frozen dataclass costs several times as much to build.)
    """

    ok: bool
    detail: str = ""
    score_delta: float = 0.0
    facts: Mapping[str, Any] = _NO_FACTS


VALID = Validation(True)
INVALID = Validation(False)


class Candidate(NamedTuple):
    start: int
    end: int
    pattern: Pattern
    match: regex.Match[str]


_tuple = tuple.__new__  # builds a Candidate without the named tuple's Python-level ``__new__``


def _candidate_order(c: Candidate) -> tuple[int, int]:
    return (c.start, -c.end)


class PatternRecognizer:
    """Base class: subclasses set the ClassVars and override ``validate`` and ``explain``."""

    name: ClassVar[str] = "vi.privacy.base.v1"
    label: ClassVar[str] = ""
    labels: ClassVar[frozenset[str]] = frozenset()
    PATTERNS: ClassVar[tuple[Pattern, ...]] = ()
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    CONTEXT_AFTER: ClassVar[tuple[str, ...]] = ()
    COMPETING: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    COMPETING_AFTER: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    NEGATIVE: ClassVar[tuple[str, ...]] = ()
    NEGATIVE_AFTER: ClassVar[tuple[str, ...]] = ()
    REQUIRES_CONTEXT: ClassVar[bool] = False
    NUMERIC: ClassVar[bool] = True  # apply the price check
    CONTEXT_BOOST: ClassVar[float] = 0.35
    WINDOW_BEFORE: ClassVar[int] = 48
    WINDOW_AFTER: ClassVar[int] = 24
    MAX_WORDS: ClassVar[int] = 5  # words allowed between a context word and the candidate
    NEGATIVE_MAX_WORDS: ClassVar[int] = (
        2  # a negative word vetoes only when this close ("Mã đơn: …", "… lượt xem")
    )
    # A cheap gate (stdlib ``re``, a plain linear pattern) the text must match before the patterns run: most posts
    # hold no personal data, and one ``search`` is far cheaper than running every pattern.
    QUICK: ClassVar[str | None] = None
    QUICK_FLAGS: ClassVar[int] = 0
    # Patterns that need digits run only over the text's number regions (see ``number_regions``): one cheap pass
    # finds them for every recognizer, and a post without numbers costs almost nothing.
    NUMBER_REGIONS: ClassVar[bool] = True
    MIN_DIGITS: ClassVar[int] = (
        1  # digits the longest number of a region needs for this recognizer to look at it
    )

    # compiled once per class (class attributes: not pickled with instances)
    _quick: ClassVar[re.Pattern[str] | None] = None
    _compiled: ClassVar[tuple[tuple[Pattern, Any, re.Pattern[str] | None], ...]] = ()
    _plain_regions: ClassVar[bool] = True  # ``region_ok`` not overridden: no call needed
    _plain_score: ClassVar[bool] = True  # ``_score`` not overridden: :meth:`_findings` scores inline
    _single: ClassVar[bool] = False  # one pattern, whole match reported, no anchor: the lean candidate loop
    _untimed: ClassVar[bool] = (
        True  # number regions of at most ``UNTIMED_RANGE`` characters run without timeout
    )
    # every pattern ``needs`` a substring: a text holding none of them is skipped at once (e-mail without "@")
    _needs_any: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "QUICK" not in cls.__dict__ and cls.PATTERNS and all(p.gate and not p.needs for p in cls.PATTERNS):
            flags = {p.gate_flags for p in cls.PATTERNS}
            if len(flags) == 1:  # one search for the whole recognizer before the per-pattern gates
                cls.QUICK = "|".join(f"(?:{p.gate})" for p in cls.PATTERNS)
                cls.QUICK_FLAGS = flags.pop()
        cls._quick = _gate(cls.QUICK, cls.QUICK_FLAGS) if cls.QUICK is not None else None
        cls._plain_regions = cls.region_ok is PatternRecognizer.region_ok
        cls._plain_score = cls._score is PatternRecognizer._score
        single = len(cls.PATTERNS) == 1
        cls._single = single and cls.PATTERNS[0].group == 0 and not cls.PATTERNS[0].anchor
        cls._untimed = cls.NUMBER_REGIONS
        cls._needs_any = (
            tuple(dict.fromkeys(n for p in cls.PATTERNS for n in p.needs))
            if cls.PATTERNS and all(p.needs for p in cls.PATTERNS)
            else ()
        )
        cls._compiled = tuple(
            (
                p,
                _compile(p.regex, p.flags),
                None
                if single or p.gate is None
                else _gate(p.gate, p.gate_flags),  # single: QUICK is its gate
            )
            for p in cls.PATTERNS
        )

    def __init__(self) -> None:
        self.context = ContextMatcher(
            words_table(self.CONTEXT, self.COMPETING, self.NEGATIVE),
            words_table(self.CONTEXT_AFTER, self.COMPETING_AFTER, self.NEGATIVE_AFTER),
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    # -- hooks ---------------------------------------------------------------------------------------------
    def validate(self, match: regex.Match[str], pattern: Pattern) -> Validation:
        """Structure and checksum checks; override. ``match`` is the regex match on the original text."""
        return VALID

    def region_ok(self, text: str, start: int, end: int) -> bool:
        """A cheap check (string methods, no regex) that ``text[start:end]`` may hold a match; override."""
        return True

    def explain(self, value: str, facts: Mapping[str, Any]) -> str:
        """One Vietnamese sentence a reviewer can read; override."""
        return "Dữ liệu cá nhân."

    # -- detection -----------------------------------------------------------------------------------------
    def candidates(self, text: str) -> list[Candidate]:
        """Pattern matches that pass the gates; each pattern runs only over the number regions of the text."""
        if self.NUMBER_REGIONS:
            scan = scan_numbers(text)
            if scan.most < self.MIN_DIGITS:
                return []
            return self._candidates(text, scan.regions)
        return self._candidates(text, ((0, len(text), 1 << 30),))

    def _candidates(self, text: str, regions: Sequence[tuple[int, int, int]]) -> list[Candidate]:
        quick = self._quick
        least = self.MIN_DIGITS
        plain_regions = self._plain_regions
        if self._single:  # one pattern reporting its whole match: spans come out unique and in order
            p, rx, _ = self._compiled[0]
            needs = p.needs
            if needs and not _contains_any(text, needs):
                return []
            out: list[Candidate] = []
            for a, b, most in regions:
                if most < least or not (plain_regions or self.region_ok(text, a, b)):
                    continue
                if quick is not None and quick.search(text, a, b) is None:
                    continue
                try:
                    for m in (
                        rx.finditer(text, a, b)
                        if self._untimed and b - a <= UNTIMED_RANGE
                        else rx.finditer(text, a, b, timeout=REGEX_TIMEOUT)
                    ):
                        s, e = m.span()
                        out.append(_tuple(Candidate, (s, e, p, m)))
                except TimeoutError:  # pragma: no cover - patterns are linear; guard odd input
                    continue
            return out
        found: dict[tuple[int, int], Candidate] = {}
        for a, b, most in regions:
            if most < least or not (plain_regions or self.region_ok(text, a, b)):
                continue
            if quick is not None and quick.search(text, a, b) is None:
                continue
            for p, rx, gate in self._compiled:
                if p.needs and not _contains_any(text, p.needs):
                    continue
                if gate is not None and gate.search(text, a, b) is None:
                    continue
                spans = _anchor_ranges(text, p.anchor, p.reach, a, b) if p.anchor else ((a, b),)
                limit = UNTIMED_ANCHORED if p.anchor else UNTIMED_RANGE if self._untimed else -1
                for x, y in spans:
                    try:
                        for m in (
                            rx.finditer(text, x, y)
                            if y - x <= limit
                            else rx.finditer(text, x, y, timeout=REGEX_TIMEOUT)
                        ):
                            s, e = span = m.span(p.group)
                            old = found.get(span)
                            if old is None or p.score > old.pattern.score:
                                found[span] = _tuple(Candidate, (s, e, p, m))
                    except TimeoutError:  # pragma: no cover - patterns are linear; guard odd input
                        continue
        if len(found) < 2:
            return list(found.values())
        return sorted(found.values(), key=_candidate_order)

    def analyze(
        self, text: str, norm: NormalizedText | None = None, view: ContextView | None = None
    ) -> list[Finding]:
        """Findings on the original ``text``; ``norm`` (its normalized view) or ``view`` feeds the context words."""
        if (
            self.NUMBER_REGIONS
        ):  # the shared number scan: a text without a long enough number costs one lookup
            scan = scan_numbers(text)
            if scan.most < self.MIN_DIGITS:
                return []
            regions = scan.regions
        else:
            regions = ((0, len(text), 1 << 30),)
        return self._analyze(text, regions, view, 0.0, norm)

    def _analyze(
        self,
        text: str,
        regions: Sequence[tuple[int, int, int]],
        view: ContextView | None,
        threshold: float = 0.0,
        norm: NormalizedText | None = None,
    ) -> list[Finding]:
        """:meth:`analyze` once the regions are at hand (:func:`privacy.find` shares them and the view); findings
        scored below ``threshold`` are not built. Without a ``view`` one is made from ``norm`` only when needed."""
        if self._needs_any and not _contains_any(text, self._needs_any):
            return []
        if self.REQUIRES_CONTEXT:  # no own context word anywhere: nothing to report, skip the scan
            if view is None:
                view = view_for(text, norm) if norm is not None else RawView(text)
            if not self.context.own_phrases.any_in(view.words()):
                return []
        cands = self._candidates(text, regions)
        if not cands:
            return []
        if view is None:
            view = view_for(text, norm) if norm is not None else RawView(text)
        if self._plain_score:  # (past the own-phrase gate, the recognizer's phrases are in the text)
            return self._findings(text, cands, view, threshold, True if self.REQUIRES_CONTEXT else None)
        out: list[Finding] = []
        last_end = -1
        for c in cands:
            if c.start < last_end:  # a shorter match inside one already reported
                continue
            f = self._score(text, c, view, threshold)
            if f is not None:
                last_end = c.end
                if f is not _BELOW:
                    out.append(f)
        return out

    def _findings(
        self,
        text: str,
        cands: Sequence[Candidate],
        view: ContextView,
        threshold: float,
        present: bool | None = None,
    ) -> list[Finding]:
        """The findings for ``cands`` (in order; a candidate inside one already reported is skipped), scored
        below ``threshold`` not built: an amount, a failed structure check, a vetoing or competing context word
        or missing required context drop a candidate. One loop with no call per check (a dense post has a
        candidate or two per recognizer, and calls and attribute lookups cost more than the checks themselves):
        the context gate (does any of the recognizer's phrases occur in the text?) is asked once per call, the
        amount check (:func:`_is_amount`) is written out, and each evidence tuple is built once and shared.
        ``present`` is that gate's answer when the caller knows it (one of the recognizer's own phrases occurs)."""
        numeric = self.NUMERIC
        requires = self.REQUIRES_CONTEXT
        validate = self.validate
        ctx = self.context
        nearest = ctx.nearest_present
        before, after, max_words = self.WINDOW_BEFORE, self.WINDOW_AFTER, self.MAX_WORDS
        negative_max = self.NEGATIVE_MAX_WORDS
        boost = self.CONTEXT_BOOST
        out: list[Finding] = []
        last_end = -1
        for c in cands:
            start, end, p, m = c
            if start < last_end:  # a shorter match inside one already reported
                continue
            if numeric:  # _is_amount, written out
                ch = text[end : end + 1]
                if (ch in _PRICE_FIRST or (ch.isspace() and text[end + 1 : end + 2] in _PRICE_FIRST)) and (
                    PRICE_AFTER.match(text, end, min(len(text), end + 8)) is not None
                ):
                    continue
                if start > 0:
                    lo = start - 5 if start > 5 else 0
                    if (
                        text[lo:start].rstrip()[-1:] in _PRICE_LAST
                        and PRICE_BEFORE.search(text, lo, start) is not None
                    ):
                        continue
            v = validate(m, p)
            if not v.ok:
                continue
            if present is None:
                present = ctx.all_phrases.any_in(view.words())
            hit = nearest(view, start, end, before, after, max_words) if present else None
            if hit is None:
                if requires:
                    continue
            elif hit.owner != OWN:
                if hit.owner != NEGATIVE or hit.distance <= negative_max:
                    continue  # a close negative word, or a colliding label's word: that recognizer reports it
                if requires:  # a far negative word counts as no word at all
                    continue
                hit = None
            last_end = end
            delta = v.score_delta
            score = p.score + delta
            if hit is not None:
                score += boost
            score = min(1.0, max(0.0, score))
            if score < threshold:
                continue
            key = (p.name, p.score, v.detail, delta, None if hit is None else hit.word, boost)
            evidence = _EVIDENCE_TUPLES.get(key)
            if evidence is None:
                evidence = _evidence_tuple(key)
            explanation = self.explain(text[start:end], v.facts)
            out.append(Finding(self.name, self.label, score, start, end, explanation, evidence))
        return out

    def _score(self, text: str, c: Candidate, view: ContextView, threshold: float = 0.0) -> Finding | None:
        """The finding for one candidate, or None (an amount, a failed structure check, a vetoing or competing
        context word, missing required context); below ``threshold`` it is not built (``_BELOW``: the span still
        counts as reported, see :meth:`_analyze`). The rules live in :meth:`_findings`; this hook is what a
        subclass overrides to score candidates its own way."""
        found = self._findings(text, (c,), view, -1.0)  # no threshold: tells a failed check from a low score
        if not found:
            return None
        return found[0] if found[0].score >= threshold else _BELOW

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
        out: list[DetectorOutput] = []
        # the batch's longest numbers, shared by the recognizers that see the same batch (the gate ``analyze``
        # starts with; a subclass with its own ``analyze`` is asked about every post)
        if self.NUMBER_REGIONS and type(self).analyze is PatternRecognizer.analyze:
            need = self.MIN_DIGITS
            for d, most in zip(docs, _longest_numbers(docs), strict=True):
                if most < need:
                    out.append(_EMPTY)
                    continue
                found = self.analyze(d.document.text, d.norm)
                out.append(DetectorOutput(findings=tuple(found)) if found else _EMPTY)
            return out
        for d in docs:
            found = self.analyze(d.document.text, d.norm)
            out.append(DetectorOutput(findings=tuple(found)) if found else _EMPTY)
        return out


_EMPTY = EMPTY_OUTPUT  # the shared empty output: the analyzer skips it by identity

# The last batch's documents (a snapshot of the sequence) and the digit count of each one's longest number: the
# number-shaped recognizers (seven of eight) are called one after the other on the same batch, and most posts hold
# no number long enough for any of them, so each skips those posts without a call per post.
_LAST_BATCH: list[tuple[tuple[Prepared, ...], list[int]]] = []
_LAST_LOCK = threading.Lock()


def _longest_numbers(docs: Sequence[Prepared]) -> list[int]:
    """``[scan_numbers(d.document.text).most for d in docs]``, computed once for a batch that the previous call saw
    (the same documents, by identity, in the same order)."""
    with _LAST_LOCK:
        if _LAST_BATCH:
            snap, most = _LAST_BATCH[0]
            if len(snap) == len(docs) and all(map(operator.is_, snap, docs)):
                return most
    most = [scan_numbers(d.document.text).most for d in docs]
    with _LAST_LOCK:
        _LAST_BATCH[:] = [(tuple(docs), most)]
    return most


# Evidence items are immutable and few (a pattern, a structure check, a context word): built once, then shared.
_EVIDENCE: dict[tuple[str, str, float], Evidence] = {}


def _evidence(kind: str, detail: str, delta: float) -> Evidence:
    key = (kind, detail, delta)
    e = _EVIDENCE.get(key)
    if e is None:
        if len(_EVIDENCE) >= 4096:  # pragma: no cover - details come from small fixed sets
            _EVIDENCE.clear()
        e = _EVIDENCE[key] = Evidence(kind, detail, delta)
    return e


# The evidence tuple of a finding, by (pattern name and score, structure-check detail and delta, context word or
# None, boost): the same few combinations recur, so :meth:`PatternRecognizer._findings` builds each once.
_EvidenceKey = tuple[str, float, str, float, str | None, float]
_EVIDENCE_TUPLES: dict[_EvidenceKey, tuple[Evidence, ...]] = {}


def _evidence_tuple(key: _EvidenceKey) -> tuple[Evidence, ...]:
    """A finding's evidence: the pattern, the structure check when it says something, the context word when there
    is one."""
    name, base, detail, delta, word, boost = key
    ev = [_evidence("pattern", name, base)]
    if detail:
        ev.append(_evidence("validate", detail, delta))
    if word is not None:
        ev.append(_evidence("context", word, boost))
    if len(_EVIDENCE_TUPLES) >= 4096:  # pragma: no cover - keys come from small fixed sets
        _EVIDENCE_TUPLES.clear()
    out = _EVIDENCE_TUPLES[key] = tuple(ev)
    return out


# ``_score``'s answer for a candidate that passes every check but scores below the caller's threshold: the span
# counts as reported (shorter matches inside it are skipped), but no finding is built.
_BELOW = Finding(detector="", label="", score=0.0, start=0, end=0, explanation="")


def _anchor_ranges(text: str, anchor: str, reach: tuple[int, int], a: int, b: int) -> list[tuple[int, int]]:
    """The parts of ``text[a:b]`` within ``reach`` (before, after) of an occurrence of ``anchor``, merged."""
    before, after = reach
    out: list[tuple[int, int]] = []
    i = text.find(anchor, a, b)
    while i >= 0:
        x = i - before if i - before > a else a
        y = i + after if i + after < b else b
        if out and x <= out[-1][1]:
            out[-1] = (out[-1][0], y)
        else:
            out.append((x, y))
        i = text.find(anchor, i + 1, b)
    return out


def _contains_any(text: str, needles: tuple[str, ...]) -> bool:
    for n in needles:
        if n in text:
            return True
    return False


# The characters a currency word can start with (PRICE_AFTER, case-insensitively: K is also the Kelvin sign) and
# end with (PRICE_BEFORE): a number followed or preceded by none of them is no amount, and no regex need run.
_PRICE_FIRST = frozenset("₫đĐvVkKtTnNuU$xXlLcCmM\u212a")
_PRICE_LAST = frozenset("$₫dDđĐ")


def _is_amount(text: str, start: int, end: int) -> bool:
    """A number directly followed by a currency/unit word, or preceded by a currency sign."""
    c = text[end : end + 1]
    if c in _PRICE_FIRST or (c.isspace() and text[end + 1 : end + 2] in _PRICE_FIRST):
        if PRICE_AFTER.match(text, end, min(len(text), end + 8)) is not None:
            return True
    if start <= 0:
        return False
    w = text[max(0, start - 5) : start].rstrip()
    return w[-1:] in _PRICE_LAST and PRICE_BEFORE.search(text, max(0, start - 5), start) is not None


_NON_DIGITS = re.compile(r"\D+")
_NOT_DIGIT_BYTES = bytes(b for b in range(256) if not 48 <= b <= 57)


def digits_of(s: str) -> str:
    if s.isascii():  # (bytes.translate deletes in C without a regex)
        return s.encode("ascii").translate(None, _NOT_DIGIT_BYTES).decode("ascii")
    return _NON_DIGITS.sub("", s)


THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


def looks_like_amount(s: str) -> bool:
    """``1.250.000`` / ``910,046``: thousands groups of three, the way prices are written."""
    return THOUSANDS.fullmatch(s) is not None
