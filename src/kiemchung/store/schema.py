"""The organization's records as SQLAlchemy 2 typed models (DESIGN §6).

::

    Unit (tree) ─┬─ Member ── Page ─┬─ ImportBatch
                 │                  └─ Post ── Finding ── Review
                 └─ Account (login, role; scoped to a unit or a member)
    Scan (one run of the analyzer over stored posts) ── Finding
    FactCheck · SourceDocument · Setting · AuditEvent (+ AuditHead, the chain's tip)

Timestamps are stored in UTC and come back as aware ``datetime`` objects on both SQLite and PostgreSQL.
Enumerations are plain strings guarded by CHECK constraints (portable, no native enum types).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

ROLES = ("member", "reviewer", "unit_admin", "auditor", "admin")
PLATFORMS = ("facebook", "youtube", "tiktok", "zalo", "instagram", "x", "blog")
PAGE_STATUSES = ("declared", "verified", "retired")
REVIEW_STATES = ("open", "confirmed", "dismissed", "appealed", "upheld", "overturned")
ACTIVE_STATUSES = ("active", "retired")


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite stores it naive, in UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _check_in(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    listed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({listed})", name=name)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON, Any: JSON}  # noqa: RUF012


class Unit(Base):
    """An organizational unit; units form a tree through ``parent_id``."""

    __tablename__ = "units"
    __table_args__ = (_check_in("status", ACTIVE_STATUSES, "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="active")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[datetime | None]

    parent: Mapped[Unit | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Unit]] = relationship(back_populates="parent")
    members: Mapped[list[Member]] = relationship(back_populates="unit")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "code": self.code, "name": self.name, "parent_id": self.parent_id,
                "status": self.status, "created_at": _iso(self.created_at), "retired_at": _iso(self.retired_at)}


class Member(Base):
    """A person of the organization, in one unit."""

    __tablename__ = "members"
    __table_args__ = (_check_in("status", ACTIVE_STATUSES, "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16), default="active")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[datetime | None]

    unit: Mapped[Unit] = relationship(back_populates="members")
    pages: Mapped[list[Page]] = relationship(back_populates="member")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "unit_id": self.unit_id, "name": self.name, "email": self.email,
                "status": self.status, "created_at": _iso(self.created_at), "retired_at": _iso(self.retired_at)}


class Account(Base):
    """A login. ``unit_id`` scopes reviewer/unit_admin roles (the unit and its descendants);
    ``member_id`` ties a member account to the person whose pages it may see."""

    __tablename__ = "accounts"
    __table_args__ = (_check_in("role", ROLES, "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(128), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]

    def to_dict(self) -> dict[str, Any]:  # never the password hash
        return {"id": self.id, "login": self.login, "role": self.role, "unit_id": self.unit_id,
                "member_id": self.member_id, "active": self.active, "created_at": _iso(self.created_at),
                "last_login_at": _iso(self.last_login_at)}


class Page(Base):
    """A declared personal page/channel/site. Status: declared → verified → retired."""

    __tablename__ = "pages"
    __table_args__ = (
        _check_in("platform", PLATFORMS, "platform"),
        _check_in("status", PAGE_STATUSES, "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    platform: Mapped[str] = mapped_column(String(16))
    url: Mapped[str] = mapped_column(String(1024), unique=True)
    handle: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16), default="declared")
    declared_at: Mapped[datetime] = mapped_column(default=utcnow)
    verified_at: Mapped[datetime | None]
    retired_at: Mapped[datetime | None]

    member: Mapped[Member | None] = relationship(back_populates="pages")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "member_id": self.member_id, "platform": self.platform, "url": self.url,
                "handle": self.handle, "status": self.status, "declared_at": _iso(self.declared_at),
                "verified_at": _iso(self.verified_at), "retired_at": _iso(self.retired_at)}


class ImportBatch(Base):
    """One run of ``import``: which file, into which page, how many posts were new."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id"), index=True)
    format: Mapped[str] = mapped_column(String(32))
    source_name: Mapped[str] = mapped_column(String(1024))
    file_sha256: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(128))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    imported: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "page_id": self.page_id, "format": self.format, "source_name": self.source_name,
                "file_sha256": self.file_sha256, "actor": self.actor, "started_at": _iso(self.started_at),
                "finished_at": _iso(self.finished_at), "imported": self.imported, "duplicates": self.duplicates}


class Post(Base):
    """An archived post with its raw platform record. Unique per page by platform id; posts without one are
    deduplicated by content hash (NFC text + publication time) when imported."""

    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("page_id", "external_id", name="uq_posts_page_external"),
        Index("ix_posts_page_hash", "page_id", "content_hash"),
        Index("ix_posts_published_at", "published_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id"), index=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(255))
    url: Mapped[str | None] = mapped_column(String(2048))
    published_at: Mapped[datetime | None]
    text: Mapped[str] = mapped_column(Text)
    raw: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_scan_id: Mapped[int | None] = mapped_column(ForeignKey("scans.id"), index=True)

    page: Mapped[Page] = relationship()

    def to_dict(self, *, raw: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "page_id": self.page_id, "batch_id": self.batch_id, "external_id": self.external_id,
               "url": self.url, "published_at": _iso(self.published_at), "text": self.text,
               "content_hash": self.content_hash, "imported_at": _iso(self.imported_at),
               "last_scan_id": self.last_scan_id}
        if raw:
            out["raw"] = self.raw
        return out


class Scan(Base):
    """One run of the analyzer over stored posts (``scanning.scan_store``)."""

    __tablename__ = "scans"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    policy_version: Mapped[str] = mapped_column(String(64), default="")
    versions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    posts: Mapped[int] = mapped_column(Integer, default=0)
    findings: Mapped[int] = mapped_column(Integer, default=0)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "started_at": _iso(self.started_at), "finished_at": _iso(self.finished_at),
                "policy_version": self.policy_version, "versions": self.versions, "posts": self.posts,
                "findings": self.findings}


class Finding(Base):
    """What a detector found in a stored post. Rescanning adds new rows and marks the old ones superseded,
    so the history of every model version is kept."""

    __tablename__ = "findings"
    __table_args__ = (Index("ix_findings_post_current", "post_id", "superseded_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)
    scan_id: Mapped[int | None] = mapped_column(ForeignKey("scans.id"), index=True)
    detector: Mapped[str] = mapped_column(String(128))
    detector_version: Mapped[str] = mapped_column(String(64), default="")
    label: Mapped[str] = mapped_column(String(64), index=True)
    score: Mapped[float] = mapped_column(Float)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    excerpt: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[list[Any]] = mapped_column(JSON, default=list)
    explanation: Mapped[str] = mapped_column(Text, default="")
    rule: Mapped[str] = mapped_column(String(64), default="")
    policy_version: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    superseded_at: Mapped[datetime | None]

    post: Mapped[Post] = relationship()
    review: Mapped[Review | None] = relationship(back_populates="finding", uselist=False)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "post_id": self.post_id, "scan_id": self.scan_id, "detector": self.detector,
                "detector_version": self.detector_version, "label": self.label, "category": self.label.split(".")[0],
                "score": self.score, "start": self.start, "end": self.end, "excerpt": self.excerpt,
                "evidence": self.evidence, "explanation": self.explanation, "rule": self.rule,
                "policy_version": self.policy_version, "created_at": _iso(self.created_at),
                "superseded_at": _iso(self.superseded_at)}


class Review(Base):
    """A human decision on a finding: open → confirmed | dismissed; confirmed → appealed → upheld | overturned.

    Change state only through :func:`kiemchung.store.repositories.ReviewRepository.transition`."""

    __tablename__ = "reviews"
    __table_args__ = (_check_in("state", REVIEW_STATES, "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id"), unique=True)
    state: Mapped[str] = mapped_column(String(16), default="open", index=True)
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    reviewed_by: Mapped[str | None] = mapped_column(String(128))
    reviewed_at: Mapped[datetime | None]
    note: Mapped[str | None] = mapped_column(Text)
    appealed_by: Mapped[str | None] = mapped_column(String(128))
    appealed_at: Mapped[datetime | None]
    appeal_note: Mapped[str | None] = mapped_column(Text)
    resolved_by: Mapped[str | None] = mapped_column(String(128))
    resolved_at: Mapped[datetime | None]
    resolution_note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    finding: Mapped[Finding] = relationship(back_populates="review")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "finding_id": self.finding_id, "state": self.state,
                "opened_at": _iso(self.opened_at), "reviewed_by": self.reviewed_by,
                "reviewed_at": _iso(self.reviewed_at), "note": self.note, "appealed_by": self.appealed_by,
                "appealed_at": _iso(self.appealed_at), "appeal_note": self.appeal_note,
                "resolved_by": self.resolved_by, "resolved_at": _iso(self.resolved_at),
                "resolution_note": self.resolution_note, "updated_at": _iso(self.updated_at)}


class FactCheck(Base):
    """A published fact-check (DESIGN §5 claims format)."""

    __tablename__ = "factchecks"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    claim: Mapped[str] = mapped_column(Text)
    rating: Mapped[str] = mapped_column(String(255), default="")
    url: Mapped[str] = mapped_column(String(2048), default="")
    date: Mapped[date | None] = mapped_column(Date)
    publisher: Mapped[str] = mapped_column(String(255), default="")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "claim": self.claim, "rating": self.rating, "url": self.url,
                "date": self.date.isoformat() if self.date else "", "publisher": self.publisher}


class SourceDocument(Base):
    """A source text quotes are checked against (a speech, a statement, an article)."""

    __tablename__ = "source_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    speaker: Mapped[str] = mapped_column(String(255), default="")
    title: Mapped[str] = mapped_column(String(1024), default="")
    url: Mapped[str | None] = mapped_column(String(2048))
    text: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime | None]
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "key": self.key, "speaker": self.speaker, "title": self.title, "url": self.url,
                "text": self.text, "published_at": _iso(self.published_at), "added_at": _iso(self.added_at)}


class Setting(Base):
    """An organization setting (JSON value), e.g. ``pages.required_platforms``."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(128), default="")


class AuditEvent(Base):
    """Append-only log. ``hash = sha256(prev_hash + canonical JSON of the event)``; see ``store.audit``."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(255), default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": _iso(self.at), "actor": self.actor, "action": self.action,
                "entity": self.entity, "entity_id": self.entity_id, "data": self.data,
                "prev_hash": self.prev_hash, "hash": self.hash}


class AuditHead(Base):
    """The tip of the audit chain (one row, id=1): serializes appends and reveals a deleted last event."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64))


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
