"""The archive and its findings: posts, import batches, findings and their reviews (the state machine)."""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select

from kiemchung.store._base import (
    InvalidTransitionError,
    NotFoundError,
    _Repository,
    parse_when,
)
from kiemchung.store.authz import check_page, require, scope_for
from kiemchung.store.registry import PageRepository, SettingsRepository
from kiemchung.store.schema import (
    Finding,
    ImportBatch,
    Page,
    Post,
    Review,
    utcnow,
)

# ---------------------------------------------------------------------------------------------- archive


class PostRepository(_Repository):
    """Archived posts (read side; posts are written by ``kiemchung.ingest.import_file``)."""

    def get(self, post_id: int) -> Post:
        post = self.session.get(Post, int(post_id))
        if post is None:
            raise NotFoundError(f"không tìm thấy bài đăng (post not found): {post_id}")
        check_page(self.session, self.actor, "posts.read", post.page)
        return post

    def _query(self, page: int | str | None, since: datetime | str | None, until: datetime | str | None) -> Any:
        require(self.actor, "posts.read")
        q = select(Post).where(Post.page_id.in_(select(Page.id).where(
            scope_for(self.session, self.actor).page_clause())))
        if page is not None:
            q = q.where(Post.page_id == PageRepository(self.session, self.actor).get(page).id)
        if since is not None:
            q = q.where(Post.published_at >= parse_when(since))
        if until is not None:
            q = q.where(Post.published_at < parse_when(until))
        return q

    def list(self, *, page: int | str | None = None, since: datetime | str | None = None,
             until: datetime | str | None = None, limit: int = 100, offset: int = 0) -> list[Post]:
        q = self._query(page, since, until).order_by(Post.published_at.desc(), Post.id.desc())
        return list(self.session.execute(q.limit(limit).offset(offset)).scalars())

    def count(self, *, page: int | str | None = None, since: datetime | str | None = None,
              until: datetime | str | None = None) -> int:
        q = self._query(page, since, until)
        return int(self.session.execute(select(func.count()).select_from(q.subquery())).scalar_one())


class ImportBatchRepository(_Repository):
    def list(self, *, page: int | str | None = None, limit: int = 100) -> list[ImportBatch]:
        require(self.actor, "posts.read")
        q = select(ImportBatch).where(ImportBatch.page_id.in_(select(Page.id).where(
            scope_for(self.session, self.actor).page_clause())))
        if page is not None:
            q = q.where(ImportBatch.page_id == PageRepository(self.session, self.actor).get(page).id)
        return list(self.session.execute(q.order_by(ImportBatch.id.desc()).limit(limit)).scalars())

    def get(self, batch_id: int) -> ImportBatch:
        b = self.session.get(ImportBatch, int(batch_id))
        if b is None:
            raise NotFoundError(f"không tìm thấy lô nhập (import batch not found): {batch_id}")
        check_page(self.session, self.actor, "posts.read", self.session.get_one(Page, b.page_id))
        return b


# ---------------------------------------------------------------------------------------------- findings & reviews


class FindingRepository(_Repository):
    """Findings on stored posts. ``current_only`` hides findings superseded by a later scan."""

    def get(self, finding_id: int) -> Finding:
        f = self.session.get(Finding, int(finding_id))
        if f is None:
            raise NotFoundError(f"không tìm thấy phát hiện (finding not found): {finding_id}")
        check_page(self.session, self.actor, "findings.read", f.post.page)
        return f

    def list(self, *, post: int | None = None, page: int | str | None = None, label: str | None = None,
             state: str | None = None, current_only: bool = True, limit: int = 100, offset: int = 0
             ) -> list[Finding]:
        require(self.actor, "findings.read")
        q = select(Finding).join(Post, Post.id == Finding.post_id).where(Post.page_id.in_(
            select(Page.id).where(scope_for(self.session, self.actor).page_clause())))
        if post is not None:
            q = q.where(Finding.post_id == int(post))
        if page is not None:
            q = q.where(Post.page_id == PageRepository(self.session, self.actor).get(page).id)
        if label is not None:
            q = q.where(or_(Finding.label == label, Finding.label.startswith(label.rstrip(".") + ".")))
        if state is not None:
            q = q.join(Review, Review.finding_id == Finding.id).where(Review.state == state)
        if current_only:
            q = q.where(Finding.superseded_at.is_(None))
        q = q.order_by(Finding.id.desc()).limit(limit).offset(offset)
        return list(self.session.execute(q).scalars())

    def history(self, post_id: int) -> builtins.list[Finding]:
        """Every finding ever recorded for a post, oldest first (all model versions)."""
        PostRepository(self.session, self.actor).get(post_id)
        return list(self.session.execute(
            select(Finding).where(Finding.post_id == int(post_id)).order_by(Finding.id)).scalars())


#: (state, action) → new state. The whole review state machine.
REVIEW_TRANSITIONS: dict[tuple[str, str], str] = {
    ("open", "confirm"): "confirmed",
    ("open", "dismiss"): "dismissed",
    ("confirmed", "appeal"): "appealed",
    ("appealed", "uphold"): "upheld",
    ("appealed", "overturn"): "overturned",
}
REVIEW_ACTION_PERMISSION = {"confirm": "review.decide", "dismiss": "review.decide", "appeal": "review.appeal",
                            "uphold": "review.resolve", "overturn": "review.resolve"}


def next_review_state(state: str, action: str) -> str:
    """The state after ``action``; raises InvalidTransitionError for a move the machine does not allow."""
    try:
        return REVIEW_TRANSITIONS[(state, action)]
    except KeyError:
        allowed = sorted(a for (s, a) in REVIEW_TRANSITIONS if s == state) or ["—"]
        raise InvalidTransitionError(
            f"không thể '{action}' một đánh giá ở trạng thái '{state}' (allowed: {', '.join(allowed)})"
        ) from None


class ReviewRepository(_Repository):
    """Reviews of findings; state changes only through :meth:`transition` (see ``REVIEW_TRANSITIONS``)."""

    def open(self, finding_id: int) -> Review:
        """The review of a finding, opened if it has none yet."""
        f = FindingRepository(self.session, self.actor).get(finding_id)
        if f.review is not None:
            return f.review
        r = Review(finding_id=f.id, state="open", opened_at=f.created_at)
        self.session.add(r)
        self.session.flush()
        return r

    def get(self, review_id: int) -> Review:
        r = self.session.get(Review, int(review_id))
        if r is None:
            raise NotFoundError(f"không tìm thấy đánh giá (review not found): {review_id}")
        check_page(self.session, self.actor, "findings.read", r.finding.post.page)
        return r

    def list(self, *, state: str | None = None, limit: int = 100, offset: int = 0) -> list[Review]:
        require(self.actor, "findings.read")
        q = (select(Review).join(Finding, Finding.id == Review.finding_id).join(Post, Post.id == Finding.post_id)
             .where(Post.page_id.in_(select(Page.id).where(scope_for(self.session, self.actor).page_clause()))))
        if state is not None:
            q = q.where(Review.state == state)
        return list(self.session.execute(q.order_by(Review.id).limit(limit).offset(offset)).scalars())

    def transition(self, review_id: int, action: str, note: str | None = None) -> Review:
        """Apply ``action`` (confirm, dismiss, appeal, uphold, overturn) with who, when and a note."""
        r = self.get(review_id)
        new = next_review_state(r.state, action)
        page = r.finding.post.page
        check_page(self.session, self.actor, REVIEW_ACTION_PERMISSION[action], page)
        now = utcnow()
        before = r.state
        if action in ("confirm", "dismiss"):
            r.reviewed_by, r.reviewed_at, r.note = self.actor.name, now, note
        elif action == "appeal":
            r.appealed_by, r.appealed_at, r.appeal_note = self.actor.name, now, note
        else:
            if (self.actor.role != "admin" and r.reviewed_by == self.actor.name and
                    SettingsRepository(self.session, self.actor).get("review.appeal_needs_other_reviewer")):
                raise InvalidTransitionError("khiếu nại phải do người khác xem xét "
                                             "(an appeal must be decided by another reviewer)")
            r.resolved_by, r.resolved_at, r.resolution_note = self.actor.name, now, note
        r.state = new
        self.session.flush()
        self._audit(f"review.{action}", "review", r.id,
                    {"finding_id": r.finding_id, "from": before, "to": new, "note": note})
        return r

    def confirm(self, review_id: int, note: str | None = None) -> Review:
        return self.transition(review_id, "confirm", note)

    def dismiss(self, review_id: int, note: str | None = None) -> Review:
        return self.transition(review_id, "dismiss", note)

    def appeal(self, review_id: int, note: str | None = None) -> Review:
        return self.transition(review_id, "appeal", note)

    def uphold(self, review_id: int, note: str | None = None) -> Review:
        return self.transition(review_id, "uphold", note)

    def overturn(self, review_id: int, note: str | None = None) -> Review:
        return self.transition(review_id, "overturn", note)


