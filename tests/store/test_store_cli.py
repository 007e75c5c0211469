from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from kiemchung.cli.main import app
from kiemchung.store import Store

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
runner = CliRunner()


def kc(db: str, *args: str, input: str | None = None) -> tuple[int, str]:
    res = runner.invoke(app, [*args, "--db", db], input=input)
    return res.exit_code, res.output


def test_cli_registry_commands_json(db_url: str) -> None:
    assert kc(db_url, "db", "upgrade", "--json")[0] == 0
    code, out = kc(db_url, "units", "add", "Đảng bộ Phường 1", "--code", "p1", "--json")
    assert code == 0 and json.loads(out)["code"] == "p1"
    assert kc(db_url, "units", "add", "Chi bộ 2", "--parent", "p1", "--json")[0] == 0
    code, out = kc(db_url, "members", "add", "Nguyễn Văn An", "--unit", "p1", "--json")
    member = json.loads(out)["id"]
    code, out = kc(db_url, "pages", "add", "www.facebook.com/an.nguyen", "--member", str(member), "--json")
    assert code == 0 and json.loads(out)["platform"] == "facebook"
    assert kc(db_url, "pages", "verify", "facebook.com/an.nguyen", "--json")[0] == 0
    code, out = kc(db_url, "pages", "list", "--json")
    assert [p["status"] for p in json.loads(out)] == ["verified"]
    code, out = kc(db_url, "units", "list", "--json")
    assert [u["code"] for u in json.loads(out)] == ["p1", "chi-bo-2"]
    code, out = kc(db_url, "units", "show", "p1", "--json")
    assert json.loads(out)["members"] == [member]
    code, out = kc(db_url, "settings", "set", "pages.required_platforms", '["facebook","tiktok"]', "--json")
    assert code == 0
    code, out = kc(db_url, "pages", "missing", "--json")
    assert json.loads(out) == [{"member_id": member, "name": "Nguyễn Văn An", "unit_id": 1, "missing": ["tiktok"]}]
    code, out = kc(db_url, "accounts", "add", "reviewer1", "--role", "reviewer", "--unit", "p1",
                   "--password-stdin", "--json", input="mat-khau-dai-du\n")
    assert code == 0 and json.loads(out)["role"] == "reviewer"
    code, out = kc(db_url, "accounts", "list", "--json")
    assert [a["login"] for a in json.loads(out)] == ["reviewer1"]
    code, out = kc(db_url, "units", "retire", "khong-co")
    assert code == 2 and "không tìm thấy" in out
    code, out = kc(db_url, "audit", "verify", "--json")
    assert code == 0 and json.loads(out)["events"] == 7


def test_cli_import_contract_and_idempotence(db_url: str) -> None:
    args = ("import", "x", str(DATA / "tweets.js"), "--page", "https://x.com/an", "--json")
    code, out = kc(db_url, *args)
    assert code == 0, out
    first = json.loads(out)
    assert first == {"imported": 2, "duplicates": 0, "batch": 1}
    code, out = kc(db_url, *args)
    assert json.loads(out) == {"imported": 0, "duplicates": 2, "batch": 2}
    code, out = kc(db_url, "pages", "show", "https://x.com/an", "--json")
    assert json.loads(out)["posts"] == 2 and json.loads(out)["platform"] == "x"


def _dump(url: str) -> dict[str, list[tuple[object, ...]]]:
    store = Store.open(url)
    with store.engine.connect() as conn:
        out = {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
               for t in ("pages", "import_batches", "posts", "audit_events", "audit_head")}
    store.dispose()
    return out


def test_cli_broken_import_changes_nothing(db_url: str) -> None:
    assert kc(db_url, "import", "jsonl", str(DATA / "posts.jsonl"), "--page", "https://zalo.me/an")[0] == 0
    before = _dump(db_url)
    code, out = kc(db_url, "import", "jsonl", str(DATA / "posts_broken.jsonl"), "--page", "https://blog.example.vn")
    assert code != 0
    assert "posts_broken.jsonl" in out and "dòng 2" in out and "JSON" in out
    assert _dump(db_url) == before


def test_cli_audit_verify_fails_after_tampering(db_url: str) -> None:
    kc(db_url, "units", "add", "Chi bộ 1")
    kc(db_url, "units", "add", "Chi bộ 2")
    store = Store.open(db_url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET actor = 'ai-do' WHERE id = 1"))
    store.dispose()
    code, out = kc(db_url, "audit", "verify", "--json")
    assert code == 1 and json.loads(out)["ok"] is False


def test_cli_audit_anchor_then_verify_and_a_rewritten_chain_fails(db_url: str, tmp_path: Path) -> None:
    anchors = tmp_path / "anchors.jsonl"
    kc(db_url, "units", "add", "Chi bộ 1")
    code, out = kc(db_url, "audit", "anchor", "--out", str(anchors), "--json")
    assert code == 0 and json.loads(out)["seq"] == 1
    kc(db_url, "units", "add", "Chi bộ 2")
    assert kc(db_url, "audit", "verify", "--anchors", str(anchors))[0] == 0
    store = Store.open(db_url)  # rewrite the whole chain and its head: plain verify cannot tell
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events"))
        conn.execute(text("UPDATE audit_head SET seq = 0, hash = :g"), {"g": "0" * 64})
    store.dispose()
    kc(db_url, "units", "add", "Chi bộ giả")
    assert kc(db_url, "audit", "verify")[0] == 0
    code, out = kc(db_url, "audit", "verify", "--anchors", str(anchors), "--json")
    assert code == 1 and json.loads(out)["problems"][0]["event_id"] == 1
    anchors.write_text('{"seq": 1, "hash": "abc"}\n', encoding="utf-8")
    code, out = kc(db_url, "audit", "verify", "--anchors", str(anchors))
    assert code != 0 and "anchors.jsonl" in out and "1" in out


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_cli_report_formats(db_url: str, tmp_path: Path, fmt: str) -> None:
    kc(db_url, "import", "jsonl", str(DATA / "posts.jsonl"), "--page", "https://zalo.me/an")
    out_file = tmp_path / f"r.{fmt}"
    code, out = kc(db_url, "report", "--quarter", "2026Q4", "--format", fmt, "--out", str(out_file))
    assert code == 0, out
    if fmt == "json":
        assert json.loads(out_file.read_text(encoding="utf-8"))["totals"]["posts"] == 2  # the third post has no date
    elif fmt == "csv":
        assert out_file.read_text(encoding="utf-8").startswith("quarter,section")
    else:
        assert out_file.stat().st_size > 0
    assert kc(db_url, "report", "--quarter", "2026Q9", "--format", fmt)[0] == 2


def test_cli_help_for_every_store_command() -> None:
    groups = {"db": ["upgrade", "current"], "units": ["add", "list", "show", "retire"],
              "members": ["add", "list", "show", "retire"],
              "pages": ["add", "list", "show", "verify", "retire", "missing"], "accounts": ["add", "list"],
              "audit": ["verify", "anchor", "list"], "settings": ["get", "set"]}
    for group, cmds in groups.items():
        for c in cmds:
            res = runner.invoke(app, [group, c, "--help"])
            assert res.exit_code == 0 and "--db" in res.output, (group, c)
    for c in ("import", "report"):
        assert runner.invoke(app, [c, "--help"]).exit_code == 0


def test_cli_unreachable_database_is_one_clear_error() -> None:
    code, out = kc("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2", "units", "list")
    assert code == 2 and "cơ sở dữ liệu từ chối" in out


def test_cli_db_upgrade_unreachable_is_one_clear_error() -> None:
    code, out = kc("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2", "db", "upgrade")
    assert code == 2 and "cơ sở dữ liệu từ chối" in out
