from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kiemchung.analyzer import Analyzer
from kiemchung.errors import PermissionDeniedError
from kiemchung.store import InvalidTransitionError, Records, Store
from kiemchung.store.repositories import REVIEW_TRANSITIONS, next_review_state
from kiemchung.store.scanning import scan_store

STATES = ("open", "confirmed", "dismissed", "appealed", "upheld", "overturned")
ACTIONS = ("confirm", "dismiss", "appeal", "uphold", "overturn")


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", ACTIONS)
def test_reviews_state_machine_table(state: str, action: str) -> None:
    expected = {
        ("open", "confirm"): "confirmed",
        ("open", "dismiss"): "dismissed",
        ("confirmed", "appeal"): "appealed",
        ("appealed", "uphold"): "upheld",
        ("appealed", "overturn"): "overturned",
    }.get((state, action))
    if expected is None:
        with pytest.raises(InvalidTransitionError):
            next_review_state(state, action)
    else:
        assert next_review_state(state, action) == expected
    assert len(REVIEW_TRANSITIONS) == 5


def _first_review_in_unit_a(store: Store, org: Any) -> int:
    with store.session() as s:
        reviews = Records(s, org.actors["reviewer_a"]).reviews.list()
        return reviews[0].id


def test_reviews_full_path_with_who_when_note(store: Store, org: Any, make_analyzer: Callable[[str], Analyzer]
                                              ) -> None:
    with store.session() as s:
        scan_store(make_analyzer("1"), s)
    rid = _first_review_in_unit_a(store, org)
    with store.transaction() as s:
        r = Records(s, org.actors["reviewer_a"]).reviews.confirm(rid, "Tin nhắn lừa đảo trúng thưởng.")
        assert (r.state, r.reviewed_by, r.note) == ("confirmed", "reviewer_a", "Tin nhắn lừa đảo trúng thưởng.")
        assert r.reviewed_at is not None
    with store.transaction() as s:
        r = Records(s, org.actors["member_a"]).reviews.appeal(rid, "Tôi chỉ cảnh báo mọi người.")
        assert (r.state, r.appealed_by) == ("appealed", "member_a")
    with store.transaction() as s, pytest.raises(InvalidTransitionError):
        Records(s, org.actors["reviewer_a"]).reviews.overturn(rid, "tự xét lại")  # not the same reviewer
    with store.transaction() as s:
        r = Records(s, org.actors["reviewer_a2"]).reviews.overturn(rid, "Bài cảnh báo, không phải lừa đảo.")
        assert (r.state, r.resolved_by) == ("overturned", "reviewer_a2")
    with store.transaction() as s, pytest.raises(InvalidTransitionError):
        Records(s).reviews.confirm(rid)
    with store.session() as s:
        from kiemchung.store import audit

        actions = [e.action for e in audit.list_events(s, entity="review", entity_id=str(rid), newest_first=False)]
        assert actions == ["review.confirm", "review.appeal", "review.overturn"]


def test_reviews_roles_and_scope(store: Store, org: Any, make_analyzer: Callable[[str], Analyzer]) -> None:
    with store.session() as s:
        scan_store(make_analyzer("1"), s)
    rid = _first_review_in_unit_a(store, org)
    for who in ("reviewer_b", "member_a", "auditor", "unit_admin_a"):  # wrong unit, or role cannot decide
        with store.transaction() as s, pytest.raises(PermissionDeniedError):
            Records(s, org.actors[who]).reviews.confirm(rid)
    with store.transaction() as s:
        Records(s, org.actors["reviewer_a"]).reviews.dismiss(rid, "Không vi phạm.")
    with store.transaction() as s, pytest.raises(InvalidTransitionError):
        Records(s, org.actors["member_a"]).reviews.appeal(rid)  # nothing to appeal after a dismissal
