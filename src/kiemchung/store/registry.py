"""The registry: units, members, accounts, declared pages and organization settings."""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import func, select

from kiemchung.errors import InputError
from kiemchung.store._base import (
    InvalidTransitionError,
    NotFoundError,
    _Repository,
    guess_platform,
    normalize_url,
    parse_when,
    slugify,
)
from kiemchung.store.authz import Actor, check_member, check_page, check_unit, require, scope_for
from kiemchung.store.schema import (
    PLATFORMS,
    ROLES,
    Account,
    Member,
    Page,
    Setting,
    Unit,
    utcnow,
)

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


INTERNAL_PREFIX = "web."


class SettingsRepository(_Repository):
    """Organization settings (JSON values). Known keys and defaults: ``SETTING_DEFAULTS``."""

    def get(self, key: str, default: Any = None) -> Any:
        row = self.session.get(Setting, key)
        if row is not None:
            return row.value
        return SETTING_DEFAULTS.get(key, default)

    def all(self) -> dict[str, Any]:
        """Every organization setting; internal keys (``web.*``: the session signing key) are never listed."""
        out = dict(SETTING_DEFAULTS)
        for row in self.session.execute(select(Setting)).scalars():
            if not row.key.startswith(INTERNAL_PREFIX):
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
        value_logged: Any = value
        if key.startswith(INTERNAL_PREFIX):  # secrets never reach the audit log
            before = value_logged = "<ẩn>"
        self._audit("setting.set", "setting", key, {"from": before, "to": value_logged})
        return value


