"""Personal-data recognizers (``privacy.<type>``, DESIGN §2): one module per recognizer, Presidio style.

``create(settings)`` is the entry point (group ``kiemchung.detectors``, name ``privacy``) and returns one detector
per label, so a registry can select or remove each one. :func:`find` runs them all on one text and resolves
overlaps (used by :mod:`kiemchung.redact` and the ``pii`` evaluation).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence

from kiemchung.detectors.base import Settings
from kiemchung.detectors.context import ContextView, PhraseSet, RawView, view_for
from kiemchung.detectors.patterns import PatternRecognizer, scan_numbers
from kiemchung.detectors.privacy.bank import BankAccountRecognizer
from kiemchung.detectors.privacy.card import CardNumberRecognizer
from kiemchung.detectors.privacy.cccd import CccdRecognizer
from kiemchung.detectors.privacy.cmnd import CmndRecognizer
from kiemchung.detectors.privacy.email import EmailRecognizer
from kiemchung.detectors.privacy.passport import PassportRecognizer
from kiemchung.detectors.privacy.phone import PhoneRecognizer
from kiemchung.detectors.privacy.plate import LicensePlateRecognizer
from kiemchung.types import Finding, NormalizedText

__all__ = [
    "RECOGNIZERS",
    "BankAccountRecognizer",
    "CardNumberRecognizer",
    "CccdRecognizer",
    "CmndRecognizer",
    "EmailRecognizer",
    "LicensePlateRecognizer",
    "PassportRecognizer",
    "PhoneRecognizer",
    "create",
    "find",
    "recognizers",
    "resolve_overlaps",
]

# Order matters only for ties in ``resolve_overlaps``: the more specific structure first.
RECOGNIZERS: tuple[type[PatternRecognizer], ...] = (
    EmailRecognizer,
    CardNumberRecognizer,
    CccdRecognizer,
    PhoneRecognizer,
    PassportRecognizer,
    LicensePlateRecognizer,
    CmndRecognizer,
    BankAccountRecognizer,
)

_RANK = {cls.label: i for i, cls in enumerate(RECOGNIZERS)}

DEFAULT_THRESHOLD = 0.5  # the default policy pack's threshold for ``privacy``


def recognizers(labels: Iterable[str] | None = None) -> list[PatternRecognizer]:
    """Fresh instances of the built-in recognizers (all, or those emitting any of ``labels``)."""
    want = set(labels) if labels is not None else None
    return [cls() for cls in RECOGNIZERS if want is None or cls.labels & want]


def create(settings: Settings) -> list[PatternRecognizer]:
    """Entry point: every personal-data recognizer."""
    return recognizers()


_DEFAULT: list[PatternRecognizer] = []
_ANALYZE = PatternRecognizer.analyze


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Keep, among overlapping findings, the highest score (then the longest span, then recognizer order)."""
    rank = _RANK
    ordered = sorted(findings, key=lambda f: (-f.score, -(f.end - f.start), rank.get(f.label, 99), f.start))
    kept: list[Finding] = []
    # the kept spans, sorted: they never overlap, so their ends rise with their starts, and the one kept span that
    # can overlap a new one is the last that starts before it ends (a bisection, not a pass over all kept spans:
    # a long text with thousands of numbers stays fast)
    spans: list[tuple[int, int]] = []
    for f in ordered:
        i = bisect_left(spans, (f.end, -1))
        if i and spans[i - 1][1] > f.start:
            continue
        insort(spans, (f.start, f.end))
        kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept


def find(
    text: str,
    norm: NormalizedText | None = None,
    *,
    recognizers: Sequence[PatternRecognizer] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[Finding]:
    """Personal data in ``text``: every recognizer, findings at or above ``threshold``, overlaps resolved.

    One driver for all recognizers (each keeps its own rules: patterns, context words, ``validate``): the number
    scan, the context view and the text's word set are computed once and shared, each recognizer is skipped on
    what its plan says at once (too few digits, a missing "@", none of its required context words), and its
    candidates are scored in one loop (:meth:`PatternRecognizer._findings`).
    """
    scan = scan_numbers(text)  # shared by every recognizer: one pass, and each one's early exit
    most = scan.most
    regions = scan.regions
    view: ContextView | None = None  # shared too (the key is computed once), made when first needed
    words: frozenset[str] | None = None
    found: list[Finding] = []
    # only the recognizers whose MIN_DIGITS the text's longest number reaches (and those without number regions)
    cap, buckets = _plan(recognizers)
    for r, kind, needs, own in buckets[most if most < cap else cap]:
        if kind == _CUSTOM:  # a recognizer of its own making: its own entry point
            if view is None:
                view = view_for(text, norm) if norm is not None else RawView(text)
            found += [f for f in r.analyze(text, view=view) if f.score >= threshold]
            continue
        if needs:  # e-mail without "@"
            for n in needs:
                if n in text:
                    break
            else:
                continue
        if view is None:
            view = view_for(text, norm) if norm is not None else RawView(text)
        if own is not None:  # REQUIRES_CONTEXT: no own context word anywhere, nothing to report
            if words is None:
                words = view.words()
            if not own.any_in(words):
                continue
        rs = regions if kind == _NUMBERS else ((0, len(text), 1 << 30),)
        if r._plain_score:
            cands = r._candidates(text, rs)
            if cands:
                # (a recognizer that passed its own-phrase gate has its phrases in the text: ``present``)
                found += r._findings(text, cands, view, threshold, True if own is not None else None)
        else:
            found += r._analyze(text, rs, view, threshold)
    if len(found) < 2:
        return found
    return resolve_overlaps(found)


# What ``find`` needs to know of each recognizer, read once per recognizer list rather than once per text
# (class settings, and the context matcher made in ``__init__``): (recognizer, kind, substrings one of which the
# text must hold, own context phrases when REQUIRES_CONTEXT).
# A plan holds the largest MIN_DIGITS (``cap``) and, for each digit count of a text's longest number from 0 to
# ``cap`` (longer numbers count as ``cap``), the steps that apply, in recognizer order.
# kinds: its own ``analyze``; patterns over the number regions; patterns over the whole text
_CUSTOM, _NUMBERS, _WHOLE = "custom", "numbers", "whole"
_Step = tuple[PatternRecognizer, str, tuple[str, ...], PhraseSet | None]
_Plan = tuple[int, tuple[tuple[_Step, ...], ...]]
_DEFAULT_PLAN: list[_Plan] = []  # the plan of the default recognizers (most calls): no key to compute
_PLANS: dict[tuple[int, ...], _Plan] = {}  # by the recognizers' ids (a plan holds them: the ids stay theirs)


def _plan(recognizers: Sequence[PatternRecognizer] | None) -> _Plan:
    if recognizers is None:
        if _DEFAULT_PLAN:
            return _DEFAULT_PLAN[0]
        if not _DEFAULT:
            _DEFAULT.extend(_all())
        _DEFAULT_PLAN.append(_plan(_DEFAULT))
        return _DEFAULT_PLAN[0]
    key = tuple([id(r) for r in recognizers])
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) >= 64:  # callers pass a few fixed lists; one making new lists stays bounded
            _PLANS.clear()
        steps: list[tuple[int, _Step]] = []
        for r in recognizers:
            if type(r).analyze is not _ANALYZE:
                steps.append((0, (r, _CUSTOM, (), None)))
                continue
            own = r.context.own_phrases if r.REQUIRES_CONTEXT else None
            if r.NUMBER_REGIONS:
                steps.append((r.MIN_DIGITS, (r, _NUMBERS, r._needs_any, own)))
            else:
                steps.append((0, (r, _WHOLE, r._needs_any, own)))
        cap = max([0] + [least for least, _ in steps])
        plan = _PLANS[key] = (
            cap,
            tuple(tuple(step for least, step in steps if least <= most) for most in range(cap + 1)),
        )
    return plan


def _all() -> list[PatternRecognizer]:
    return [cls() for cls in RECOGNIZERS]
