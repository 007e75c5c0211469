"""A small organization for the store tests (``db_url`` and ``store`` come from tests/conftest.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiemchung.analyzer import Analyzer
from kiemchung.store import Actor, Records, Store
from kc_support import StoreKeywordDetector as KeywordDetector


# ---------------------------------------------------------------------------------------------- a small org


@pytest.fixture
def make_analyzer() -> Callable[[str], Analyzer]:
    return lambda version="1": Analyzer([KeywordDetector(version)])


@dataclass
class Org:
    ids: dict[str, int]
    actors: dict[str, Actor]


POSTS_A = [
    {"id": "a1", "text": "Chúc mừng bạn đã trúng thưởng iPhone, bấm link nhận quà", "published_at": "2026-10-05T08:00:00Z"},
    {"id": "a2", "text": "Chúc mọi người cuối tuần vui vẻ", "published_at": "2026-11-10T08:00:00Z"},
    {"id": "a3", "text": "Ai nói vậy là đồ ngu", "published_at": "2026-11-11T08:00:00Z"},
]
POSTS_B = [
    {"id": "b1", "text": "Nhắn tin nhận trúng thưởng 100 triệu", "published_at": "2026-12-01T08:00:00Z"},
    {"id": "b2", "text": "Xin chào cả nhà", "published_at": "2026-07-01T08:00:00Z"},
]


@pytest.fixture
def org(store: Store, tmp_path: Path) -> Org:
    from kiemchung.ingest.archive import import_file

    ids: dict[str, int] = {}
    with store.transaction() as s:
        rec = Records(s)
        ids["unit_a"] = rec.units.add("Đảng bộ A", code="a").id
        ids["unit_a1"] = rec.units.add("Chi bộ A1", code="a1", parent="a").id
        ids["unit_b"] = rec.units.add("Đảng bộ B", code="b").id
        ids["member_a"] = rec.members.add("Nguyễn Văn An", unit="a1").id
        ids["member_b"] = rec.members.add("Lê Thị Bình", unit="b").id
        ids["page_a"] = rec.pages.add("https://facebook.com/an", member=ids["member_a"]).id
        ids["page_b"] = rec.pages.add("https://tiktok.com/@binh", member=ids["member_b"]).id
        for name, posts, page in (("a", POSTS_A, "https://facebook.com/an"), ("b", POSTS_B, "https://tiktok.com/@binh")):
            f = tmp_path / f"posts_{name}.jsonl"
            f.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in posts), encoding="utf-8")
            import_file(s, "jsonl", f, page)
    a, b = ids["unit_a"], ids["unit_b"]
    actors = {  # what AccountRepository.actor_for gives for such accounts (no password hashing needed here)
        "admin": Actor("admin", "admin"),
        "reviewer_a": Actor("reviewer_a", "reviewer", unit_id=a),
        "reviewer_a2": Actor("reviewer_a2", "reviewer", unit_id=a),
        "reviewer_b": Actor("reviewer_b", "reviewer", unit_id=b),
        "unit_admin_a": Actor("unit_admin_a", "unit_admin", unit_id=a),
        "auditor": Actor("auditor", "auditor"),
        "member_a": Actor("member_a", "member", member_id=ids["member_a"]),
    }
    return Org(ids, actors)


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    from kiemchung.store.repositories import AccountRepository

    monkeypatch.setattr(AccountRepository, "hasher_params", {"time_cost": 1, "memory_cost": 1024, "parallelism": 1})
