"""Who may do what, in one place (DESIGN §6 roles).

* ``member``: their own pages, posts and findings; self-check; appeal a confirmed finding; import into own pages.
* ``reviewer``: read everything in their unit (and its sub-units); confirm / dismiss findings; decide appeals.
* ``unit_admin``: the registry (members, pages) of their unit and sub-units; imports there; reads like a reviewer.
* ``auditor``: read-only over every unit, including the audit log.
* ``admin``: everything, including accounts, settings and fact-checks. The CLI acts as ``Actor.system()``.

Repositories call :func:`require` for the action and :func:`scope_for` / :func:`check_unit` for the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, select, true
from sqlalchemy.orm import Session

from kiemchung.errors import PermissionDeniedError
from kiemchung.store.schema import ROLES, Member, Page, Unit

#: permission → roles holding it. Scope (which units / pages) is applied separately.
PERMISSIONS: dict[str, frozenset[str]] = {
    "registry.read": frozenset({"member", "reviewer", "unit_admin", "auditor", "admin"}),
    "registry.write": frozenset({"unit_admin", "admin"}),
    "units.write": frozenset({"admin"}),
    "posts.read": frozenset({"member", "reviewer", "unit_admin", "auditor", "admin"}),
    "posts.import": frozenset({"member", "unit_admin", "admin"}),
    "findings.read": frozenset({"member", "reviewer", "unit_admin", "auditor", "admin"}),
    "scan.run": frozenset({"admin"}),
    "review.decide": frozenset({"reviewer", "admin"}),
    "review.appeal": frozenset({"member", "admin"}),
    "review.resolve": frozenset({"reviewer", "admin"}),
    "reports.read": frozenset({"reviewer", "unit_admin", "auditor", "admin"}),
    "audit.read": frozenset({"auditor", "admin"}),
    "accounts.write": frozenset({"admin"}),
    "accounts.read": frozenset({"auditor", "admin"}),
    "settings.write": frozenset({"admin"}),
    "factchecks.write": frozenset({"admin"}),
}

ALL_UNITS_ROLES = frozenset({"auditor", "admin"})
UNIT_ROLES = frozenset({"reviewer", "unit_admin"})


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting: an account's login and role, with the unit or member that scopes it."""

    name: str
    role: str
    unit_id: int | None = None
    member_id: int | None = None
    account_id: int | None = None

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}")

    @classmethod
    def system(cls, name: str = "cli") -> Actor:
        """The local operator (command line, scripts): an administrator."""
        return cls(name=name, role="admin")

    def can(self, permission: str) -> bool:
        return self.role in PERMISSIONS.get(permission, frozenset())


SYSTEM = Actor.system()


def require(actor: Actor, permission: str) -> None:
    """Raise PermissionDeniedError unless the actor's role holds ``permission``."""
    if not actor.can(permission):
        raise PermissionDeniedError(
            f"vai trò '{actor.role}' không được phép '{permission}' (role {actor.role!r} may not {permission})"
        )


def descendants(session: Session, unit_id: int) -> frozenset[int]:
    """``unit_id`` and every unit below it."""
    rows = session.execute(select(Unit.id, Unit.parent_id)).all()
    children: dict[int | None, list[int]] = {}
    for uid, parent in rows:
        children.setdefault(parent, []).append(uid)
    out = {unit_id}
    stack = [unit_id]
    while stack:
        for c in children.get(stack.pop(), ()):
            if c not in out:
                out.add(c)
                stack.append(c)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Scope:
    """What data an actor sees: everything, some units, or one member's pages."""

    all: bool
    unit_ids: frozenset[int] = frozenset()
    member_id: int | None = None

    def covers_unit(self, unit_id: int | None) -> bool:
        return self.all or (unit_id is not None and unit_id in self.unit_ids)

    def covers_member(self, member: Member | None) -> bool:
        if self.all:
            return True
        if member is None:
            return False
        if self.member_id is not None:
            return member.id == self.member_id
        return member.unit_id in self.unit_ids

    def page_clause(self) -> ColumnElement[bool]:
        """A WHERE clause on ``Page`` (requires nothing joined)."""
        if self.all:
            return true()
        if self.member_id is not None:
            return Page.member_id == self.member_id
        if not self.unit_ids:
            return false()
        return Page.member_id.in_(select(Member.id).where(Member.unit_id.in_(self.unit_ids)))

    def member_clause(self) -> ColumnElement[bool]:
        if self.all:
            return true()
        if self.member_id is not None:
            return Member.id == self.member_id
        return Member.unit_id.in_(self.unit_ids) if self.unit_ids else false()

    def unit_clause(self) -> ColumnElement[bool]:
        if self.all:
            return true()
        return Unit.id.in_(self.unit_ids) if self.unit_ids else false()


def scope_for(session: Session, actor: Actor) -> Scope:
    if actor.role in ALL_UNITS_ROLES:
        return Scope(all=True)
    if actor.role in UNIT_ROLES:
        return Scope(all=False, unit_ids=descendants(session, actor.unit_id) if actor.unit_id else frozenset())
    if actor.member_id is None:
        return Scope(all=False)
    member = session.get(Member, actor.member_id)
    units = frozenset({member.unit_id}) if member else frozenset()
    return Scope(all=False, unit_ids=units, member_id=actor.member_id)


def deny(what: str) -> PermissionDeniedError:
    return PermissionDeniedError(f"ngoài phạm vi được phép: {what} (outside your scope)")


def check_unit(session: Session, actor: Actor, permission: str, unit_id: int | None) -> None:
    require(actor, permission)
    if not scope_for(session, actor).covers_unit(unit_id):
        raise deny(f"đơn vị {unit_id}")


def check_member(session: Session, actor: Actor, permission: str, member: Member | None) -> None:
    require(actor, permission)
    if not scope_for(session, actor).covers_member(member):
        raise deny(f"thành viên {member.id if member else '—'}")


def check_page(session: Session, actor: Actor, permission: str, page: Page) -> None:
    require(actor, permission)
    member = session.get(Member, page.member_id) if page.member_id is not None else None
    if not scope_for(session, actor).covers_member(member):
        raise deny(f"trang {page.id}")
