"""``kiemchung serve``: the web app and REST API (uvicorn)."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from kiemchung.cli._common import cli_errors, console


def serve(
    db: Annotated[
        Optional[str],
        typer.Option(
            "--db",
            help="Địa chỉ CSDL (SQLite/PostgreSQL); mặc định $KIEMCHUNG_DB "
            "hoặc tệp trong thư mục dữ liệu người dùng.",
        ),
    ] = None,
    host: Annotated[str, typer.Option(help="Địa chỉ lắng nghe.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Cổng.")] = 8000,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="Tạo tổ chức mẫu (đơn vị, thành viên, tài khoản, bài viết, "
            "phát hiện, đánh giá) để mở ngay bảng tổng quan.",
        ),
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Số tiến trình web (web worker processes; use PostgreSQL or a SQLite file). Đăng nhập "
            "sai được đếm chung trong CSDL; giới hạn tần suất tự kiểm tra tính riêng từng tiến trình "
            "(failed logins are counted in the database, self-check rate limits per process).",
        ),
    ] = 1,
) -> None:
    """Chạy ứng dụng web và REST API /v1 (serve the web app and the REST API)."""
    import uvicorn

    with cli_errors():
        url = db
        if demo and url is None:
            import os

            if not os.environ.get("KIEMCHUNG_DB"):
                from kiemchung.demo_seed import default_demo_url

                url = default_demo_url()
        if url is None:
            from kiemchung.store.engine import resolve_url

            url = resolve_url(None)
        app = settled_app(url, demo)
        store = app.state.store
        console.print(
            f"[bold]Kiểm Chứng[/] http://{host}:{port}/  ·  API http://{host}:{port}/v1/docs", highlight=False
        )
        console.print(f"CSDL (database): {store.url if store is not None else '—'}", highlight=False)
        if demo:
            from kiemchung.demo_seed import DEMO_PASSWORD, demo_logins

            console.print(f"Tài khoản mẫu (demo logins), mật khẩu [bold]{DEMO_PASSWORD}[/]:", highlight=False)
            for d in demo_logins():
                console.print(f"  {d.login:<10} {d.role:<10} {d.who}", highlight=False)
    if workers > 1:
        import os

        if ":memory:" in url:
            raise typer.BadParameter("--workers > 1 needs a database file or server, not :memory:")
        store.dispose()
        os.environ["KIEMCHUNG_DB"] = url  # each worker builds its own app (and analyzer) on the same database
        uvicorn.run(
            "kiemchung.cli.serve:settled_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="info",
            proxy_headers=False,
        )
        return
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)


def settled_app(db_url: str | None = None, demo: bool = False) -> Any:
    """The web app, built, then its loaded models hidden from the cyclic garbage collector for the life of the
    server (:func:`~kiemchung.pipeline.local.settle_heap`). Without arguments (each ``--workers`` process calls it
    as uvicorn's factory) the database comes from ``KIEMCHUNG_DB``."""
    from kiemchung.pipeline.local import settle_heap
    from kiemchung.web.app import create_app

    app = create_app(db_url=db_url, demo=demo)
    settle_heap()
    return app


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
