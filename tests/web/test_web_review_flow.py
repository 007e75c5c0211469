"""Review queue: filters, the post in context, confirm / dismiss with a note, the member's appeal, another
reviewer's decision — each step audited."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from webtest_support import csrf_of  # type: ignore[import-not-found]

from kiemchung.store import audit
from kiemchung.store.schema import Finding, Member, Page, Post, Review


def _open_finding_of(
    app: Any, member_name: str | None = None, *, unit_code: str | None = None, any_state: bool = False
) -> int:
    from kiemchung.store.schema import Unit

    s = app.state.store.session()
    try:
        q = (
            select(Finding.id)
            .join(Post)
            .join(Page)
            .join(Member)
            .join(Unit)
            .outerjoin(Review, Review.finding_id == Finding.id)
            .where(Finding.superseded_at.is_(None))
        )
        if member_name:
            q = q.where(Member.name == member_name)
        if unit_code:
            q = q.where(Unit.code == unit_code)
        if not any_state:
            q = q.where((Review.id.is_(None)) | (Review.state == "open"))
        fid = s.execute(q.order_by(Finding.id)).scalars().first()
        assert fid is not None, "the demo has no such finding"
        return int(fid)
    finally:
        s.close()


def _state(c: Any, fid: int) -> str:
    m = re.search(r'id="state">([^<]+)<', c.get(f"/review/{fid}").text)
    assert m
    return m.group(1)


def test_review_confirm_appeal_overturn(app, client_for) -> None:  # type: ignore[no-untyped-def]
    fid = _open_finding_of(app, "Nguyễn Thị Lan")
    reviewer = client_for(app, "reviewer")
    page = reviewer.get(f"/review/{fid}")
    assert page.status_code == 200
    assert 'id="post-context"' in page.text and "<mark" in page.text
    assert 'action="/review/%d/confirm"' % fid in page.text
    r = reviewer.post(
        f"/review/{fid}/confirm",
        data={"csrf_token": csrf_of(page.text), "note": "Xúc phạm rõ."},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert _state(reviewer, fid) == "đã xác nhận"

    member = client_for(app, "member")
    mine = member.get("/my/findings")
    assert f'data-finding="{fid}"' in mine.text
    page = member.get(f"/review/{fid}")
    assert 'action="/review/%d/appeal"' % fid in page.text
    assert 'action="/review/%d/confirm"' % fid not in page.text
    r = member.post(
        f"/review/{fid}/appeal",
        data={"csrf_token": csrf_of(page.text), "note": "Tôi trích lời."},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert _state(member, fid) == "đang khiếu nại"

    # the reviewer who confirmed may not decide the appeal; another reviewer may
    page = reviewer.get(f"/review/{fid}")
    r = reviewer.post(
        f"/review/{fid}/overturn", data={"csrf_token": csrf_of(page.text)}, follow_redirects=False
    )
    assert r.status_code == 409
    other = client_for(app, "truongban")
    page = other.get(f"/review/{fid}")
    r = other.post(
        f"/review/{fid}/overturn",
        data={"csrf_token": csrf_of(page.text), "note": "Chấp nhận."},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert _state(other, fid) == "đã hủy"

    s = app.state.store.session()
    try:
        review_id = s.execute(select(Review.id).where(Review.finding_id == fid)).scalar_one()
        actions = [
            (e.actor, e.action)
            for e in audit.list_events(s, entity="review", entity_id=str(review_id), newest_first=False)
        ]
        assert audit.verify(s).ok
    finally:
        s.close()
    assert actions == [
        ("ranhsoat", "review.confirm"),
        ("lan", "review.appeal"),
        ("truongban", "review.overturn"),
    ]


def test_review_dismiss_then_no_more_actions(app, client_for) -> None:  # type: ignore[no-untyped-def]
    fid = _open_finding_of(app, "Nguyễn Thị Lan")
    c = client_for(app, "reviewer")
    page = c.get(f"/review/{fid}")
    assert (
        c.post(
            f"/review/{fid}/dismiss", data={"csrf_token": csrf_of(page.text)}, follow_redirects=False
        ).status_code
        == 303
    )
    page = c.get(f"/review/{fid}")
    assert "/confirm" not in page.text and "/dismiss" not in page.text
    # a second decision is refused by the state machine
    assert c.post(f"/review/{fid}/confirm", data={"csrf_token": csrf_of(page.text)}).status_code == 409


def test_review_queue_filters(app, client_for) -> None:  # type: ignore[no-untyped-def]
    c = client_for(app, "unit_admin")
    everything = c.get("/review?state=").text
    rows = set(re.findall(r'data-finding="(\d+)"', everything))
    assert rows
    phones = set(re.findall(r'data-finding="(\d+)"', c.get("/review?state=&label=privacy").text))
    tox = set(re.findall(r'data-finding="(\d+)"', c.get("/review?state=&label=toxicity.offensive").text))
    assert phones and tox and phones.isdisjoint(tox) and phones | tox == rows
    assert not re.findall(r'data-finding="(\d+)"', c.get("/review?state=&min_score=0.99").text)
    assert set(re.findall(r'data-finding="(\d+)"', c.get("/review?state=&min_score=0.95").text)) == phones
    assert not re.findall(r'data-finding="(\d+)"', c.get("/review?state=&since=2099-01-01").text)
    s = app.state.store.session()
    try:
        from kiemchung.store.schema import Unit

        unit = s.execute(select(Unit.id).where(Unit.code == "demo-bao-sang")).scalar_one()
    finally:
        s.close()
    in_unit = set(re.findall(r'data-finding="(\d+)"', c.get(f"/review?state=&unit={unit}").text))
    assert in_unit and in_unit < rows
    # bad filter values are ignored, not errors
    assert c.get("/review?min_score=abc&since=notadate&unit=x").status_code == 200


def test_review_reviewer_sees_only_their_unit(app, client_for) -> None:  # type: ignore[no-untyped-def]
    fid = _open_finding_of(app, "Phạm Anh Tuấn", any_state=True)
    c = client_for(app, "reviewer")  # Báo Sáng's reviewer
    assert f'data-finding="{fid}"' not in c.get("/review?state=").text
    assert c.get(f"/review/{fid}").status_code == 403
    page = c.get("/")
    assert c.post(f"/review/{fid}/confirm", data={"csrf_token": csrf_of(page.text)}).status_code == 403


def test_review_api_flow(app, client_for) -> None:  # type: ignore[no-untyped-def]
    fid = _open_finding_of(app, unit_code="demo-dai-phuong-nam")
    c = client_for(app, "ranhsoat2")
    page = c.get("/account")
    tok = re.search(
        r'id="api-token">([^<]+)<', c.post("/account/token", data={"csrf_token": csrf_of(page.text)}).text
    ).group(1)  # type: ignore[union-attr]
    auth = {"Authorization": f"Bearer {tok}"}
    r = c.post(f"/v1/findings/{fid}/review", headers=auth, json={"action": "confirm", "note": "API"})
    assert (
        r.status_code == 200 and r.json()["state"] == "confirmed" and r.json()["reviewed_by"] == "ranhsoat2"
    )
    r = c.post(f"/v1/findings/{fid}/review", headers=auth, json={"action": "dismiss"})
    assert r.status_code == 409
    r = c.post(f"/v1/findings/{fid}/review", headers=auth, json={"action": "explode"})
    assert r.status_code == 422
    assert c.get(f"/v1/findings/{fid}", headers=auth).json()["state"] == "confirmed"
