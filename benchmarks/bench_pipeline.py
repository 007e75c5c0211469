"""Whole pipeline and each detector, side by side with the floor and the peers (prints a table).

    python benchmarks/bench_pipeline.py [--posts 20000] [--json]
"""

from __future__ import annotations

import argparse
import json

from kiemchung.pipeline.bench import format_table, run_bench

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=int, default=20_000)
    ap.add_argument("--factchecks", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    res = run_bench(a.posts, a.factchecks, workers=a.workers)
    print(json.dumps(res, ensure_ascii=False, indent=2) if a.json else format_table(res))
