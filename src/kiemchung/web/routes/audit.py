"""The audit log, read-only, with the hash chain verified on every view (auditors and admins)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from kiemchung.store import audit
from kiemchung.web.deps import db_session, page_require
from kiemchung.web.principal import Principal
from kiemchung.web.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/audit", response_class=HTMLResponse)
def audit_log(
    request: Request,
    user: Principal = Depends(page_require("audit.read")),
    session: Session = Depends(db_session),
) -> HTMLResponse:
    try:
        offset = max(0, int(request.query_params.get("offset", "0")))
    except ValueError:
        offset = 0
    events = audit.list_events(
        session, limit=100, offset=offset, entity=request.query_params.get("entity") or None
    )
    result = audit.verify(session)
    return render(request, "audit.html", {"events": events, "verify": result, "offset": offset})
