"""Account administration the store's :class:`~kiemchung.store.registry.AccountRepository` does not offer:
change an account's role and scope, and revocable API tokens.

API tokens are signed (itsdangerous) and carry the account id, a fingerprint of the password hash and a
*token generation*. Revoking an account's tokens bumps its generation, kept in the store's settings under
``web.token_gen.<account id>`` (``web.*`` settings are internal: never listed, never in the audit log); a
password change revokes them too. Every change here is written to the audit log, never a token or a hash.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiemchung.errors import InputError
from kiemchung.store import audit
from kiemchung.store.authz import Actor, require
from kiemchung.store.schema import ROLES, Account, Member, Setting, Unit

TOKEN_GEN_PREFIX = "web.token_gen."


def token_generation(session: Session, account_id: int) -> int:
    """The account's current token generation (0 until its tokens are first revoked)."""
    row = session.get(Setting, f"{TOKEN_GEN_PREFIX}{account_id}")
    value = row.value if row is not None else 0
    return value if isinstance(value, int) else 0


def revoke_tokens(session: Session, actor: Actor, account: Account) -> int:
    """Invalidate every API token issued to ``account`` so far (its own, or any account's for an admin);
    returns the new generation."""
    if account.id != actor.account_id:
        require(actor, "accounts.write")
    gen = token_generation(session, account.id) + 1
    session.merge(Setting(key=f"{TOKEN_GEN_PREFIX}{account.id}", value=gen, updated_by=actor.name))
    session.flush()
    audit.append(session, actor.name, "account.tokens_revoke", "account", account.id, {"login": account.login})
    return gen


def check_scope(session: Session, role: str, unit_id: int | None, member_id: int | None) -> None:
    """The rules ``AccountRepository.add`` applies: a known role; reviewers and unit admins need a unit,
    members need a member; the unit and member exist."""
    if role not in ROLES:
        raise InputError(f"vai trò không hợp lệ (role must be one of {', '.join(ROLES)}): {role}")
    if unit_id is not None and session.get(Unit, unit_id) is None:
        raise InputError(f"không tìm thấy đơn vị (unit not found): {unit_id}")
    if member_id is not None and session.get(Member, member_id) is None:
        raise InputError(f"không tìm thấy thành viên (member not found): {member_id}")
    if role in ("reviewer", "unit_admin") and unit_id is None:
        raise InputError(f"vai trò {role} cần một đơn vị (role {role} needs a unit)")
    if role == "member" and member_id is None:
        raise InputError("vai trò member cần một thành viên (role member needs a member)")


def change_role(
    session: Session, actor: Actor, account: Account, role: str, unit_id: int | None, member_id: int | None
) -> Account:
    """Give ``account`` a new role, unit and member (admins only; not one's own account, so the last admin
    cannot lock everyone out by mistake)."""
    require(actor, "accounts.write")
    if account.id == actor.account_id:
        raise InputError("không thể tự đổi vai trò của mình (you cannot change your own role)")
    check_scope(session, role, unit_id, member_id)
    before = {"role": account.role, "unit_id": account.unit_id, "member_id": account.member_id}
    account.role, account.unit_id, account.member_id = role, unit_id, member_id
    session.flush()
    after = {"role": role, "unit_id": unit_id, "member_id": member_id}
    audit.append(
        session, actor.name, "account.role", "account", account.id,
        {"login": account.login, "from": before, "to": after},
    )
    return account


def account_rows(session: Session, accounts: list[Account]) -> list[dict[str, Any]]:
    """What the accounts page shows of each account (names of its unit and member; never the hash)."""
    units: dict[int, str] = {int(r[0]): str(r[1]) for r in session.execute(select(Unit.id, Unit.name))}
    members: dict[int, str] = {int(r[0]): str(r[1]) for r in session.execute(select(Member.id, Member.name))}
    return [
        {
            **a.to_dict(),
            "unit_name": units.get(a.unit_id, "") if a.unit_id is not None else "",
            "member_name": members.get(a.member_id, "") if a.member_id is not None else "",
            "last_login": a.last_login_at,
        }
        for a in accounts
    ]
