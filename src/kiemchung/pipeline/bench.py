"""Throughput and memory of each detector and of the whole pipeline, side by side with peers.

Used by ``kiemchung bench`` and ``benchmarks/bench_pipeline.py``. Every figure is measured in this run on
generated posts (:mod:`kiemchung.pipeline.synth`) with 10,000 fact-checks loaded. Peers:

* ``floor``: read JSON and NFC only (nothing can be faster while still reading the posts);
* ``viet-badwords-filter``: a lexicon filter (the simplest peer for toxicity);
* ``vipii``: a Presidio-based Vietnamese PII detector (the peer for personal data).

The whole pipeline on all cores runs in a fresh child process (peak memory: ``ru_maxrss`` of it and its workers),
twice: a JSONL file scanned into a JSONL file as ``kiemchung scan --out`` does (the headline), and documents held in
memory (the library call; this process then pickles every document for the workers).
"""

from __future__ import annotations

import functools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kiemchung.analyzer import Analyzer
from kiemchung.detectors.base import Settings
from kiemchung.pipeline.local import scan_documents, scan_files, settle_heap
from kiemchung.pipeline.synth import generate_factchecks, generate_posts
from kiemchung.text.normalize import normalize
from kiemchung.types import Document


def _rate(fn: Callable[[], Any], n: int, min_seconds: float = 1.0) -> float:
    """Posts per second of ``fn`` (which processes ``n`` posts), repeated until ``min_seconds`` have passed."""
    fn()  # warm up
    runs, t0 = 0, time.perf_counter()
    while True:
        fn()
        runs += 1
        dt = time.perf_counter() - t0
        if dt >= min_seconds:
            return runs * n / dt


def _documents(posts: Sequence[dict[str, Any]]) -> list[Document]:
    from kiemchung.io import post_to_document

    return [post_to_document(p, file="<bench>", line=i) for i, p in enumerate(posts)]


def _peer_badwords(texts: Sequence[str]) -> Callable[[], Any] | None:
    try:
        from viet_badwords_filter.filter import VNBadwordsFilter
    except Exception:
        return None
    flt = VNBadwordsFilter()
    return lambda: [flt.is_profane(t) for t in texts]


def _peer_vipii(texts: Sequence[str]) -> Callable[[], Any] | None:
    try:
        from vipii import PIIDetector
    except Exception:
        return None
    det = PIIDetector()
    fn = getattr(det, "detect", None) or getattr(det, "analyze", None)
    if fn is None:
        return None
    return lambda: [fn(t) for t in texts]


def run_bench(n_posts: int = 20_000, n_factchecks: int = 10_000, seconds: float = 1.0,
              peers: bool = True, memory: bool = True, workers: int = 2) -> dict[str, Any]:
    posts = generate_posts(n_posts)
    lines = [json.dumps(p, ensure_ascii=False) for p in posts]
    texts = [p["text"] for p in posts]
    docs = _documents(posts)
    settings = Settings(factchecks=generate_factchecks(n_factchecks))
    full = Analyzer.default(settings)
    settle_heap()
    rows: list[dict[str, Any]] = []

    def add(name: str, kind: str, rate: float | None, note: str = "") -> None:
        rows.append({"name": name, "kind": kind, "posts_per_second": None if rate is None else round(rate, 1),
                     "note": note})

    add("floor (json + NFC)", "peer", _rate(lambda: [unicodedata.normalize("NFC", json.loads(x)["text"])
                                                     for x in lines], n_posts, seconds))
    add("normalize", "stage", _rate(lambda: [normalize(t) for t in texts], n_posts, seconds))
    for det in full.registry:
        one = Analyzer([det], full.policy)
        add(det.name, "detector", _rate(functools.partial(one.analyze_batch, docs), n_posts, seconds),
            "includes normalization")
    add("pipeline, 1 process", "pipeline", _rate(lambda: full.analyze_batch(docs), n_posts, seconds))
    if peers:
        small = texts[: min(len(texts), 2_000)]
        bw = _peer_badwords(texts)
        add("viet-badwords-filter", "peer", None if bw is None else _rate(bw, n_posts, seconds),
            "" if bw else "not installed")
        vp = _peer_vipii(small)
        add("vipii", "peer", None if vp is None else _rate(vp, len(small), seconds),
            f"on {len(small)} posts" if vp else "not installed")
    result: dict[str, Any] = {"posts": n_posts, "factchecks": n_factchecks, "rows": rows}
    if memory:
        # what ``kiemchung scan posts.jsonl --out reports.jsonl --workers N`` does (the headline), then the library
        # call on documents already in memory, which this process must pickle for the workers
        result["pipeline_all_cores"] = _pipeline_child(n_posts, n_factchecks, workers, "files")
        result["pipeline_all_cores_documents"] = _pipeline_child(n_posts, n_factchecks, workers, "documents")
    by = {r["name"]: r["posts_per_second"] for r in rows}
    ratios = {}
    if by.get("vipii"):
        for name in by:
            if name.startswith("vi.privacy") and by[name]:
                ratios[f"{name} / vipii"] = round(by[name] / by["vipii"], 1)
    if by.get("viet-badwords-filter"):
        for name in by:
            if name.startswith("vi.toxicity") and by[name]:
                ratios[f"{name} / viet-badwords-filter"] = round(by[name] / by["viet-badwords-filter"], 2)
    if by.get("floor (json + NFC)") and by.get("pipeline, 1 process"):
        ratios["pipeline / floor"] = round(by["pipeline, 1 process"] / by["floor (json + NFC)"], 3)
    result["ratios"] = ratios
    return result


def _pipeline_child(n_posts: int, n_factchecks: int, workers: int, path: str) -> dict[str, Any]:
    code = (
        "import json,sys;from kiemchung.pipeline.bench import child_pipeline;"
        f"print(json.dumps(child_pipeline({n_posts},{n_factchecks},{workers},{path!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def child_pipeline(n_posts: int, n_factchecks: int, workers: int, path: str = "files") -> dict[str, Any]:
    """Whole pipeline with ``workers`` processes on ``3 × n_posts`` posts; peak RSS of this process and its workers.

    ``path`` "files": a JSONL file scanned into a JSONL file by :func:`scan_files` (``kiemchung scan … --out``:
    this process reads lines and writes blocks, the workers parse and analyze); "documents": documents in memory
    through :func:`scan_documents` (this process pickles each document for the workers)."""
    posts = generate_posts(n_posts)
    analyzer = Analyzer.default(Settings(factchecks=generate_factchecks(n_factchecks)))
    with open(os.devnull, "w", encoding="utf-8") as warm:
        scan_documents(analyzer, _documents(posts[:2000]), warm, workers=1)  # warm up
    marks: list[tuple[float, int]] = []  # (time, posts done) after each batch

    def mark(n: int) -> None:
        marks.append((time.perf_counter(), (marks[-1][1] if marks else 0) + n))

    with tempfile.TemporaryDirectory(prefix="kc-bench-") as tmp:
        src = Path(tmp) / "posts.jsonl"
        docs: list[Document] = []
        if path == "files":  # the posts live in the file only, as in a real scan
            with open(src, "w", encoding="utf-8") as fh:
                for _ in range(3):
                    fh.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in posts)
            del posts
        else:
            docs = _documents(posts)
        settle_heap()
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        if path == "files":
            summary = scan_files(analyzer, [src], Path(tmp) / "reports.jsonl", workers=workers, batch_size=1024,
                                 on_batch=mark)
        else:
            with open(os.devnull, "w", encoding="utf-8") as sink:  # stream the output, as a real scan does
                summary = scan_documents(analyzer, docs * 3, sink, workers=workers, batch_size=1024, on_batch=mark)
        dt = time.perf_counter() - t0
    parent_cpu = time.process_time() - cpu0  # this process only: sending posts, receiving and writing lines
    # Steady state: from the first finished batch to the last (worker start-up and model loading excluded;
    # a real scan of millions of posts pays them once).
    (t_first, n_first), (t_last, n_last) = marks[0], marks[-1]
    steady = (n_last - n_first) / max(t_last - t_first, 1e-9) if len(marks) > 1 else summary.posts / dt
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"workers": workers, "path": path, "posts": summary.posts, "seconds": round(dt, 2),
            "posts_per_second": round(steady, 1),
            "posts_per_second_with_startup": round(summary.posts / dt, 1),
            "parent_cpu_us_per_post": round(parent_cpu / max(summary.posts, 1) * 1e6, 1),
            "peak_rss_mb_parent": round(self_kb / 1024, 1),
            "peak_rss_mb_worker_max": round(child_kb / 1024, 1),
            "peak_rss_mb_total_estimate": round((self_kb + workers * child_kb) / 1024, 1)}


def format_table(result: dict[str, Any]) -> str:
    lines = [f"{result['posts']} bài tổng hợp, {result['factchecks']} kiểm chứng", ""]
    lines.append(f"{'name':46} {'kind':9} {'posts/s':>12}  note")
    for r in result["rows"]:
        rate = "-" if r["posts_per_second"] is None else f"{r['posts_per_second']:,.0f}"
        lines.append(f"{r['name']:46} {r['kind']:9} {rate:>12}  {r['note']}")
    for key, what in (("pipeline_all_cores", "JSONL file → JSONL file, as `kiemchung scan --out`"),
                      ("pipeline_all_cores_documents", "documents in memory → JSON lines")):
        if key not in result:
            continue
        p = result[key]
        lines.append("")
        lines.append(f"pipeline, {p['workers']} processes ({what}): {p['posts_per_second']:,.0f} posts/s steady "
                     f"({p['posts_per_second_with_startup']:,.0f} with worker start-up; parent CPU "
                     f"{p.get('parent_cpu_us_per_post', '-')} µs/post); peak RSS parent "
                     f"{p['peak_rss_mb_parent']} MB, worker {p['peak_rss_mb_worker_max']} MB, total ≈ "
                     f"{p['peak_rss_mb_total_estimate']} MB")
    for k, v in result.get("ratios", {}).items():
        lines.append(f"ratio {k}: {v}")
    return "\n".join(lines)
