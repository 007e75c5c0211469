"""The self-check page: findings highlighted in place, explanation, rule text, redacted copy; anonymous use is
rate-limited per IP; CSRF protects the form."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient
from webtest_support import csrf_of  # type: ignore[import-not-found]

from kiemchung.web.app import create_app
from kiemchung.web.render import redacted, segments, word_diff

DRAFT = "Mày ngu quá, gọi 0912 345 678 nhé"


@pytest.fixture()
def anon_app(web_analyzer):  # type: ignore[no-untyped-def]
    return create_app(analyzer=web_analyzer)  # in-memory store


def _marks(page: str) -> list[str]:
    block = re.search(r'<div class="highlighted" id="highlighted">(.*?)</div>', page, re.S)
    assert block
    return [html.unescape(m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", block.group(1))]


def test_selfcheck_highlights_findings_in_place(anon_app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(anon_app) as c:
        tok = csrf_of(c.get("/").text)
        r = c.post("/check", data={"text": DRAFT, "csrf_token": tok})
    assert r.status_code == 200
    assert _marks(r.text) == ["ngu", "0912 345 678"]
    assert "Từ ngữ xúc phạm trí tuệ người khác." in r.text
    # the rule text of the policy pack, not just its id
    assert "Quyết định 874/QĐ-BTTTT" in r.text
    assert "Nghị định 356/2025" in html.unescape(r.text)
    # the redacted copy masks the phone number and keeps the rest
    red = html.unescape(
        re.search(r'<textarea readonly rows="4" id="redacted">(.*?)</textarea>', r.text, re.S).group(1)
    )
    assert "0912 345 678" not in red and red.startswith("Mày ngu quá, gọi ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Không có gì đáng lo.", []), ("ngu", ["ngu"]), ("ngụ ý rằng", []), ("số 0912345678.", ["0912345678"])],
)
def test_selfcheck_marks_table(anon_app, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    with TestClient(anon_app) as c:
        r = c.post("/check", data={"text": text, "csrf_token": csrf_of(c.get("/").text)})
    assert r.status_code == 200
    assert _marks(r.text) == expected
    if not expected:
        assert 'id="no-findings"' in r.text


def test_selfcheck_rejects_missing_or_wrong_csrf(anon_app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(anon_app) as c:
        c.get("/")
        assert c.post("/check", data={"text": DRAFT}).status_code == 403
        assert c.post("/check", data={"text": DRAFT, "csrf_token": "forged"}).status_code == 403


def test_selfcheck_anonymous_is_rate_limited_per_ip(anon_app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(anon_app) as c:
        tok = csrf_of(c.get("/").text)
        limit = anon_app.state.anon_check_limiter.limit
        codes = [
            c.post("/check", data={"text": "chào", "csrf_token": tok}).status_code for _ in range(limit + 1)
        ]
    assert codes[:limit] == [200] * limit
    assert codes[-1] == 429


def test_selfcheck_english_switch_keeps_vietnamese_default(anon_app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(anon_app) as c:
        assert "Kiểm tra trước khi đăng" in c.get("/").text
        assert "Check before posting" in c.get("/?lang=en").text
        assert "Check before posting" in c.get("/").text  # remembered in a cookie
        assert "Kiểm tra trước khi đăng" in c.get("/?lang=vi").text


def test_selfcheck_security_headers(anon_app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(anon_app) as c:
        r = c.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY"


def test_render_segments_split_overlaps(web_analyzer) -> None:  # type: ignore[no-untyped-def]
    report = web_analyzer.analyze("ngu 0912345678")
    segs = segments(report)
    assert "".join(s.text for s in segs) == report.text
    assert [(s.text, bool(s.findings)) for s in segs] == [("ngu", True), (" ", False), ("0912345678", True)]


def test_render_redacted_masks_privacy_only(web_analyzer) -> None:  # type: ignore[no-untyped-def]
    report = web_analyzer.analyze("ngu 0912345678")
    out = redacted(report)
    assert len(out) == len(report.text) or "0912345678" not in out
    assert "0912345678" not in out and out.startswith("ngu ")


@pytest.mark.parametrize(
    ("left", "right", "dels", "ins"),
    [
        ("tăng học phí ngay năm nay", "sẽ tăng học phí từ năm sau", ["ngay", "nay"], ["sẽ ", "từ", "sau"]),
        ("giống hệt", "giống hệt", [], []),
    ],
)
def test_render_word_diff(left: str, right: str, dels: list[str], ins: list[str]) -> None:
    lcol, rcol = word_diff(left, right)
    assert "".join(s for _, s in lcol) == left and "".join(s for _, s in rcol) == right
    assert [s.strip() for op, s in lcol if op == "del"] == [d.strip() for d in dels]
    assert [s.strip() for op, s in rcol if op == "ins"] == [i.strip() for i in ins]


@pytest.mark.parametrize(
    ("path", "status", "kind"), [("/khong-co", 404, "text/html"), ("/v1/khong-co", 404, "application/json")]
)
def test_selfcheck_unknown_paths(anon_app, path: str, status: int, kind: str) -> None:  # type: ignore[no-untyped-def]
    with TestClient(anon_app) as c:
        r = c.get(path)
    assert r.status_code == status and r.headers["content-type"].startswith(kind)
