"""Account administration pages: create, disable/enable, change role and unit, reset password, issue and
revoke API tokens — each effective (login, /v1), each audited, CSRF required, mistakes answered in the form."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import select
from webtest_support import csrf_of, login  # type: ignore[import-not-found]

from kiemchung.store import Records
from kiemchung.store.registry import AccountRepository
from kiemchung.store.schema import Account, AuditEvent, Unit


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(AccountRepository, "hasher_params", {"time_cost": 1, "memory_cost": 1024, "parallelism": 1})


def _account(app: Any, login_name: str) -> Account | None:
    with app.state.store.transaction() as s:
        acc = s.execute(select(Account).where(Account.login == login_name)).scalar_one_or_none()
        if acc is not None:
            s.expunge(acc)
        return acc


def _events(app: Any, action: str) -> list[AuditEvent]:
    with app.state.store.transaction() as s:
        rows = list(s.execute(select(AuditEvent).where(AuditEvent.action == action)).scalars())
        for r in rows:
            s.expunge(r)
        return rows


def _unit(app: Any, code: str = "demo-bao-sang") -> int:
    with app.state.store.transaction() as s:
        return int(s.execute(select(Unit.id).where(Unit.code == code)).scalar_one())


def _post(c: Any, path: str, page: str, **data: str) -> Any:
    return c.post(path, data={"csrf_token": csrf_of(c.get(page).text), **data}, follow_redirects=False)


def test_admin_creates_an_account_that_can_log_in(app, client_for) -> None:  # type: ignore[no-untyped-def]
    admin = client_for(app, "admin")
    listing = admin.get("/admin/accounts")
    assert listing.status_code == 200 and 'data-login="ranhsoat"' in listing.text
    unit = _unit(app)
    r = _post(
        admin, "/admin/accounts", "/admin/accounts",
        login="moi-ra-soat", password="mat-khau-du-dai", role="reviewer", unit=str(unit),
    )
    assert r.status_code == 303
    acc = _account(app, "moi-ra-soat")
    assert acc is not None and acc.role == "reviewer" and acc.unit_id == unit and acc.active
    assert acc.password_hash.startswith("$argon2id$") and "mat-khau-du-dai" not in acc.password_hash
    (event,) = [e for e in _events(app, "account.add") if e.data.get("login") == "moi-ra-soat"]
    assert event.actor == "admin" and "mat-khau" not in str(event.data)
    fresh = client_for(app, None)
    assert login(fresh, "moi-ra-soat", "mat-khau-du-dai").headers["location"] == "/review"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"login": "ranhsoat", "password": "mat-khau-du-dai", "role": "auditor"}, "login exists"),
        ({"login": "x-ngan", "password": "q7Zp!", "role": "auditor"}, "8+ characters"),
        ({"login": "x-unit", "password": "mat-khau-du-dai", "role": "reviewer"}, "needs"),
        ({"login": "x-role", "password": "mat-khau-du-dai", "role": "emperor"}, "role must be one of"),
    ],
)
def test_create_mistakes_are_shown_in_the_form(app, client_for, fields, message) -> None:  # type: ignore[no-untyped-def]
    admin = client_for(app, "admin")
    r = _post(admin, "/admin/accounts", "/admin/accounts", **fields)
    assert r.status_code == 400
    assert message in r.text and 'id="form-error"' in r.text
    assert fields["password"] not in r.text.split('id="form-error"')[1]  # the password is never echoed
    if fields["login"] != "ranhsoat":
        assert _account(app, fields["login"]) is None


def test_disable_and_enable(app, client_for) -> None:  # type: ignore[no-untyped-def]
    admin = client_for(app, "admin")
    lan = _account(app, "lan")
    assert lan is not None
    member = client_for(app, "member")
    token = re.search(r'id="api-token">([^<]+)<', _post(member, "/account/token", "/account").text).group(1)  # type: ignore[union-attr]
    auth = {"Authorization": f"Bearer {token}"}
    page = f"/admin/accounts/{lan.id}"
    assert _post(admin, f"{page}/active", page, active="0").status_code == 303
    assert not _account(app, "lan").active  # type: ignore[union-attr]
    assert member.get("/my/findings", follow_redirects=False).status_code == 303  # the session ends
    assert member.get("/v1/me", headers=auth).status_code == 401
    assert login(client_for(app, None), "lan").status_code == 401
    assert _post(admin, f"{page}/active", page, active="1").status_code == 303
    assert login(client_for(app, None), "lan").status_code == 303
    assert member.get("/v1/me", headers=auth).status_code == 200
    assert [e.action for e in _events(app, "account.deactivate")] == ["account.deactivate"]
    assert len(_events(app, "account.activate")) == 1


def test_admin_cannot_lock_themselves_out(app, client_for) -> None:  # type: ignore[no-untyped-def]
    admin = client_for(app, "admin")
    me = _account(app, "admin")
    assert me is not None
    page = f"/admin/accounts/{me.id}"
    assert _post(admin, f"{page}/active", page, active="0").status_code == 400
    r = _post(admin, f"{page}/role", page, role="member")
    assert r.status_code == 400 and "own role" in r.text
    after = _account(app, "admin")
    assert after is not None and after.active and after.role == "admin"


def test_change_role_and_unit(app, client_for) -> None:  # type: ignore[no-untyped-def]
    admin = client_for(app, "admin")
    acc = _account(app, "ranhsoat")
    assert acc is not None
    other_unit = _unit(app, "demo-dai-phuong-nam")
    page = f"/admin/accounts/{acc.id}"
    assert _post(admin, f"{page}/role", page, role="unit_admin", unit=str(other_unit)).status_code == 303
    after = _account(app, "ranhsoat")
    assert after is not None and after.role == "unit_admin" and after.unit_id == other_unit
    (event,) = _events(app, "account.role")
    assert event.data["from"]["role"] == "reviewer" and event.data["to"] == {
        "role": "unit_admin", "unit_id": other_unit, "member_id": None,
    }
    # the new role holds at once: a unit admin may import, a reviewer may not
    moved = client_for(app, None)
    login(moved, "ranhsoat")
    assert moved.get("/registry/import").status_code == 200
    bad = _post(admin, f"{page}/role", page, role="member")
    assert bad.status_code == 400 and "needs a member" in bad.text


def test_reset_password_and_tokens(app, client_for) -> None:  # type: ignore[no-untyped-def]
    admin = client_for(app, "admin")
    acc = _account(app, "kiemtoan")
    assert acc is not None
    page = f"/admin/accounts/{acc.id}"
    issued = _post(admin, f"{page}/token", page)
    assert issued.status_code == 200
    token = re.search(r'id="api-token">([^<]+)<', issued.text).group(1)  # type: ignore[union-attr]
    assert token not in admin.get(page).text  # shown once
    auth = {"Authorization": f"Bearer {token}"}
    anon = client_for(app, None)
    assert anon.get("/v1/me", headers=auth).json()["login"] == "kiemtoan"
    assert anon.post("/v1/analyze", headers=auth, json={"text": "ngu"}).status_code == 200
    assert _post(admin, f"{page}/revoke", page).status_code == 303
    assert anon.get("/v1/me", headers=auth).status_code == 401
    assert anon.post("/v1/analyze", headers=auth, json={"text": "ngu"}).status_code == 401
    second = re.search(r'id="api-token">([^<]+)<', _post(admin, f"{page}/token", page).text).group(1)  # type: ignore[union-attr]
    assert anon.get("/v1/me", headers={"Authorization": f"Bearer {second}"}).status_code == 200
    assert _post(admin, f"{page}/password", page, password="mat-khau-moi-2026").status_code == 303
    assert anon.get("/v1/me", headers={"Authorization": f"Bearer {second}"}).status_code == 401
    assert login(client_for(app, None), "kiemtoan", "mat-khau-moi-2026").status_code == 303
    assert login(client_for(app, None), "kiemtoan").status_code == 401
    assert len(_events(app, "account.token")) == 2
    assert len(_events(app, "account.tokens_revoke")) == 1
    assert len(_events(app, "account.password")) == 1
    for e in _events(app, "account.token") + _events(app, "account.password"):
        assert token not in str(e.data) and second not in str(e.data)
    with app.state.store.transaction() as s:
        assert all(not k.startswith("web.") for k in Records(s).settings.all())


def test_auditor_reads_but_cannot_change(app, client_for) -> None:  # type: ignore[no-untyped-def]
    auditor = client_for(app, "auditor")
    listing = auditor.get("/admin/accounts")
    assert listing.status_code == 200 and 'id="create-account"' not in listing.text
    lan = _account(app, "lan")
    assert lan is not None
    detail = auditor.get(f"/admin/accounts/{lan.id}")
    assert detail.status_code == 200 and 'id="role-form"' not in detail.text


@pytest.mark.parametrize("action", ["", "/active", "/role", "/password", "/token", "/revoke"])
def test_every_admin_form_needs_csrf(app, client_for, action: str) -> None:  # type: ignore[no-untyped-def]
    admin = client_for(app, "admin")
    lan = _account(app, "lan")
    assert lan is not None
    path = "/admin/accounts" if not action else f"/admin/accounts/{lan.id}{action}"
    data = {"login": "khong-csrf", "password": "mat-khau-du-dai", "role": "auditor", "active": "0"}
    assert admin.post(path, data=data, follow_redirects=False).status_code == 403
    assert _account(app, "khong-csrf") is None and _account(app, "lan").active  # type: ignore[union-attr]


def test_pages_in_english(app, client_for) -> None:  # type: ignore[no-untyped-def]
    admin = client_for(app, "admin")
    assert "Create an account" in admin.get("/admin/accounts?lang=en").text
    assert "Tạo tài khoản" in admin.get("/admin/accounts?lang=vi").text


@pytest.mark.parametrize("role", ["member", "auditor"])
def test_anyone_revokes_their_own_tokens(app, client_for, role: str) -> None:  # type: ignore[no-untyped-def]
    c = client_for(app, role)
    token = re.search(r'id="api-token">([^<]+)<', _post(c, "/account/token", "/account").text).group(1)  # type: ignore[union-attr]
    other = client_for(app, "reviewer")
    other_token = re.search(r'id="api-token">([^<]+)<', _post(other, "/account/token", "/account").text).group(1)  # type: ignore[union-attr]
    anon = client_for(app, None)
    assert anon.get("/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    r = _post(c, "/account/token/revoke", "/account")
    assert r.status_code == 200 and 'id="revoked"' in r.text
    assert anon.get("/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert anon.get("/v1/me", headers={"Authorization": f"Bearer {other_token}"}).status_code == 200
    assert client_for(app, None).post("/account/token/revoke", data={}, follow_redirects=False).status_code == 403
