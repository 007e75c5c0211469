"""The role matrix: every page and API route, walked with every role (DESIGN §6), checks who may do what.

A new GET route that is not listed here fails ``test_roles_matrix_covers_every_route``.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from kiemchung.store.schema import Finding, Member, Page, Post

ROLES = ("anonymous", "member", "reviewer", "unit_admin", "auditor", "admin")
ALL = frozenset(ROLES)
LOGGED_IN = ALL - {"anonymous"}
STAFF = frozenset({"reviewer", "unit_admin", "auditor", "admin"})

# path template -> roles that get 200 (anonymous otherwise gets a redirect to /login; other roles 403)
PAGES: dict[str, frozenset[str]] = {
    "/": ALL,
    "/check": ALL,
    "/login": ALL,
    "/account": LOGGED_IN,
    "/my/findings": LOGGED_IN,
    "/review": STAFF,
    "/review/{own_finding}": LOGGED_IN,  # a finding on the member's own page, in the reviewer's unit
    "/review/{other_finding}": frozenset({"unit_admin", "auditor", "admin"}),  # another unit, another member
    "/dashboard": STAFF,
    "/reports/quarterly.xlsx": STAFF,
    "/reports/quarterly.pdf": STAFF,
    "/registry/units": LOGGED_IN,
    "/registry/members": LOGGED_IN,
    "/registry/pages": LOGGED_IN,
    "/registry/import": frozenset({"member", "unit_admin", "admin"}),
    "/audit": frozenset({"auditor", "admin"}),
    "/admin/accounts": frozenset({"auditor", "admin"}),
    "/admin/accounts/{own_account}": frozenset({"auditor", "admin"}),
}
API: dict[str, frozenset[str]] = {
    "/v1/me": LOGGED_IN,
    "/v1/pages": LOGGED_IN,
    "/v1/pages/{own_page}": LOGGED_IN,
    "/v1/pages/{other_page}": frozenset({"unit_admin", "auditor", "admin"}),
    "/v1/posts": LOGGED_IN,
    "/v1/posts/{own_post}": LOGGED_IN,
    "/v1/posts/{other_post}": frozenset({"unit_admin", "auditor", "admin"}),
    "/v1/findings": LOGGED_IN,
    "/v1/findings/{own_finding}": LOGGED_IN,
    "/v1/findings/{other_finding}": frozenset({"unit_admin", "auditor", "admin"}),
    "/v1/reviews": LOGGED_IN,
}
PUBLIC = {"/v1/health", "/v1/openapi.json", "/v1/docs", "/static"}


@pytest.fixture(scope="module")
def ids(module_app: Any) -> dict[str, int]:
    """Records on Nguyễn Thị Lan's page (Báo Sáng) and Phạm Anh Tuấn's (Đài Phương Nam)."""
    s = module_app.state.store.session()
    try:

        def for_member(name: str) -> tuple[int, int, int]:
            page = s.execute(
                select(Page.id).join(Member).where(Member.name == name).order_by(Page.id)
            ).scalar()
            post = s.execute(select(Post.id).where(Post.page_id == page).order_by(Post.id)).scalar()
            finding = s.execute(
                select(Finding.id)
                .join(Post)
                .where(Post.page_id == page)
                .where(Finding.superseded_at.is_(None))
                .order_by(Finding.id)
            ).scalar()
            assert page and post and finding
            return page, post, finding

        own = for_member("Nguyễn Thị Lan")
        other = for_member("Phạm Anh Tuấn")
    finally:
        s.close()
    from kiemchung.store.schema import Account

    s = module_app.state.store.session()
    try:
        lan = s.execute(select(Account.id).where(Account.login == "lan")).scalar_one()
    finally:
        s.close()
    return {
        "own_account": lan,
        "own_page": own[0],
        "own_post": own[1],
        "own_finding": own[2],
        "other_page": other[0],
        "other_post": other[1],
        "other_finding": other[2],
    }


@pytest.fixture(scope="module")
def clients(module_app: Any) -> Any:
    from webtest_support import ROLE_LOGINS, login  # type: ignore[import-not-found]

    out: dict[str, TestClient] = {}
    for role in ROLES:
        c = TestClient(module_app)
        c.__enter__()
        if role != "anonymous":
            assert login(c, ROLE_LOGINS[role]).status_code == 303
        out[role] = c
    yield out
    for c in out.values():
        c.__exit__(None, None, None)


@pytest.fixture(scope="module")
def tokens(clients: dict[str, TestClient]) -> dict[str, str]:
    import re

    from webtest_support import csrf_of  # type: ignore[import-not-found]

    out = {}
    for role, c in clients.items():
        if role == "anonymous":
            continue
        page = c.get("/account")
        r = c.post("/account/token", data={"csrf_token": csrf_of(page.text)})
        out[role] = re.search(r'id="api-token">([^<]+)<', r.text).group(1)  # type: ignore[union-attr]
    return out


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", sorted(PAGES))
def test_roles_pages(clients, ids, role: str, path: str) -> None:  # type: ignore[no-untyped-def]
    r = clients[role].get(path.format(**ids), follow_redirects=False)
    if role in PAGES[path]:
        assert r.status_code == 200, (role, path, r.status_code)
    elif role == "anonymous":
        assert r.status_code == 303 and r.headers["location"].startswith("/login"), (role, path)
    else:
        assert r.status_code == 403, (role, path, r.status_code)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", sorted(API))
def test_roles_api(clients, tokens, ids, role: str, path: str) -> None:  # type: ignore[no-untyped-def]
    headers = {"Authorization": f"Bearer {tokens[role]}"} if role in tokens else {}
    r = clients["anonymous"].get(path.format(**ids), headers=headers)
    if role == "anonymous":
        assert r.status_code == 401
    elif role in API[path]:
        assert r.status_code == 200, (role, path, r.status_code, r.text)
    else:
        assert r.status_code == 403, (role, path, r.status_code)


# POST actions: who may take them (state changes are tested in test_web_review_flow.py)
@pytest.mark.parametrize(
    ("role", "allowed"),
    [("member", False), ("reviewer", True), ("unit_admin", False), ("auditor", False), ("admin", True)],
)
def test_roles_review_confirm(app, client_for, role: str, allowed: bool) -> None:  # type: ignore[no-untyped-def]
    from webtest_support import csrf_of  # type: ignore[import-not-found]

    s = app.state.store.session()
    try:
        fid = (
            s.execute(
                select(Finding.id)
                .join(Post)
                .join(Page)
                .join(Member)
                .where(Member.name == "Nguyễn Thị Lan")
                .order_by(Finding.id.desc())
            )
            .scalars()
            .first()
        )
    finally:
        s.close()
    c = client_for(app, role)
    tok = csrf_of(c.get("/").text)
    r = c.post(f"/review/{fid}/dismiss", data={"csrf_token": tok, "note": "x"}, follow_redirects=False)
    if allowed:
        assert r.status_code in (303, 409)  # 409 when the demo already decided it
    else:
        assert r.status_code == 403


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("member", False), ("reviewer", False), ("unit_admin", True), ("auditor", False), ("admin", True)],
)
def test_roles_registry_add_member(app, client_for, role: str, allowed: bool) -> None:  # type: ignore[no-untyped-def]
    from webtest_support import csrf_of  # type: ignore[import-not-found]

    c = client_for(app, role)
    tok = csrf_of(c.get("/").text)
    s = app.state.store.session()
    try:
        from kiemchung.store.schema import Unit

        unit = s.execute(select(Unit.id).where(Unit.code == "demo-bao-sang")).scalar_one()
    finally:
        s.close()
    r = c.post(
        "/registry/members",
        data={"csrf_token": tok, "name": "Hồ Văn Mới", "unit": str(unit)},
        follow_redirects=False,
    )
    assert r.status_code == (303 if allowed else 403)


def all_routes(routes: Any) -> Any:
    """Every route, routers included through ``include_router`` walked into."""
    for route in routes:
        if hasattr(route, "original_router"):
            yield from all_routes(route.original_router.routes)
        else:
            yield route


def test_roles_matrix_covers_every_route(module_app: Any) -> None:
    listed = set(PAGES) | set(API)
    templated = {p.split("{")[0] for p in listed if "{" in p}
    missing = []
    routes = list(all_routes(module_app.routes))
    assert any(getattr(r, "path", "") == "/review" for r in routes)  # the walk reaches the routers
    for route in routes:
        path = getattr(route, "path", "")
        methods = getattr(route, "methods", None) or set()
        if "GET" not in methods or path in listed or any(path.startswith(p) for p in PUBLIC):
            continue
        if "{" in path and path.split("{")[0] in templated:
            continue
        missing.append(path)
    assert not missing, f"routes without a role-matrix row: {missing}"


# Account administration (POST): only the admin; anonymous is sent to the login page. Each action targets a
# throwaway account made for this module, so the order the roles run in does not matter.
ADMIN_POSTS: dict[str, dict[str, str]] = {
    "/admin/accounts": {"login": "matrix-{role}", "password": "mat-khau-dai-8", "role": "auditor"},
    "/admin/accounts/{target}/active": {"active": "0"},
    "/admin/accounts/{target}/role": {"role": "auditor"},
    "/admin/accounts/{target}/password": {"password": "mat-khau-moi-9"},
    "/admin/accounts/{target}/token": {},
    "/admin/accounts/{target}/revoke": {},
}


@pytest.fixture(scope="module")
def target_account(module_app: Any) -> int:
    from kiemchung.store import Records

    with module_app.state.store.transaction() as s:
        return int(Records(s).accounts.add("matrix-target", "mat-khau-goc-1", "auditor").id)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", sorted(ADMIN_POSTS))
def test_roles_admin_account_actions(clients, target_account, role: str, path: str) -> None:  # type: ignore[no-untyped-def]
    from webtest_support import csrf_of  # type: ignore[import-not-found]

    c = clients[role]
    data = {k: v.format(role=role) for k, v in ADMIN_POSTS[path].items()}
    data["csrf_token"] = csrf_of(c.get("/login" if role == "anonymous" else "/account").text)
    r = c.post(path.format(target=target_account), data=data, follow_redirects=False)
    if role == "admin":
        assert r.status_code in (200, 303), (path, r.status_code, r.text[:300])
    elif role == "anonymous":
        assert r.status_code == 303 and r.headers["location"].startswith("/login"), (path, r.status_code)
    else:
        assert r.status_code == 403, (role, path, r.status_code)


def test_roles_matrix_covers_every_admin_action(module_app: Any) -> None:
    listed = {p.replace("{target}", "{account_id}") for p in ADMIN_POSTS}
    posts = {
        route.path
        for route in all_routes(module_app.routes)
        if "POST" in (getattr(route, "methods", None) or set()) and route.path.startswith("/admin")
    }
    assert posts == listed
