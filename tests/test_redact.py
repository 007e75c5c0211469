"""``kiemchung.redact`` and ``kiemchung redact``: mask, label and salted pseudonyms."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from kiemchung.analyzer import Analyzer
from kiemchung.cli.main import app
from kiemchung.detectors.base import Settings
from kiemchung.detectors.patterns import Pattern, PatternRecognizer
from kiemchung.detectors.privacy import create, recognizers
from kiemchung.errors import InputError
from kiemchung.redact import LABELS, RedactionResult, redact

TEXT = "Gọi 0912.345.678 hoặc mail lan.nguyen@gmail.com, STK VCB 0071000123456, giá 1.250.000đ"


def test_redact_mask_keeps_length_and_separators() -> None:
    res = redact(TEXT, "mask")
    assert len(res.text) == len(TEXT)
    assert "****.***.***" in res.text and "***.******@*****.***" in res.text and "*************" in res.text
    assert "1.250.000đ" in res.text  # a price is not personal data
    assert [r.label for r in res.replacements] == ["privacy.phone", "privacy.email", "privacy.bank_account"]


def test_redact_label_mode_uses_vietnamese_labels() -> None:
    res = redact(TEXT, "label")
    assert res.text == ("Gọi [SỐ ĐIỆN THOẠI] hoặc mail [EMAIL], STK VCB [SỐ TÀI KHOẢN], giá 1.250.000đ")
    for r in res.replacements:
        assert res.text[r.new_start : r.new_end] == r.replacement
        assert TEXT[r.start : r.end]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("CCCD 001203004567", "[CCCD]"),
        ("CMND 025678912", "[CMND]"),
        ("thẻ 4111 1111 1111 1111", "[SỐ THẺ]"),
        ("xe 51F-123.45", "[BIỂN SỐ XE]"),
        ("hộ chiếu C1234567", "[HỘ CHIẾU]"),
    ],
)
def test_redact_label_per_type(text: str, label: str) -> None:
    assert label in redact(text, "label").text


def test_redact_hash_is_consistent_across_spellings_and_salted() -> None:
    a = redact("sđt 0912 345 678", "hash", salt="s1")
    b = redact("zalo +84 912.345.678", "hash", salt="s1")
    c = redact("sđt 0912 345 678", "hash", salt="s2")
    pa = a.replacements[0].replacement
    assert pa.startswith("[SỐ ĐIỆN THOẠI #") and pa == b.replacements[0].replacement
    assert pa != c.replacements[0].replacement
    assert "0912" not in a.text


def test_redact_hash_without_salt_is_consistent_within_one_call() -> None:
    res = redact("sđt 0912345678, zalo 0912.345.678", "hash")
    assert res.replacements[0].replacement == res.replacements[1].replacement


def test_redact_nothing_to_do() -> None:
    res = redact("Hôm nay trời đẹp, giá vàng 82.500.000đ", "label")
    assert res.text == "Hôm nay trời đẹp, giá vàng 82.500.000đ" and res.replacements == ()


def test_redact_labels_filter() -> None:
    res = redact(TEXT, "label", labels=["email"])
    assert "[EMAIL]" in res.text and "0912.345.678" in res.text


def test_redact_with_analyzer() -> None:
    analyzer = Analyzer(create(Settings()))
    assert redact(TEXT, "label", analyzer=analyzer).text == redact(TEXT, "label").text


def test_redact_bad_mode() -> None:
    with pytest.raises(InputError):
        redact(TEXT, "blur")


def test_redact_every_label_has_a_vietnamese_name() -> None:
    assert set(LABELS) == {label for d in create(Settings()) for label in d.labels}


def test_redact_cli_text_and_stdin() -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["redact", "--mode", "label", "sđt 0912345678"])
    assert res.exit_code == 0 and res.output.strip() == "sđt [SỐ ĐIỆN THOẠI]"
    res = runner.invoke(
        app, ["redact", "-", "--json", "--mode", "hash", "--salt", "k"], input="sđt 0912345678"
    )
    out = json.loads(res.output)
    assert out["text"].startswith("sđt [SỐ ĐIỆN THOẠI #") and out["replacements"][0]["start"] == 4


def test_redact_cli_bad_mode_exits_2() -> None:
    res = CliRunner().invoke(app, ["redact", "--mode", "blur", "x"])
    assert res.exit_code == 2


def test_redact_cli_help() -> None:
    res = CliRunner().invoke(app, ["redact", "--help"])
    assert res.exit_code == 0 and "--mode" in res.output


def test_redact_readme_example() -> None:
    """The example in src/kiemchung/detectors/privacy/README.md."""
    assert (
        redact("Gọi 0912.345.678, STK VCB 0071000123456", mode="label").text
        == "Gọi [SỐ ĐIỆN THOẠI], STK VCB [SỐ TÀI KHOẢN]"
    )
    a = redact("sđt 0912 345 678", mode="hash", salt="bí mật").text
    b = redact("sđt +84 912 345 678", mode="hash", salt="bí mật").text
    assert a.startswith("sđt [SỐ ĐIỆN THOẠI #") and a == b


class _Digits4(PatternRecognizer):
    """A custom recognizer whose spans overlap the phone recognizer's: four digits, then three."""

    name: ClassVar[str] = "test.digits4.v1"
    label: ClassVar[str] = "privacy.cmnd"
    labels: ClassVar[frozenset[str]] = frozenset({"privacy.cmnd"})
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (Pattern("d4", r"(?<!\d)\d{4}[ .]\d{3}(?!\d)", 0.95),)
    NUMERIC: ClassVar[bool] = False


def _undo(result: RedactionResult, text: str) -> str:
    """The original text rebuilt from the redacted one and the replacements' offsets."""
    out, pos = [], 0
    for r in result.replacements:
        assert result.text[r.new_start : r.new_end] == r.replacement
        out.append(result.text[pos : r.new_start])
        out.append(text[r.start : r.end])
        pos = r.new_end
    out.append(result.text[pos:])
    return "".join(out)


@pytest.mark.parametrize("mode", ["mask", "label", "hash"])
def test_redact_overlapping_findings_keep_one_span_and_original_offsets(mode: str) -> None:
    text = "📞 0912 345 678 hoặc +84 987 654 321 nhé"  # no context word: each phone scores 0.7
    recs = [*recognizers(["privacy.phone"]), _Digits4()]
    res = redact(text, mode, salt="s", recognizers=recs)
    spans = [(r.start, r.end) for r in res.replacements]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # no two replacements overlap
    # the custom span "0912 345" (score 0.95) wins over the phone it overlaps; the second phone is untouched by it
    first, second = res.replacements
    assert text[first.start : first.end] == "0912 345" and first.label == "privacy.cmnd"
    assert text[second.start : second.end] == "+84 987 654 321" and second.label == "privacy.phone"
    assert _undo(res, text) == text


@pytest.mark.parametrize("mode", ["mask", "label", "hash"])
def test_redact_offsets_index_the_original_text_on_the_holdout_posts(mode: str) -> None:
    path = Path(__file__).resolve().parent / "data" / "pii_holdout.jsonl"
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    replaced = 0
    for text in texts:
        res = redact(text, mode, salt="s")
        assert _undo(res, text) == text
        replaced += len(res.replacements)
        if mode == "mask":
            assert len(res.text) == len(text)
    assert replaced >= 200


def test_redact_cli_json_offsets_index_the_original_text() -> None:
    text = "☎️0912345678, CCCD 001203004567"
    res = CliRunner().invoke(app, ["redact", text, "--mode", "label", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    got = [(text[r["start"] : r["end"]], r["label"]) for r in out["replacements"]]
    assert got == [("0912345678", "privacy.phone"), ("001203004567", "privacy.cccd")]
    assert out["text"] == "☎️[SỐ ĐIỆN THOẠI], CCCD [CCCD]"
