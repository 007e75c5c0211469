"""Web security plumbing: password hashing, CSRF tokens, login throttling, per-IP rate limits, body limits.

Sessions themselves are Starlette's signed cookies (itsdangerous) set up in :mod:`kiemchung.web.app`.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# Light argon2id parameters: still memory-hard, yet a login costs ~10 ms on a small server.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)


def hash_password(password: str) -> str:
    """An argon2id hash of ``password``."""
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored_hash`` (False for any malformed hash)."""
    if not stored_hash:
        return False
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# --- CSRF -----------------------------------------------------------------------------------------------------

CSRF_SESSION_KEY = "csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def csrf_token(session: dict[str, Any]) -> str:
    """The session's CSRF token, created on first use."""
    tok = session.get(CSRF_SESSION_KEY)
    if not isinstance(tok, str) or len(tok) < 32:
        tok = secrets.token_urlsafe(32)
        session[CSRF_SESSION_KEY] = tok
    return tok


def csrf_valid(session: dict[str, Any], submitted: str | None) -> bool:
    """Whether ``submitted`` equals the session's token (constant-time)."""
    tok = session.get(CSRF_SESSION_KEY)
    if not isinstance(tok, str) or not submitted:
        return False
    return hmac.compare_digest(tok, submitted)


# --- throttling ---------------------------------------------------------------------------------------------


class SlidingWindowLimiter:
    """At most ``limit`` events per ``window`` seconds for each key (in memory, thread-safe)."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _trim(self, key: str, now: float) -> deque[float]:
        q = self._events.setdefault(key, deque())
        while q and now - q[0] >= self.window:
            q.popleft()
        return q

    def hit(self, key: str) -> bool:
        """Record an event; False when the key is over its limit (the event is then not recorded)."""
        with self._lock:
            now = self._clock()
            q = self._trim(key, now)
            if len(q) >= self.limit:
                return False
            q.append(now)
            if len(self._events) > 100_000:  # keep memory bounded under a flood of distinct keys
                self._events = {k: v for k, v in self._events.items() if v}
            return True

    def blocked(self, key: str) -> bool:
        with self._lock:
            return len(self._trim(key, self._clock())) >= self.limit

    def retry_after(self, key: str) -> int:
        with self._lock:
            q = self._trim(key, self._clock())
            if len(q) < self.limit or not q:
                return 0
            return max(1, int(self.window - (self._clock() - q[0])) + 1)

    def reset(self, key: str) -> None:
        with self._lock:
            self._events.pop(key, None)


class LoginThrottle:
    """Failed logins are counted per client IP and per login name; too many locks both out for a while."""

    def __init__(self, per_login: int = 5, per_ip: int = 20, window: float = 900.0) -> None:
        self.by_login = SlidingWindowLimiter(per_login, window)
        self.by_ip = SlidingWindowLimiter(per_ip, window)

    def blocked(self, ip: str, login: str) -> int:
        """Seconds to wait, 0 when a login attempt is allowed."""
        key = login.strip().lower()
        if self.by_login.blocked(key) or self.by_ip.blocked(ip):
            return max(self.by_login.retry_after(key), self.by_ip.retry_after(ip), 1)
        return 0

    def failed(self, ip: str, login: str) -> None:
        self.by_login.hit(login.strip().lower())
        self.by_ip.hit(ip)

    def succeeded(self, login: str) -> None:
        self.by_login.reset(login.strip().lower())


# --- request size ---------------------------------------------------------------------------------------------


class BodySizeLimitMiddleware:
    """Refuse request bodies over a limit with 413 and a clear message (Content-Length or streamed bytes).

    ``limits`` maps a path prefix to its own limit (e.g. uploads); the longest matching prefix wins.
    """

    def __init__(self, app: Any, default_limit: int, limits: dict[str, int] | None = None) -> None:
        self.app = app
        self.default_limit = default_limit
        self.limits = sorted((limits or {}).items(), key=lambda kv: -len(kv[0]))

    def limit_for(self, path: str) -> int:
        for prefix, lim in self.limits:
            if path.startswith(prefix):
                return lim
        return self.default_limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > limit:
                    await _send_413(scope, send, limit)
                    return
        received = 0
        started = False
        refused = False

        async def limited_receive() -> Any:
            nonlocal received, started, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # answer 413 now and tell the app the client went away (frameworks swallow exceptions
                    # raised while reading the body into a generic 400)
                    refused = True
                    if not started:
                        started = True
                        await _send_413(scope, send, limit)
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message: Any) -> None:
            nonlocal started
            if refused:
                return  # the 413 has been sent; drop whatever the app answers
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, limited_receive, tracking_send)


def too_large_message(limit: int) -> str:
    return (
        f"Nội dung gửi lên quá lớn: tối đa {limit // 1024} KB. "
        f"(Request body too large: the limit is {limit // 1024} KB.)"
    )


async def _send_413(scope: dict[str, Any], send: Any, limit: int) -> None:
    import json

    body = json.dumps({"detail": too_large_message(limit), "limit_bytes": limit}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json; charset=utf-8"), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": body})


def client_ip(scope_client: Any) -> str:
    """The peer address (proxies are not trusted: put the app behind one that rewrites it if needed)."""
    if scope_client and getattr(scope_client, "host", None):
        return str(scope_client.host)
    return "unknown"
