"""The detector protocol and small helpers every detector uses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from kiemchung.types import DetectorOutput, Prepared

if TYPE_CHECKING:  # numpy and the featurizer load with the detectors that use them, not with this protocol
    import numpy as np
    import numpy.typing as npt

    from kiemchung.text.features import LinearPart


@runtime_checkable
class Detector(Protocol):
    """A detector looks at a batch of prepared documents and says something about each, in input order.

    ``name`` is versioned ("vi.privacy.cccd.v1"): bump vN when the meaning of the output changes.
    Detectors do no I/O while detecting and must pickle (Ray ships them to workers).
    """

    name: ClassVar[str]
    labels: ClassVar[frozenset[str]]

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]: ...


@runtime_checkable
class SharesFeatures(Protocol):
    """A detector that starts from linear models over the shared hashed text features
    (:mod:`kiemchung.text.features`): toxicity, unreliable posts.

    The analyzer scores the parts of every such detector of a batch in as few featurizer passes as it can
    (:func:`~kiemchung.text.features.joint_linear_scores`: one pass when their features are nested) and hands each
    detector its parts' raw scores through ``detect_scored``, which must return what ``detect_batch`` returns
    (``detect_batch`` scores the parts itself).
    """

    name: ClassVar[str]
    labels: ClassVar[frozenset[str]]

    def linear_parts(self) -> tuple[LinearPart, ...]: ...

    def detect_scored(
        self, docs: Sequence[Prepared], raw: Sequence[npt.NDArray[np.float32]]
    ) -> list[DetectorOutput]: ...

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


class ModelFileDetector:
    """Base of detectors whose model loads from a file: they pickle as the file's path, not the weights.

    Ray and worker processes receive the detector and load the model there once. A detector built around a
    model object given in memory (tests, training) pickles with the model. Subclasses set ``load``.
    """

    load: ClassVar[Any]  # (path: Path | None) -> model; None: the model shipped in the package

    def __init__(self, model: Any = None, model_path: Path | None = None) -> None:
        self._path = model_path
        self._by_reference = model is None
        self.model = model if model is not None else type(self).load(model_path)

    @property
    def model_version(self) -> str:
        return str(self.model.version)

    def __getstate__(self) -> dict[str, Any]:
        if not self._by_reference:
            return {"path": None, "model": self.model}
        return {"path": self._path, "model": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._path = state["path"]
        self._by_reference = state["model"] is None
        self.model = state["model"] if state["model"] is not None else type(self).load(self._path)
