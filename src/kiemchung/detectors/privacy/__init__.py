"""Personal-data recognizers (``privacy.<type>``, DESIGN §2): one module per recognizer, Presidio style.

``create(settings)`` is the entry point (group ``kiemchung.detectors``, name ``privacy``) and returns one detector
per label, so a registry can select or remove each one. :func:`find` runs them all on one text and resolves
overlaps (used by :mod:`kiemchung.redact` and the ``pii`` evaluation).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence

from kiemchung.detectors.base import Settings
from kiemchung.detectors.context import ContextView, RawView, view_for
from kiemchung.detectors.patterns import PatternRecognizer, _contains_any, scan_numbers
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
    """Personal data in ``text``: every recognizer, findings at or above ``threshold``, overlaps resolved."""
    if recognizers is None:
        if not _DEFAULT:
            _DEFAULT.extend(_all())
        recognizers = _DEFAULT
    scan = scan_numbers(text)  # shared by every recognizer: one pass, and each one's early exit
    most = scan.most
    view: ContextView | None = None  # shared too (the key is computed once), made when first needed
    found: list[Finding] = []
    for r in recognizers:
        if type(r).analyze is not _ANALYZE:  # a recognizer of its own making: its own entry point
            if view is None:
                view = view_for(text, norm) if norm is not None else RawView(text)
            found += [f for f in r.analyze(text, view=view) if f.score >= threshold]
            continue
        if r.NUMBER_REGIONS:
            if most < r.MIN_DIGITS:
                continue
            regions = scan.regions
        else:
            regions = ((0, len(text), 1 << 30),)
        needs = r._needs_any
        if needs and not _contains_any(text, needs):  # e-mail without "@"
            continue
        if view is None:
            view = view_for(text, norm) if norm is not None else RawView(text)
        found += r._analyze(text, regions, view, threshold)
    if len(found) < 2:
        return found
    return resolve_overlaps(found)


def _all() -> list[PatternRecognizer]:
    return [cls() for cls in RECOGNIZERS]
