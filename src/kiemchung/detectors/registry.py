"""A registry instance of detectors (Presidio's RecognizerRegistry), filled from the entry-point group.

Built-in detectors register through the same ``kiemchung.detectors`` entry-point group that third parties use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib.metadata import entry_points

from kiemchung.detectors.base import Detector, Settings
from kiemchung.errors import ConfigError

ENTRY_POINT_GROUP = "kiemchung.detectors"


class Registry:
    """An ordered set of detectors, looked up by name or selected by label."""

    def __init__(self, detectors: Iterable[Detector] = ()) -> None:
        self._detectors: dict[str, Detector] = {}
        for d in detectors:
            self.add(d)

    def add(self, detector: Detector) -> None:
        if not isinstance(detector, Detector):
            raise ConfigError(f"{detector!r} does not implement the Detector protocol")
        if detector.name in self._detectors:
            raise ConfigError(f"detector {detector.name} is already registered")
        self._detectors[detector.name] = detector

    def remove(self, name: str) -> None:
        try:
            del self._detectors[name]
        except KeyError:
            raise ConfigError(f"no detector named {name}") from None

    def get(self, name: str) -> Detector:
        try:
            return self._detectors[name]
        except KeyError:
            raise ConfigError(f"no detector named {name}") from None

    def select(self, labels: Iterable[str] | None = None, categories: Iterable[str] | None = None) -> Registry:
        """A new registry with the detectors that can emit any of ``labels`` or any label in ``categories``."""
        want = set(labels or ())
        cats = set(categories or ())
        chosen = []
        for d in self._detectors.values():
            if any(lbl in want or lbl.split(".", 1)[0] in cats for lbl in d.labels):
                chosen.append(d)
        return Registry(chosen)

    @property
    def names(self) -> list[str]:
        return list(self._detectors)

    def __iter__(self) -> Iterator[Detector]:
        return iter(list(self._detectors.values()))

    def __len__(self) -> int:
        return len(self._detectors)

    def __contains__(self, name: object) -> bool:
        return name in self._detectors

    @classmethod
    def from_entry_points(
        cls, settings: Settings | None = None, *, only: Iterable[str] | None = None, skip: Iterable[str] = ()
    ) -> Registry:
        """Load every detector factory in the entry-point group (lazily: modules import only here)."""
        settings = settings or Settings()
        only_set = set(only) if only is not None else None
        skip_set = set(skip)
        reg = cls()
        eps = sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)
        for ep in eps:
            if ep.name in skip_set or (only_set is not None and ep.name not in only_set):
                continue
            try:
                factory = ep.load()
            except Exception as exc:  # a broken plugin must say which one it is
                raise ConfigError(f"cannot load detector plugin {ep.name} ({ep.value}): {exc}") from exc
            made = factory(settings)
            if made is None:
                continue
            for d in made if isinstance(made, (list, tuple)) else [made]:
                reg.add(d)
        return reg
