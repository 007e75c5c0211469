"""Personal-data recognizers on one core, side by side with vipii (Presidio-based, offline, on PyPI).

    python benchmarks/bench_pii.py [--posts 5000] [--vipii-posts 500] [--reps 5] [--no-vipii]
                                   [--dev tests/data/pii_dev.jsonl] [--holdout tests/data/pii_holdout.jsonl]
                                   [--ordinary ../shared/data/vilexnorm/dev.csv]

Corpora (the same posts for both tools):
* ``generated``: posts from tests/data/make_pii_dev.py (seed 99, not the dev-set seed): about 55% carry personal
  data, the rest hard negatives (prices, dates, hotlines, codes) — far denser in numbers than real posts;
* ``ordinary``: real social-media comments (ViLexNorm dev, read at run time, never copied) when the file is there,
  the way most posts look: few numbers, rarely personal data.

kiemchung is timed through ``kiemchung.detectors.privacy.find`` (all recognizers on the original text, overlaps
resolved: what ``redact`` does); vipii through ``PIIDetector().detect`` with its defaults. The process is pinned to
one core; each figure is posts per second of CPU time (process_time, so other
processes on a shared machine count less), the median of ``--reps`` runs (the best in brackets: on a shared
machine the spread is wide). With ``--dev`` / ``--holdout``, both tools are also scored (exact span and label,
micro F1) on those sets; vipii labels are mapped to ours and its other labels (dates of birth, tax codes…) are
dropped rather than counted as errors.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import math
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

VIPII_LABELS = {
    "PHONE_NUMBER": "phone",
    "CCCD": "cccd",
    "CMND": "cmnd",
    "EMAIL_ADDRESS": "email",
    "BANK_ACCOUNT": "bank_account",
    "BANK_CARD": "card_number",
    "VEHICLE_PLATE": "license_plate",
    "PASSPORT": "passport",
}


def pin_one_core() -> str:
    try:
        cpu = max(os.sched_getaffinity(0))  # not CPU 0, which often serves interrupts
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return "not pinned"


def generated_posts(n: int, seed: int = 99) -> list[str]:
    spec = importlib.util.spec_from_file_location("make_pii_dev", ROOT / "tests" / "data" / "make_pii_dev.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return [str(p["text"]) for p in mod.generate(n, seed, handwritten=False)]


def ordinary_posts(path: Path | None, n: int) -> list[str]:
    if path is None or not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        texts = [r["original"] for r in csv.DictReader(fh) if r.get("original")]
    out: list[str] = []
    while texts and len(out) < n:
        out.extend(texts[: n - len(out)])
    return out


def _clear_caches() -> None:
    """Forget per-text caches, so no run profits from work done on the same posts by an earlier run."""
    from kiemchung.detectors import context, patterns

    patterns.clear_caches()
    context._KEY_VIEWS.clear()


def rates(fn: Callable[[str], object], posts: Sequence[str], runs: int = 5) -> list[float]:
    """Posts per CPU second of ``runs`` runs over ``posts`` (after a warm-up), caches cleared before each."""
    t0 = time.process_time()
    while time.process_time() - t0 < 0.5:  # warm up (caches, CPU frequency)
        for t in posts[:200]:
            fn(t)
    out = []
    for _ in range(runs):
        _clear_caches()
        t0 = time.process_time()
        for t in posts:
            fn(t)
        out.append(len(posts) / (time.process_time() - t0))
    return out


def best_rate(fn: Callable[[str], object], posts: Sequence[str], runs: int = 3) -> float:
    return max(rates(fn, posts, runs))


def batch_rates(posts: Sequence[str], batch: int = 256, runs: int = 5) -> list[float]:
    """The eight detectors' ``detect_batch`` as the Analyzer calls them (normalization not counted; fresh
    prepared documents for every run)."""
    from kiemchung.detectors.base import Settings
    from kiemchung.detectors.privacy import create
    from kiemchung.text.normalize import normalize
    from kiemchung.types import Document, Prepared

    dets = create(Settings())
    out = []
    for run in range(runs + 1):  # the first run warms up
        _clear_caches()
        prepared = [Prepared(Document(text=t), normalize(t)) for t in posts]
        chunks = [prepared[i : i + batch] for i in range(0, len(prepared), batch)]
        t0 = time.process_time()
        for chunk in chunks:
            for d in dets:
                d.detect_batch(chunk)
        if run:
            out.append(len(posts) / (time.process_time() - t0))
    return out


def _fmt(rs: Sequence[float]) -> str:
    return f"{statistics.median(rs):,.0f} (best {max(rs):,.0f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=5000)
    ap.add_argument("--vipii-posts", type=int, default=500)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--dev", type=Path, default=ROOT / "tests" / "data" / "pii_dev.jsonl")
    ap.add_argument("--holdout", type=Path, default=ROOT / "tests" / "data" / "pii_holdout.jsonl")
    ap.add_argument(
        "--ordinary", type=Path, default=ROOT / ".." / "shared" / "data" / "vilexnorm" / "dev.csv"
    )
    ap.add_argument("--no-vipii", action="store_true")
    args = ap.parse_args()

    print(pin_one_core(), f"; python {sys.version.split()[0]}")
    from kiemchung.detectors.privacy import find

    vipii_detect: Callable[[str], list[Any]] | None = None
    if not args.no_vipii:
        try:
            import logging

            logging.disable(logging.WARNING)
            from vipii import PIIDetector

            det = PIIDetector()
            vipii_detect = det.detect
        except ImportError as exc:  # pragma: no cover - vipii missing
            print(f"vipii unavailable: {exc}")

    corpora = {"generated": generated_posts(args.posts)}
    ordinary = ordinary_posts(args.ordinary, args.posts)
    if ordinary:
        corpora["ordinary"] = ordinary
    print(
        f"{'corpus':<10} {'posts':>6} {'kiemchung posts/s (median, best)':>34} {'vipii posts/s':>14} {'ratio':>8}"
    )
    for name, posts in corpora.items():
        ours = rates(find, posts, args.reps)
        theirs = float("nan")
        if vipii_detect is not None:
            theirs = best_rate(vipii_detect, posts[: args.vipii_posts], runs=1)
        med = statistics.median(ours)
        ratio = med / theirs if not math.isnan(theirs) else float("nan")
        print(f"{name:<10} {len(posts):>6} {_fmt(ours):>34} {theirs:>14,.0f} {ratio:>7,.0f}x")
    for name, posts in corpora.items():
        rs = batch_rates(posts, runs=args.reps)
        print(f"{name}: pipeline detect_batch (normalized views precomputed): {_fmt(rs)} posts/s")

    for path in (args.dev, args.holdout):
        if path and path.exists():
            score_set(path, vipii_detect)


def score_set(path: Path, vipii_detect: Callable[[str], list[Any]] | None) -> None:
    """Both tools on one labelled set (exact span and label, micro)."""
    from kiemchung.evaluation.pii import predict, read_pii_jsonl, score

    rows = list(read_pii_jsonl(path))
    gold = [g for _, g in rows]
    texts = [t for t, _ in rows]
    ours_m = score(gold, predict(texts))
    line = (
        f"{path.name} ({len(rows)} posts): kiemchung P {ours_m['precision']:.3f} "
        f"R {ours_m['recall']:.3f} F1 {ours_m['f1']:.3f}"
    )
    if vipii_detect is not None:
        pred = []
        for t in texts:
            pred.append(
                {(m.start, m.end, VIPII_LABELS[m.label]) for m in vipii_detect(t) if m.label in VIPII_LABELS}
            )
        v = score(gold, pred)
        line += f"; vipii P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f}"
        per = ", ".join(f"{k} {d['f1']:.2f}" for k, d in v["per_label"].items())
        line += f"\n  vipii per label: {per}"
    per = ", ".join(f"{k} {d['f1']:.2f}" for k, d in ours_m["per_label"].items())
    print(line + f"\n  kiemchung per label: {per}")


if __name__ == "__main__":
    main()
