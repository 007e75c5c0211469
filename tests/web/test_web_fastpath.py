"""The ``POST /v1/analyze`` fast lane (web/fastpath.py) answers exactly what the route answers, and hands
every request it is not sure about to the route (whose errors stay the reference)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from kiemchung.web import fastpath
from webtest_support import API_AUTH as AUTH  # type: ignore[import-not-found]

from kiemchung.web.app import create_app



@pytest.fixture()
def fast_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many requests the fast lane answered itself."""
    calls: list[int] = []
    real = fastpath.encode_json

    def counting(content: Any) -> bytes:
        calls.append(1)
        return real(content)

    monkeypatch.setattr(fastpath, "encode_json", counting)
    return calls


BODIES = [
    {"text": "Đồ ngu, gọi 0912 345 678"},
    {"text": ""},
    {"text": "😀 ngu 😀 \"trích\" \\ \u2028 </script>", "id": "p-1"},
    {"text": 'Ông nói "tăng học phí"', "sources": [{"speaker": "Ông A", "text": "Không tăng."}, {"text": "b"}]},
]


@pytest.mark.parametrize("body", BODIES)
def test_fast_lane_answers_like_the_route(api_app, fast_calls, body) -> None:  # type: ignore[no-untyped-def]
    with TestClient(api_app) as c:
        fast = c.post("/v1/analyze", headers=AUTH, json=body)
        assert len(fast_calls) == 1
        slow = c.post("/v1/analyze?via=route", headers=AUTH, json=body)  # a query string: the route answers
        assert len(fast_calls) == 1
    assert fast.status_code == slow.status_code == 200
    assert fast.content == slow.content
    assert fast.json()["text"] == body["text"]
    for name in ("content-type", "content-length", "content-security-policy", "x-frame-options"):
        assert fast.headers[name] == slow.headers[name], name


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        ({}, {"text": "x"}, 401),
        ({"Authorization": "Bearer wrong"}, {"text": "x"}, 401),
        ({"Authorization": "Bearer kc_forged.token"}, {"text": "x"}, 401),
        (AUTH, {"text": 5}, 422),
        (AUTH, {"text": "x", "extra": 1}, 422),
        (AUTH, {"text": "x", "sources": [{"speaker": "A"}]}, 422),
        (AUTH, {"text": "x", "sources": [{"text": "a", "speaker": 3}]}, 422),
        (AUTH, {"text": "x", "id": "i" * 201}, 422),
        (AUTH, {"text": "x" * 50_001}, 422),
        (AUTH, [1, 2], 422),
    ],
)
def test_everything_else_is_the_route_s(api_app, fast_calls, headers, body, status) -> None:  # type: ignore[no-untyped-def]
    with TestClient(api_app) as c:
        r = c.post("/v1/analyze", headers=headers, json=body)
    assert r.status_code == status
    assert fast_calls == []
    assert "detail" in r.json()


def test_malformed_json_and_surrogates_go_to_the_route(api_app, fast_calls) -> None:  # type: ignore[no-untyped-def]
    with TestClient(api_app) as c:
        bad = c.post("/v1/analyze", headers={**AUTH, "Content-Type": "application/json"}, content=b'{"text": ')
        sur = c.post(
            "/v1/analyze", headers={**AUTH, "Content-Type": "application/json"}, content=b'{"text": "\\ud800"}'
        )
    assert bad.status_code == 422
    assert sur.status_code in (200, 422)  # the model's parser decides, not the fast lane
    assert fast_calls == []


def test_account_token_takes_the_fast_lane_and_revocation_holds(
    db_copy, web_analyzer, fast_calls, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from kiemchung.store.schema import Account
    from kiemchung.web.deps import app_secret, make_api_token

    monkeypatch.delenv("KIEMCHUNG_API_TOKEN", raising=False)
    app = create_app(db_url=db_copy, analyzer=web_analyzer)
    store = app.state.store
    with store.transaction() as s:
        acc = s.query(Account).filter_by(login="lan").one()
        token = make_api_token(app_secret(app), acc)
    with TestClient(app) as c:
        ok = c.post("/v1/analyze", headers={"Authorization": f"Bearer {token}"}, json={"text": "ngu"})
        assert ok.status_code == 200 and len(fast_calls) == 1
        with store.transaction() as s:
            s.query(Account).filter_by(login="lan").one().active = False
        gone = c.post("/v1/analyze", headers={"Authorization": f"Bearer {token}"}, json={"text": "ngu"})
    assert gone.status_code == 401 and len(fast_calls) == 1


def test_cookie_requests_take_the_route(api_app, fast_calls) -> None:  # type: ignore[no-untyped-def]
    with TestClient(api_app) as c:
        c.cookies.set("lang", "en")
        r = c.post("/v1/analyze", headers=AUTH, json={"text": "x"})
    assert r.status_code == 200 and fast_calls == []
