"""The fact-check record every loader produces (one published verdict on one claim)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiemchung.claims.ratings import normalize_rating

VERDICTS = ("false", "partly_false", "misleading", "true", "unknown")
FLAGGED_VERDICTS = frozenset({"false", "partly_false", "misleading"})


@dataclass(frozen=True, slots=True)
class FactCheck:
    """A published fact-check: the claim checked, the rating given, where and when it was published.

    ``verdict`` is the rating normalized to one of :data:`VERDICTS`.
    """

    id: str
    claim: str
    rating: str
    url: str = ""
    date: str = ""
    publisher: str = ""
    verdict: str = "unknown"
    claimant: str = ""
    language: str = ""

    @property
    def flagged(self) -> bool:
        """True when the verdict is false, partly false or misleading (a post repeating it gets a finding)."""
        return self.verdict in FLAGGED_VERDICTS

    def to_dict(self) -> dict[str, Any]:
        """DESIGN §5 fields first, then the optional ones (always all of them, in a fixed order)."""
        return {
            "id": self.id,
            "claim": self.claim,
            "rating": self.rating,
            "url": self.url,
            "date": self.date,
            "publisher": self.publisher,
            "verdict": self.verdict,
            "claimant": self.claimant,
            "language": self.language,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> FactCheck:
        """Build from a DESIGN §5 record (``id``, ``claim``, ``rating``, ``url``, ``date`` + optional fields).

        Raises ``ValueError`` naming the field when a required field is missing or not a string.
        """
        for key in ("id", "claim", "rating"):
            v = d.get(key)
            if not isinstance(v, str) or not v.strip():
                raise ValueError(f"thiếu trường '{key}' hoặc không phải chuỗi (missing or non-string '{key}')")
        for key in ("url", "date", "publisher", "verdict", "claimant", "language"):
            v = d.get(key)
            if v is not None and not isinstance(v, str):
                raise ValueError(f"trường '{key}' phải là chuỗi ('{key}' must be a string)")
        verdict = d.get("verdict") or normalize_rating(d["rating"])
        if verdict not in VERDICTS:
            raise ValueError(f"verdict không hợp lệ: {verdict!r} (one of {', '.join(VERDICTS)})")
        return cls(
            id=d["id"].strip(),
            claim=d["claim"].strip(),
            rating=d["rating"].strip(),
            url=(d.get("url") or "").strip(),
            date=(d.get("date") or "").strip(),
            publisher=(d.get("publisher") or "").strip(),
            verdict=verdict,
            claimant=(d.get("claimant") or "").strip(),
            language=(d.get("language") or "").strip(),
        )
