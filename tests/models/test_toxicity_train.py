"""A tiny, deterministic training run of the toxicity model on text written for this test."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import numpy as np

from kiemchung.detectors.toxicity import ToxicityDetector
from kiemchung.models.toxicity_train import WORDS_SPEC, train
from kiemchung.text.features import linear_scores
from kiemchung.text.normalize import normalize
from kiemchung.toxicity.features import FeatureSpec
from kiemchung.toxicity.model import ToxicityModel
from kiemchung.types import Document, Prepared

SMALL = FeatureSpec(bits=14, key_char=(2, 3, 4), norm_char=(1, 2))
CLEAN = [
    "hôm nay trời đẹp quá", "cảm ơn bạn đã chia sẻ", "món này ngon lắm", "chúc mọi người cuối tuần vui vẻ",
    "bài viết rất hay", "mình cũng nghĩ vậy", "đội nhà đá hay quá", "con mèo nhà tôi ngủ suốt ngày",
    "ai đi cà phê không", "giá xăng lại tăng rồi", "học xong rồi đi chơi", "quán này phục vụ nhanh",
]
OFFENSIVE = [
    "đm chán vãi", "vl thật sự luôn", "đéo hiểu nổi", "nói cái đéo gì vậy", "vcl luôn á", "đm lại mưa",
]
HATE = [
    "thằng ngu mất dạy", "đồ súc vật cút đi", "mày là đồ óc chó", "bọn mất dạy đáng chết",
    "con điên câm mồm", "thằng khốn nạn ngu như bò",
]


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def _spans(text: str) -> list[int]:
    bad = ("đm", "vl", "đéo", "vcl", "ngu", "mất dạy", "súc vật", "óc chó", "điên", "khốn nạn", "câm mồm")
    out: list[int] = []
    for w in bad:
        i = text.find(w)
        if i >= 0:
            out += range(i, i + len(w))
    return sorted(set(out))


def _dataset(root: Path) -> None:
    rows = [[t, 0] for t in CLEAN] + [[t, 1] for t in OFFENSIVE] + [[t, 2] for t in HATE]
    rows = rows * 3
    _write_csv(root / "vihsd" / "train.csv", ["free_text", "label_id"], rows)
    _write_csv(root / "vihsd" / "dev.csv", ["free_text", "label_id"], rows[:12])
    _write_csv(root / "vihsd" / "rows_in_holdout_texts.csv", ["file", "row", "holdouts"], [["train.csv", 0, "x"]])
    span_rows = [[i, t, str(_spans(t))] for i, (t, _) in enumerate(rows)]
    vihos = root / "vihos" / "Span_Extraction_based_version"
    _write_csv(vihos / "train.csv", ["", "content", "index_spans"], span_rows)
    dev = ["ôi đm mệt quá", "thằng kia ngu thật", "trời mưa to quá"]
    _write_csv(vihos / "dev.csv", ["", "content", "index_spans"], [[i, t, str(_spans(t))] for i, t in enumerate(dev)])
    # pooled sources: VLSP 2019 (two files joined on id) and ViCTSD (binary toxicity), one holdout row each
    vlsp = root / "vlsp2019_hsd"
    _write_csv(vlsp / "02_train_text.csv", ["id", "free_text"], [[f"train_{i}", t] for i, (t, _) in enumerate(rows)])
    _write_csv(vlsp / "03_train_label.csv", ["id", "label_id"], [[f"train_{i}", lab] for i, (_, lab) in enumerate(rows)])
    _write_csv(vlsp / "rows_in_holdout_texts.csv", ["file", "row", "holdouts"], [["02_train_text.csv", 1, "x"]])
    # clean news comments of its own, so ViCTSD keeps both classes after the ViHSD dev texts are dropped
    news = ["chính sách này hợp lý", "cảm ơn tòa soạn đưa tin", "mong cơ quan chức năng sớm xử lý",
            "thông tin rất hữu ích", "giá nhà bao giờ mới giảm", "ủng hộ đề xuất này"]
    ct = [["", t, int(lab > 0)] for t, lab in rows] + [["", t, 0] for t in news * 2]
    _write_csv(root / "victsd" / "ViCTSD_train.csv", ["", "Comment", "Toxicity"], ct)
    _write_csv(root / "victsd" / "rows_in_holdout_texts.csv", ["file", "row", "holdouts"], [["ViCTSD_train.csv", 2, "x"]])


def test_toxicity_train_tiny_run_writes_a_loadable_model(tmp_path: Path) -> None:
    _dataset(tmp_path / "data")
    result = train([tmp_path / "data"], tmp_path / "out", spec=SMALL, tok_bits=12, words_spec=WORDS_SPEC,
                   meta_victsd_weight=0.1)
    model_file = tmp_path / "out" / "toxicity.npz"
    assert model_file.is_file() and model_file.stat().st_size < 20_000_000
    assert {"vihsd_dev", "vihos_dev_span_f1", "oof_macro_f1_vihsd"} <= set(result)
    assert set(result["vihsd_dev"]) >= {"macro_f1", "accuracy", "f1_per_class"}
    metrics = json.loads((tmp_path / "out" / "metrics.json").read_text("utf-8"))
    assert metrics["version"] == result["version"]

    model = ToxicityModel.load(model_file)
    used = model.meta["trained_on"]
    n_rows = 3 * (len(CLEAN) + len(OFFENSIVE) + len(HATE))
    # the holdout row of each file is dropped; texts of the ViHSD dev set never enter through a pooled source
    assert used["vihsd_train_rows"] == n_rows - 1
    assert 0 < used["vlsp2019_train_rows"] < n_rows - 1
    assert 0 < used["victsd_train_rows"] < n_rows - 1
    assert "oof_macro_f1_victsd" in result
    det = ToxicityDetector(model_path=model_file)
    texts = ["thằng ngu mất dạy", "hôm nay trời đẹp quá"]
    outs = det.detect_batch([Prepared(Document(t), normalize(t)) for t in texts])
    assert outs[0].scores["toxicity.hate"] > outs[1].scores["toxicity.hate"]
    assert model.version == det.model_version

    # the second view (words and bigrams, own idf and norm) is folded into its own weights; the logits are the
    # sum of the two passes, and both views matter
    assert model.spec2 == WORDS_SPEC and model.idf2 is not None and model.w_doc2 is not None
    assert model.w_doc2.shape == (1 << WORDS_SPEC.bits, 3)
    assert model.w_tox2 is not None and model.w_tox2.shape == (1 << WORDS_SPEC.bits, 1)
    assert {"victsd_words", "victsd_words_nb"} <= set(model.meta["base_heads"])
    norms = [normalize(t) for t in texts + OFFENSIVE[:2]]
    nn, kk = [n.normalized for n in norms], [n.key for n in norms]
    first = linear_scores(model.spec, nn, kk, model.idf, model.w_doc)
    second = linear_scores(WORDS_SPEC, nn, kk, model.idf2, model.w_doc2)
    np.testing.assert_allclose(model.doc_logits(nn, kk), first + second + model.b_doc, atol=1e-5)
    assert np.abs(second).max() > 1e-3 and np.abs(first).max() > 1e-3
    # a file without the second view (older format) loads and scores with the first view only
    one = replace(model, spec2=None, idf2=None, w_doc2=None, w_tox2=None)
    one.save(tmp_path / "one.npz")
    again = ToxicityModel.load(tmp_path / "one.npz")
    assert again.spec2 is None and again.w_doc2 is None
    np.testing.assert_allclose(again.doc_logits(nn, kk), first + model.b_doc, atol=1e-5)

    # deterministic: a second run writes the same bytes
    train([tmp_path / "data"], tmp_path / "out2", spec=SMALL, tok_bits=12, words_spec=WORDS_SPEC,
          meta_victsd_weight=0.1)
    assert (tmp_path / "out2" / "toxicity.npz").read_bytes() == model_file.read_bytes()


def test_toxicity_train_default_has_no_words_view(tmp_path: Path) -> None:
    _dataset(tmp_path / "data")
    result = train([tmp_path / "data"], tmp_path / "out", spec=SMALL, tok_bits=12)
    model = ToxicityModel.load(tmp_path / "out" / "toxicity.npz")
    assert model.spec2 is None and model.w_doc2 is None and model.w_tox2 is None
    assert not any(name.startswith("victsd_words") for name in model.meta["base_heads"])
    assert model.w_tox is not None and model.meta["meta_victsd_weight"] == 0.0
    # the detector's reading of the ViCTSD rows (either label counts as toxic) is reported out of fold
    assert 0.0 <= result["oof_macro_f1_victsd_by_detector"] <= 1.0
