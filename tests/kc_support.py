"""Test helpers importable from any test module (``from kc_support import KeywordDetector``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from kiemchung.types import DetectorOutput, Evidence, Finding, Prepared


class KeywordDetector:
    """A tiny detector for tests: flags every occurrence of a keyword (on the diacritic-free key)."""

    name: ClassVar[str] = "test.keyword.v1"
    labels: ClassVar[frozenset[str]] = frozenset({"toxicity.offensive"})

    def __init__(self, keyword: str = "ngu") -> None:
        self.keyword = keyword

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
        outs = []
        for d in docs:
            found = []
            key = d.norm.key
            i = key.find(self.keyword)
            while i >= 0:
                a, b = d.norm.to_original(i, i + len(self.keyword))
                found.append(
                    Finding(self.name, "toxicity.offensive", 0.9, a, b, "Từ xúc phạm.",
                            (Evidence("lexicon", self.keyword, 0.9),))
                )
                i = key.find(self.keyword, i + 1)
            outs.append(DetectorOutput(findings=tuple(found), scores={"toxicity.offensive": 0.9 if found else 0.0}))
        return outs


class StoreKeywordDetector:
    """A tiny detector for store tests (importable by worker processes): 'trúng thưởng' is a prize scam, 'đồ ngu' is offensive."""

    name: ClassVar[str] = "test.keyword.v1"
    labels: ClassVar[frozenset[str]] = frozenset({"scam.prize", "toxicity.offensive"})
    WORDS: ClassVar[dict[str, str]] = {"trúng thưởng": "scam.prize", "đồ ngu": "toxicity.offensive"}

    def __init__(self, model_version: str = "1") -> None:
        self.model_version = model_version

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
        out = []
        for d in docs:
            found = []
            low = d.text.lower()
            for w, label in self.WORDS.items():
                i = low.find(w)
                if i >= 0:
                    found.append(Finding(self.name, label, 0.9, i, i + len(w), "Từ khóa kiểm thử.",
                                         (Evidence("keyword", w),)))
            out.append(DetectorOutput(findings=tuple(found)))
        return out
