"""The toxicity detector's batch output equals the one built post by post from :func:`predict`.

The detector builds its outputs from the score array and the spans (``predict_arrays``), rounds scores in numpy,
fills the frozen dataclasses' slots directly and memoizes lexicon hits per span text; each of these must give what
the straightforward construction gives.
"""

from __future__ import annotations

import numpy as np
import pytest

from kiemchung.detectors.base import Settings
from kiemchung.detectors.toxicity import _KIND_VI, HATE, OFFENSIVE, ToxicityDetector, _fmt, _rounded, create
from kiemchung.text.normalize import normalize
from kiemchung.toxicity.lexicon import CATEGORY_VI, _hits, lexicon_hits
from kiemchung.toxicity.predict import merge_spans
from kiemchung.types import DetectorOutput, Document, Evidence, Finding, Prepared

TEXTS = [
    "Hôm nay trời đẹp, cả nhà đi chơi công viên.",
    "Mày đúng là đồ óc chó, ngu như bò!",
    "đm thằng kia im mồm đi",
    "Bọn bắc kỳ chó toàn lũ mất dạy",
    "ĐỒ NGU!!! cút đi",
    "vcl   thật   sự",
    "Sản phẩm tốt, giao hàng nhanh.",
    "",
    "con   chó   cái    kia,\n mày   láo   toét",
    "d.m m.a.y ngu vl",
]


def _prep(texts: list[str]) -> list[Prepared]:
    return [Prepared(Document(t), normalize(t)) for t in texts]


def _reference(det: ToxicityDetector, docs: list[Prepared]) -> list[DetectorOutput]:
    """The outputs as built one post at a time from Prediction objects and the dataclasses' constructors."""
    out = []
    for doc, p in zip(docs, det.predict(docs), strict=True):
        scores = {OFFENSIVE: round(p.offensive, 6), HATE: round(p.hate, 6)}
        label = p.label
        if label is None:
            out.append(DetectorOutput(scores=scores))
            continue
        score = p.hate if label == HATE else p.offensive
        findings = []
        for s in p.spans:
            hits = _hits(doc.norm.normalized, doc.norm.key, s.norm_start, s.norm_end)
            ev = [Evidence("model", f"{det.model.version}: điểm {label} của cả bài = {score:.3f}", score),
                  Evidence("span_model", f"xác suất từ thuộc đoạn độc hại = {s.score:.3f}", 0.0)]
            ev += [Evidence("lexicon", f"{w} ({CATEGORY_VI[c]})", 0.0) for _, _, w, c in hits]
            lex = "; từ điển: " + ", ".join(f"“{w}” ({CATEGORY_VI[c]})" for _, _, w, c in hits) if hits else ""
            expl = (f"Bài viết có lời lẽ {_KIND_VI[label]} ở “{doc.text[s.start:s.end]}” "
                    f"(điểm mô hình {_fmt(score)}, từ này {_fmt(s.score)}{lex}).")
            findings.append(Finding(det.name, label, float(score), s.start, s.end, expl, tuple(ev)))
        out.append(DetectorOutput(findings=tuple(findings), scores=scores))
    return out


@pytest.fixture(scope="module")
def detector() -> ToxicityDetector:
    d = create(Settings())
    assert d is not None
    return d


def test_batch_outputs_equal_the_post_by_post_construction(detector: ToxicityDetector) -> None:
    docs = _prep(TEXTS * 3)
    got = detector.detect_batch(docs)
    want = _reference(detector, docs)
    assert sum(len(o.findings) for o in want) >= 3  # toxic posts with findings are part of the comparison
    assert got == want
    assert repr(got) == repr(want)
    raw = [p.scores([d.norm.normalized for d in docs], [d.norm.key for d in docs]) for p in detector.linear_parts()]
    assert detector.detect_scored(docs, raw) == want


def test_rounded_equals_round_for_float32_scores_ties_included() -> None:
    rng = np.random.default_rng(0)
    x = np.concatenate([np.arange(129, dtype=np.float32) / 128,  # x * 10**6 ends in exactly .5
                        rng.random(50_000, dtype=np.float32), np.array([0, 1, 1e-7, 0.4999995], dtype=np.float32)])
    got = _rounded(x)
    want = [round(v, 6) for v in x.tolist()]
    assert [repr(v) for v in got] == [repr(v) for v in want]
    assert _rounded(x.astype(np.float64)) == [round(v, 6) for v in x.astype(np.float64).tolist()]


def test_lexicon_hits_memoized_per_span_text_equal_the_direct_scan() -> None:
    for text in TEXTS:
        n = normalize(text)
        size = len(n.normalized)
        for start in range(-2, size + 3):
            for end in (None, *range(start - 1, size + 3)):
                for _ in range(2):  # the second call reads the memo
                    assert lexicon_hits(n.normalized, n.key, start, end) == _hits(n.normalized, n.key, start, end)


def test_merge_spans_skips_unkept_tokens_and_joins_across_whitespace() -> None:
    n = normalize("đồ  ngu   vãi, thật")
    words = [(0, 2), (4, 7), (10, 13), (15, 19)]
    spans = merge_spans(n, [s for s, _ in words], [e for _, e in words], [0.9, 0.6, 0.7, 0.8], [True, True, False, True])
    assert [(s.norm_start, s.norm_end, s.score) for s in spans] == [(0, 7, pytest.approx(0.9)), (15, 19, 0.8)]
    with pytest.raises(ValueError):
        merge_spans(n, [0], [2], [0.9], [True, False])
