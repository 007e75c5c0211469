"""``kiemchung eval pii``: the metric, the file format and the dev set's F1."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kiemchung.cli.main import app
from kiemchung.errors import InputError
from kiemchung.evaluation.pii import evaluate, score

DATA = Path(__file__).resolve().parents[1] / "data"
DEV = DATA / "pii_dev.jsonl"
HOLDOUT = DATA / "pii_holdout.jsonl"  # written after the recognizers; its first run scored F1 0.978


def test_eval_pii_score_exact_span_and_label() -> None:
    gold = [{(0, 10, "phone"), (20, 32, "cccd")}, set()]
    pred = [{(0, 10, "phone"), (20, 31, "cccd")}, {(3, 9, "bank_account")}]
    m = score(gold, pred)
    assert m["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["recall"] == pytest.approx(0.5)
    assert m["per_label"]["phone"]["f1"] == 1.0
    assert m["per_label"]["bank_account"]["fp"] == 1


def test_eval_pii_bad_record_names_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text(
        '{"text": "a", "entities": []}\n{"text": "b", "entities": [{"start": 0, "end": 5, "label": "phone"}]}\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as exc:
        evaluate([p])
    assert "bad.jsonl" in str(exc.value) and "2" in str(exc.value)


@pytest.mark.parametrize(("path", "least"), [(DEV, 300), (HOLDOUT, 200)])
def test_eval_pii_sets_are_varied_and_hard(path: Path, least: int) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= least
    assert sum(1 for r in rows if not r["entities"]) / len(rows) >= 0.40
    labels = {e["label"] for r in rows for e in r["entities"]}
    assert labels == {
        "cccd",
        "cmnd",
        "phone",
        "email",
        "bank_account",
        "card_number",
        "license_plate",
        "passport",
    }
    for r in rows:
        for e in r["entities"]:
            assert 0 <= e["start"] < e["end"] <= len(r["text"])


def test_eval_pii_dev_set_f1() -> None:
    m = evaluate([DEV])
    assert m["f1"] >= 0.95
    assert set(m) >= {"precision", "recall", "f1", "per_label"}


def test_eval_pii_holdout_set_f1() -> None:
    m = evaluate([HOLDOUT])
    assert m["f1"] >= 0.95
    assert m["precision"] >= 0.95 and m["recall"] >= 0.95


def test_eval_pii_holdout_file_is_what_its_generator_writes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_pii_holdout", DATA / "make_pii_holdout.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows = [json.loads(line) for line in HOLDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert mod.generate(len(rows), mod.SEED) == rows


def test_eval_pii_cli_json() -> None:
    res = CliRunner().invoke(app, ["eval", "pii", str(DEV), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["f1"] >= 0.95 and "phone" in out["per_label"]
