"""A crash (kill -9) in the middle of an import leaves no partial batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from kiemchung.store import Store, audit
from kiemchung.store.schema import AuditEvent, ImportBatch, Page, Post

N = 30_000


def test_crash_kill9_mid_import_leaves_nothing(db_url: str, tmp_path: Path) -> None:
    Store.open(db_url, upgrade=True).dispose()
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as fh:
        for i in range(N):
            fh.write(json.dumps({"id": f"p{i}", "text": f"Bài đăng thử số {i} về chuyện hằng ngày",
                                 "published_at": "2026-10-01T00:00:00Z"}, ensure_ascii=False) + "\n")
    cmd = [sys.executable, "-c", "from kiemchung.cli.main import app; app()", "import", "jsonl", str(big),
           "--page", "https://crash.example.vn", "--db", db_url, "--progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stderr is not None
    with proc.stderr:
        line = proc.stderr.readline()  # the first chunk of posts is written, not committed
        try:
            assert line.startswith("progress "), line
            done, total = map(int, line.split()[1].split("/"))
            assert done < total
        finally:
            os.kill(proc.pid, signal.SIGKILL)
            returncode = proc.wait(timeout=30)
    assert returncode == -signal.SIGKILL

    store = Store.open(db_url)
    with store.session() as s:
        for model in (Post, ImportBatch, Page, AuditEvent):
            assert s.execute(select(func.count()).select_from(model)).scalar_one() == 0, model.__name__
        assert audit.verify(s).ok
    # the database is still healthy: the same import now succeeds completely
    small = tmp_path / "small.jsonl"
    small.write_text("".join(big.read_text(encoding="utf-8").splitlines(keepends=True)[:10]), encoding="utf-8")
    from kiemchung.ingest import import_file

    with store.transaction() as s:
        assert import_file(s, "jsonl", small, "https://crash.example.vn").imported == 10
    store.dispose()
