"""Kiểm tra trước khi đăng: paste a draft (and optionally a source text), see every finding in place."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse

from kiemchung.types import Document, Source
from kiemchung.web.deps import csrf_protect, page_user
from kiemchung.web.i18n import t
from kiemchung.web.render import finding_views, quote_views, redacted, segments
from kiemchung.web.security import client_ip
from kiemchung.web.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False)

MAX_DRAFT_CHARS = 20_000


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return render(request, "selfcheck.html", {"text": "", "source": "", "speaker": "", "result": None})


@router.get("/check", response_class=HTMLResponse)
def check_form(request: Request) -> HTMLResponse:
    return home(request)


@router.post("/check", response_class=HTMLResponse, dependencies=[Depends(csrf_protect)])
async def check_submit(
    request: Request,
    text: Annotated[str, Form(max_length=MAX_DRAFT_CHARS)],
    source: Annotated[str, Form(max_length=MAX_DRAFT_CHARS)] = "",
    speaker: Annotated[str, Form(max_length=200)] = "",
) -> HTMLResponse:
    user = page_user(request)
    lang = request.state.lang
    ip = client_ip(request.client)
    limiter = request.app.state.user_check_limiter if user else request.app.state.anon_check_limiter
    key = f"acct:{user.login}" if user else f"ip:{ip}"
    if not limiter.hit(key):
        raise HTTPException(
            429, t("check.rate_limited", lang), headers={"Retry-After": str(limiter.retry_after(key))}
        )
    text = text.replace("\r\n", "\n")
    source = source.replace("\r\n", "\n")
    sources = (Source(id="s1", text=source, speaker=speaker.strip()),) if source.strip() else ()
    report = await request.app.state.batcher.analyze(Document(text=text, sources=sources))
    policy = request.app.state.policy
    result = {
        "report": report,
        "segments": segments(report),
        "findings": finding_views(report, policy),
        "quotes": quote_views(report, {s.id: s.text for s in sources}),
        "claims": report.claims,
        "redacted": redacted(report),
        "scores": sorted(report.scores.items()),
    }
    return render(
        request, "selfcheck.html", {"text": text, "source": source, "speaker": speaker, "result": result}
    )
