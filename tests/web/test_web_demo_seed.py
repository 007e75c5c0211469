"""The demo organization: every role has a login, reviews exist in every state, seeding twice changes nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from kiemchung.demo_seed import ACCOUNTS, POSTS, demo_logins, seed_demo
from kiemchung.store.engine import Store
from kiemchung.store.schema import Account, Post, Review


def test_demo_seed_contents_and_idempotence(seeded_db, web_analyzer) -> None:  # type: ignore[no-untyped-def]
    import shutil
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "d.db"
        shutil.copy(seeded_db, path)
        store = Store.open(f"sqlite:///{path}")
        try:
            with store.transaction() as s:
                roles = {a.role for a in s.execute(select(Account)).scalars()}
                posts = s.execute(select(func.count()).select_from(Post)).scalar_one()
                states = {r.state for r in s.execute(select(Review)).scalars()}
            assert roles == {"member", "reviewer", "unit_admin", "auditor", "admin"}
            assert posts == len(POSTS)
            assert {"open", "confirmed", "dismissed"} <= states and states & {
                "appealed",
                "overturned",
                "upheld",
            }
            assert [d.login for d in seed_demo(store, web_analyzer)] == [a[0] for a in ACCOUNTS]
            with store.transaction() as s:
                assert s.execute(select(func.count()).select_from(Post)).scalar_one() == len(POSTS)
        finally:
            store.dispose()


def test_demo_seed_posts_are_nfc_vietnamese() -> None:
    import unicodedata

    for _who, _days, text in POSTS:
        assert unicodedata.is_normalized("NFC", text)
    assert {d.role for d in demo_logins()} == {"member", "reviewer", "unit_admin", "auditor", "admin"}
