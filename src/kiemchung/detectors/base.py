"""The detector protocol and small helpers every detector uses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Protocol, runtime_checkable

from kiemchung.types import DetectorOutput, Prepared


@runtime_checkable
class Detector(Protocol):
    """A detector looks at a batch of prepared documents and says something about each, in input order.

    ``name`` is versioned ("vi.privacy.cccd.v1"): bump vN when the meaning of the output changes.
    Detectors do no I/O while detecting and must pickle (Ray ships them to workers).
    """

    name: ClassVar[str]
    labels: ClassVar[frozenset[str]]

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]: ...


@dataclass(frozen=True)
class Settings:
    """What detector factories may need to build themselves (resources, not per-document input).

    ``factchecks`` is a path to a fact-check file (JSONL / ClaimReview) or an already loaded sequence.
    ``extra`` carries settings for third-party detectors.
    """

    factchecks: Path | Sequence[Any] | None = None
    model_dir: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class DetectorFactory(Protocol):
    """What an entry point in the ``kiemchung.detectors`` group points to."""

    def __call__(self, settings: Settings) -> Detector | Sequence[Detector] | None: ...


def model_version(detector: object) -> str | None:
    """The version of the model behind a detector, if it has one."""
    v = getattr(detector, "model_version", None)
    return str(v) if v else None
