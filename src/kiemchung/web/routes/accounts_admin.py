"""Account administration pages (DESIGN §6): list accounts (admins and auditors), and for admins create an
account, disable or enable it, change its role, unit and member, reset its password, issue an API token (shown
once) or revoke its tokens. Every form carries the CSRF token; every change is audited (by the store's
repository or :mod:`kiemchung.web.accounts`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from kiemchung.errors import InputError
from kiemchung.store import Records, audit
from kiemchung.store.schema import ROLES
from kiemchung.web.accounts import account_rows, change_role, revoke_tokens
from kiemchung.web.deps import app_secret, csrf_protect, db_session, issue_api_token, page_require
from kiemchung.web.principal import Principal
from kiemchung.web.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False)

MAX_PASSWORD = 1024


def _opt_int(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() else None


def _choices(session: Session, user: Principal) -> dict[str, Any]:
    rec = Records(session, user.actor)
    return {"roles": ROLES, "units": rec.units.list(), "members": rec.members.list()}


def _list_page(
    request: Request, session: Session, user: Principal, *, error: str | None = None, form: Any = None,
    status_code: int = 200,
) -> HTMLResponse:
    accounts = Records(session, user.actor).accounts.list()
    ctx = {
        "accounts": account_rows(session, accounts),
        "error": error,
        "form": form or {},
        "saved": request.query_params.get("saved"),
        **_choices(session, user),
    }
    return render(request, "admin_accounts.html", ctx, status_code=status_code)


def _detail_page(
    request: Request, session: Session, user: Principal, account_id: int, *, error: str | None = None,
    token: str | None = None, status_code: int = 200,
) -> HTMLResponse:
    account = Records(session, user.actor).accounts.get(account_id)
    ctx = {
        "account": account_rows(session, [account])[0],
        "error": error,
        "token": token,
        "saved": request.query_params.get("saved"),
        "is_self": account.id == user.account_id,
        **_choices(session, user),
    }
    return render(request, "admin_account.html", ctx, status_code=status_code)


def _change(
    request: Request, session: Session, user: Principal, account_id: int, change: Callable[[], object]
) -> Response:
    """Run ``change`` in one transaction: back to the account page, saved, or with the reason it was refused."""
    try:
        with session.begin():
            change()
    except InputError as exc:
        return _detail_page(request, session, user, account_id, error=str(exc), status_code=400)
    return RedirectResponse(f"/admin/accounts/{account_id}?saved=1", status_code=303)


@router.get("/admin/accounts", response_class=HTMLResponse)
def accounts(
    request: Request,
    user: Principal = Depends(page_require("accounts.read")),
    session: Session = Depends(db_session),
) -> HTMLResponse:
    return _list_page(request, session, user)


@router.post("/admin/accounts", dependencies=[Depends(csrf_protect)])
def create_account(
    request: Request,
    login: Annotated[str, Form(max_length=128)],
    password: Annotated[str, Form(max_length=MAX_PASSWORD)],
    role: Annotated[str, Form(max_length=16)],
    unit: Annotated[str, Form(max_length=20)] = "",
    member: Annotated[str, Form(max_length=20)] = "",
    user: Principal = Depends(page_require("accounts.write")),
    session: Session = Depends(db_session),
) -> Response:
    try:
        with session.begin():
            Records(session, user.actor).accounts.add(
                login, password, role, unit=_opt_int(unit), member=_opt_int(member)
            )
    except InputError as exc:
        form = {"login": login, "role": role, "unit": unit, "member": member}  # never the password
        return _list_page(request, session, user, error=str(exc), form=form, status_code=400)
    return RedirectResponse("/admin/accounts?saved=1", status_code=303)


@router.get("/admin/accounts/{account_id}", response_class=HTMLResponse)
def account_detail(
    request: Request,
    account_id: int,
    user: Principal = Depends(page_require("accounts.read")),
    session: Session = Depends(db_session),
) -> HTMLResponse:
    return _detail_page(request, session, user, account_id)


@router.post("/admin/accounts/{account_id}/active", dependencies=[Depends(csrf_protect)])
def set_active(
    request: Request,
    account_id: int,
    active: Annotated[str, Form(max_length=1)],
    user: Principal = Depends(page_require("accounts.write")),
    session: Session = Depends(db_session),
) -> Response:
    def change() -> None:
        if account_id == user.account_id:
            raise InputError("không thể tự khoá tài khoản của mình (you cannot disable your own account)")
        Records(session, user.actor).accounts.set_active(account_id, active == "1")

    return _change(request, session, user, account_id, change)


@router.post("/admin/accounts/{account_id}/role", dependencies=[Depends(csrf_protect)])
def set_role(
    request: Request,
    account_id: int,
    role: Annotated[str, Form(max_length=16)],
    unit: Annotated[str, Form(max_length=20)] = "",
    member: Annotated[str, Form(max_length=20)] = "",
    user: Principal = Depends(page_require("accounts.write")),
    session: Session = Depends(db_session),
) -> Response:
    def change() -> None:
        account = Records(session, user.actor).accounts.get(account_id)
        change_role(session, user.actor, account, role, _opt_int(unit), _opt_int(member))

    return _change(request, session, user, account_id, change)


@router.post("/admin/accounts/{account_id}/password", dependencies=[Depends(csrf_protect)])
def reset_password(
    request: Request,
    account_id: int,
    password: Annotated[str, Form(max_length=MAX_PASSWORD)],
    user: Principal = Depends(page_require("accounts.write")),
    session: Session = Depends(db_session),
) -> Response:
    return _change(
        request, session, user, account_id, lambda: Records(session, user.actor).accounts.set_password(account_id, password)
    )


@router.post("/admin/accounts/{account_id}/token", response_class=HTMLResponse, dependencies=[Depends(csrf_protect)])
def issue_token(
    request: Request,
    account_id: int,
    user: Principal = Depends(page_require("accounts.write")),
    session: Session = Depends(db_session),
) -> HTMLResponse:
    with session.begin():
        account = Records(session, user.actor).accounts.get(account_id)
        token = issue_api_token(session, app_secret(request), account)
        audit.append(session, user.login, "account.token", "account", account.id, {"login": account.login})
    return _detail_page(request, session, user, account_id, token=token)


@router.post("/admin/accounts/{account_id}/revoke", dependencies=[Depends(csrf_protect)])
def revoke(
    request: Request,
    account_id: int,
    user: Principal = Depends(page_require("accounts.write")),
    session: Session = Depends(db_session),
) -> Response:
    with session.begin():
        account = Records(session, user.actor).accounts.get(account_id)
        revoke_tokens(session, user.actor, account)
    return RedirectResponse(f"/admin/accounts/{account_id}?saved=1", status_code=303)
