"""A fast lane for ``POST /v1/analyze``: the well-formed request answered without the framework's layers.

Under load the web layer, not the analyzer, was most of each request's cost (measured: ~1.8 ms of server CPU
per request with no detector at all, against ~1 ms per document for every detector in a batch): routing,
dependency solving, Pydantic validation and six middleware layers. This plain ASGI middleware sits outermost
and answers the ordinary case itself — the admin or an account Bearer token allowed ``selfcheck``, a JSON body
within the limits that the route's model would accept — with the very bytes the route would send (same JSON,
same security headers). Anything else (no or bad token, a cookie, a query string, malformed or oversized body,
unknown fields…) is handed, body included, to the normal stack, so every error answer (401, 403, 413, 422)
stays the route's own. The route in :mod:`kiemchung.web.routes.api` remains the reference and the OpenAPI
description.
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from starlette.concurrency import run_in_threadpool

from kiemchung.types import Document, Source

PATH = "/v1/analyze"
MAX_TEXT = 50_000
MAX_SOURCES = 20
MAX_SHORT = 200
_DOC_KEYS = frozenset({"text", "sources", "id"})
_SOURCE_KEYS = frozenset({"id", "speaker", "text"})


def _short(value: Any) -> bool:
    return value is None or (isinstance(value, str) and len(value) <= MAX_SHORT)


def parse_analyze_body(body: bytes) -> Document | None:
    """The document of a ``POST /v1/analyze`` body, or None when the route's model might not accept it as is
    (the normal stack then answers, with its own 422)."""
    if b"\\ud" in body or b"\\uD" in body:
        return None  # a JSON-escaped surrogate: leave the judgement to the model's parser
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict) or not data.keys() <= _DOC_KEYS:
        return None
    text = data.get("text")
    doc_id = data.get("id")
    if not isinstance(text, str) or len(text) > MAX_TEXT or not _short(doc_id):
        return None
    raw_sources = data.get("sources")
    sources: list[Source] = []
    if raw_sources is not None:
        if not isinstance(raw_sources, list) or len(raw_sources) > MAX_SOURCES:
            return None
        for i, s in enumerate(raw_sources):
            if not isinstance(s, dict) or not s.keys() <= _SOURCE_KEYS:
                return None
            s_text, s_id, speaker = s.get("text"), s.get("id"), s.get("speaker", "")
            if not isinstance(s_text, str) or len(s_text) > MAX_TEXT or not _short(s_id):
                return None
            if not isinstance(speaker, str) or len(speaker) > MAX_SHORT:
                return None
            sources.append(Source(id=s_id or f"s{i + 1}", text=s_text, speaker=speaker))
    return Document(text=text, id=doc_id, sources=tuple(sources))


def encode_json(content: Any) -> bytes:
    """What Starlette's ``JSONResponse`` sends for ``content``."""
    return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode()


class AnalyzeFastPath:
    """Answer well-formed ``POST /v1/analyze`` requests directly; hand everything else on unchanged."""

    def __init__(self, app: Any, state: Any, body_limit: int, extra_headers: list[tuple[bytes, bytes]]) -> None:
        self.app = app
        self.state = state
        self.body_limit = body_limit
        self.extra_headers = extra_headers

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if (
            scope["type"] != "http"
            or scope["path"] != PATH
            or scope["method"] != "POST"
            or scope.get("query_string")
        ):
            await self.app(scope, receive, send)
            return
        token = None
        ctype = b""
        declared = -1
        for name, value in scope["headers"]:
            if name == b"authorization":
                scheme, _, rest = value.partition(b" ")
                if scheme.lower() == b"bearer" and rest.strip():
                    token = rest.strip().decode("latin-1")
            elif name == b"content-type":
                ctype = value
            elif name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
            elif name == b"cookie":
                token = None  # a browser session: the normal stack decides
                break
        else:
            if token is not None and ctype.startswith(b"application/json") and 0 <= declared <= self.body_limit:
                await self._fast(scope, receive, send, token, declared)
                return
        await self.app(scope, receive, send)

    async def _fast(self, scope: dict[str, Any], receive: Any, send: Any, token: str, declared: int) -> None:
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                await self.app(scope, _replay(chunks, message, receive), send)
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            chunks.append(chunk)
            more = message.get("more_body", False)
            if size > self.body_limit:
                await self.app(scope, _replay(chunks, None, receive, more), send)
                return
        body = b"".join(chunks)
        doc = parse_analyze_body(body) if size == declared else None
        allowed = doc is not None and await self._allowed(token)
        if doc is None or not allowed:
            await self.app(scope, _replay([body], None, receive, False), send)
            return
        report = await self.state.batcher.analyze(doc)
        payload = encode_json(report.to_dict())
        headers = [
            (b"content-length", str(len(payload)).encode()),
            (b"content-type", b"application/json"),
            *self.extra_headers,
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": payload})

    async def _allowed(self, token: str) -> bool:
        """Whether ``token`` belongs to a principal allowed ``selfcheck`` (what the route's dependency asks)."""
        admin = self.state.admin_token
        if admin and hmac.compare_digest(token.encode(), admin.encode()):
            return True
        if self.state.store is None or not token.startswith("kc_"):
            return False
        return bool(await run_in_threadpool(self._account_allowed, token))

    def _account_allowed(self, token: str) -> bool:
        from kiemchung.web.deps import account_for_token, principal_for

        session = self.state.store.session()
        try:
            account = account_for_token(session, str(self.state.secret_key), token)
            return account is not None and principal_for(session, account).can("selfcheck")
        finally:
            session.close()


def _replay(chunks: list[bytes], last: Any, receive: Any, more: bool = False) -> Any:
    """A ``receive`` that first gives back what was already read, then reads on."""
    pending: list[Any] = [{"type": "http.request", "body": b"".join(chunks), "more_body": more or last is not None}]
    if last is not None:
        pending.append(last)

    async def replay() -> Any:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay
