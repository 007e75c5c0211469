"""Cost of the scam detector on one core (µs per post and posts/s), on the benchmark posts or the written dev set.

    python benchmarks/bench_scam.py [--n 5000] [--repeat 5] [--posts bench|dev]

``bench`` posts are :func:`kiemchung.pipeline.synth.generate_posts` (the pipeline benchmark's mix: mostly ordinary
posts, about 7 % scams); ``dev`` is tests/data/scam_dev.jsonl repeated (mostly scams and hard negatives, so rules
run on most posts). Times are CPU seconds of this process for ``detect_batch`` (normalization done beforehand, as
the Analyzer does it once for all detectors); the best of ``--repeat`` runs is reported, since the machine may be
shared. No peer: no offline Vietnamese scam detector was found on PyPI.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kiemchung.detectors.base import Settings
from kiemchung.detectors.scam import create
from kiemchung.pipeline.synth import generate_posts
from kiemchung.text.normalize import normalize
from kiemchung.types import Document, Prepared

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "scam_dev.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--posts", choices=("bench", "dev"), default="bench")
    args = ap.parse_args()
    if args.posts == "bench":
        texts = [p["text"] for p in generate_posts(args.n)]
    else:
        dev = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts = (dev * (args.n // len(dev) + 1))[: args.n]
    det = create(Settings())
    prepared = [Prepared(Document(text=t), normalize(t)) for t in texts]
    det.detect_batch(prepared[:200])  # warm caches
    times = []
    for _ in range(args.repeat):
        c0 = time.process_time()
        outs = det.detect_batch(prepared)
        times.append(time.process_time() - c0)
    best = min(times)
    flagged = sum(bool(o.findings) for o in outs)
    avg = sum(map(len, texts)) / len(texts)
    print(f"posts: {len(texts)} ({args.posts}, avg {avg:.0f} chars), flagged: {flagged}, model: {det.model_version or 'none'}")
    print(f"scam detect_batch: {best / len(texts) * 1e6:8.1f} µs/post  {len(texts) / best:10,.0f} posts/s "
          f"(best of {args.repeat}, CPU time; all runs µs/post: {', '.join(f'{t / len(texts) * 1e6:.1f}' for t in times)})")


if __name__ == "__main__":
    main()
