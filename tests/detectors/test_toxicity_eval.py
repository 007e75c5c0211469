"""``kiemchung eval toxicity`` / ``eval spans`` on small labelled files written here, and on the dev sets."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kiemchung.cli.main import app
from kiemchung.errors import InputError
from kiemchung.evaluation import spans as spans_eval
from kiemchung.evaluation import toxicity as tox_eval

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
    rows = [[i, t, 0, int(y > 0), "Tiêu đề", "ThoiSu"] for i, (t, y) in enumerate(ROWS)]
    p = _write(tmp_path / "ViCTSD_valid.csv", ["", "Comment", "Constructiveness", "Toxicity", "Title", "Topic"], rows)
    out = tox_eval.evaluate([p], fmt="victsd")
    assert set(out["f1_per_class"]) == {"clean", "toxic"}
    assert out["accuracy"] >= 0.75


def test_toxicity_eval_vlsp2019_format(tmp_path: Path) -> None:
    _write(tmp_path / "02_train_text.csv", ["id", "free_text"], [[f"t{i}", t] for i, (t, _) in enumerate(ROWS)])
    _write(tmp_path / "03_train_label.csv", ["id", "label_id"], [[f"t{i}", y] for i, (_, y) in enumerate(ROWS)])
    out = tox_eval.evaluate([tmp_path / "02_train_text.csv"], fmt="vlsp2019")
    assert out["n"] == 4


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
    if not hsd.is_file() or not hos.is_file():
        pytest.skip("shared data not available")
    assert tox_eval.evaluate([hsd], fmt="vihsd")["macro_f1"] >= FLOOR_VIHSD
    assert spans_eval.evaluate([hos], fmt="vihos")["span_f1"] >= FLOOR_VIHOS


FLOOR_VIHSD = 0.62
FLOOR_VIHOS = 0.70
