from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiemchung.errors import InputError
from kiemchung.store import InvalidTransitionError, NotFoundError, Records, Store, audit
from kiemchung.store.repositories import guess_platform, normalize_url, slugify


@pytest.mark.parametrize(
    ("url", "platform"),
    [
        ("https://www.facebook.com/an.nguyen", "facebook"),
        ("fb.com/an", "facebook"),
        ("https://m.youtube.com/@an", "youtube"),
        ("youtu.be/abc", "youtube"),
        ("https://www.tiktok.com/@an", "tiktok"),
        ("https://zalo.me/0912", "zalo"),
        ("instagram.com/an", "instagram"),
        ("https://twitter.com/an", "x"),
        ("https://x.com/an", "x"),
        ("https://an-nguyen.example.vn/", "blog"),
        ("https://notfacebook.com/an", "blog"),  # negative: a look-alike host is not facebook
    ],
)
def test_registry_guess_platform(url: str, platform: str) -> None:
    assert guess_platform(url) == platform


@pytest.mark.parametrize(
    ("raw", "canon"),
    [
        ("https://WWW.Facebook.com/an/", "https://facebook.com/an"),
        ("https://m.facebook.com/an", "https://facebook.com/an"),
        ("https://m.example.vn/an", "https://m.example.vn/an"),  # only the platforms' mobile hosts
        ("facebook.com/an", "https://facebook.com/an"),
        ("  https://x.com/an#top ", "https://x.com/an"),
    ],
)
def test_registry_normalize_url(raw: str, canon: str) -> None:
    assert normalize_url(raw) == canon


def test_registry_slugify_vietnamese() -> None:
    assert slugify("Chi bộ Đảng số 1") == "chi-bo-dang-so-1"


def test_registry_units_members_pages_lifecycle(store: Store) -> None:
    with store.transaction() as s:
        rec = Records(s)
        root = rec.units.add("Đảng bộ Phường Bến Nghé", code="ben-nghe")
        child = rec.units.add("Chi bộ 1", parent="ben-nghe")
        dup = rec.units.add("Chi bộ 1", parent=root.id)
        assert (child.code, dup.code) == ("chi-bo-1", "chi-bo-1-2")
        m = rec.members.add("Trần Thị Bình", unit=child.code, email="binh@example.vn")
        page = rec.pages.add("https://www.facebook.com/binh.tran/", member=m.id, handle="Bình Trần",
                             declared_at="2026-10-01")
        assert page.platform == "facebook" and page.status == "declared"
        assert page.declared_at == datetime(2026, 10, 1, tzinfo=UTC)
        assert rec.pages.get("facebook.com/binh.tran").id == page.id
        rec.pages.verify(page.id)
        assert page.status == "verified" and page.verified_at is not None
        with pytest.raises(InvalidTransitionError):
            rec.pages.verify(page.id)
        with pytest.raises(InputError):
            rec.pages.add("https://facebook.com/binh.tran", member=m.id)
        assert [u.id for u in rec.members.list(unit="ben-nghe")] == [m.id]  # sub-units included
        with pytest.raises(InvalidTransitionError):
            rec.units.retire(child.id)  # still has an active member
        rec.members.retire(m.id)
        assert page.status == "retired"
        rec.units.retire(child.id)
        assert [u.code for u in rec.units.list()] == ["ben-nghe", "chi-bo-1-2"]
        assert len(rec.units.list(include_retired=True)) == 3
        with pytest.raises(NotFoundError):
            rec.units.get("khong-co")
        actions = [e.action for e in audit.list_events(s, limit=100, newest_first=False)]
    assert actions == ["unit.add", "unit.add", "unit.add", "member.add", "page.add", "page.verify",
                       "member.retire", "page.retire", "unit.retire"]


@pytest.mark.parametrize("platform", ["myspace", "Facebook", ""])
def test_registry_page_rejects_unknown_platform(store: Store, platform: str) -> None:
    with store.transaction() as s, pytest.raises(InputError):
        Records(s).pages.add("https://example.vn/a", platform=platform or "none")


def test_registry_required_platforms_is_a_setting(store: Store) -> None:
    with store.transaction() as s:
        rec = Records(s)
        u = rec.units.add("Chi bộ 2")
        a = rec.members.add("An", unit=u.id)
        b = rec.members.add("Bình", unit=u.id)
        rec.pages.add("https://facebook.com/an", member=a.id)
        assert [r["member_id"] for r in rec.pages.missing_declarations()] == [b.id]
        rec.settings.set("pages.required_platforms", ["facebook", "tiktok"])
        missing = {r["member_id"]: r["missing"] for r in rec.pages.missing_declarations()}
        assert missing == {a.id: ["tiktok"], b.id: ["facebook", "tiktok"]}
        rec.settings.set("pages.required_platforms", [])
        assert rec.pages.missing_declarations() == []
        with pytest.raises(InputError):
            rec.settings.set("pages.required_platforms", ["myspace"])
        assert rec.settings.all()["pages.required_platforms"] == []


def test_registry_accounts_hash_passwords(store: Store) -> None:
    with store.transaction() as s:
        rec = Records(s)
        u = rec.units.add("Chi bộ 3")
        acc = rec.accounts.add("reviewer1", "mat-khau-dai", "reviewer", unit=u.code)
        assert "mat-khau-dai" not in acc.password_hash and acc.password_hash.startswith("$argon2")
        assert "password_hash" not in acc.to_dict()
        assert rec.accounts.authenticate("reviewer1", "mat-khau-dai") is not None
        assert rec.accounts.authenticate("reviewer1", "sai-mat-khau") is None
        assert rec.accounts.authenticate("khong-co", "mat-khau-dai") is None
        rec.accounts.set_active(acc.id, False)
        assert rec.accounts.authenticate("reviewer1", "mat-khau-dai") is None
        with pytest.raises(InputError):
            rec.accounts.add("reviewer2", "mat-khau-dai", "reviewer")  # needs a unit
        with pytest.raises(InputError):
            rec.accounts.add("x", "ngan", "admin")
        with pytest.raises(InputError):
            rec.accounts.add("y", "mat-khau-dai", "superuser")


def test_settings_internal_keys_are_hidden_and_never_audited(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiemchung.store import audit
    from kiemchung.store.authz import SYSTEM
    from kiemchung.store.engine import Store
    from kiemchung.store.repositories import Records

    store = Store.open(f"sqlite:///{tmp_path / 'k.db'}", create=True)
    try:
        with store.transaction() as session:
            rec = Records(session, SYSTEM)
            rec.settings.set("web.secret_key", "s3cret-value")
            rec.settings.set("org.name", "Trường A")
            assert "web.secret_key" not in rec.settings.all()
            assert rec.settings.all()["org.name"] == "Trường A"
            assert rec.settings.get("web.secret_key") == "s3cret-value"
        with store.session() as session:
            events = audit.list_events(session, entity="setting")
            assert {e.entity_id for e in events} == {"web.secret_key", "org.name"}
            dumped = repr([e.data for e in events])
            assert "s3cret-value" not in dumped and "Trường A" in dumped
    finally:
        store.dispose()
