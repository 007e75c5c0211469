"""The ViLexNorm evaluation: word alignment, ERR, and the target on the dev set (needs ../shared/data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiemchung.errors import InputError
from kiemchung.evaluation.normalize import align, canon, err, evaluate, predictions
from kiemchung.text.normalize import normalize

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "vilexnorm"


@pytest.mark.parametrize(
    ("orig", "gold", "expected"),
    [
        ("ko biết", "không biết", ["không", "biết"]),
        ("z anh mua dthoai mới", "vậy anh mua điện thoại mới", ["vậy", "anh", "mua", "điện thoại", "mới"]),
        ("mà lm ntn", "mà làm như thế nào", ["mà", "làm", "như thế nào"]),
        ("con cờ hó nhà e", "con chó nhà em", ["con", "chó", "", "nhà", "em"]),
        ("mk deptrai", "mình đẹp trai", ["mình", "đẹp trai"]),
    ],
)
def test_normalize_eval_align(orig: str, gold: str, expected: list[str]) -> None:
    assert align(orig.split(), gold.split()) == expected


def test_normalize_eval_predictions_follow_offsets() -> None:
    norm = normalize("Ko biết ntn,  quáaaa")
    assert predictions(norm) == ["không", "biết", "như thế nào,", "quá"]


def test_normalize_eval_err_on_own_pairs() -> None:
    pairs = [("ko biết làm j", "không biết làm gì"), ("Hoà bình đc ko", "hòa bình được không")]
    res = err(pairs)
    assert res["baseline_errors"] == 4  # "Hoà" vs "hòa" is no error: one tone style on both sides
    assert res["system_errors"] == 0
    assert res["err"] == 1.0
    assert canon("Hoà  BÌNH") == "hòa bình"


def test_normalize_eval_rejects_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError):
        evaluate([bad], fmt="vilexnorm")
    with pytest.raises(InputError):
        evaluate([bad], fmt="jsonl")


def test_normalize_eval_reads_own_csv(tmp_path: Path) -> None:
    f = tmp_path / "mini.csv"
    f.write_text(',original,normalized\n0,"mk ko bít","mình không biết"\n', encoding="utf-8")
    res = evaluate([f], fmt="vilexnorm")
    assert res["words"] == 3 and res["err"] > 0.6
    json.dumps(res)


@pytest.mark.data
def test_normalize_eval_vilexnorm_dev_target() -> None:
    dev = DATA / "dev.csv"
    if not dev.exists():
        pytest.skip("../shared/data/vilexnorm/dev.csv is not here")
    res = evaluate([dev], fmt="vilexnorm")
    assert res["words"] > 10_000
    assert res["err"] >= 0.40


def test_normalize_learn_builds_table_from_own_pairs() -> None:
    from kiemchung.text.learn import build

    pairs = [
        ("hum nay zui wa", "hôm nay vui quá"),
        ("hum qua zui ghê", "hôm qua vui ghê"),
        ("vcl thật", "vcl thật"),
        ("vcl luôn", "vcl luôn"),
    ]
    table = build(pairs)
    assert table["entries"]["hum"] == "hôm"
    assert table["entries"]["zui"] == "vui"
    assert table["entries"]["vcl"] == "vcl"  # kept by the annotators: blocks the hand-written expansion
    assert "wa" in table["entries"]  # one example is enough for a form that is not a standard word
    assert table["version"] and isinstance(table["vocab"], list)


def test_normalize_learn_train_contract(tmp_path: Path) -> None:
    from kiemchung.text.learn import train

    (tmp_path / "train.csv").write_text(
        ',original,normalized\n0,"hum nay zui","hôm nay vui"\n1,"zui hum","vui hôm"\n', encoding="utf-8"
    )
    (tmp_path / "dev.csv").write_text(',original,normalized\n0,"zui ghê","vui ghê"\n', encoding="utf-8")
    res = train([tmp_path / "train.csv"], tmp_path / "out")
    assert (tmp_path / "out" / "vilexnorm_table.json").exists()
    assert res["entries"] >= 2 and res["train_pairs"] == 2
    assert res["dev_err"] == 1.0
    assert normalize("zui").normalized == "vui"  # the shipped tables are back in place
