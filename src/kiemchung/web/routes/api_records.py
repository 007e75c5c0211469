"""REST API ``/v1`` over the organization's records: pages, posts, findings, reviews.

Scope is the store's: a member's token sees their own pages, a reviewer's their units, an auditor's every unit.
A record outside the token's scope answers 403; a missing one 404.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from kiemchung.store import Records
from kiemchung.web.deps import api_principal, api_require, db_session
from kiemchung.web.principal import Principal
from kiemchung.web.routes.review import ACTION_PERMISSION, _date_or_none, finding_row, query_findings

router = APIRouter(prefix="/v1", tags=["api"])


@router.get("/me")
def me(user: Principal = Depends(api_principal)) -> dict[str, Any]:
    """Who the token belongs to."""
    return {"login": user.login, "role": user.role, "unit_id": user.unit_id, "member_id": user.member_id}


@router.get("/pages")
def list_pages(
    user: Principal = Depends(api_require("registry.read")),
    session: Session = Depends(db_session),
    status: str | None = None,
    platform: str | None = None,
) -> list[dict[str, Any]]:
    """Declared pages in scope."""
    return [p.to_dict() for p in Records(session, user.actor).pages.list(status=status, platform=platform)]


@router.get("/pages/{page_id}")
def get_page(
    page_id: int,
    user: Principal = Depends(api_require("registry.read")),
    session: Session = Depends(db_session),
) -> dict[str, Any]:
    return Records(session, user.actor).pages.get(page_id).to_dict()


@router.get("/posts")
def list_posts(
    user: Principal = Depends(api_require("posts.read")),
    session: Session = Depends(db_session),
    page: int | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> list[dict[str, Any]]:
    """Archived posts in scope, newest first."""
    rows = Records(session, user.actor).posts.list(
        page=page, since=since, until=until, limit=limit, offset=offset
    )
    return [p.to_dict() for p in rows]


@router.get("/posts/{post_id}")
def get_post(
    post_id: int, user: Principal = Depends(api_require("posts.read")), session: Session = Depends(db_session)
) -> dict[str, Any]:
    return Records(session, user.actor).posts.get(post_id).to_dict()


@router.get("/findings")
def list_findings(
    user: Principal = Depends(api_require("findings.read")),
    session: Session = Depends(db_session),
    unit: int | None = None,
    label: str | None = None,
    min_score: float | None = Query(None, ge=0, le=1),
    since: str | None = None,
    until: str | None = None,
    state: str | None = None,
    limit: int = Query(100, ge=1, le=1000),
) -> list[dict[str, Any]]:
    """Current findings in scope with their review state; filters as in the review queue."""
    rows = query_findings(
        session,
        user,
        unit=unit,
        label=label,
        min_score=min_score,
        since=_date_or_none(since),
        until=_date_or_none(until),
        state=state,
        limit=limit,
    )
    return [finding_row(*r) for r in rows]


@router.get("/findings/{finding_id}")
def get_finding(
    finding_id: int,
    user: Principal = Depends(api_require("findings.read")),
    session: Session = Depends(db_session),
) -> dict[str, Any]:
    f = Records(session, user.actor).findings.get(finding_id)
    post = f.post
    member = post.page.member
    return finding_row(f, post, post.page, member, f.review)


@router.get("/reviews")
def list_reviews(
    user: Principal = Depends(api_require("findings.read")),
    session: Session = Depends(db_session),
    state: str | None = None,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> list[dict[str, Any]]:
    return [
        r.to_dict()
        for r in Records(session, user.actor).reviews.list(state=state, limit=limit, offset=offset)
    ]


class ReviewAction(BaseModel):
    """Move a finding's review: confirm | dismiss (reviewer), appeal (the member), uphold | overturn."""

    model_config = ConfigDict(extra="forbid")
    action: Literal["confirm", "dismiss", "appeal", "uphold", "overturn"]
    note: str | None = Field(default=None, max_length=4000)


@router.post("/findings/{finding_id}/review")
def review_finding(
    finding_id: int,
    body: ReviewAction,
    request: Request,
    user: Principal = Depends(api_require("findings.read")),
) -> dict[str, Any]:
    """Apply a review action (audited). 403 when the role may not take it; 409 from a wrong state."""
    from fastapi import HTTPException

    if not user.can(ACTION_PERMISSION[body.action]):
        raise HTTPException(403, f"Token không có quyền '{body.action}' (token outside its scope).")
    with request.app.state.store.transaction() as session:
        rec = Records(session, user.actor)
        review = rec.reviews.open(finding_id)
        review = rec.reviews.transition(review.id, body.action, body.note)
        return review.to_dict()
