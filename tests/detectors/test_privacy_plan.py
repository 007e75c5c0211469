"""``privacy.find``'s plan (which recognizers apply for a given longest number), the one scoring loop that
``_score`` shares, and the symbol case of the aligned key."""

from __future__ import annotations

import unicodedata
from typing import ClassVar

import pytest

from kiemchung.detectors import context, patterns
from kiemchung.detectors.context import RawView
from kiemchung.detectors.patterns import Pattern, PatternRecognizer
from kiemchung.detectors.privacy import PhoneRecognizer, find, recognizers


class _LongDigits(PatternRecognizer):
    """A recognizer that needs more digits than any built-in one (the plan's last bucket must still hold it)."""

    name: ClassVar[str] = "test.long_digits.v1"
    label: ClassVar[str] = "privacy.bank_account"
    labels: ClassVar[frozenset[str]] = frozenset({"privacy.bank_account"})
    MIN_DIGITS: ClassVar[int] = 25
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (Pattern("d25", r"(?<!\d)\d{25,40}(?!\d)", 0.9),)
    NUMERIC: ClassVar[bool] = False


@pytest.mark.parametrize(("digits", "found"), [(24, False), (25, True), (30, True)])
def test_find_plan_keeps_recognizers_needing_many_digits(digits: int, found: bool) -> None:
    text = "mã " + "7" * digits + " nhé"
    spans = [(f.label, f.start, f.end) for f in find(text, recognizers=[_LongDigits()])]
    assert spans == ([("privacy.bank_account", 3, 3 + digits)] if found else [])


def test_find_plans_follow_the_recognizer_list() -> None:
    text = "sđt 0912345678, cmnd 123456789"
    phone_only = find(text, recognizers=recognizers(["privacy.phone"]))
    assert [f.label for f in phone_only] == ["privacy.phone"]
    everything = find(text)
    assert [f.label for f in everything] == ["privacy.phone", "privacy.cmnd"]
    assert [f.label for f in find(text, recognizers=recognizers(["privacy.cmnd"]))] == ["privacy.cmnd"]


def test_score_and_findings_agree_on_drop_low_and_reported() -> None:
    r = PhoneRecognizer()
    text = "📞 0912345678 hoặc 0987654321 đồng"  # no context word: 0.7; the second is an amount
    cands = r.candidates(text)
    assert len(cands) == 2
    view = RawView(text)
    kept = r._score(text, cands[0], view, 0.5)
    assert kept is not None and kept.score == pytest.approx(0.7)
    assert kept is not None and kept is not patterns._BELOW
    assert r._findings(text, cands[:1], view, 0.5) == [kept]
    assert r._score(text, cands[0], view, 0.9) is patterns._BELOW  # scored, reported span, not built
    assert r._findings(text, cands[:1], view, 0.9) == []
    assert r._score(text, cands[1], view, 0.0) is None  # dropped: an amount
    assert r._findings(text, cands, view, 0.0) == [kept]


def _aligned_key_by_regex(text: str) -> str | None:
    """The symbol case as the regexes state it (what ``aligned_key`` computes another way)."""
    s = text.lower()
    if len(s) != len(text) or s.isascii():
        return s if len(s) == len(text) else None
    d = unicodedata.normalize("NFD", s.replace("đ", "d"))
    k = d.encode("ascii", "ignore").decode("ascii")
    if len(k) == len(text):
        return k
    if context._NOT_ASCII_NOR_MARK.search(d) is None:
        return None
    e = context._SYMBOL_NOT_MARK.sub(" ", d)
    if context._NOT_ASCII_NOR_MARK.search(e) is None:
        k = e.encode("ascii", "ignore").decode("ascii")
        return k if len(k) == len(text) else None
    return context.aligned_key(text)  # other scripts: not this case


@pytest.mark.parametrize(
    "text",
    [
        "Liên hệ ❤️ sđt#0912 345 678 (zalo) – \"nhé\" ~ 'ok' $5 *100* <a=b> {x|y} ^_^ `z`",
        "👉STK: 0071000123456 🙏🙏 Vietcombank!!!",
        "Số thẻ: 4323 0069 7521 3116, hết hạn 09/27 🥰",
        "☎️0912345678\u200d và ✅ – xong",
        "chỉ chữ có dấu, không ký hiệu",
        "ø và 中文 ❤️",  # another script: the other case
    ],
)
def test_aligned_key_symbol_case_matches_the_regex_statement(text: str) -> None:
    assert context.aligned_key(text) == _aligned_key_by_regex(text)
