from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from kiemchung.errors import ImportFormatError, PermissionDeniedError
from kiemchung.ingest import import_file
from kiemchung.store import Actor, Records, Store, audit
from kiemchung.store.schema import ImportBatch, Post

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"

GOOD = [
    ("facebook", "facebook_posts.json", "https://facebook.com/an", "facebook", 3),
    ("x", "tweets.js", "https://x.com/an", "x", 2),
    ("tiktok", "tiktok_user_data.json", "https://tiktok.com/@an", "tiktok", 2),
    ("youtube", "youtube_comments.csv", "https://youtube.com/@an", "youtube", 2),
    ("feed", "feed_rss.xml", "https://an-nguyen.example.vn", "blog", 2),
    ("jsonl", "posts.jsonl", "https://zalo.me/an", "zalo", 3),
    ("csv", "posts.csv", "https://an.example.vn", "blog", 2),
]


@pytest.mark.parametrize(("fmt", "name", "page", "platform", "n"), GOOD)
def test_archive_import_each_format_idempotent(store: Store, fmt: str, name: str, page: str, platform: str,
                                               n: int) -> None:
    with store.transaction() as s:
        res = import_file(s, fmt, DATA / name, page)
        assert (res.imported, res.duplicates, res.page_created) == (n, 0, True)
    with store.transaction() as s:
        again = import_file(s, fmt, DATA / name, page)
        assert (again.imported, again.duplicates, again.page_created) == (0, n, False)
        assert again.batch != res.batch
    with store.session() as s:
        p = Records(s).pages.get(page)
        assert p.platform == platform and p.status == "declared"
        posts = s.execute(select(Post).where(Post.page_id == p.id).order_by(Post.id)).scalars().all()
        assert len(posts) == n and all(isinstance(x.raw, dict) and x.batch_id == res.batch for x in posts)
        assert audit.verify(s).ok


def test_archive_same_post_from_another_format_is_duplicate(store: Store) -> None:
    with store.transaction() as s:
        import_file(s, "youtube", DATA / "youtube_comments.csv", "https://youtube.com/@an")
        res = import_file(s, "youtube", DATA / "youtube_comments.json", "https://youtube.com/@an")
    assert (res.imported, res.duplicates) == (0, 2)


def test_archive_duplicates_inside_one_file(store: Store, tmp_path: Path) -> None:
    f = tmp_path / "dups.jsonl"
    rows = [{"id": "1", "text": "a"}, {"id": "1", "text": "a sửa"}, {"id": "2", "text": "b"},
            {"text": "b"}, {"text": "c"}]
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    with store.transaction() as s:
        res = import_file(s, "jsonl", f, "https://blog.example.vn")
    assert (res.imported, res.duplicates) == (3, 2)


@pytest.mark.parametrize(("fmt", "name"), [("facebook", "facebook_broken.json"), ("csv", "posts_broken.csv"),
                                           ("feed", "feed_broken.xml")])
def test_archive_broken_file_leaves_db_unchanged(store: Store, fmt: str, name: str) -> None:
    with store.transaction() as s:
        import_file(s, "jsonl", DATA / "posts.jsonl", "https://zalo.me/an")

    def dump() -> list[object]:
        with store.engine.connect() as conn:
            return [list(conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")))
                    for t in ("pages", "posts", "import_batches", "audit_events", "audit_head")]

    before = dump()
    with pytest.raises(ImportFormatError), store.transaction() as s:
        import_file(s, fmt, DATA / name, "https://moi.example.vn")
    assert dump() == before


def test_archive_member_may_import_only_own_pages(store: Store) -> None:
    with store.transaction() as s:
        rec = Records(s)
        u = rec.units.add("Chi bộ 5")
        a, b = rec.members.add("An", unit=u.id), rec.members.add("Bình", unit=u.id)
        rec.pages.add("https://facebook.com/an", member=a.id)
        rec.pages.add("https://facebook.com/binh", member=b.id)
    an = Actor("an", "member", member_id=a.id)
    with store.transaction() as s:
        assert import_file(s, "facebook", DATA / "facebook_posts.json", "https://facebook.com/an", actor=an).imported
    with store.transaction() as s, pytest.raises(PermissionDeniedError):
        import_file(s, "facebook", DATA / "facebook_posts.json", "https://facebook.com/binh", actor=an)
    with store.transaction() as s, pytest.raises(PermissionDeniedError):  # a member cannot create owner-less pages
        import_file(s, "facebook", DATA / "facebook_posts.json", "https://facebook.com/khac", actor=an)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                              max_size=60), min_size=1, max_size=5, unique=True))
def test_archive_text_round_trips_exactly(store: Store, tmp_path_factory: pytest.TempPathFactory,
                                          texts: list[str]) -> None:
    f = tmp_path_factory.mktemp("rt") / "posts.jsonl"
    f.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    page = f"https://rt.example.vn/{abs(hash(tuple(texts)))}"
    with store.transaction() as s:
        import_file(s, "jsonl", f, page)
    with store.session() as s:
        pid = Records(s).pages.get(page).id
        got = s.execute(select(Post.external_id, Post.text).where(Post.page_id == pid)).all()
        assert sorted(got) == sorted((str(i), t) for i, t in enumerate(texts))
        assert s.execute(select(func.count()).select_from(ImportBatch)).scalar_one() >= 1
