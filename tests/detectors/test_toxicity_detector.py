"""The toxicity detector: scores, spans on the original text, explanations, robustness, pickling."""

from __future__ import annotations

import pickle

import pytest

from kiemchung.analyzer import Analyzer
from kiemchung.detectors.base import Settings
from kiemchung.detectors.toxicity import HATE, OFFENSIVE, ToxicityDetector, create
from kiemchung.text.normalize import normalize
from kiemchung.types import Document, Prepared


@pytest.fixture(scope="module")
def detector() -> ToxicityDetector:
    d = create(Settings())
    assert d is not None
    return d


def _prep(*texts: str) -> list[Prepared]:
    return [Prepared(Document(t), normalize(t)) for t in texts]


def _score(detector: ToxicityDetector, text: str) -> float:
    out = detector.detect_batch(_prep(text))[0]
    return max(out.scores[OFFENSIVE], out.scores[HATE])


def test_toxicity_detector_contract(detector: ToxicityDetector) -> None:
    assert detector.name == "vi.toxicity.linear.v1"
    assert detector.labels == frozenset({OFFENSIVE, HATE})
    assert detector.model_version


@pytest.mark.parametrize(
    "text",
    [
        "Thằng mất dạy, đm mày câm mồm đi",
        "Đồ ngu như chó, cút đi",
        "   Bọn súc vật đó đáng chết hết",
        "🤬🤬 ĐỒ KHỐN NẠN, mất dạy!!!",
    ],
)
def test_toxicity_detector_flags_insults_with_spans_on_original(detector: ToxicityDetector, text: str) -> None:
    out = detector.detect_batch(_prep(text))[0]
    assert out.findings, out.scores
    for f in out.findings:
        assert f.label in (OFFENSIVE, HATE)
        assert 0 <= f.start < f.end <= len(text)
        excerpt = text[f.start : f.end]
        assert excerpt.strip() == excerpt and excerpt
        assert excerpt in f.explanation
        assert f.explanation.startswith("Bài viết có lời lẽ")
        kinds = {e.kind for e in f.evidence}
        assert {"model", "span_model"} <= kinds
        assert f.score >= 0.5
    labels = {f.label for f in out.findings}
    assert len(labels) == 1  # one class per post: its highest label
    top = HATE if out.scores[HATE] >= 0.5 else OFFENSIVE
    assert labels == {top}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Mày đúng là đồ ngu", "ngu"),
        ("đm thằng mất dạy", "mất dạy"),
    ],
)
def test_toxicity_detector_span_covers_the_offending_word(detector: ToxicityDetector, text: str, word: str) -> None:
    out = detector.detect_batch(_prep(text))[0]
    excerpts = [text[f.start : f.end].lower() for f in out.findings]
    assert any(word in e for e in excerpts), excerpts


@pytest.mark.parametrize(
    "text",
    [
        "con chó nhà tôi dễ thương quá",
        "đồ ăn ở quán này ngon lắm mọi người ơi",
        "má ơi hôm nay trời đẹp quá",
        "má tui nấu canh chua ngon nhất xóm",
        "con ngựa này chạy nhanh thật",
        "Cảm ơn bạn đã chia sẻ, bài viết rất hữu ích",
        "Năm nay các con lớn nhanh quá",
        "con cho nha toi de thuong qua",
        "do an ngon qua",
        "ma oi troi dep qua",
        "",
        "   ",
        "😀😀",
    ],
)
def test_toxicity_detector_clean_and_near_miss_posts_stay_clean(detector: ToxicityDetector, text: str) -> None:
    out = detector.detect_batch(_prep(text))[0]
    assert out.findings == ()
    assert out.scores[OFFENSIVE] < 0.5 and out.scores[HATE] < 0.5


@pytest.mark.parametrize(
    ("plain", "variants"),
    [
        # no diacritics, spaced out, leetspeak, teencode / slang spellings
        ("đéo hiểu kiểu gì", ["deo hieu kieu gi", "đ é o hiểu kiểu gì", "đ3o hiểu kiểu gì", "dell hiểu kiểu gì"]),
        ("đồ súc vật", ["do suc vat", "đồ s ú c v ậ t", "đồ súc v4t", "ĐỒ SÚC VẬT"]),
        ("vãi lồn thật", ["vai lon that", "vãi l0n thật", "vãi l ồ n thật"]),
        ("địt mẹ mày", ["dit me may", "dit me m", "djt me may"]),
        ("mày đúng là đồ ngu", ["mày đúng là đồ n g u", "mày đúng là đồ NGU", "mày   đúng là đồ ngu"]),
    ],
)
def test_toxicity_detector_robust_to_obfuscation(detector: ToxicityDetector, plain: str, variants: list[str]) -> None:
    base = _score(detector, plain)
    assert base >= 0.5
    for v in variants:
        assert abs(_score(detector, v) - base) <= 0.1, v


def test_toxicity_detector_scores_always_present_and_in_order(detector: ToxicityDetector) -> None:
    texts = ["chào buổi sáng", "đồ mất dạy", "", "hôm nay đi học"] * 3
    outs = detector.detect_batch(_prep(*texts))
    assert len(outs) == len(texts)
    for t, o in zip(texts, outs, strict=True):
        assert set(o.scores) == {OFFENSIVE, HATE}
        assert all(0.0 <= v <= 1.0 for v in o.scores.values())
        single = detector.detect_batch(_prep(t))[0]
        assert single.scores == pytest.approx(o.scores, abs=1e-4)  # batch composition does not matter
    assert detector.detect_batch([]) == []


def test_toxicity_detector_pickles(detector: ToxicityDetector) -> None:
    blob = pickle.dumps(detector)
    assert len(blob) < 10_000  # by reference to the shipped model
    again = pickle.loads(blob)
    text = "đồ mất dạy"
    assert again.detect_batch(_prep(text))[0].scores == detector.detect_batch(_prep(text))[0].scores
    custom = ToxicityDetector(model=detector.model)
    assert pickle.loads(pickle.dumps(custom)).model_version == detector.model_version


def test_toxicity_detector_through_analyzer(detector: ToxicityDetector) -> None:
    text = "Nhìn cái mặt mày ngu như bò, đm"
    report = Analyzer([detector]).analyze(Document(text))
    d = report.to_dict()
    assert d["findings"]
    for f in d["findings"]:
        assert text[f["start"] : f["end"]] == f["excerpt"]
        assert f["rule"] in ("qd874-d4k6", "qd874-d4k5")
    assert "toxicity.offensive" in d["scores"] and "toxicity.hate" in d["scores"]
    assert report.versions["models"]["vi.toxicity.linear.v1"] == detector.model_version


def test_toxicity_detector_model_dir_setting(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert create(Settings(model_dir=tmp_path)) is not None  # falls back to the shipped model
