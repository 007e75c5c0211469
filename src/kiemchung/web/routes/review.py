"""The review queue: findings in the reviewer's units, the post in context, confirm / dismiss with a note;
members see findings on their own posts and appeal; reviewers decide appeals. Every action is audited by the
store's ``ReviewRepository.transition``."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kiemchung.store import Records
from kiemchung.store.audit import list_events
from kiemchung.store.authz import descendants, scope_for
from kiemchung.store.repositories import parse_when
from kiemchung.store.schema import Finding, Member, Page, Post, Review, Unit
from kiemchung.web.deps import csrf_protect, db_session, page_require
from kiemchung.web.principal import Principal
from kiemchung.web.render import CATEGORY_CLASS
from kiemchung.web.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False)

ACTIONS = ("confirm", "dismiss", "appeal", "uphold", "overturn")
ACTION_PERMISSION = {
    "confirm": "review.decide",
    "dismiss": "review.decide",
    "appeal": "review.appeal",
    "uphold": "review.resolve",
    "overturn": "review.resolve",
}
ACTIONS_FROM = {"open": ("confirm", "dismiss"), "confirmed": ("appeal",), "appealed": ("uphold", "overturn")}


def _int_or_none(v: str | None) -> int | None:
    try:
        return int(v) if v is not None and v != "" else None
    except ValueError:
        return None


def _float_or_none(v: str | None) -> float | None:
    try:
        return float(v) if v is not None and v != "" else None
    except ValueError:
        return None


def _date_or_none(v: str | None) -> datetime | None:
    if not v:
        return None
    try:
        return parse_when(v)
    except Exception:  # noqa: BLE001 - a bad filter value is ignored, not an error page
        return None


def query_findings(
    session: Session,
    user: Principal,
    *,
    unit: int | None = None,
    label: str | None = None,
    min_score: float | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    state: str | None = None,
    own_only: bool = False,
    limit: int = 200,
) -> list[tuple[Finding, Post, Page, Member | None, Review | None]]:
    """Current findings in the principal's scope with the filters of the queue (newest post first)."""
    scope = scope_for(session, user.actor)
    q = (
        select(Finding, Post, Page, Member, Review)
        .join(Post, Post.id == Finding.post_id)
        .join(Page, Page.id == Post.page_id)
        .outerjoin(Member, Member.id == Page.member_id)
        .outerjoin(Review, Review.finding_id == Finding.id)
        .where(Finding.superseded_at.is_(None))
        .where(Page.id.in_(select(Page.id).where(scope.page_clause())))
    )
    if own_only:
        q = q.where(Page.member_id == (user.member_id if user.member_id is not None else -1))
    if unit is not None:
        q = q.where(Member.unit_id.in_(descendants(session, unit)))
    if label:
        q = q.where(or_(Finding.label == label, Finding.label.startswith(label.rstrip(".") + ".")))
    if min_score is not None:
        q = q.where(Finding.score >= min_score)
    when = Post.published_at
    if since is not None:
        q = q.where(when >= since)
    if until is not None:
        q = q.where(when < until + timedelta(days=1))
    if state == "open":
        q = q.where(or_(Review.id.is_(None), Review.state == "open"))
    elif state:
        q = q.where(Review.state == state)
    q = q.order_by(Post.published_at.desc().nulls_last(), Finding.id.desc()).limit(limit)
    return [tuple(row) for row in session.execute(q).all()]  # type: ignore[misc]


@router.get("/review", response_class=HTMLResponse)
def queue(
    request: Request,
    user: Principal = Depends(page_require("review.queue")),
    session: Session = Depends(db_session),
) -> HTMLResponse:
    qp = request.query_params
    state = qp.get("state", "open") or None
    rows = query_findings(
        session,
        user,
        unit=_int_or_none(qp.get("unit")),
        label=(qp.get("label") or "").strip() or None,
        min_score=_float_or_none(qp.get("min_score")),
        since=_date_or_none(qp.get("since")),
        until=_date_or_none(qp.get("until")),
        state=state,
    )
    scope = scope_for(session, user.actor)
    units = list(session.execute(select(Unit).where(scope.unit_clause()).order_by(Unit.name)).scalars())
    labels = sorted({lbl for (lbl,) in session.execute(select(Finding.label).distinct())})
    return render(
        request,
        "review_queue.html",
        {
            "rows": rows,
            "units": units,
            "labels": labels,
            "f": qp,
            "state": state or "",
            "cat_class": CATEGORY_CLASS,
        },
    )


@router.get("/my/findings", response_class=HTMLResponse)
def my_findings(
    request: Request,
    user: Principal = Depends(page_require("findings.read")),
    session: Session = Depends(db_session),
) -> HTMLResponse:
    rows = query_findings(session, user, own_only=True)
    return render(request, "my_findings.html", {"rows": rows, "cat_class": CATEGORY_CLASS})


@router.get("/review/{finding_id}", response_class=HTMLResponse)
def finding_detail(
    finding_id: int,
    request: Request,
    user: Principal = Depends(page_require("findings.read")),
    session: Session = Depends(db_session),
) -> HTMLResponse:
    rec = Records(session, user.actor)
    finding = rec.findings.get(finding_id)  # NotFoundError / PermissionDeniedError outside scope
    post = finding.post
    page = post.page
    member = session.get(Member, page.member_id) if page.member_id else None
    others = [f for f in rec.findings.list(post=post.id) if f.id != finding.id]
    review = finding.review
    state = review.state if review else "open"
    owner = user.member_id is not None and page.member_id == user.member_id
    allowed = []
    for action in ACTIONS_FROM.get(state, ()):
        if not user.can(ACTION_PERMISSION[action]):
            continue
        if action == "appeal" and not (owner or user.is_admin):
            continue
        allowed.append(action)
    history = (
        list(list_events(session, entity="review", entity_id=str(review.id), newest_first=False))
        if review
        else []
    )
    policy = request.app.state.policy
    text = post.text
    s, e = max(0, min(finding.start, len(text))), max(0, min(finding.end, len(text)))
    return render(
        request,
        "finding.html",
        {
            "finding": finding,
            "post": post,
            "page": page,
            "member": member,
            "review": review,
            "state": state,
            "allowed": allowed,
            "history": history,
            "others": others,
            "before": text[:s],
            "excerpt": text[s:e],
            "after": text[e:],
            "css": "hl-" + CATEGORY_CLASS.get(finding.label.split(".")[0], "other"),
            "rule_text": policy.rule_text(finding.rule) if finding.rule else "",
            "message": request.query_params.get("done"),
        },
    )


@router.post("/review/{finding_id}/{action}", dependencies=[Depends(csrf_protect)])
def act(
    finding_id: int,
    action: str,
    request: Request,
    note: Annotated[str, Form(max_length=4000)] = "",
    user: Principal = Depends(page_require("findings.read")),
) -> Response:
    from fastapi import HTTPException

    if action not in ACTIONS:
        raise HTTPException(404)
    if not user.can(ACTION_PERMISSION[action]):
        raise HTTPException(403)
    store = request.app.state.store
    with store.transaction() as session:
        rec = Records(session, user.actor)
        review = rec.reviews.open(finding_id)
        rec.reviews.transition(review.id, action, note.strip() or None)
    return RedirectResponse(f"/review/{finding_id}?done={action}", status_code=303)


def finding_row(
    f: Finding, post: Post, page: Page, member: Member | None, review: Review | None
) -> dict[str, Any]:
    """A finding as ``/v1/findings`` returns it: the finding, its review state and where it was posted."""
    d = f.to_dict()
    d["state"] = review.state if review else "open"
    d["review_id"] = review.id if review else None
    d["page_id"] = page.id
    d["page_url"] = page.url
    d["member_id"] = member.id if member else None
    d["unit_id"] = member.unit_id if member else None
    d["published_at"] = post.published_at.isoformat() if post.published_at else None
    return d
