from __future__ import annotations

from typing import Any

import pytest

from kiemchung.errors import PermissionDeniedError
from kiemchung.store import Actor, NotFoundError, Records, Store
from kiemchung.store.authz import PERMISSIONS


def _visible_pages(store: Store, actor: Actor) -> set[str]:
    with store.session() as s:
        return {p.url for p in Records(s, actor).pages.list()}


@pytest.mark.parametrize(
    ("who", "pages"),
    [
        ("admin", {"https://facebook.com/an", "https://tiktok.com/@binh"}),
        ("auditor", {"https://facebook.com/an", "https://tiktok.com/@binh"}),
        ("reviewer_a", {"https://facebook.com/an"}),  # unit a includes its sub-unit a1
        ("unit_admin_a", {"https://facebook.com/an"}),
        ("reviewer_b", {"https://tiktok.com/@binh"}),
        ("member_a", {"https://facebook.com/an"}),
    ],
)
def test_authz_page_visibility(store: Store, org: Any, who: str, pages: set[str]) -> None:
    assert _visible_pages(store, org.actors[who]) == pages


def test_authz_cross_unit_reads_refused(store: Store, org: Any) -> None:
    with store.session() as s:
        rec = Records(s, org.actors["reviewer_b"])
        with pytest.raises(PermissionDeniedError):
            rec.pages.get(org.ids["page_a"])
        with pytest.raises(PermissionDeniedError):
            rec.members.get(org.ids["member_a"])
        assert rec.posts.count() == 2
        assert Records(s, org.actors["member_a"]).posts.count() == 3
        with pytest.raises(NotFoundError):
            rec.pages.get(99999)


def test_authz_registry_writes(store: Store, org: Any) -> None:
    with store.transaction() as s:
        m = Records(s, org.actors["unit_admin_a"]).members.add("Phạm Văn Cường", unit="a1")
        Records(s, org.actors["unit_admin_a"]).pages.add("https://youtube.com/@cuong", member=m.id)
    for who, call in [
        ("unit_admin_a", lambda r: r.members.add("X", unit="b")),  # outside their unit
        ("reviewer_a", lambda r: r.members.add("X", unit="a")),
        ("auditor", lambda r: r.pages.verify(org.ids["page_a"])),
        ("member_a", lambda r: r.units.add("Đơn vị mới")),
        ("unit_admin_a", lambda r: r.settings.set("org.name", "X")),
        ("reviewer_a", lambda r: r.accounts.list()),
    ]:
        with store.transaction() as s, pytest.raises(PermissionDeniedError):
            call(Records(s, org.actors[who]))
    with store.transaction() as s:  # a member declares a page of their own
        p = Records(s, org.actors["member_a"]).pages.add("https://x.com/an", member=org.ids["member_a"])
        assert p.status == "declared"


def test_authz_every_permission_has_known_roles() -> None:
    from kiemchung.store.schema import ROLES

    for roles in PERMISSIONS.values():
        assert roles <= set(ROLES) and "admin" in roles
