"""Accounts: argon2 login, signed session, CSRF, login throttling, API tokens (401 / 403), admin token."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from webtest_support import csrf_of, login  # type: ignore[import-not-found]

from kiemchung.web.app import create_app
from kiemchung.web.security import LoginThrottle, SlidingWindowLimiter, hash_password, verify_password


def test_security_password_hash_roundtrip() -> None:
    h = hash_password("mật khẩu dài")
    assert h.startswith("$argon2id$")
    assert verify_password(h, "mật khẩu dài")
    assert not verify_password(h, "sai")
    assert not verify_password("not-a-hash", "x")
    assert not verify_password(None, "x")


def test_security_sliding_window_limiter() -> None:
    now = [0.0]
    lim = SlidingWindowLimiter(2, 10.0, clock=lambda: now[0])
    assert lim.hit("a") and lim.hit("a") and not lim.hit("a")
    assert lim.hit("b")
    assert lim.retry_after("a") > 0
    now[0] = 10.5
    assert lim.hit("a")


def test_auth_login_and_logout(app, client_for) -> None:  # type: ignore[no-untyped-def]
    c = client_for(app, None)
    r = login(c, "ranhsoat")
    assert r.status_code == 303 and r.headers["location"] == "/review"
    page = c.get("/review")
    assert page.status_code == 200 and "ranhsoat" in page.text
    # logout needs the CSRF token too
    assert c.post("/logout").status_code == 403
    assert (
        c.post("/logout", data={"csrf_token": csrf_of(page.text)}, follow_redirects=False).status_code == 303
    )
    assert c.get("/review", follow_redirects=False).status_code == 303


def test_auth_wrong_password_is_401_and_generic(app, client_for) -> None:  # type: ignore[no-untyped-def]
    c = client_for(app, None)
    r1 = login(c, "ranhsoat", "sai-mat-khau")
    r2 = login(c, "khong-ton-tai", "sai-mat-khau")
    assert r1.status_code == r2.status_code == 401
    assert "Sai tên đăng nhập hoặc mật khẩu." in r1.text and "Sai tên đăng nhập hoặc mật khẩu." in r2.text


def test_auth_login_is_throttled(app, client_for) -> None:  # type: ignore[no-untyped-def]
    app.state.login_throttle = LoginThrottle(per_login=3, per_ip=50, window=600)
    c = client_for(app, None)
    codes = [login(c, "lan", "sai-mat-khau").status_code for _ in range(3)]
    assert codes == [401, 401, 401]
    blocked = login(c, "lan")  # even the right password waits now
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) > 0
    assert login(c, "tuan").status_code == 303  # another login is not locked out


def test_auth_login_regenerates_session(app, client_for) -> None:  # type: ignore[no-untyped-def]
    c = client_for(app, None)
    before = csrf_of(c.get("/login").text)
    login(c, "lan")
    after = csrf_of(c.get("/").text)
    assert before != after


def test_auth_open_redirect_is_refused(app, client_for) -> None:  # type: ignore[no-untyped-def]
    c = client_for(app, None)
    tok = csrf_of(c.get("/login").text)
    r = c.post(
        "/login",
        data={"login": "lan", "password": "kiemchung-demo", "csrf_token": tok, "next": "//evil.example/x"},
        follow_redirects=False,
    )
    assert (
        r.status_code == 303 and r.headers["location"].startswith("/") and "evil" not in r.headers["location"]
    )


def _token(c: TestClient) -> str:
    page = c.get("/account")
    r = c.post("/account/token", data={"csrf_token": csrf_of(page.text)})
    m = re.search(r'id="api-token">([^<]+)<', r.text)
    assert m
    return m.group(1)


def test_api_tokens_401_and_403(app, client_for) -> None:  # type: ignore[no-untyped-def]
    member = client_for(app, "member")
    token = _token(member)
    anon = client_for(app, None)
    assert anon.get("/v1/findings").status_code == 401
    assert anon.get("/v1/findings").headers["www-authenticate"] == "Bearer"
    assert anon.get("/v1/findings", headers={"Authorization": "Bearer kc_forged"}).status_code == 401
    assert anon.get("/v1/findings", headers={"Authorization": "Basic abc"}).status_code == 401
    auth = {"Authorization": f"Bearer {token}"}
    me = anon.get("/v1/me", headers=auth).json()
    assert me["login"] == "lan" and me["role"] == "member"
    # the member sees only their own pages' posts
    posts = anon.get("/v1/posts?limit=1000", headers=auth).json()
    pages = {p["id"] for p in anon.get("/v1/pages", headers=auth).json()}
    assert posts and {p["page_id"] for p in posts} <= pages
    # outside the token's scope: another member's post, and a reviewer's action
    other = app.state.store.session()
    try:
        from sqlalchemy import select

        from kiemchung.store.schema import Page, Post

        foreign = other.execute(select(Post.id).join(Page).where(Page.id.not_in(pages)).limit(1)).scalar_one()
    finally:
        other.close()
    assert anon.get(f"/v1/posts/{foreign}", headers=auth).status_code == 403
    fid = anon.get("/v1/findings", headers=auth).json()[0]["id"]
    r = anon.post(f"/v1/findings/{fid}/review", headers=auth, json={"action": "confirm"})
    assert r.status_code == 403


def test_api_token_revoked_by_password_change(app, client_for) -> None:  # type: ignore[no-untyped-def]
    c = client_for(app, "member")
    token = _token(c)
    auth = {"Authorization": f"Bearer {token}"}
    assert c.get("/v1/me", headers=auth).status_code == 200
    from kiemchung.store import Records

    with app.state.store.transaction() as s:
        rec = Records(s)
        acc = rec.accounts.get_by_login("lan")
        rec.accounts.set_password(acc.id, "mat-khau-moi-2026")
    assert c.get("/v1/me", headers=auth).status_code == 401


def test_api_admin_token_from_environment(db_copy, web_analyzer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIEMCHUNG_API_TOKEN", "s3cret-admin-token")
    app = create_app(db_url=db_copy, analyzer=web_analyzer)
    with TestClient(app) as c:
        assert (
            c.get("/v1/me", headers={"Authorization": "Bearer s3cret-admin-token"}).json()["role"] == "admin"
        )
        assert c.get("/v1/me", headers={"Authorization": "Bearer s3cret-admin-tokeX"}).status_code == 401
        assert len(c.get("/v1/pages", headers={"Authorization": "Bearer s3cret-admin-token"}).json()) == 6


@pytest.mark.parametrize("path", ["/login", "/check", "/registry/members"])
def test_auth_csrf_required_on_every_form(app, client_for, path: str) -> None:  # type: ignore[no-untyped-def]
    c = client_for(app, "admin")
    r = c.post(path, data={"login": "x", "password": "y", "text": "z", "name": "n", "unit": "1"})
    assert r.status_code == 403


def test_auth_throttle_is_shared_by_workers(db_copy, web_analyzer) -> None:  # type: ignore[no-untyped-def]
    """Two apps on one database (two ``--workers``) count the same failed logins; a success clears the login."""
    from kiemchung.web.throttle import StoreLoginThrottle

    one = create_app(db_url=db_copy, analyzer=web_analyzer)
    two = create_app(db_url=db_copy, analyzer=web_analyzer)
    for app in (one, two):
        assert isinstance(app.state.login_throttle, StoreLoginThrottle)
        app.state.login_throttle.per_login = 3
    with TestClient(one) as c1, TestClient(two) as c2:
        assert [login(c, "tuan", "sai-mat-khau").status_code for c in (c1, c2, c1)] == [401, 401, 401]
        blocked = login(c2, "tuan")
        assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
        assert login(c1, "lan").status_code == 303  # another login is not locked out
        assert login(c2, "lan").status_code == 303
    with one.state.store.transaction() as s:
        from kiemchung.store import Records

        assert not any(k.startswith("web.") for k in Records(s).settings.all())


def test_store_throttle_window_and_reset(db_copy) -> None:  # type: ignore[no-untyped-def]
    from kiemchung.store.engine import Store
    from kiemchung.web.throttle import StoreLoginThrottle

    store = Store.open(db_copy)
    now = [1000.0]
    th = StoreLoginThrottle(store, per_login=2, per_ip=3, window=60, clock=lambda: now[0])
    th.failed("10.0.0.1", "A")
    assert th.blocked("10.0.0.1", "a") == 0
    th.failed("10.0.0.1", "a ")
    assert th.blocked("10.0.0.2", "a") == 61  # the login is locked from any address
    th.failed("10.0.0.1", "b")
    assert th.blocked("10.0.0.1", "c") > 0  # the address is locked for any login
    now[0] += 61
    assert th.blocked("10.0.0.1", "a") == 0
    th.failed("10.0.0.3", "d")
    th.failed("10.0.0.3", "d")
    assert th.blocked("10.0.0.4", "d") > 0
    th.succeeded("D")
    assert th.blocked("10.0.0.4", "d") == 0
    store.dispose()
