"""Personal-data recognizers (``privacy.<type>``, DESIGN §2): one module per recognizer, Presidio style.

``create(settings)`` is the entry point (group ``kiemchung.detectors``, name ``privacy``) and returns one detector
per label, so a registry can select or remove each one. :func:`find` runs them all on one text and resolves
overlaps (used by :mod:`kiemchung.redact` and the ``pii`` evaluation).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kiemchung.detectors.base import Settings
from kiemchung.detectors.context import RawView, view_for
from kiemchung.detectors.patterns import PatternRecognizer
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


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Keep, among overlapping findings, the highest score (then the longest span, then recognizer order)."""
    rank = _RANK
    ordered = sorted(findings, key=lambda f: (-f.score, -(f.end - f.start), rank.get(f.label, 99), f.start))
    kept: list[Finding] = []
    for f in ordered:
        if all(f.end <= k.start or f.start >= k.end for k in kept):
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
    view = view_for(text, norm) if norm is not None else RawView(text)  # shared: the key is computed once
    found: list[Finding] = []
    for r in recognizers:
        for f in r.analyze(text, view=view):
            if f.score >= threshold:
                found.append(f)
    if len(found) < 2:
        return found
    return resolve_overlaps(found)


def _all() -> list[PatternRecognizer]:
    return [cls() for cls in RECOGNIZERS]
