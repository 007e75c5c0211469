"""``kiemchung eval quotes``: metrics on the committed dev sets, input errors, a reproducible generator."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kiemchung.errors import InputError
from kiemchung.evaluation.quotes import evaluate, scores

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(
    ("name", "minimum"),
    [("quotes_dev.jsonl", 0.9), ("quotes_hand.jsonl", 0.9), ("quotes_holdout.jsonl", 0.85),
     ("quotes_holdout2.jsonl", 0.85), ("quotes_holdout3.jsonl", 0.85)],
)
def test_evaluate_quotes_meets_target(name: str, minimum: float) -> None:
    result = evaluate([DATA / name])
    assert set(result) >= {"accuracy", "macro_f1"}
    assert result["macro_f1"] >= minimum, result


def test_quotes_dev_set_is_balanced_and_large_enough() -> None:
    items = [json.loads(line) for line in (DATA / "quotes_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(items) >= 200
    counts = {lab: sum(it["label"] == lab for it in items) for lab in ("faithful", "truncated", "altered", "not_found")}
    assert all(0.2 <= c / len(items) <= 0.3 for c in counts.values()), counts


def test_quotes_dev_generator_is_reproducible() -> None:
    sys.path.insert(0, str(DATA))
    try:
        from make_quotes_dev import make_items
    finally:
        sys.path.remove(str(DATA))
    generated = [dict(it, hand=False) for it in make_items()]
    committed = [json.loads(line) for line in (DATA / "quotes_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    assert committed[: len(generated)] == generated


def test_quotes_scores_macro_f1() -> None:
    r = scores(["faithful", "altered", "truncated", "not_found"], ["faithful", "altered", "faithful", "not_found"])
    assert r["accuracy"] == 0.75
    assert r["f1_per_class"]["truncated"] == 0.0
    assert r["macro_f1"] == pytest.approx((1 + 1 + 0 + 2 / 3) / 4, abs=1e-4)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "JSON"),
        ('{"post": "x", "sources": [], "label": "maybe"}', "nhãn"),
        ('{"sources": [], "label": "faithful"}', "post"),
        ('{"post": "x", "sources": [{"id": "a"}], "label": "faithful"}', "sources"),
    ],
)
def test_evaluate_quotes_names_bad_records(tmp_path: Path, line: str, reason: str) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text('{"post": "Ông A: “một hai ba bốn năm”", "sources": [], "label": "not_found"}\n' + line + "\n",
                 encoding="utf-8")
    with pytest.raises(InputError) as exc:
        evaluate([p])
    assert exc.value.record == 2 and reason in str(exc.value)


def test_evaluate_quotes_rejects_other_formats() -> None:
    with pytest.raises(InputError):
        evaluate([DATA / "quotes_hand.jsonl"], fmt="vihsd")
