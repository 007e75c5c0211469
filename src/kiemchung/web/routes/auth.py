"""Log in and out (argon2 hashes, signed session cookie, throttled), the account page and API tokens."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from kiemchung.web.deps import app_secret, csrf_protect, issue_api_token, page_require, page_user, store_of
from kiemchung.web.i18n import t
from kiemchung.web.principal import Principal
from kiemchung.web.security import client_ip, hash_password, verify_password
from kiemchung.web.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False)

# A fixed hash to verify against when the login is unknown, so timing does not reveal which logins exist.
_DUMMY_HASH = hash_password("kiemchung-dummy-password")


def _safe_next(nxt: str | None) -> str:
    if nxt and nxt.startswith("/") and not nxt.startswith("//") and "\\" not in nxt:
        return nxt
    return "/"


def home_for(user: Principal) -> str:
    """Where a fresh login lands: reviewers on their queue, admins and auditors on the dashboard."""
    if user.role == "reviewer":
        return "/review"
    if user.can("dashboard"):
        return "/dashboard"
    return "/my/findings"


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> HTMLResponse:
    return render(request, "login.html", {"next": _safe_next(next), "error": None, "login": ""})


@router.post("/login", dependencies=[Depends(csrf_protect)])
def login_submit(
    request: Request,
    login: Annotated[str, Form(max_length=128)],
    password: Annotated[str, Form(max_length=1024)],
    next: Annotated[str, Form()] = "/",
) -> Response:
    from kiemchung.store.schema import Account

    lang = request.state.lang
    throttle = request.app.state.login_throttle
    ip = client_ip(request.client)
    wait = throttle.blocked(ip, login)
    if wait:
        raise HTTPException(429, t("auth.throttled", lang, seconds=wait), headers={"Retry-After": str(wait)})
    store = store_of(request)
    with store.transaction() as session:
        account = session.execute(select(Account).where(Account.login == login.strip())).scalar_one_or_none()
        ok = (
            verify_password(account.password_hash if account else _DUMMY_HASH, password)
            and account is not None
        )
        if ok and account is not None and account.active:
            from kiemchung.store.schema import utcnow

            account.last_login_at = utcnow()
            account_id = account.id
        else:
            account_id = None
    if account_id is None:
        throttle.failed(ip, login)
        return render(
            request,
            "login.html",
            {"next": _safe_next(next), "error": t("auth.bad_credentials", lang), "login": login},
            status_code=401,
        )
    throttle.succeeded(login)
    request.session.clear()  # a fresh session (and CSRF token) on login: no session fixation
    request.session["account_id"] = account_id
    request.state.__dict__.pop("user", None)
    user = page_user(request)
    target = _safe_next(next)
    if target in ("/", "/login") and user is not None:
        target = home_for(user)
    return RedirectResponse(target, status_code=303)


@router.post("/logout", dependencies=[Depends(csrf_protect)])
def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/", status_code=303)


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, user: Principal = Depends(page_require("findings.read"))) -> HTMLResponse:
    return render(request, "account.html", {"token": None})


@router.post("/account/token", response_class=HTMLResponse, dependencies=[Depends(csrf_protect)])
def account_token(request: Request, user: Principal = Depends(page_require("findings.read"))) -> HTMLResponse:
    from kiemchung.store.schema import Account

    with store_of(request).transaction() as session:
        account = session.get(Account, user.account_id)
        if account is None:
            raise HTTPException(404)
        token = issue_api_token(session, app_secret(request), account)
        from kiemchung.store import audit

        audit.append(session, user.login, "account.token", "account", account.id, {})  # never the token
    return render(request, "account.html", {"token": token})


@router.post("/account/token/revoke", response_class=HTMLResponse, dependencies=[Depends(csrf_protect)])
def account_token_revoke(
    request: Request, user: Principal = Depends(page_require("findings.read"))
) -> HTMLResponse:
    """Revoke every API token of one's own account (a leaked token stops working at once)."""
    from kiemchung.store.schema import Account
    from kiemchung.web.accounts import revoke_tokens

    with store_of(request).transaction() as session:
        account = session.get(Account, user.account_id)
        if account is None:
            raise HTTPException(404)
        revoke_tokens(session, user.actor, account)
    return render(request, "account.html", {"token": None, "revoked": True})
