"""Throughput of ``kiemchung.text.normalize.normalize`` on one core, next to a floor of plain NFC + lower().

    python benchmarks/bench_normalize.py [--posts 20000] [--data ../shared/data/vilexnorm/dev.csv]

Posts: ~100-character social-media comments. By default real comments from ViLexNorm dev (read at run time, cut
or padded to about 100 characters) when the file is there, else posts of words drawn with Zipf frequencies from the
shipped vocabulary and teencode (``--synthetic``). "Cold" clears the word and chunk caches before each run (they warm
up during the run, as in a real scan); the last line normalizes only distinct posts from an empty cache. Each figure is the
best of 3 runs in CPU time of this process (fair on a busy machine), with a cold and a warm word cache reported separately.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from kiemchung.text import normalize as nz

_SYNTHETIC = [
    "Ko biết đc j luôn á, mk thấy bài này hay vl :)) ai đi cf ko ib mk nhé 😂",
    "Giá chỉ 500k/bộ, liên hệ sđt 0912 345 678 hoặc vào https://bit.ly/AbC123 để đặt hàng nha mn",
    "Thằng này ngu vãiiii, đ.m nói ntn mà cũng nói đc, hãm l0n thật sự =]]",
    "Hôm nay trời đẹp quáaaa, đi chơi với ny ở Hồ Gươm lúc 10h30, vui ghê #hanoi @minhanh",
    "Chúc mừng bạn đã trúng thưởng iPhone 15, bấm vào link nhận quà ngay kẻo lỡ!!! vnexpress.net",
    "Theo Bộ Y tế, vắc xin COVID-19 an toàn; tin đồn gây vô sinh là sai sự thật, mọi người đừng tin nha.",
    "e ơi chị nhờ tí, mai e qua nhà c lấy đồ hộ c đc k? c cảm ơn e nhìu nhaaa <3",
    "Khoẻ không bạn? Hoà bình là thuý báu, ai cũng muốn vậy mà... Thôi đi ngủ đây, bye.",
]


def zipf_posts(count: int, length: int = 100) -> list[str]:
    """Posts of words drawn with Zipf frequencies from the shipped vocabulary, teencode, numbers and emoji."""
    from kiemchung.text.teencode import TEENCODE
    from kiemchung.text.words import _VOCAB

    rng = random.Random(1)
    vocab = sorted(_VOCAB) + sorted(TEENCODE) + [
        "500k", "0912", "345", "678", "10h30", ":))", "=]]", "😂", "👍", "https://bit.ly/x1", "@minh", "#tin",
        "quáaaa", "điiii", "ch3t", "đ.m", "Hoà", "khoẻ", "KO", "Ko", ",", ".", "!!!", "?", "...",
    ]
    rng.shuffle(vocab)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    posts: list[str] = []
    while len(posts) < count:
        words: list[str] = []
        size = -1
        while size < length:
            w = rng.choices(vocab, weights)[0]
            words.append(w)
            size += len(w) + 1
        posts.append(" ".join(words)[:length])
    return posts


def load_posts(path: Path | None, count: int, length: int = 100) -> list[str]:
    texts: list[str] = []
    if path is not None and path.exists():
        with path.open(encoding="utf-8", newline="") as fh:
            texts = [r["original"] for r in csv.DictReader(fh) if r.get("original")]
    if not texts:
        return zipf_posts(count, length)
    rng = random.Random(0)
    posts: list[str] = []
    while len(posts) < count:
        t = rng.choice(texts)
        while len(t) < length:
            t = t + " " + rng.choice(texts)
        posts.append(t[:length])
    return posts


def floor(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def measure(fn: Callable[[str], object], posts: list[str], clear: Callable[[], None] | None = None) -> float:
    best = float("inf")
    for _ in range(3):
        if clear is not None:
            clear()
        t0 = time.process_time()
        for p in posts:
            fn(p)
        best = min(best, time.process_time() - t0)
    return len(posts) / best


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--posts", type=int, default=20_000)
    ap.add_argument("--data", type=Path, default=here / ".." / "shared" / "data" / "vilexnorm" / "dev.csv")
    ap.add_argument("--synthetic", action="store_true", help="use Zipf-sampled posts even when data is there")
    ap.add_argument("--templates", action="store_true", help="use the 8 hand-written posts (a warm-cache case)")
    args = ap.parse_args(argv)
    if args.templates:
        posts = [_SYNTHETIC[i % len(_SYNTHETIC)] for i in range(args.posts)]
        source = "8 hand-written posts"
    else:
        posts = load_posts(None if args.synthetic else args.data, args.posts)
        source = "Zipf-sampled words" if args.synthetic or not args.data.exists() else str(args.data)
    mean_len = statistics.mean(len(p) for p in posts)
    distinct = list(dict.fromkeys(posts))
    base = measure(floor, posts)
    cold = measure(nz.normalize, posts, nz.clear_caches)
    warm = measure(nz.normalize, posts)
    unique = measure(nz.normalize, distinct, nz.clear_caches)
    print(f"posts: {len(posts)} from {source}, mean length {mean_len:.0f} chars, Python {sys.version.split()[0]}")
    print(f"{'method':<44}{'posts/s':>12}{'µs/post':>10}")
    for name, rate in (
        ("floor: unicodedata NFC + str.lower()", base),
        ("kiemchung normalize (cold word cache)", cold),
        ("kiemchung normalize (warm word cache)", warm),
        (f"  … {len(distinct)} distinct posts, cache cleared", unique),
    ):
        print(f"{name:<44}{rate:>12,.0f}{1e6 / rate:>10.1f}")
    target = 20_000
    print(f"target ≥ {target:,} posts/s: {'met' if warm >= target else 'NOT met'} (warm cache)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
