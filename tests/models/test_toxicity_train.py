"""A tiny, deterministic training run of the toxicity model on text written for this test."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from kiemchung.detectors.toxicity import ToxicityDetector
from kiemchung.models.toxicity_train import train
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
    ct = [["", t, int(lab > 0)] for t, lab in rows]
    _write_csv(root / "victsd" / "ViCTSD_train.csv", ["", "Comment", "Toxicity"], ct)
    _write_csv(root / "victsd" / "rows_in_holdout_texts.csv", ["file", "row", "holdouts"], [["ViCTSD_train.csv", 2, "x"]])


def test_toxicity_train_tiny_run_writes_a_loadable_model(tmp_path: Path) -> None:
    _dataset(tmp_path / "data")
    result = train([tmp_path / "data"], tmp_path / "out", spec=SMALL, tok_bits=12)
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

    # deterministic: a second run writes the same bytes
    train([tmp_path / "data"], tmp_path / "out2", spec=SMALL, tok_bits=12)
    assert (tmp_path / "out2" / "toxicity.npz").read_bytes() == model_file.read_bytes()
