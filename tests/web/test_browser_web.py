"""Browser flows in Debian's Chromium (Playwright, never ``playwright install``): log in, the self-check
highlights the right words, a reviewer confirms, the member appeals, the dashboard chart renders, and no page
logs a console error. Screenshots go to ``test-artifacts/`` (git-ignored)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
PASSWORD = "kiemchung-demo"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory, web_analyzer: Any) -> Iterator[str]:
    import uvicorn

    from kiemchung.web.app import create_app

    db = tmp_path_factory.mktemp("browser") / "demo.db"
    shutil.copy(seeded_db, db)
    app = create_app(db_url=f"sqlite:///{db}", analyzer=web_analyzer)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Console:
    """Collects console errors and page errors of every page a context opens."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def attach(self, page: Any) -> Any:
        page.on(
            "console", lambda m: self.errors.append(f"{page.url}: {m.text}") if m.type == "error" else None
        )
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: {e}"))
        return page


@pytest.fixture()
def new_page(browser: Any) -> Iterator[Any]:
    made: list[tuple[Any, Console]] = []

    def make(width: int = 1280, height: int = 900) -> tuple[Any, Console]:
        ctx = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
        con = Console()
        page = con.attach(ctx.new_page())
        made.append((ctx, con))
        return page, con

    yield make
    for ctx, _ in made:
        ctx.close()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _login(page: Any, base: str, login: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#login", login)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_load_state("networkidle")
    assert "/login" not in page.url, page.url


def test_browser_selfcheck_highlights(server: str, new_page: Any) -> None:
    page, con = new_page(390, 844)  # a phone
    page.goto(server + "/")
    page.fill("#text", "Nói thật là ngu quá. Ai cần thì gọi 0912 345 678 nhé.")
    page.click("#check-form button[type=submit]")
    page.wait_for_selector("#highlighted")
    marks = page.locator("#highlighted mark").all_inner_texts()
    assert marks == ["ngu", "0912 345 678"]
    assert page.locator("#findings > li").count() == 2
    assert "0912 345 678" not in page.input_value("#redacted")
    _shot(page, "selfcheck-phone")
    assert not con.errors, con.errors


def test_browser_review_confirm_then_member_appeals(server: str, new_page: Any) -> None:
    page, con = new_page()
    _login(page, server, "ranhsoat")
    page.goto(server + "/review?state=open")
    _shot(page, "review-queue")
    rows = page.locator("#findings-table tbody tr")
    assert rows.count() >= 1
    # pick a finding on Nguyễn Thị Lan's page
    row = page.locator("#findings-table tbody tr", has_text="Nguyễn Thị Lan").first
    row.locator("a").click()
    page.wait_for_selector("#post-context mark")
    finding_url = page.url
    page.fill("#form-confirm textarea", "Ngôn từ xúc phạm, đã xem trong ngữ cảnh.")
    page.click("#form-confirm button")
    page.wait_for_selector("#done")
    assert page.inner_text("#state") == "đã xác nhận"
    _shot(page, "review-confirmed")
    assert not con.errors, con.errors

    member, mcon = new_page(390, 844)
    _login(member, server, "lan")
    member.goto(server + "/my/findings")
    assert member.locator(f"a[href='{finding_url.replace(server, '')}']").count() == 1
    member.goto(finding_url)
    assert member.locator("#form-confirm").count() == 0
    member.fill("#form-appeal textarea", "Tôi trích lời người khác để phản bác.")
    member.click("#form-appeal button")
    member.wait_for_selector("#done")
    assert member.inner_text("#state") == "đang khiếu nại"
    _shot(member, "member-appealed-phone")
    assert not mcon.errors, mcon.errors


def test_browser_dashboard_chart_renders(server: str, new_page: Any) -> None:
    page, con = new_page()
    _login(page, server, "kiemtoan")
    page.goto(server + "/dashboard")
    page.wait_for_selector("#c-quarter[data-rendered]", state="attached")
    for cid in ("c-week", "c-unit", "c-outcomes", "c-ttr"):
        page.wait_for_selector(f"#{cid}[data-rendered]", state="attached")
    assert page.evaluate("typeof Chart") == "function"
    # the canvas has pixels drawn on it
    painted = page.evaluate("""() => {
        const c = document.querySelector('#c-quarter');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }""")
    assert painted > 500
    _shot(page, "dashboard")
    assert not con.errors, con.errors


def test_browser_admin_creates_an_account_on_a_phone(server: str, new_page: Any) -> None:
    page, con = new_page(390, 844)
    _login(page, server, "admin")
    page.click("label.nav-toggle-label")  # the phone menu
    page.click("nav a[href='/admin/accounts']")
    page.wait_for_selector("#create-account")
    page.fill("#create-account input[name=login]", "tinh-nguyen")
    page.fill("#create-account input[name=password]", "mat-khau-tinh-nguyen")
    page.select_option("#create-account select[name=role]", "auditor")
    page.click("#create-account button[type=submit]")
    page.wait_for_selector("#saved")
    assert page.is_visible("tr[data-login='tinh-nguyen']")
    _shot(page, "admin-created-account-phone")
    page.click("tr[data-login='tinh-nguyen'] a")
    page.wait_for_selector("#token-form")
    page.click("#token-form button")
    page.wait_for_selector("#api-token")
    assert page.inner_text("#api-token").startswith("kc_")
    fresh, fcon = new_page(390, 844)
    fresh.goto(f"{server}/login")
    fresh.fill("#login", "tinh-nguyen")
    fresh.fill("#password", "mat-khau-tinh-nguyen")
    fresh.click("button[type=submit].primary")
    fresh.wait_for_load_state("networkidle")
    assert fresh.url.endswith("/dashboard"), fresh.url
    assert not con.errors and not fcon.errors, con.errors + fcon.errors


@pytest.mark.parametrize(
    ("login", "paths"),
    [
        (None, ["/", "/check", "/login", "/v1/docs"]),
        (
            "admin",
            [
                "/",
                "/review",
                "/review?state=",
                "/my/findings",
                "/dashboard",
                "/registry/units",
                "/registry/members",
                "/registry/pages",
                "/registry/import",
                "/audit",
                "/admin/accounts",
                "/account",
                "/v1/docs",
                "/?lang=en",
                "/dashboard?lang=en",
                "/?lang=vi",
            ],
        ),
        ("lan", ["/", "/my/findings", "/registry/pages", "/registry/import", "/account"]),
    ],
)
def test_browser_pages_have_no_console_errors(
    server: str, new_page: Any, login: str | None, paths: list[str]
) -> None:
    page, con = new_page()
    if login:
        _login(page, server, login)
    for path in paths:
        resp = page.goto(server + path)
        assert resp is not None and resp.status == 200, path
        page.wait_for_load_state("networkidle")
    _shot(page, f"last-page-{login or 'anonymous'}")
    assert not con.errors, con.errors
