"""Throughput of the scam detector on one core (posts/s), on the written dev set repeated.

    python benchmarks/bench_scam.py [--n 5000]

Prints posts/s (wall clock, and per CPU second, which is what one free core would do on a shared machine)
for detect_batch alone (normalization done beforehand, as the Analyzer does it once for all
detectors) and for normalize + detect. No peer: no offline Vietnamese scam detector was found on PyPI.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kiemchung.detectors.base import Settings
from kiemchung.detectors.scam import create
from kiemchung.text.normalize import normalize
from kiemchung.types import Document, Prepared

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "scam_dev.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = (texts * (args.n // len(texts) + 1))[: args.n]
    det = create(Settings())
    t0 = time.perf_counter()
    prepared = [Prepared(Document(text=t), normalize(t)) for t in texts]
    t1 = time.perf_counter()
    det.detect_batch(prepared[:200])  # warm caches
    c2 = time.process_time()
    t2 = time.perf_counter()
    outs = det.detect_batch(prepared)
    t3 = time.perf_counter()
    c3 = time.process_time()
    flagged = sum(bool(o.findings) for o in outs)
    avg = sum(map(len, texts)) / len(texts)
    print(f"posts: {len(texts)} (avg {avg:.0f} chars), flagged: {flagged}")
    print(f"scam detect_batch:        {len(texts) / (t3 - t2):10,.0f} posts/s (wall clock)")
    print(f"scam detect_batch:        {len(texts) / (c3 - c2):10,.0f} posts/s (CPU time of this process, one core)")
    print(f"normalize + detect_batch: {len(texts) / ((t1 - t0) + (t3 - t2)):10,.0f} posts/s")


if __name__ == "__main__":
    main()
