"""The shared text featurizer on one core: the numpy reference against the compiled (numba) kernel.

    python benchmarks/bench_features.py [--posts 4000] [--repeat 15] [--cold]

Posts: ``kiemchung.pipeline.synth.generate_posts`` (about 100–200 characters), normalized first (not timed).
Model: the shipped toxicity model's spec, idf and weights (3 heads over 2**20 buckets). Each figure is µs per post
in CPU time of this process (``time.process_time``, fair on a busy machine): the best and the median of
``--repeat`` runs, the two implementations alternating so both see the same load. Also printed: the first call
in this fresh process (loading numba and the compiled kernel from numba's cache, or compiling it), and with
``--cold`` the first call of a child process given an empty ``NUMBA_CACHE_DIR`` (a compile from scratch).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

_FIRST_CALL = """
import time
import numpy as np
from kiemchung.text.features import FeatureSpec, linear_scores
t, c = time.perf_counter(), time.process_time()
linear_scores(FeatureSpec(bits=12), ["xin chào"], ["xin chao"], None, np.ones((4096, 1), np.float32))
print(f"{time.perf_counter() - t:.2f} s wall, {time.process_time() - c:.2f} s CPU")
"""


def _time(fn: Callable[[], object], n: int) -> float:
    t = time.process_time()
    fn()
    return (time.process_time() - t) / n * 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=int, default=4000)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--cold", action="store_true", help="also time a compile from an empty numba cache")
    args = ap.parse_args()

    import numpy as np

    from kiemchung.pipeline.synth import generate_posts
    from kiemchung.text import features as F
    from kiemchung.text.normalize import normalize
    from kiemchung.toxicity.model import ToxicityModel

    model = ToxicityModel.load()
    spec, idf, w = model.spec, model.idf, model.w_doc
    norms = [normalize(p["text"]) for p in generate_posts(args.posts)]
    texts, keys = [n.normalized for n in norms], [n.key for n in norms]
    n = len(texts)
    chars = sum(map(len, texts)) / n
    d, _ = F.hashed(spec, texts[:500], keys[:500])
    print(f"posts: {n:,} synthetic, mean {chars:.0f} characters, {len(d) / min(n, 500):.0f} feature occurrences each")

    t, c = time.perf_counter(), time.process_time()
    got = F.linear_scores(spec, texts[:1], keys[:1], idf, w)
    print(f"first call in this process: {time.perf_counter() - t:.2f} s wall, {time.process_time() - c:.2f} s CPU")
    if args.cold:
        with tempfile.TemporaryDirectory() as cache:
            env = dict(os.environ, NUMBA_CACHE_DIR=cache)
            out = subprocess.run([sys.executable, "-c", _FIRST_CALL], env=env, capture_output=True, text=True)
            print(f"first call, empty numba cache (compile): {out.stdout.strip() or out.stderr.strip()}")

    ref = F._linear_scores_reference(spec, texts, keys, idf, w)
    got = F.linear_scores(spec, texts, keys, idf, w)
    print(f"max |kernel - reference| over {n:,} × {w.shape[1]} scores: {float(np.abs(got - ref).max()):.2e}")

    idf_ro, w_ro = idf.copy(), w.copy()  # read-only copies: the kernel reads packed [idf, weights] rows
    idf_ro.setflags(write=False)
    w_ro.setflags(write=False)
    runs: dict[str, Callable[[], object]] = {
        "linear_scores, numpy reference": lambda: F._linear_scores_reference(spec, texts, keys, idf, w),
        "linear_scores, compiled kernel": lambda: F.linear_scores(spec, texts, keys, idf, w),
        "linear_scores, kernel, read-only": lambda: F.linear_scores(spec, texts, keys, idf_ro, w_ro),
        "sparse_matrix, numpy reference": lambda: F._sparse_matrix_reference(spec, texts, keys, idf),
        "sparse_matrix, compiled kernel": lambda: F.sparse_matrix(spec, texts, keys, idf),
    }
    times: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(args.repeat):
        for name, fn in runs.items():
            times[name].append(_time(fn, n))
    for name, ts in times.items():
        print(f"{name:34s} best {min(ts):7.1f} µs/post   median {statistics.median(ts):7.1f} µs/post")
    for what, kind in [("linear_scores", "compiled kernel"), ("linear_scores", "kernel, read-only"),
                       ("sparse_matrix", "compiled kernel")]:
        r, k = times[f"{what}, numpy reference"], times[f"{what}, {kind}"]
        best, median = min(r) / min(k), statistics.median(r) / statistics.median(k)
        print(f"{what}, {kind}: {best:.1f}× faster than the reference (best), {median:.1f}× (median)")


if __name__ == "__main__":
    main()
