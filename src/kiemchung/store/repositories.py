"""One repository per aggregate: the library API that the CLI and the web app call (library first).

Every repository takes a SQLAlchemy ``Session`` and the acting :class:`~kiemchung.store.authz.Actor`
(default: :data:`~kiemchung.store.authz.SYSTEM`, the local administrator). Repositories check permissions,
flush, and append an audit event for every change; they never commit: the caller owns the transaction::

    from kiemchung.store import Store, Records
    store = Store.open(url, upgrade=True)
    with store.transaction() as session:
        rec = Records(session, actor)
        unit = rec.units.add("Chi bộ 1")
        member = rec.members.add("Nguyễn Văn A", unit=unit.id)
        page = rec.pages.add("https://facebook.com/nguyenvana", member=member.id)

References (``ref``) to a unit accept its id or its code; to a page, its id or its URL.
Errors: :class:`NotFoundError`, :class:`InvalidTransitionError` (both ``StoreError``),
``PermissionDeniedError``, ``InputError`` for bad values.
"""

from __future__ import annotations

import builtins
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kiemchung.errors import InputError, StoreError
from kiemchung.store import audit
from kiemchung.store.authz import SYSTEM, Actor, check_member, check_page, check_unit, require, scope_for
from kiemchung.store.schema import (
    PLATFORMS,
    ROLES,
    Account,
    FactCheck,
    Finding,
    ImportBatch,
    Member,
    Page,
    Post,
    Review,
    Setting,
    SourceDocument,
    Unit,
    utcnow,
)


class NotFoundError(StoreError):
    """The record asked for does not exist (or is outside the actor's scope)."""


class InvalidTransitionError(StoreError):
    """A state change that the state machine does not allow."""


# ---------------------------------------------------------------------------------------------- helpers


def slugify(text: str) -> str:
    """ASCII slug: diacritics stripped, đ → d, non-alphanumerics → '-'."""
    s = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "unit"


def normalize_url(url: str) -> str:
    """Canonical form of a page URL: https assumed, host lower-cased without ``www.`` (and without ``m.`` on
    the social platforms), trailing slash and fragment dropped, so ``www.facebook.com/an/`` equals
    ``https://facebook.com/an``."""
    raw = url.strip()
    if not raw:
        raise InputError("địa chỉ trang trống (empty page URL)")
    if "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    if not parts.netloc:
        raise InputError(f"địa chỉ trang không hợp lệ (invalid page URL): {url!r}")
    path = parts.path.rstrip("/")
    host = parts.netloc.lower()
    host = host.removeprefix("www.")
    if host.startswith("m.") and any(host[2:] == h for hosts, _ in _HOSTS for h in hosts):
        host = host[2:]
    return urlunsplit((parts.scheme.lower(), host, path, parts.query, ""))


_HOSTS = (
    (("facebook.com", "fb.com", "fb.me"), "facebook"),
    (("youtube.com", "youtu.be"), "youtube"),
    (("tiktok.com",), "tiktok"),
    (("zalo.me", "zalo.vn"), "zalo"),
    (("instagram.com",), "instagram"),
    (("x.com", "twitter.com"), "x"),
)


def guess_platform(url: str) -> str:
    """The platform a URL belongs to; anything unknown is ``blog`` (a personal site or blog)."""
    host = urlsplit(normalize_url(url)).netloc.split(":")[0]
    for suffixes, platform in _HOSTS:
        if any(host == s or host.endswith("." + s) for s in suffixes):
            return platform
    return "blog"


def parse_when(value: str | datetime | date | None) -> datetime | None:
    """ISO-8601 text, a date or a datetime → aware datetime (naive means UTC)."""
    from datetime import UTC

    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise InputError(f"thời điểm không hợp lệ (invalid date/time): {value!r}") from exc
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


class _Repository:
    def __init__(self, session: Session, actor: Actor = SYSTEM) -> None:
        self.session = session
        self.actor = actor

    def _audit(self, action: str, entity: str, entity_id: object, data: dict[str, Any] | None = None) -> None:
        audit.append(self.session, self.actor.name, action, entity, entity_id, data)


# ---------------------------------------------------------------------------------------------- registry


class UnitRepository(_Repository):
    """Organizational units (a tree). Writes need an administrator."""

    def add(self, name: str, *, code: str | None = None, parent: int | str | None = None) -> Unit:
        require(self.actor, "units.write")
        name = name.strip()
        if not name:
            raise InputError("tên đơn vị trống (empty unit name)")
        parent_unit = self.get(parent) if parent is not None else None
        base = code or slugify(name)
        candidate, n = base, 1
        while self.session.execute(select(Unit.id).where(Unit.code == candidate)).first():
            if code:
                raise InputError(f"mã đơn vị đã có (unit code exists): {code}")
            n += 1
            candidate = f"{base}-{n}"
        unit = Unit(name=name, code=candidate, parent_id=parent_unit.id if parent_unit else None, status="active")
        self.session.add(unit)
        self.session.flush()
        self._audit("unit.add", "unit", unit.id, {"name": name, "code": candidate, "parent_id": unit.parent_id})
        return unit

    def get(self, ref: int | str) -> Unit:
        unit: Unit | None
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
            unit = self.session.get(Unit, int(ref))
        else:
            unit = self.session.execute(select(Unit).where(Unit.code == ref)).scalar_one_or_none()
        if unit is None:
            raise NotFoundError(f"không tìm thấy đơn vị (unit not found): {ref}")
        check_unit(self.session, self.actor, "registry.read", unit.id)
        return unit

    def list(self, *, include_retired: bool = False) -> list[Unit]:
        require(self.actor, "registry.read")
        q = select(Unit).where(scope_for(self.session, self.actor).unit_clause()).order_by(Unit.id)
        if not include_retired:
            q = q.where(Unit.status == "active")
        return list(self.session.execute(q).scalars())

    def children(self, ref: int | str) -> builtins.list[Unit]:
        unit = self.get(ref)
        return list(self.session.execute(select(Unit).where(Unit.parent_id == unit.id).order_by(Unit.id)).scalars())

    def retire(self, ref: int | str) -> Unit:
        """Retire a unit that has no active sub-unit and no active member."""
        require(self.actor, "units.write")
        unit = self.get(ref)
        if unit.status == "retired":
            raise InvalidTransitionError(f"đơn vị đã ngừng (unit already retired): {unit.code}")
        busy = self.session.execute(
            select(func.count()).select_from(Unit).where(Unit.parent_id == unit.id, Unit.status == "active")
        ).scalar_one() + self.session.execute(
            select(func.count()).select_from(Member).where(Member.unit_id == unit.id, Member.status == "active")
        ).scalar_one()
        if busy:
            raise InvalidTransitionError(
                f"đơn vị còn đơn vị con hoặc thành viên đang hoạt động (unit still has {busy} active children/members)"
            )
        unit.status, unit.retired_at = "retired", utcnow()
        self.session.flush()
        self._audit("unit.retire", "unit", unit.id, {"code": unit.code})
        return unit


class MemberRepository(_Repository):
    """Members of the organization. Writes need unit_admin of their unit (or admin)."""

    def add(self, name: str, *, unit: int | str, email: str | None = None) -> Member:
        u = UnitRepository(self.session, self.actor).get(unit)
        check_unit(self.session, self.actor, "registry.write", u.id)
        if u.status != "active":
            raise InvalidTransitionError(f"đơn vị đã ngừng (unit retired): {u.code}")
        name = name.strip()
        if not name:
            raise InputError("tên thành viên trống (empty member name)")
        m = Member(name=name, unit_id=u.id, email=email, status="active")
        self.session.add(m)
        self.session.flush()
        self._audit("member.add", "member", m.id, {"name": name, "unit_id": u.id, "email": email})
        return m

    def get(self, member_id: int) -> Member:
        m = self.session.get(Member, int(member_id))
        if m is None:
            raise NotFoundError(f"không tìm thấy thành viên (member not found): {member_id}")
        check_member(self.session, self.actor, "registry.read", m)
        return m

    def list(self, *, unit: int | str | None = None, include_retired: bool = False) -> list[Member]:
        require(self.actor, "registry.read")
        q = select(Member).where(scope_for(self.session, self.actor).member_clause()).order_by(Member.id)
        if unit is not None:
            from kiemchung.store.authz import descendants

            q = q.where(Member.unit_id.in_(descendants(self.session, UnitRepository(self.session, self.actor)
                                                       .get(unit).id)))
        if not include_retired:
            q = q.where(Member.status == "active")
        return list(self.session.execute(q).scalars())

    def retire(self, member_id: int) -> Member:
        """Retire a member and every page they still have."""
        m = self.get(member_id)
        check_unit(self.session, self.actor, "registry.write", m.unit_id)
        if m.status == "retired":
            raise InvalidTransitionError(f"thành viên đã ngừng (member already retired): {m.id}")
        m.status, m.retired_at = "retired", utcnow()
        self.session.flush()
        self._audit("member.retire", "member", m.id, {"name": m.name})
        pages = PageRepository(self.session, self.actor)
        for p in list(m.pages):
            if p.status != "retired":
                pages.retire(p.id)
        return m


class AccountRepository(_Repository):
    """Logins with a role; passwords hashed with Argon2id. Writes need an administrator."""

    #: Argon2id parameters (argon2-cffi defaults: RFC 9106 low-memory profile). Tests may lower them.
    hasher_params: ClassVar[dict[str, int]] = {}

    @classmethod
    def _hasher(cls) -> Any:
        from argon2 import PasswordHasher

        params: dict[str, Any] = dict(cls.hasher_params)
        return PasswordHasher(**params)

    def add(self, login: str, password: str, role: str, *, unit: int | str | None = None,
            member: int | None = None) -> Account:
        require(self.actor, "accounts.write")
        login = login.strip()
        if not login:
            raise InputError("tên đăng nhập trống (empty login)")
        if role not in ROLES:
            raise InputError(f"vai trò không hợp lệ (role must be one of {', '.join(ROLES)}): {role}")
        if len(password) < 8:
            raise InputError("mật khẩu phải có ít nhất 8 ký tự (password needs 8+ characters)")
        if self.session.execute(select(Account.id).where(Account.login == login)).first():
            raise InputError(f"tên đăng nhập đã có (login exists): {login}")
        unit_id = UnitRepository(self.session, self.actor).get(unit).id if unit is not None else None
        member_id = MemberRepository(self.session, self.actor).get(member).id if member is not None else None
        if role in ("reviewer", "unit_admin") and unit_id is None:
            raise InputError(f"vai trò {role} cần một đơn vị (role {role} needs --unit)")
        if role == "member" and member_id is None:
            raise InputError("vai trò member cần một thành viên (role member needs --member)")
        acc = Account(login=login, password_hash=self._hasher().hash(password), role=role, unit_id=unit_id,
                      member_id=member_id, active=True)
        self.session.add(acc)
        self.session.flush()
        self._audit("account.add", "account", acc.id, {"login": login, "role": role, "unit_id": unit_id,
                                                       "member_id": member_id})
        return acc

    def get(self, account_id: int) -> Account:
        acc = self.session.get(Account, int(account_id))
        if acc is None:
            raise NotFoundError(f"không tìm thấy tài khoản (account not found): {account_id}")
        if acc.id != self.actor.account_id:
            require(self.actor, "accounts.read")
        return acc

    def get_by_login(self, login: str) -> Account | None:
        """No permission check: used by the login form before anyone is authenticated."""
        return self.session.execute(select(Account).where(Account.login == login)).scalar_one_or_none()

    def list(self) -> list[Account]:
        require(self.actor, "accounts.read")
        return list(self.session.execute(select(Account).order_by(Account.id)).scalars())

    def authenticate(self, login: str, password: str) -> Account | None:
        """The active account whose password matches, or None. Records the login time (no audit event)."""
        from argon2.exceptions import InvalidHashError, VerificationError

        acc = self.get_by_login(login)
        ph = self._hasher()
        if acc is None or not acc.active:
            return None
        try:
            ph.verify(acc.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        if ph.check_needs_rehash(acc.password_hash):
            acc.password_hash = ph.hash(password)
        acc.last_login_at = utcnow()
        self.session.flush()
        return acc

    def set_password(self, account_id: int, password: str) -> Account:
        acc = self.session.get(Account, int(account_id))
        if acc is None:
            raise NotFoundError(f"không tìm thấy tài khoản (account not found): {account_id}")
        if acc.id != self.actor.account_id:
            require(self.actor, "accounts.write")
        if len(password) < 8:
            raise InputError("mật khẩu phải có ít nhất 8 ký tự (password needs 8+ characters)")
        acc.password_hash = self._hasher().hash(password)
        self.session.flush()
        self._audit("account.password", "account", acc.id, {"login": acc.login})
        return acc

    def set_active(self, account_id: int, active: bool) -> Account:
        require(self.actor, "accounts.write")
        acc = self.get(account_id)
        acc.active = active
        self.session.flush()
        self._audit("account.activate" if active else "account.deactivate", "account", acc.id, {"login": acc.login})
        return acc

    @staticmethod
    def actor_for(account: Account) -> Actor:
        """The Actor an authenticated account acts as."""
        return Actor(name=account.login, role=account.role, unit_id=account.unit_id, member_id=account.member_id,
                     account_id=account.id)


PAGE_TRANSITIONS = {("declared", "verified"), ("declared", "retired"), ("verified", "retired")}


class PageRepository(_Repository):
    """Declared pages: declared → verified → retired (or declared → retired)."""

    def add(self, url: str, *, platform: str | None = None, member: int | None = None, handle: str | None = None,
            declared_at: str | datetime | None = None) -> Page:
        canon = normalize_url(url)
        platform = platform or guess_platform(canon)
        if platform not in PLATFORMS:
            raise InputError(f"nền tảng không hợp lệ (platform must be one of {', '.join(PLATFORMS)}): {platform}")
        m = MemberRepository(self.session, self.actor).get(member) if member is not None else None
        if m is not None:
            if m.status != "active":
                raise InvalidTransitionError(f"thành viên đã ngừng (member retired): {m.id}")
            if self.actor.role == "member":
                check_member(self.session, self.actor, "posts.import", m)
            else:
                check_unit(self.session, self.actor, "registry.write", m.unit_id)
        else:
            require(self.actor, "units.write")  # pages without an owner: administrators only
        if self.find_by_url(canon) is not None:
            raise InputError(f"trang đã được khai báo (page already declared): {canon}")
        page = Page(url=canon, platform=platform, member_id=m.id if m else None, handle=handle,
                    status="declared", declared_at=parse_when(declared_at) or utcnow())
        self.session.add(page)
        self.session.flush()
        self._audit("page.add", "page", page.id, {"url": canon, "platform": platform, "member_id": page.member_id,
                                                  "handle": handle})
        return page

    def find_by_url(self, url: str) -> Page | None:
        """The page with this URL, without permission checks (None when missing)."""
        return self.session.execute(select(Page).where(Page.url == normalize_url(url))).scalar_one_or_none()

    def get(self, ref: int | str) -> Page:
        if isinstance(ref, int) or ref.isdigit():
            page = self.session.get(Page, int(ref))
        else:
            page = self.find_by_url(ref)
        if page is None:
            raise NotFoundError(f"không tìm thấy trang (page not found): {ref}")
        check_page(self.session, self.actor, "registry.read", page)
        return page

    def ensure(self, url: str, *, platform: str | None = None, handle: str | None = None) -> tuple[Page, bool]:
        """The page for ``url``, created (owner-less, declared) when missing; returns (page, created)."""
        page = self.find_by_url(url)
        if page is not None:
            check_page(self.session, self.actor, "registry.read", page)
            return page, False
        return self.add(url, platform=platform, handle=handle), True

    def list(self, *, member: int | None = None, unit: int | str | None = None, status: str | None = None,
             platform: str | None = None) -> list[Page]:
        require(self.actor, "registry.read")
        q = select(Page).where(scope_for(self.session, self.actor).page_clause()).order_by(Page.id)
        if member is not None:
            q = q.where(Page.member_id == int(member))
        if unit is not None:
            from kiemchung.store.authz import descendants

            uid = UnitRepository(self.session, self.actor).get(unit).id
            q = q.where(Page.member_id.in_(select(Member.id).where(
                Member.unit_id.in_(descendants(self.session, uid)))))
        if status is not None:
            q = q.where(Page.status == status)
        if platform is not None:
            q = q.where(Page.platform == platform)
        return list(self.session.execute(q).scalars())

    def _move(self, ref: int | str, to: str) -> Page:
        page = self.get(ref)
        member = self.session.get(Member, page.member_id) if page.member_id else None
        if member is None:
            require(self.actor, "units.write")
        else:
            check_unit(self.session, self.actor, "registry.write", member.unit_id)
        if (page.status, to) not in PAGE_TRANSITIONS:
            raise InvalidTransitionError(f"không thể chuyển trang từ {page.status} sang {to} "
                                         f"(page cannot go from {page.status} to {to})")
        before = page.status
        page.status = to
        if to == "verified":
            page.verified_at = utcnow()
        else:
            page.retired_at = utcnow()
        self.session.flush()
        self._audit(f"page.{'verify' if to == 'verified' else 'retire'}", "page", page.id,
                    {"url": page.url, "from": before, "to": to})
        return page

    def verify(self, ref: int | str) -> Page:
        return self._move(ref, "verified")

    def retire(self, ref: int | str) -> Page:
        return self._move(ref, "retired")

    def missing_declarations(self, *, unit: int | str | None = None) -> builtins.list[dict[str, Any]]:
        """Active members lacking a live page on a platform the ``pages.required_platforms`` setting requires."""
        required = SettingsRepository(self.session, self.actor).get("pages.required_platforms")
        members = MemberRepository(self.session, self.actor).list(unit=unit)
        have: dict[int, set[str]] = {}
        for mid, platform in self.session.execute(
            select(Page.member_id, Page.platform).where(Page.status != "retired", Page.member_id.is_not(None))
        ):
            if mid is not None:
                have.setdefault(mid, set()).add(platform)
        out: builtins.list[dict[str, Any]] = []
        for m in members:
            missing = [p for p in required if p not in have.get(m.id, set())]
            if missing:
                out.append({"member_id": m.id, "name": m.name, "unit_id": m.unit_id, "missing": missing})
        return out


# ---------------------------------------------------------------------------------------------- settings


SETTING_DEFAULTS: dict[str, Any] = {
    "org.name": "",
    "pages.required_platforms": ["facebook"],
    "review.appeal_needs_other_reviewer": True,
}


class SettingsRepository(_Repository):
    """Organization settings (JSON values). Known keys and defaults: ``SETTING_DEFAULTS``."""

    def get(self, key: str, default: Any = None) -> Any:
        row = self.session.get(Setting, key)
        if row is not None:
            return row.value
        return SETTING_DEFAULTS.get(key, default)

    def all(self) -> dict[str, Any]:
        out = dict(SETTING_DEFAULTS)
        for row in self.session.execute(select(Setting)).scalars():
            out[row.key] = row.value
        return dict(sorted(out.items()))

    def set(self, key: str, value: Any) -> Any:
        require(self.actor, "settings.write")
        if key == "pages.required_platforms" and (
            not isinstance(value, list) or any(p not in PLATFORMS for p in value)
        ):
                raise InputError(f"pages.required_platforms phải là danh sách trong {list(PLATFORMS)}")
        row = self.session.get(Setting, key)
        before = row.value if row is not None else SETTING_DEFAULTS.get(key)
        if row is None:
            row = Setting(key=key, value=value, updated_by=self.actor.name)
            self.session.add(row)
        else:
            row.value, row.updated_by = value, self.actor.name
        self.session.flush()
        self._audit("setting.set", "setting", key, {"from": before, "to": value})
        return value


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


# ---------------------------------------------------------------------------------------------- references


def _factcheck_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(f"ngày kiểm chứng không hợp lệ (invalid fact-check date): {value!r}") from exc


class FactCheckRepository(_Repository):
    """Published fact-checks; :meth:`all_dicts` gives DESIGN §5 dicts for the claims detector."""

    def add_many(self, items: Iterable[Mapping[str, Any] | Any]) -> int:
        """Insert or update fact-checks by ``id``; returns how many were written. Needs an administrator.

        Items are DESIGN §5 dicts or objects with ``to_dict()`` (``kiemchung.claims.model.FactCheck``)."""
        counts = self.merge(items)
        return counts["added"] + counts["updated"] + counts["unchanged"]

    def merge(self, items: Iterable[Mapping[str, Any] | Any]) -> dict[str, int]:
        """Like :meth:`add_many`, returning ``{"added", "updated", "unchanged", "total"}``."""
        require(self.actor, "factchecks.write")
        added = updated = unchanged = 0
        for i, item in enumerate(items):
            it = item if isinstance(item, Mapping) else item.to_dict()
            fid, claim = it.get("id"), it.get("claim")
            if not fid or not isinstance(claim, str) or not claim.strip():
                raise InputError("kiểm chứng cần 'id' và 'claim' (fact-check needs id and claim)", record=i + 1)
            row = self.session.get(FactCheck, str(fid))
            values = {"claim": claim, "rating": str(it.get("rating") or ""), "url": str(it.get("url") or ""),
                      "date": _factcheck_date(it.get("date")), "publisher": str(it.get("publisher") or "")}
            if row is None:
                self.session.add(FactCheck(id=str(fid), **values))
                self.session.flush()
                added += 1
            elif all(getattr(row, k) == v for k, v in values.items()):
                unchanged += 1
            else:
                for k, v in values.items():
                    setattr(row, k, v)
                updated += 1
        self.session.flush()
        if added or updated:
            self._audit("factchecks.import", "factcheck", "", {"added": added, "updated": updated})
        return {"added": added, "updated": updated, "unchanged": unchanged, "total": self.count()}

    def get(self, factcheck_id: str) -> FactCheck:
        row = self.session.get(FactCheck, factcheck_id)
        if row is None:
            raise NotFoundError(f"không tìm thấy kiểm chứng (fact-check not found): {factcheck_id}")
        return row

    def count(self) -> int:
        return int(self.session.execute(select(func.count()).select_from(FactCheck)).scalar_one())

    def all_dicts(self) -> list[dict[str, Any]]:
        """Every fact-check as ``{"id","claim","rating","url","date","publisher"}`` ordered by id."""
        return [r.to_dict() for r in self.session.execute(select(FactCheck).order_by(FactCheck.id)).scalars()]


class SourceDocumentRepository(_Repository):
    """Source texts for quote checks, keyed by a stable ``key``."""

    def add(self, key: str, text: str, *, speaker: str = "", title: str = "", url: str | None = None,
            published_at: str | datetime | None = None) -> SourceDocument:
        require(self.actor, "factchecks.write")
        row = self.session.execute(select(SourceDocument).where(SourceDocument.key == key)).scalar_one_or_none()
        if row is None:
            row = SourceDocument(key=key, text=text, speaker=speaker, title=title, url=url,
                                 published_at=parse_when(published_at))
            self.session.add(row)
        else:
            row.text, row.speaker, row.title, row.url = text, speaker, title, url
            row.published_at = parse_when(published_at)
        self.session.flush()
        self._audit("source.add", "source_document", row.id, {"key": key, "speaker": speaker})
        return row

    def get(self, key: str) -> SourceDocument:
        row = self.session.execute(select(SourceDocument).where(SourceDocument.key == key)).scalar_one_or_none()
        if row is None:
            raise NotFoundError(f"không tìm thấy văn bản nguồn (source not found): {key}")
        return row

    def list(self) -> list[SourceDocument]:
        return list(self.session.execute(select(SourceDocument).order_by(SourceDocument.id)).scalars())

    def as_sources(self, keys: Sequence[str] | None = None) -> builtins.list[Any]:
        """``kiemchung.types.Source`` objects for the analyzer (all, or the given keys)."""
        from kiemchung.types import Source

        rows = self.list() if keys is None else [self.get(k) for k in keys]
        return [Source(id=r.key, text=r.text, speaker=r.speaker) for r in rows]


# ---------------------------------------------------------------------------------------------- façade


class Records:
    """All repositories for one session and actor: ``Records(session, actor).pages.list()``."""

    def __init__(self, session: Session, actor: Actor = SYSTEM) -> None:
        self.session, self.actor = session, actor
        self.units = UnitRepository(session, actor)
        self.members = MemberRepository(session, actor)
        self.accounts = AccountRepository(session, actor)
        self.pages = PageRepository(session, actor)
        self.settings = SettingsRepository(session, actor)
        self.posts = PostRepository(session, actor)
        self.batches = ImportBatchRepository(session, actor)
        self.findings = FindingRepository(session, actor)
        self.reviews = ReviewRepository(session, actor)
        self.factchecks = FactCheckRepository(session, actor)
        self.sources = SourceDocumentRepository(session, actor)
