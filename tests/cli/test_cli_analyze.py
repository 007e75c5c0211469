from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kiemchung.cli.main import app

runner = CliRunner()


def test_cli_check_json_spans_index_original_text() -> None:
    text = "Liên hệ 0912 345 678 hoặc a.b@gmail.com nhé"
    res = runner.invoke(app, ["check", text, "--json"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.output)
    assert rep["text"] == text
    assert set(rep) >= {"text", "findings", "scores", "claims", "quotes", "versions"}
    for f in rep["findings"]:
        assert text[f["start"] : f["end"]] == f["excerpt"]


def test_cli_check_reads_stdin() -> None:
    res = runner.invoke(app, ["check", "-", "--json"], input="xin chào mọi người")
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["text"] == "xin chào mọi người"


def test_cli_scan_writes_one_line_per_post_in_order(tmp_path: Path) -> None:
    inp = tmp_path / "posts.jsonl"
    posts = [{"id": f"p{i}", "text": f"bài số {i}", "likes": i} for i in range(7)]
    inp.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in posts) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["scan", str(inp), "--out", str(out), "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.output.strip().splitlines()[-1])
    assert summary["posts"] == 7 and summary["posts_per_second"] > 0 and isinstance(summary["findings"], dict)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == [p["id"] for p in posts]
    assert [x["text"] for x in lines] == [p["text"] for p in posts]


def test_cli_scan_bad_line_names_file_and_line_and_writes_nothing(tmp_path: Path) -> None:
    inp = tmp_path / "bad.jsonl"
    inp.write_text('{"id": "1", "text": "ổn"}\n{"id": "2", "text": 5}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["scan", str(inp), "--out", str(out)])
    assert res.exit_code == 2
    assert "bad.jsonl" in res.output and "bản ghi 2" in res.output and "text" in res.output
    assert not out.exists()


def test_cli_scan_invalid_json_is_reported(tmp_path: Path) -> None:
    inp = tmp_path / "broken.jsonl"
    inp.write_text('{"id": "1", "text": "ổn"}\n\n{"id": "3", "text": \n', encoding="utf-8")
    res = runner.invoke(app, ["scan", str(inp), "--out", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 2
    assert "broken.jsonl" in res.output and "bản ghi 3" in res.output and "JSON" in res.output


def test_cli_every_command_has_help() -> None:
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    names = [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]
    assert "check" in names and "scan" in names
    for name in names:
        sub = runner.invoke(app, [name, "--help"])
        assert sub.exit_code == 0, (name, sub.output)
