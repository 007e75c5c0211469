"""Who is asking: the principal behind a session or a Bearer token, and what each role may do (DESIGN §6).

The permission table here is the single place the web layer asks "may this role do X"; which *rows* a
principal sees (their units, their own posts) is decided by the store's queries.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("member", "reviewer", "unit_admin", "auditor")

# permission -> roles that hold it ("admin" — the KIEMCHUNG_API_TOKEN principal — holds every permission)
PERMISSIONS: dict[str, frozenset[str]] = {
    "selfcheck": frozenset(ROLES),
    "findings.own": frozenset(ROLES),
    "appeal": frozenset({"member"}),
    "review.read": frozenset({"reviewer", "unit_admin", "auditor"}),
    "review.act": frozenset({"reviewer", "unit_admin"}),
    "appeal.decide": frozenset({"reviewer", "unit_admin"}),
    "registry.read": frozenset({"reviewer", "unit_admin", "auditor"}),
    "registry.write": frozenset({"unit_admin"}),
    "import": frozenset({"unit_admin"}),
    "dashboard": frozenset({"reviewer", "unit_admin", "auditor"}),
    "reports": frozenset({"reviewer", "unit_admin", "auditor"}),
    "audit": frozenset({"auditor"}),
    "api.read": frozenset(ROLES),
}


@dataclass(frozen=True, slots=True)
class Principal:
    """A logged-in account (or the admin token). ``unit_ids`` is None when every unit is in scope."""

    account_id: int | None
    login: str
    role: str
    display_name: str = ""
    member_id: int | None = None
    unit_ids: frozenset[int] | None = frozenset()
    is_admin: bool = False

    def can(self, permission: str) -> bool:
        if self.is_admin:
            return True
        return self.role in PERMISSIONS.get(permission, frozenset())

    @property
    def name(self) -> str:
        return self.display_name or self.login


def may(user: Principal | None, permission: str) -> bool:
    """Whether ``user`` (None: anonymous) holds ``permission``."""
    if user is None:
        return permission == "selfcheck"
    return user.can(permission)
