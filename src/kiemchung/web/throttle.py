"""Login throttling kept in the store, so that every web worker (``kiemchung serve --workers N``) and a
restarted server count the same failed attempts.

Failed attempts are kept as internal settings (``web.throttle.login.<login>`` and ``web.throttle.ip.<address>``,
a list of UNIX times; ``web.*`` settings are never listed nor audited). Two workers recording a failure at the
very same moment may count it once: the limit is approximate by one attempt, never lifted. Rows whose attempts
have all expired are deleted as new failures come in.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import delete

from kiemchung.store.schema import Setting, utcnow

PREFIX = "web.throttle."
MAX_KEY = 128


def _key(kind: str, value: str) -> str:
    return f"{PREFIX}{kind}.{value}"[:MAX_KEY]


class StoreLoginThrottle:
    """The interface of :class:`kiemchung.web.security.LoginThrottle`, counted in the store."""

    def __init__(
        self,
        store: Any,
        per_login: int = 5,
        per_ip: int = 20,
        window: float = 900.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.per_login = per_login
        self.per_ip = per_ip
        self.window = window
        self._clock = clock

    def _recent(self, session: Any, key: str, now: float) -> list[float]:
        row = session.get(Setting, key)
        values = row.value if row is not None and isinstance(row.value, list) else []
        return [float(t) for t in values if isinstance(t, (int, float)) and now - float(t) < self.window]

    def _wait(self, recent: list[float], limit: int, now: float) -> int:
        if len(recent) < limit:
            return 0
        return max(1, int(self.window - (now - min(recent))) + 1)

    def blocked(self, ip: str, login: str) -> int:
        """Seconds to wait, 0 when a login attempt is allowed."""
        now = self._clock()
        with self.store.transaction() as session:
            by_login = self._recent(session, _key("login", login.strip().lower()), now)
            by_ip = self._recent(session, _key("ip", ip), now)
        return max(self._wait(by_login, self.per_login, now), self._wait(by_ip, self.per_ip, now))

    def failed(self, ip: str, login: str) -> None:
        now = self._clock()
        with self.store.transaction() as session:
            for key, limit in ((_key("login", login.strip().lower()), self.per_login), (_key("ip", ip), self.per_ip)):
                recent = self._recent(session, key, now)
                if len(recent) < limit:
                    recent.append(now)
                session.merge(Setting(key=key, value=recent[-limit:], updated_by="web"))
            cutoff = utcnow() - timedelta(seconds=self.window)
            session.execute(
                delete(Setting).where(Setting.key.startswith(PREFIX), Setting.updated_at < cutoff)
            )

    def succeeded(self, login: str) -> None:
        with self.store.transaction() as session:
            row = session.get(Setting, _key("login", login.strip().lower()))
            if row is not None:
                session.delete(row)
