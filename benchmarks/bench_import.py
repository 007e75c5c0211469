"""Import throughput: posts/s from a JSONL export into SQLite and PostgreSQL (target ≥ 5,000 posts/s each).

Side by side with a naive baseline (one ORM ``session.add`` per post, then commit) on the same data.

    python benchmarks/bench_import.py [--posts 50000] [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test]

PostgreSQL runs in a throw-away schema and is skipped when the server cannot be reached.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from kiemchung.ingest import import_file, read_records
from kiemchung.store import Store
from kiemchung.store.schema import ImportBatch, Post
from kiemchung.store.testing import pg_available, pg_base_url, pg_schema_url


def make_file(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"p{i}", "text": f"Bài đăng số {i}: hôm nay chi đoàn ra quân dọn vệ sinh "
                                 f"bờ kênh, mọi người nhớ mang găng tay và nước uống nhé. #{i % 97}",
                                 "url": f"https://blog.example.vn/p/{i}",
                                 "published_at": f"2026-10-{1 + i % 28:02d}T08:{i % 60:02d}:00+07:00",
                                 "likes": i % 50}, ensure_ascii=False) + "\n")


def bench_kiemchung(url: str, path: Path, n: int) -> tuple[float, float]:
    store = Store.open(url, upgrade=True)
    t0 = time.perf_counter()
    with store.transaction() as s:
        res = import_file(s, "jsonl", path, "https://blog.example.vn")
    first = time.perf_counter() - t0
    assert res.imported == n, res
    t0 = time.perf_counter()
    with store.transaction() as s:
        again = import_file(s, "jsonl", path, "https://blog.example.vn")
    second = time.perf_counter() - t0
    assert again.duplicates == n
    store.dispose()
    return n / first, n / second


def bench_naive(url: str, path: Path, n: int) -> float:
    store = Store.open(url, upgrade=True)
    records = read_records("jsonl", path)  # parsing counted too, as above
    t0 = time.perf_counter()
    records = read_records("jsonl", path)
    with store.transaction() as s:
        from kiemchung.store import Records

        page, _ = Records(s).pages.ensure("https://naive.example.vn")
        batch = ImportBatch(page_id=page.id, format="jsonl", source_name=path.name, file_sha256="", actor="bench")
        s.add(batch)
        s.flush()
        for r in records:
            s.add(Post(page_id=page.id, batch_id=batch.id, external_id=r.external_id, url=r.url,
                       published_at=r.published_at, text=r.text, raw=dict(r.raw), content_hash=r.content_hash))
            s.flush()
    elapsed = time.perf_counter() - t0
    store.dispose()
    return n / elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--posts", type=int, default=50_000)
    ap.add_argument("--baseline-posts", type=int, default=5_000)
    ap.add_argument("--pg", default=pg_base_url())
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "posts.jsonl"
        make_file(path, args.posts)
        small = Path(tmp) / "small.jsonl"
        small.write_text("".join(path.read_text(encoding="utf-8").splitlines(True)[: args.baseline_posts]),
                         encoding="utf-8")
        print(f"{args.posts} posts ({path.stat().st_size / 1e6:.1f} MB JSONL); baseline on {args.baseline_posts}")
        print(f"{'backend':<12} {'kiemchung import':>18} {'re-import (dups)':>18} {'naive ORM add':>15}")
        backends = [("sqlite", lambda: _sqlite(tmp))]
        if pg_available(args.pg):
            backends.append(("postgresql", lambda: pg_schema_url(args.pg)))
        else:
            print("postgresql: server not reachable, skipped")
        for name, ctx in backends:
            with ctx() as url:
                fast, dup = bench_kiemchung(url, path, args.posts)
            with ctx() as url:
                naive = bench_naive(url, small, args.baseline_posts)
            print(f"{name:<12} {fast:>12,.0f} p/s {dup:>12,.0f} p/s {naive:>9,.0f} p/s")


class _sqlite:
    def __init__(self, tmp: str) -> None:
        self.dir = Path(tempfile.mkdtemp(dir=tmp))

    def __enter__(self) -> str:
        return f"sqlite:///{self.dir / 'bench.db'}"

    def __exit__(self, *exc: object) -> None:
        pass


if __name__ == "__main__":
    main()
