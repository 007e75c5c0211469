"""E-mail addresses (also lightly obfuscated: "ten [at] gmail [dot] com", "ten(a còng)gmail.com")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

import regex

from kiemchung.detectors.patterns import INVALID, Pattern, PatternRecognizer, Validation, not_after

_LOCAL = r"[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,63})"
_DOMAIN = r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,4}[A-Za-z]{2,24}"
_AT = r"\s?[\[(\{]\s?(?:at|a còng|a cong|@)\s?[\])\}]\s?"
_DOT = r"(?:\.|\s?[\[(\{]\s?(?:dot|chấm|cham|\.)\s?[\])\}]\s?)"
_ODOMAIN = rf"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{{0,61}}[A-Za-z0-9])?{_DOT}){{1,4}}[A-Za-z]{{2,24}}"
_BEFORE = not_after(r"\w.+\-@/")
_FILE_TLDS = frozenset({"png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "ico", "heic", "mp4", "js", "css"})

_VALID = Validation(True, "email_syntax", 0.1)  # built once: one is needed per candidate


class EmailRecognizer(PatternRecognizer):
    name: ClassVar[str] = "vi.privacy.email.v1"
    label: ClassVar[str] = "privacy.email"
    labels: ClassVar[frozenset[str]] = frozenset({"privacy.email"})
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (
        Pattern(
            "email",
            _BEFORE + rf"{_LOCAL}@{_DOMAIN}(?![\w\-@]|\.\w)",
            0.85,
            needs=("@",),
            # a match holds one "@", at most 64 characters after its start and 280 before its end (four labels
            # of 63 and a dot, a TLD of 24); the lookbehind and lookahead read a character or two more
            anchor="@",
            reach=(64, 283),
        ),
        Pattern(
            "email_obfuscated",
            _BEFORE + rf"{_LOCAL}{_AT}{_ODOMAIN}(?![\w\-@]|\.\w)",
            0.6,
            regex.IGNORECASE,
            needs=("(", "[", "{"),
            gate=r"[\[({]\s?(?:at|a c[oò]ng)\s?[\])}]",
            gate_flags=re.IGNORECASE,
        ),
    )
    CONTEXT: ClassVar[tuple[str, ...]] = (
        "email",
        "e-mail",
        "mail",
        "gmail",
        "thư điện tử",
        "liên hệ",
        "gửi về",
    )
    NUMERIC: ClassVar[bool] = False
    NUMBER_REGIONS: ClassVar[bool] = False

    def validate(self, match: regex.Match[str], pattern: Pattern) -> Validation:
        v = match.group()
        if pattern.name == "email":
            local, _, domain = v.rpartition("@")
            if ".." in local or local.endswith("."):
                return INVALID
            if domain.rsplit(".", 1)[-1].lower() in _FILE_TLDS:
                return INVALID
        return _VALID

    def explain(self, value: str, facts: Mapping[str, Any]) -> str:
        return "Địa chỉ thư điện tử (email)."
