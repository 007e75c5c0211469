"""Scan many posts in one process: batches through ``Analyzer.analyze_batch``, output in input order."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kiemchung.analyzer import Analyzer
from kiemchung.io import dumps, read_posts_jsonl
from kiemchung.types import Document, Report


@dataclass
class ScanSummary:
    posts: int = 0
    seconds: float = 0.0
    findings: Counter[str] = field(default_factory=Counter)

    def add(self, report: Report) -> None:
        self.posts += 1
        for f in report.findings:
            self.findings[f.label] += 1

    def to_dict(self) -> dict[str, Any]:
        s = max(self.seconds, 1e-9)
        return {
            "posts": self.posts,
            "seconds": round(self.seconds, 3),
            "posts_per_second": round(self.posts / s, 1),
            "findings": dict(sorted(self.findings.items())),
        }


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def iter_documents(inputs: Sequence[str | Path]) -> Iterator[Document]:
    for path in inputs:
        for _, doc in read_posts_jsonl(path):
            yield doc


def scan_documents(
    analyzer: Analyzer,
    documents: Iterable[Document],
    out: IO[str] | None,
    *,
    batch_size: int = 256,
    on_batch: Callable[[int], None] | None = None,
) -> ScanSummary:
    """Analyze documents in batches and write one JSON line per document to ``out``, in input order."""
    summary = ScanSummary()
    t0 = time.perf_counter()
    for batch in batched(documents, batch_size):
        reports = analyzer.analyze_batch(batch)
        for rep in reports:
            summary.add(rep)
            if out is not None:
                out.write(dumps(rep.to_dict()) + "\n")
        if on_batch is not None:
            on_batch(len(batch))
    summary.seconds = time.perf_counter() - t0
    return summary


def validate_inputs(inputs: Sequence[str | Path]) -> int:
    """Read every input once so a bad line fails before anything is written; return the post count."""
    return sum(1 for _ in iter_documents(inputs))
