"""Scan on a Ray cluster: the same batch function as the local engine, mapped with Ray Data.

``map_batches`` runs one :class:`Analyzer` per worker (a callable class, built once from the pickled analyzer);
order is preserved, so the output equals the local engine's, row for row.

On an existing cluster: ``kiemchung scan posts.jsonl --out out.jsonl --engine ray --address ray://head:10001``
(or ``--address auto`` on a cluster node). Without ``--address`` a local cluster with the machine's CPUs starts.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kiemchung.analyzer import Analyzer
from kiemchung.errors import InputError
from kiemchung.io import post_to_document
from kiemchung.pipeline.local import ScanSummary, report_lines, settle_heap


class _AnalyzeBatch:
    """Ray Data callable class: one Analyzer per actor, built once."""

    def __init__(self, analyzer_bytes: bytes) -> None:
        import pickle

        self.analyzer: Analyzer = pickle.loads(analyzer_bytes)
        settle_heap()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        docs = [
            post_to_document(json.loads(line), file=str(src), line=int(no))
            for line, src, no in zip(batch["line"], batch["file"], batch["lineno"], strict=True)
        ]
        lines, counts = report_lines(self.analyzer, docs)
        labels = [json.dumps(dict(counts))] + [""] * (len(lines) - 1)
        return {"out": lines, "counts": labels}


def _read_lines(inputs: Sequence[str | Path]) -> list[dict[str, Any]]:
    rows = []
    for p in inputs:
        with open(p, encoding="utf-8") as fh:
            for no, line in enumerate(fh, 1):
                if line.strip():
                    rows.append({"line": line, "file": str(p), "lineno": no})
    return rows


def scan_ray(
    analyzer: Analyzer,
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    address: str | None = None,
    batch_size: int = 1024,
    num_cpus: int | None = None,
    concurrency: int | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> ScanSummary:
    """Scan JSONL inputs on Ray and write ``out`` in input order. Inputs are validated by the caller."""
    import pickle

    import ray

    started_here = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
        try:
            if address:
                ray.init(address=address, **kwargs)
            else:
                ray.init(num_cpus=num_cpus, **kwargs)
        except ConnectionError as exc:
            raise InputError(
                f"không kết nối được cụm Ray tại {address!r} ({exc}); nếu cụm bật xác thực token, chép "
                "~/.ray/auth_token sang máy này và đặt RAY_AUTH_MODE=token (cannot connect to the Ray cluster)"
            ) from exc
        started_here = True
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = False
        workers = concurrency or max(1, int(ray.available_resources().get("CPU", 1)))
        t0 = time.perf_counter()
        ds: ray.data.Dataset = ray.data.from_items(_read_lines(inputs), override_num_blocks=max(workers * 4, 1))
        ds = ds.map_batches(
            _AnalyzeBatch,
            fn_constructor_args=(pickle.dumps(analyzer),),
            batch_size=batch_size,
            concurrency=workers,
            batch_format="numpy",
        )
        summary = ScanSummary()
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        part = out.with_name(out.name + ".part")
        with open(part, "w", encoding="utf-8") as fh:
            for batch in ds.iter_batches(batch_size=batch_size, batch_format="numpy"):
                lines = [str(x) for x in batch["out"]]
                fh.write("\n".join(lines) + "\n")
                summary.posts += len(lines)
                for c in batch["counts"]:
                    if c:
                        summary.findings.update(Counter(json.loads(str(c))))
                if on_batch is not None:
                    on_batch(len(lines))
        part.replace(out)
        summary.seconds = time.perf_counter() - t0
        return summary
    finally:
        if started_here:
            ray.shutdown()
