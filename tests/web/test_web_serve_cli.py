"""``kiemchung serve``: registered on the main command, documented, and wired to create_app."""

from __future__ import annotations

from typing import Any

from typer.testing import CliRunner

from kiemchung.cli.main import app


def test_serve_help_lists_options() -> None:
    r = CliRunner().invoke(app, ["serve", "--help"])
    assert r.exit_code == 0
    for opt in ("--db", "--host", "--port", "--demo"):
        assert opt in r.output


def test_serve_demo_builds_app_and_prints_logins(monkeypatch: Any, tmp_path: Any, web_analyzer: Any) -> None:
    import uvicorn

    import kiemchung.web.app as web_app

    seen: dict[str, Any] = {}
    real = web_app.create_app

    def fake_create_app(db_url: str | None = None, analyzer: Any = None, demo: bool = False) -> Any:
        seen.update(db_url=db_url, demo=demo)
        return real(db_url=db_url, analyzer=web_analyzer, demo=demo)

    monkeypatch.setattr(web_app, "create_app", fake_create_app)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(run=kw))
    db = tmp_path / "demo.db"
    r = CliRunner().invoke(app, ["serve", "--demo", "--db", f"sqlite:///{db}", "--port", "8123"])
    assert r.exit_code == 0, r.output
    assert seen["demo"] is True and seen["db_url"] == f"sqlite:///{db}"
    assert seen["run"]["port"] == 8123 and seen["run"]["host"] == "127.0.0.1"
    for login in ("admin", "kiemtoan", "quantri", "ranhsoat", "lan"):
        assert login in r.output
    assert "kiemchung-demo" in r.output


def test_serve_workers_use_the_factory(monkeypatch: Any, tmp_path: Any, web_analyzer: Any) -> None:
    import uvicorn

    import kiemchung.web.app as web_app

    real = web_app.create_app
    monkeypatch.setattr(
        web_app,
        "create_app",
        lambda db_url=None, analyzer=None, demo=False: real(db_url=db_url, analyzer=web_analyzer, demo=demo),
    )
    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: seen.update(target=target, **kw))
    monkeypatch.delenv("KIEMCHUNG_DB", raising=False)
    db = f"sqlite:///{tmp_path / 'w.db'}"
    r = CliRunner().invoke(app, ["serve", "--db", db, "--workers", "3"])
    assert r.exit_code == 0, r.output
    assert (
        seen["target"] == "kiemchung.cli.serve:settled_app" and seen["factory"] is True and seen["workers"] == 3
    )
    import gc
    import os

    assert os.environ["KIEMCHUNG_DB"] == db
    from kiemchung.cli.serve import settled_app

    gc.unfreeze()
    worker_app = settled_app()  # what each uvicorn worker calls: the app on KIEMCHUNG_DB, its heap frozen
    try:
        assert str(worker_app.state.store.engine.url) == db and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        worker_app.state.store.dispose()
    monkeypatch.delenv("KIEMCHUNG_DB")
