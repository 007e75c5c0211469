"""``kiemchung eval toxicity`` / ``eval spans`` on small labelled files written here, and on the dev sets."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from kiemchung.cli.main import app
from kiemchung.errors import InputError
from kiemchung.evaluation import spans as spans_eval
from kiemchung.evaluation import toxicity as tox_eval
from kiemchung.text.normalize import normalize
from kiemchung.toxicity.model import ToxicityModel

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
ROWS = [
    ("hôm nay trời đẹp quá", 0),
    ("cảm ơn bạn nhiều nhé", 0),
    ("đm thằng mất dạy", 2),
    ("đồ súc vật, cút đi", 2),
]


def _write(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_toxicity_eval_vihsd_format(tmp_path: Path) -> None:
    p = _write(tmp_path / "dev.csv", ["free_text", "label_id"], [[t, y] for t, y in ROWS])
    out = tox_eval.evaluate([p], fmt="vihsd")
    assert set(out) >= {"macro_f1", "accuracy", "f1_per_class"}
    assert set(out["f1_per_class"]) == {"clean", "offensive", "hate"}
    assert out["n"] == 4 and 0.0 <= out["macro_f1"] <= 1.0


def test_toxicity_eval_victsd_format(tmp_path: Path) -> None:
    p = _victsd_file(tmp_path / "ViCTSD_valid.csv")
    out = tox_eval.evaluate([p], fmt="victsd")
    assert set(out["f1_per_class"]) == {"clean", "toxic"}
    assert out["accuracy"] >= 0.75


def test_toxicity_eval_vlsp2019_format(tmp_path: Path) -> None:
    _write(tmp_path / "02_train_text.csv", ["id", "free_text"], [[f"t{i}", t] for i, (t, _) in enumerate(ROWS)])
    _write(tmp_path / "03_train_label.csv", ["id", "label_id"], [[f"t{i}", y] for i, (_, y) in enumerate(ROWS)])
    out = tox_eval.evaluate([tmp_path / "02_train_text.csv"], fmt="vlsp2019")
    assert out["n"] == 4


def _victsd_file(path: Path) -> Path:
    rows = [[i, t, 0, int(y > 0), "Tiêu đề", "ThoiSu"] for i, (t, y) in enumerate(ROWS)]
    return _write(path, ["", "Comment", "Constructiveness", "Toxicity", "Title", "Topic"], rows)


def test_toxicity_eval_victsd_uses_the_victsd_scheme_head(tmp_path: Path) -> None:
    p = _victsd_file(tmp_path / "ViCTSD_valid.csv")
    shipped = ToxicityModel.load()
    assert shipped.w_tox is not None and shipped.w_tox.shape == (1 << shipped.spec.bits, 1)
    # a ViCTSD head that calls every post toxic decides the ViCTSD figures; the ViHSD heads are not asked
    always = replace(shipped, w_tox=np.zeros_like(shipped.w_tox), b_tox=5.0)
    out = tox_eval.evaluate([p], fmt="victsd", model=always)
    assert out["accuracy"] == 0.5 and out["f1_per_class"]["clean"] == 0.0
    q = _write(tmp_path / "dev.csv", ["free_text", "label_id"], [[t, y] for t, y in ROWS])
    assert tox_eval.evaluate([q], fmt="vihsd", model=always) == tox_eval.evaluate([q], fmt="vihsd", model=shipped)


def test_toxicity_model_victsd_head_round_trips_and_falls_back(tmp_path: Path) -> None:
    m = ToxicityModel.load()
    texts = [normalize(t) for t, _ in ROWS]
    nn, kk = [n.normalized for n in texts], [n.key for n in texts]
    s = m.toxic_scores(nn, kk)
    assert s.shape == (len(ROWS),) and float(s.min()) >= 0.0 and float(s.max()) <= 1.0
    assert s[0] < 0.5 <= s[2]  # a greeting is clean, an insult toxic
    m.save(tmp_path / "m.npz")
    again = ToxicityModel.load(tmp_path / "m.npz")
    assert np.allclose(again.toxic_scores(nn, kk), s, atol=1e-6)
    # a model without the head (format of older files) scores ViCTSD toxicity by its higher label score
    old = replace(m, w_tox=None)
    old.save(tmp_path / "old.npz")
    old = ToxicityModel.load(tmp_path / "old.npz")
    assert old.w_tox is None
    assert np.allclose(old.toxic_scores(nn, kk), m.doc_scores(nn, kk).max(axis=1))


@pytest.mark.parametrize(
    ("header", "rows", "fmt"),
    [
        (["text", "label"], [["a", 0]], "vihsd"),  # wrong columns
        (["free_text", "label_id"], [["a", "x"]], "vihsd"),  # label not an int
        (["free_text", "label_id"], [["a", 7]], "vihsd"),  # label out of range
        (["free_text", "label_id"], [["a", 0]], "jsonl"),  # unknown format
    ],
)
def test_toxicity_eval_rejects_bad_input(tmp_path: Path, header: list[str], rows: list[list[object]], fmt: str) -> None:
    p = _write(tmp_path / "bad.csv", header, rows)
    with pytest.raises(InputError):
        tox_eval.evaluate([p], fmt=fmt)


def test_toxicity_eval_spans_vihos_format(tmp_path: Path) -> None:
    text = "đm thằng mất dạy"
    rows = [[0, "hôm nay trời đẹp quá", "[]"], [1, text, str(list(range(0, 2)) + list(range(9, 16)))]]
    p = _write(tmp_path / "dev.csv", ["", "content", "index_spans"], rows)
    out = spans_eval.evaluate([p], fmt="vihos")
    assert set(out) >= {"span_f1"} and out["n"] == 2
    assert out["span_f1"] >= 0.5  # the clean comment alone scores 1 of 2
    with pytest.raises(InputError):
        spans_eval.evaluate([p], fmt="vihsd")


def test_toxicity_eval_cli_json(tmp_path: Path) -> None:
    p = _write(tmp_path / "dev.csv", ["free_text", "label_id"], [[t, y] for t, y in ROWS])
    res = CliRunner().invoke(app, ["eval", "toxicity", str(p), "--format", "vihsd", "--json"])
    assert res.exit_code == 0, res.output
    assert "macro_f1" in json.loads(res.output)


@pytest.mark.data
@pytest.mark.slow
def test_toxicity_eval_dev_sets_reach_the_floors() -> None:
    hsd = DATA / "vihsd" / "dev.csv"
    hos = DATA / "vihos" / "Span_Extraction_based_version" / "dev.csv"
    ctsd = DATA / "victsd" / "ViCTSD_valid.csv"
    if not hsd.is_file() or not hos.is_file() or not ctsd.is_file():
        pytest.skip("shared data not available")
    assert tox_eval.evaluate([hsd], fmt="vihsd")["macro_f1"] >= FLOOR_VIHSD
    assert tox_eval.evaluate([ctsd], fmt="victsd")["macro_f1"] >= FLOOR_VICTSD
    assert spans_eval.evaluate([hos], fmt="vihos")["span_f1"] >= FLOOR_VIHOS


# regression guards below the shipped model's figures (0.659 / 0.694 / 0.752), not the project targets (0.67 / 0.72)
FLOOR_VIHSD = 0.65
FLOOR_VICTSD = 0.68
FLOOR_VIHOS = 0.70
