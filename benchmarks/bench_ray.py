"""Ray engine at scale: scan N generated posts (default 1,000,000) on a local Ray cluster with 2 CPUs, then the
local engine on the same file, and check that both outputs are identical, row for row.

    python benchmarks/bench_ray.py [--posts 1000000] [--cpus 2] [--skip-local]
"""

from __future__ import annotations

import argparse
import filecmp
import json
import tempfile
import time
from pathlib import Path

from kiemchung.analyzer import Analyzer
from kiemchung.detectors.base import Settings
from kiemchung.pipeline.local import scan_files
from kiemchung.pipeline.ray import scan_ray
from kiemchung.pipeline.synth import generate_factchecks, generate_posts

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=int, default=1_000_000)
    ap.add_argument("--cpus", type=int, default=2)
    ap.add_argument("--skip-local", action="store_true")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kc-ray-"))
    inp = tmp / "posts.jsonl"
    base = generate_posts(20_000)
    with inp.open("w", encoding="utf-8") as fh:
        for i in range(a.posts):
            p = dict(base[i % len(base)], id=f"r{i}")
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    analyzer = Analyzer.default(Settings(factchecks=generate_factchecks(10_000)))
    t0 = time.perf_counter()
    r = scan_ray(analyzer, [inp], tmp / "ray.jsonl", num_cpus=a.cpus, batch_size=2048)
    print(f"ray engine: {r.posts:,} posts in {time.perf_counter() - t0:,.1f} s "
          f"({r.posts / (time.perf_counter() - t0):,.0f} posts/s, {a.cpus} CPUs)", flush=True)
    if not a.skip_local:
        t0 = time.perf_counter()
        loc = scan_files(analyzer, [inp], tmp / "local.jsonl", workers=a.cpus, batch_size=2048)
        print(f"local engine: {loc.posts:,} posts in {time.perf_counter() - t0:,.1f} s", flush=True)
        same = filecmp.cmp(tmp / "ray.jsonl", tmp / "local.jsonl", shallow=False)
        print(f"outputs identical row for row: {same}")
        assert same and r.findings == loc.findings
