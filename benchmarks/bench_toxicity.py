"""Throughput of the toxicity detector on one core, side by side with scikit-learn's TF-IDF + linear SVM.

    python benchmarks/bench_toxicity.py [--n 20000] [--quality]

Texts: ViHSD dev comments from ``<repo>/../shared/data`` when present (repeated to ``--n``), else posts written
for this benchmark. The detector is timed on already-normalized posts (``detect_batch``) and end to end
(``normalize`` + ``detect_batch``), in CPU time of this process (``time.process_time``), so a busy
machine does not distort the figures. The peer is a ``TfidfVectorizer`` (char_wb 2–5 + word 1–2) with ``LinearSVC``,
the usual baseline; ``--quality`` also trains it on ViHSD train and prints both macro-F1 on ViHSD dev.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
WRITTEN = [
    "Hôm nay trời đẹp quá, cả nhà đi chơi công viên nhé",
    "đm thằng mất dạy, nói chuyện như cái l",
    "Sản phẩm dùng tốt, giao hàng nhanh, sẽ ủng hộ shop tiếp",
    "Bọn này toàn lũ ăn hại, chỉ biết phá hoại",
    "ko bik j thì im đi cho ng ta nhờ",
    "Chúc mừng đội tuyển, các cầu thủ đá quá hay!!! 🇻🇳🇻🇳",
]


def _texts(n: int) -> tuple[list[str], str]:
    dev = DATA / "vihsd" / "dev.csv"
    if dev.is_file():
        from kiemchung.toxicity.data import read_vihsd

        base = [e.text for e in read_vihsd(dev)]
        src = "ViHSD dev"
    else:
        base, src = WRITTEN, "written posts"
    return (base * (n // len(base) + 1))[:n], src


def _rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f} posts/s"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--quality", action="store_true")
    args = ap.parse_args()

    from kiemchung.detectors.base import Settings
    from kiemchung.detectors.toxicity import create
    from kiemchung.text.normalize import normalize
    from kiemchung.types import Document, Prepared

    texts, src = _texts(args.n)
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"texts: {len(texts):,} from {src}, mean {chars:.0f} characters")
    det = create(Settings())
    assert det is not None

    t = time.process_time()
    prepared = [Prepared(Document(x), normalize(x)) for x in texts]
    t_norm = time.process_time() - t

    det.detect_batch(prepared[:200])  # warm up
    t = time.process_time()
    flagged = 0
    for i in range(0, len(prepared), args.batch):
        outs = det.detect_batch(prepared[i : i + args.batch])
        flagged += sum(1 for o in outs if o.findings)
    t_det = time.process_time() - t
    print(f"kiemchung toxicity detect_batch:      {_rate(len(texts), t_det)}  ({flagged:,} flagged)")
    print(f"kiemchung normalize + detect_batch:   {_rate(len(texts), t_norm + t_det)}")

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, make_pipeline
    from sklearn.svm import LinearSVC

    peer = make_pipeline(
        FeatureUnion(
            [
                ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
                ("word", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)),
            ]
        ),
        LinearSVC(C=0.5, class_weight="balanced"),
    )
    if args.quality and (DATA / "vihsd" / "train.csv").is_file():
        from kiemchung.toxicity.data import drop_holdout, read_vihsd
        from kiemchung.toxicity.metrics import macro_f1

        trp = DATA / "vihsd" / "train.csv"
        tr = drop_holdout(trp, read_vihsd(trp))
        dev = read_vihsd(DATA / "vihsd" / "dev.csv")
        peer.fit([e.text for e in tr], [e.label for e in tr])
        f_peer = macro_f1([e.label for e in dev], peer.predict([e.text for e in dev]), 3)
        from kiemchung.evaluation.toxicity import evaluate

        f_ours = evaluate([DATA / "vihsd" / "dev.csv"], fmt="vihsd")["macro_f1"]
        print(f"ViHSD dev macro-F1: kiemchung {f_ours:.4f} | TF-IDF + LinearSVC {f_peer:.4f}")
    else:
        peer.fit(texts[:2000], [i % 3 for i in range(min(2000, len(texts)))])
    t = time.process_time()
    for i in range(0, len(texts), args.batch):
        peer.predict(texts[i : i + args.batch])
    t_peer = time.process_time() - t
    print(f"sklearn TF-IDF + LinearSVC predict:   {_rate(len(texts), t_peer)}")


if __name__ == "__main__":
    main()
