"""Scan many posts on one machine: batches through ``Analyzer.analyze_batch``, every core, resumable.

Output is one JSON line per post, in input order, whatever the number of worker processes. The output is written
to ``OUT.part`` with a checkpoint ``OUT.part.ckpt`` (posts done, bytes written, findings so far) updated after each
batch; an interrupted scan restarts where it stopped with ``resume=True``, and the part file becomes ``OUT`` only
when the scan completes.
"""

from __future__ import annotations

import gc
import json
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import IO, Any, TypeVar

from kiemchung.analyzer import Analyzer
from kiemchung.errors import InputError
from kiemchung.io import iter_jsonl_lines, parse_post_line, read_posts, read_posts_csv
from kiemchung.types import Document, Report

R = TypeVar("R")

CHECKPOINT_VERSION = 1


@dataclass
class ScanSummary:
    posts: int = 0
    seconds: float = 0.0
    findings: Counter[str] = field(default_factory=Counter)
    resumed_from: int = 0

    def to_dict(self) -> dict[str, Any]:
        s = max(self.seconds, 1e-9)
        d: dict[str, Any] = {
            "posts": self.posts,
            "seconds": round(self.seconds, 3),
            "posts_per_second": round((self.posts - self.resumed_from) / s, 1),
            "findings": dict(sorted(self.findings.items())),
        }
        if self.resumed_from:
            d["resumed_from"] = self.resumed_from
        return d


# A work item: a Document, or a raw JSONL line (file, line number, line) that the worker parses itself, so the
# process that reads the input does not spend its core on JSON and pickling while the workers wait.
WorkItem = Document | tuple[str, int, str]


def batched(items: Iterable[WorkItem], size: int) -> Iterator[list[WorkItem]]:
    batch: list[WorkItem] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def iter_documents(inputs: Sequence[str | Path], skip: int = 0) -> Iterator[Document]:
    """Documents from JSONL/CSV inputs, in order, skipping the first ``skip``."""
    for item in iter_items(inputs, skip):
        yield as_document(item)


def iter_items(inputs: Sequence[str | Path], skip: int = 0) -> Iterator[WorkItem]:
    """Work items from JSONL/CSV inputs, in order, skipping the first ``skip`` posts (blank lines don't count)."""
    seen = 0
    for path in inputs:
        if str(path).lower().endswith(".csv"):
            for _, doc in read_posts_csv(path):
                if seen >= skip:
                    yield doc
                seen += 1
            continue
        name = str(path)
        for lineno, raw in iter_jsonl_lines(path):
            if seen >= skip:
                yield (name, lineno, raw)
            seen += 1


def as_document(item: WorkItem) -> Document:
    if isinstance(item, Document):
        return item
    return parse_post_line(item[2], file=item[0], line=item[1])


def validate_inputs(inputs: Sequence[str | Path]) -> int:
    """Read every input once so a bad line fails before anything is written; return the post count."""
    return sum(1 for path in inputs for _ in read_posts(path))


def report_lines(analyzer: Analyzer, batch: Sequence[Document]) -> tuple[list[str], Counter[str]]:
    """The batch function every engine maps: documents → JSON lines and label counts."""
    counts: Counter[str] = Counter()
    lines = []
    for rep in analyzer.analyze_batch(batch):
        for f in rep.findings:
            counts[f.label] += 1
        lines.append(rep.to_json())
    return lines, counts


# young-generation threshold and the two older ones (Python's defaults: 700, 10, 10); see ``settle_heap``
GC_THRESHOLDS = (50_000, 20, 20)


def settle_heap() -> None:
    """Hide every object alive now (models, indexes, tables) from the cyclic garbage collector.

    A scan keeps allocating (tokens, findings, reports) while the loaded models hold hundreds of thousands of
    long-lived objects; every full collection would walk them all again. Called once the analyzer is loaded,
    ``gc.freeze`` moves them to the permanent generation (measured: normalization of a 5,000-post batch went from
    ~190 to ~60 µs/post). Collections still run for everything allocated afterwards, but less often
    (``GC_THRESHOLDS``): a batch allocates thousands of containers that live until its reports are written and
    that reference counting frees, and each young-generation collection walked them again (measured on the
    benchmark's posts, one core: 161–167 µs/post with Python's default thresholds, 136–156 with 10,000,
    ~142 with 50,000).
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


# --- worker processes ------------------------------------------------------------------------------------------
_WORKER: Analyzer | None = None


def _init_worker(analyzer: Analyzer) -> None:
    global _WORKER
    _WORKER = analyzer
    settle_heap()


def _block(analyzer: Analyzer, batch: list[WorkItem]) -> tuple[str, Counter[str]]:
    """The batch's JSON lines as one block of text (each line ended by a newline) and its label counts.

    One string per batch, joined where it was computed: a worker sends back one object instead of a thousand, and
    the process that writes the output does not join them."""
    lines, counts = report_lines(analyzer, [as_document(it) for it in batch])
    lines.append("")
    return "\n".join(lines), counts


def _block_bytes(analyzer: Analyzer, batch: list[WorkItem]) -> tuple[bytes, Counter[str]]:
    """:func:`_block` encoded as UTF-8 (for a binary output file), encoded where it was computed."""
    text, counts = _block(analyzer, batch)
    return text.encode("utf-8"), counts


def _work(batch: list[WorkItem]) -> tuple[str, Counter[str]]:
    assert _WORKER is not None, "worker not initialised"
    return _block(_WORKER, batch)


def _work_bytes(batch: list[WorkItem]) -> tuple[bytes, Counter[str]]:
    assert _WORKER is not None, "worker not initialised"
    return _block_bytes(_WORKER, batch)


def _work_reports(batch: list[Document]) -> list[Report]:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.analyze_batch(batch)


def _map_ordered(
    analyzer: Analyzer,
    batches: Iterable[list[Any]],
    workers: int,
    work: Callable[[list[Any]], R],
    here: Callable[[Analyzer, list[Any]], R],
) -> Iterator[tuple[int, R]]:
    """Yield (batch size, result) in input order; with workers > 1, a bounded number of batches in flight.

    ``work(batch)`` runs in a worker process (a module-level function, so it pickles); ``here(analyzer,
    batch)`` is the same computation in this process, used when ``workers`` is 1."""
    if workers <= 1:
        for b in batches:
            yield len(b), here(analyzer, b)
        return
    ctx = get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(analyzer,)) as pool:
        pending: deque[tuple[int, Future[R]]] = deque()
        for b in batches:
            pending.append((len(b), pool.submit(work, b)))
            while len(pending) >= workers * 3:
                n, fut = pending.popleft()
                yield n, fut.result()
        for n, fut in pending:
            yield n, fut.result()


def analyze_batches(analyzer: Analyzer, batches: Iterable[list[Document]], workers: int = 1) -> Iterator[list[Report]]:
    """The reports of each batch, in order; with ``workers`` > 1 the batches are analyzed in worker processes
    (the store scan uses this: it reads and writes the database here while the workers analyze)."""
    for _, reports in _map_ordered(analyzer, batches, workers, _work_reports, _reports_here):
        yield reports


def _reports_here(analyzer: Analyzer, batch: list[Document]) -> list[Report]:
    return analyzer.analyze_batch(batch)


# --- checkpoints -----------------------------------------------------------------------------------------------
def _fingerprint(inputs: Sequence[str | Path]) -> list[dict[str, Any]]:
    out = []
    for p in inputs:
        st = Path(p).stat()
        out.append({"path": str(Path(p).resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns})
    return out


def _write_checkpoint(path: Path, state: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(state), encoding="utf-8")
    os.replace(tmp, path)


def scan_documents(
    analyzer: Analyzer,
    documents: Iterable[Document],
    out: IO[str] | None,
    *,
    batch_size: int = 1024,
    workers: int = 1,
    on_batch: Callable[[int], None] | None = None,
) -> ScanSummary:
    """Analyze documents in batches and write one JSON line per document to ``out``, in input order."""
    summary = ScanSummary()
    settle_heap()
    t0 = time.perf_counter()
    for n, (block, counts) in _map_ordered(analyzer, batched(documents, batch_size), workers, _work, _block):
        if out is not None:
            out.write(block)
        summary.posts += n
        summary.findings.update(counts)
        if on_batch is not None:
            on_batch(n)
    summary.seconds = time.perf_counter() - t0
    return summary


def scan_files(
    analyzer: Analyzer,
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    batch_size: int = 1024,
    workers: int = 1,
    resume: bool = False,
    on_batch: Callable[[int], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> ScanSummary:
    """Scan JSONL/CSV ``inputs`` into ``out`` (JSONL), resumable through a checkpoint beside the part file.

    ``on_start(done)`` is called once with the number of posts already done (non-zero when resuming).
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(out.name + ".part")
    ckpt = out.with_name(out.name + ".part.ckpt")
    fingerprint = _fingerprint(inputs)
    summary = ScanSummary()
    done, offset = 0, 0
    if resume and ckpt.exists() and part.exists():
        try:
            state = json.loads(ckpt.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InputError(f"tệp checkpoint hỏng ({exc})", file=str(ckpt)) from exc
        if state.get("version") != CHECKPOINT_VERSION or state.get("inputs") != fingerprint:
            raise InputError(
                "checkpoint không khớp với tệp đầu vào (inputs changed since the interrupted scan); "
                "chạy lại không có --resume", file=str(ckpt))
        done, offset = int(state["posts"]), int(state["bytes"])
        summary.findings.update(state.get("findings", {}))
        summary.posts = summary.resumed_from = done
    if on_start is not None:
        on_start(done)
    settle_heap()
    t0 = time.perf_counter()
    mode = "r+b" if done else "wb"
    with open(part, mode) as fh:
        if done:
            fh.seek(offset)
            fh.truncate()
        docs = iter_items(inputs, skip=done)
        last_sync = time.monotonic()
        for n, (block, counts) in _map_ordered(analyzer, batched(docs, batch_size), workers, _work_bytes,
                                               _block_bytes):
            fh.write(block)
            summary.posts += n
            summary.findings.update(counts)
            fh.flush()
            if time.monotonic() - last_sync > 2.0:
                os.fsync(fh.fileno())
                last_sync = time.monotonic()
            _write_checkpoint(ckpt, {
                "version": CHECKPOINT_VERSION, "inputs": fingerprint, "posts": summary.posts,
                "bytes": fh.tell(), "findings": dict(summary.findings),
            })
            if on_batch is not None:
                on_batch(n)
        os.fsync(fh.fileno())
    os.replace(part, out)
    ckpt.unlink(missing_ok=True)
    summary.seconds = time.perf_counter() - t0
    return summary
