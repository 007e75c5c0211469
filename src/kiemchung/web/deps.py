"""Request dependencies: the store session, the current principal, permission checks, CSRF.

Pages authenticate with the signed session cookie; ``/v1`` authenticates with ``Authorization: Bearer``
(an account's API token, or ``KIEMCHUNG_API_TOKEN`` for the admin). No credentials → 401; a principal
without the permission → 403.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from fastapi import Depends, HTTPException, Request
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.orm import Session

from kiemchung.web.i18n import t
from kiemchung.web.principal import Principal
from kiemchung.web.security import CSRF_FIELD, CSRF_HEADER, csrf_valid

SECRET_SETTING = "web.secret_key"
ADMIN = Principal(account_id=None, login="api-admin", role="admin", display_name="API admin")


def store_of(request: Request) -> Any:
    store = request.app.state.store
    if store is None:
        raise HTTPException(503, "store unavailable")
    return store


def db_session(request: Request) -> Iterator[Session]:
    """One session per request; routes commit their own writes (``with session.begin()``)."""
    store = store_of(request)
    session: Session = store.session()
    try:
        yield session
    finally:
        session.close()


def principal_for(session: Session, account: Any) -> Principal:
    """The principal of an account row (display name: the member's name when the account has one)."""
    from kiemchung.store.schema import Member

    name = account.login
    if account.member_id is not None:
        member = session.get(Member, account.member_id)
        if member is not None:
            name = member.name
    return Principal(account.id, account.login, account.role, name, account.member_id, account.unit_id)


def load_account_principal(session: Session, account_id: int) -> Principal | None:
    from kiemchung.store.schema import Account

    account = session.get(Account, account_id)
    if account is None or not account.active:
        return None
    return principal_for(session, account)


# --- API tokens: signed (itsdangerous), bound to the password hash and the account's token generation ---------


def app_secret(request_or_app: Any) -> str:
    app = getattr(request_or_app, "app", request_or_app)
    return str(app.state.secret_key)


def _pw_fingerprint(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


def make_api_token(secret: str, account: Any, generation: int = 0) -> str:
    """A token for ``account``; ``generation`` is the account's token generation (see web/accounts.py)."""
    return "kc_" + URLSafeSerializer(secret, salt="kiemchung.api-token").dumps(
        {"a": account.id, "h": _pw_fingerprint(account.password_hash), "g": generation}
    )


def issue_api_token(session: Session, secret: str, account: Any) -> str:
    """A token valid until the account's password changes or its tokens are revoked."""
    from kiemchung.web.accounts import token_generation

    return make_api_token(secret, account, token_generation(session, account.id))


def account_for_token(session: Session, secret: str, token: str) -> Any:
    from kiemchung.store.schema import Account

    if not token.startswith("kc_"):
        return None
    try:
        data = URLSafeSerializer(secret, salt="kiemchung.api-token").loads(token[3:])
    except BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    account = session.get(Account, data.get("a"))
    if account is None or not account.active:
        return None
    if not hmac.compare_digest(str(data.get("h", "")), _pw_fingerprint(account.password_hash)):
        return None
    from kiemchung.web.accounts import token_generation

    if data.get("g", 0) != token_generation(session, account.id):
        return None  # revoked
    return account


def _bearer(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def api_principal(request: Request) -> Principal:
    """The principal of a ``/v1`` request (Bearer token), or 401."""
    cached = getattr(request.state, "api_user", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    token = _bearer(request)
    lang = getattr(request.state, "lang", "vi")
    if token is None:
        raise HTTPException(401, t("api.no_token", lang), headers={"WWW-Authenticate": "Bearer"})
    admin = request.app.state.admin_token
    user: Principal | None = None
    if admin and hmac.compare_digest(token.encode(), admin.encode()):
        user = ADMIN
    elif request.app.state.store is not None:
        session: Session = request.app.state.store.session()
        try:
            account = account_for_token(session, app_secret(request), token)
            if account is not None:
                user = principal_for(session, account)
        finally:
            session.close()
    if user is None:
        raise HTTPException(401, t("api.bad_token", lang), headers={"WWW-Authenticate": "Bearer"})
    request.state.api_user = user
    return user


def api_require(permission: str) -> Callable[..., Principal]:
    def dep(user: Principal = Depends(api_principal)) -> Principal:
        if not user.can(permission):
            raise HTTPException(403, t("api.forbidden", "vi", permission=permission))
        return user

    return dep


# --- pages: the session cookie ------------------------------------------------------------------------------


def page_user(request: Request) -> Principal | None:
    """The logged-in principal of a page request, or None."""
    if hasattr(request.state, "user"):
        return request.state.user  # type: ignore[no-any-return]
    user: Principal | None = None
    account_id = request.session.get("account_id")
    if isinstance(account_id, int) and request.app.state.store is not None:
        session: Session = request.app.state.store.session()
        try:
            user = load_account_principal(session, account_id)
        finally:
            session.close()
        if user is None:
            request.session.pop("account_id", None)
    request.state.user = user
    return user


def page_require(permission: str) -> Callable[..., Principal]:
    def dep(request: Request) -> Principal:
        user = page_user(request)
        if user is None:
            raise HTTPException(401, t("auth.login_required", getattr(request.state, "lang", "vi")))
        if not user.can(permission):
            raise HTTPException(403, t("error.forbidden_detail", getattr(request.state, "lang", "vi")))
        return user

    return dep


async def csrf_protect(request: Request) -> AsyncIterator[None]:
    """Every state-changing form carries the session's CSRF token (form field or ``X-CSRF-Token``).

    The parsed form (and any uploaded temporary file) is closed once the response is sent."""
    submitted = request.headers.get(CSRF_HEADER)
    form = None
    try:
        if not submitted:
            ctype = request.headers.get("content-type", "")
            if ctype.startswith("application/x-www-form-urlencoded") or ctype.startswith(
                "multipart/form-data"
            ):
                form = await request.form()
                value = form.get(CSRF_FIELD)
                submitted = value if isinstance(value, str) else None
        if not csrf_valid(request.session, submitted):
            raise HTTPException(403, t("error.csrf", getattr(request.state, "lang", "vi")))
        yield
    finally:
        if form is not None:
            await form.close()
