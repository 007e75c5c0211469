"""Who is asking: the principal behind a session or a Bearer token, and what each role may do (DESIGN §6).

Permissions are the store's (:data:`kiemchung.store.authz.PERMISSIONS`) plus a few that only the web has;
which *rows* a principal sees (their units, their own pages) is decided by the store's repositories, which
receive :attr:`Principal.actor`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ROLES = ("member", "reviewer", "unit_admin", "auditor", "admin")

#: web-only permissions -> roles (the rest come from the store's table)
WEB_PERMISSIONS: dict[str, frozenset[str]] = {
    "selfcheck": frozenset(ROLES),
    "review.queue": frozenset({"reviewer", "unit_admin", "auditor", "admin"}),
    "dashboard": frozenset({"reviewer", "unit_admin", "auditor", "admin"}),
}


def _store_permissions() -> dict[str, frozenset[str]]:
    try:
        from kiemchung.store.authz import PERMISSIONS
    except ImportError:  # pragma: no cover - store not installed
        return {}
    return PERMISSIONS


def roles_with(permission: str) -> frozenset[str]:
    if permission in WEB_PERMISSIONS:
        return WEB_PERMISSIONS[permission]
    return _store_permissions().get(permission, frozenset())


@dataclass(frozen=True, slots=True)
class Principal:
    """A logged-in account (or the admin token)."""

    account_id: int | None
    login: str
    role: str
    display_name: str = ""
    member_id: int | None = None
    unit_id: int | None = None

    def can(self, permission: str) -> bool:
        return self.role in roles_with(permission)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def name(self) -> str:
        return self.display_name or self.login

    @property
    def actor(self) -> Any:
        """The store's Actor for this principal (repositories check scope with it)."""
        from kiemchung.store.authz import Actor

        return Actor(
            name=self.login,
            role=self.role,
            unit_id=self.unit_id,
            member_id=self.member_id,
            account_id=self.account_id,
        )


def may(user: Principal | None, permission: str) -> bool:
    """Whether ``user`` (None: anonymous) holds ``permission``."""
    if user is None:
        return permission == "selfcheck"
    return user.can(permission)
