import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kiemchung.cli.main import app
from kiemchung.evaluation.claims import evaluate

DATA = Path(__file__).resolve().parents[1] / "data"
FIX = DATA / "factchecks"
runner = CliRunner()


def _import(path: Path, store: Path) -> dict[str, object]:
    res = runner.invoke(app, ["factchecks", "import", str(path), "--out", str(store), "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_factchecks_cli_import_is_idempotent(tmp_path: Path) -> None:
    store = tmp_path / "store.jsonl"
    first = _import(FIX / "claimreview_graph.jsonld", store)
    assert (first["added"], first["total"]) == (3, 3)
    again = _import(FIX / "claimreview_graph.jsonld", store)
    assert (again["added"], again["unchanged"], again["total"]) == (0, 3, 3)
    more = _import(FIX / "google_claims_search.json", store)
    assert more["total"] == 6
    lines = store.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len({json.loads(x)["id"] for x in lines}) == 6
    res = runner.invoke(app, ["factchecks", "list", "--store", str(store), "--json"])
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == 6


def test_factchecks_cli_malformed_imports_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store.jsonl"
    _import(FIX / "claimreview_list.json", store)
    before = store.read_bytes()
    res = runner.invoke(app, ["factchecks", "import", str(FIX / "malformed.jsonl"), "--out", str(store)])
    assert res.exit_code == 2
    assert "malformed.jsonl" in res.output and "bản ghi 2" in res.output and "claim" in res.output
    assert store.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["store.jsonl"]  # no temp file left


def test_factchecks_cli_db_without_store_module_fails_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def fake(name: str, *a: object) -> object:
        if name == "kiemchung.store.factchecks":
            raise ModuleNotFoundError(name=name)
        return real(name, *a)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib, "import_module", fake)
    res = runner.invoke(app, ["factchecks", "import", str(FIX / "claimreview_list.json"), "--db", "sqlite://"])
    assert res.exit_code == 2


def test_claims_eval_meets_targets_on_dev_set() -> None:
    r = evaluate([DATA / "claims_queries_dev.jsonl"], None, DATA / "factchecks_dev.jsonl")
    assert r["n_queries"] >= 400
    assert r["recall_at_1"] >= 0.90
    assert r["false_match_rate"] <= 0.03
    assert r["negative_match_rate"] <= 0.03
    assert r["mrr_at_5"] >= r["recall_at_1"] - 0.05


def test_claims_eval_cli_json() -> None:
    res = runner.invoke(app, ["eval", "claims", str(DATA / "claims_queries_dev.jsonl"),
                              "--factchecks", str(DATA / "factchecks_dev.jsonl"), "--json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert {"recall_at_1", "mrr_at_5", "false_match_rate"} <= d.keys()


def test_claims_eval_needs_factchecks() -> None:
    res = runner.invoke(app, ["eval", "claims", str(DATA / "claims_queries_dev.jsonl")])
    assert res.exit_code == 2


def test_claims_dev_set_is_varied() -> None:
    rows = [json.loads(x) for x in (DATA / "claims_queries_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    kinds = {r["kind"] for r in rows}
    assert {"paraphrase", "no_diacritics", "teencode", "reordered", "buried",
            "different_number", "flipped_negation", "same_topic", "unrelated"} <= kinds
    assert sum(r["match"] is None for r in rows) >= 200


def test_claims_dev_set_is_what_the_script_makes(tmp_path: Path) -> None:
    import subprocess
    import sys

    fc, q = tmp_path / "fc.jsonl", tmp_path / "q.jsonl"
    subprocess.run([sys.executable, str(DATA / "make_claims_dev.py"), "--out-factchecks", str(fc),
                    "--out-queries", str(q)], check=True, capture_output=True)
    assert fc.read_bytes() == (DATA / "factchecks_dev.jsonl").read_bytes()
    assert q.read_bytes() == (DATA / "claims_queries_dev.jsonl").read_bytes()
