"""REST API ``/v1``: analyze a text (the DESIGN §3 report) and read the organization's records.

Every endpoint needs ``Authorization: Bearer <token>``: 401 without one, 403 outside the token's scope.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from kiemchung.types import Document, Source
from kiemchung.web.deps import api_require
from kiemchung.web.principal import Principal

router = APIRouter(prefix="/v1", tags=["api"])

MAX_TEXT = 50_000


class SourceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(default=None, max_length=200)
    speaker: str = Field(default="", max_length=200)
    text: str = Field(max_length=MAX_TEXT)


class AnalyzeIn(BaseModel):
    """A text to analyze and, optionally, source texts its quotes are checked against."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"text": "Gọi 0912 345 678 nhé"}]}
    )
    text: str = Field(max_length=MAX_TEXT)
    sources: list[SourceIn] | None = Field(default=None, max_length=20)
    id: str | None = Field(default=None, max_length=200)


class EvidenceOut(BaseModel):
    kind: str
    detail: str
    score_delta: float


class FindingOut(BaseModel):
    label: str
    category: str
    score: float
    start: int
    end: int
    excerpt: str
    detector: str
    explanation: str
    evidence: list[EvidenceOut]
    rule: str


class ReportOut(BaseModel):
    """The report of DESIGN §3: ``text[start:end] == excerpt`` for every finding."""

    id: str | None = None
    text: str
    findings: list[FindingOut]
    scores: dict[str, float]
    claims: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    versions: dict[str, Any]


@router.post("/analyze", response_model=ReportOut, response_model_exclude_none=True)
async def analyze(
    body: AnalyzeIn, request: Request, user: Principal = Depends(api_require("selfcheck"))
) -> Any:
    """Analyze one text with every installed detector and the policy pack."""
    sources = tuple(
        Source(id=s.id or f"s{i + 1}", text=s.text, speaker=s.speaker)
        for i, s in enumerate(body.sources or [])
    )
    report = await request.app.state.batcher.analyze(Document(text=body.text, id=body.id, sources=sources))
    # the dict already has the ReportOut shape: skip re-validating it on the hot path
    return JSONResponse(report.to_dict())


@router.get("/docs", include_in_schema=False)
def docs(request: Request) -> Any:
    """The API reference, rendered locally from the OpenAPI document (no CDN)."""
    from kiemchung.web.templating import render

    spec = request.app.openapi()
    ops = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            params = [p.get("name", "") for p in op.get("parameters", [])]
            body = "requestBody" in op
            ops.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": params,
                    "body": body,
                }
            )
    return render(request, "api_docs.html", {"ops": ops, "title": spec.get("info", {}).get("title", "API")})


@router.get("/health")
def health(request: Request) -> dict[str, Any]:
    """Liveness (no token needed): versions of the analyzer and whether a store is attached."""
    return {
        "status": "ok",
        "versions": request.app.state.analyzer.versions,
        "store": request.app.state.store is not None,
    }
