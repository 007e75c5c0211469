"""``POST /v1/analyze``: the DESIGN §3 report, request limits (413 with a clear message), validation (422),
concurrent requests batched through ``Analyzer.analyze_batch``; OpenAPI published."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from fastapi.testclient import TestClient

from webtest_support import API_AUTH as AUTH  # type: ignore[import-not-found]

from kiemchung.web.app import API_BODY_LIMIT



@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Đồ ngu, gọi 0912 345 678", ["toxicity.offensive", "privacy.phone"]),
        ("Bài viết bình thường.", []),
        ("", []),
        ("😀 ngu 😀", ["toxicity.offensive"]),
    ],
)
def test_api_analyze_report_contract(api_app, text: str, labels: list[str]) -> None:  # type: ignore[no-untyped-def]
    with TestClient(api_app) as c:
        r = c.post("/v1/analyze", headers=AUTH, json={"text": text})
    assert r.status_code == 200
    rep = r.json()
    assert rep["text"] == text
    assert set(rep) >= {"text", "findings", "scores", "claims", "quotes", "versions"}
    assert [f["label"] for f in rep["findings"]] == labels
    for f in rep["findings"]:
        assert text[f["start"] : f["end"]] == f["excerpt"]
        assert f["category"] == f["label"].split(".")[0] and f["explanation"] and f["rule"]
        assert all(set(e) == {"kind", "detail", "score_delta"} for e in f["evidence"])
    assert rep["versions"]["policy"] == "default@1"


def test_api_analyze_with_sources_and_id(api_app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(api_app) as c:
        r = c.post(
            "/v1/analyze",
            headers=AUTH,
            json={
                "id": "p1",
                "text": 'Ông nói "tăng học phí"',
                "sources": [{"speaker": "Ông A", "text": "Không tăng học phí."}],
            },
        )
    assert r.status_code == 200 and r.json()["id"] == "p1"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": 5},
        {"text": "x", "extra": 1},
        {"text": "x", "sources": [{"speaker": "A"}]},
        {"text": "x" * 50_001},
    ],
)
def test_api_analyze_validation_422(api_app, body) -> None:  # type: ignore[no-untyped-def]
    with TestClient(api_app) as c:
        assert c.post("/v1/analyze", headers=AUTH, json=body).status_code == 422


def test_api_analyze_413_with_clear_message(api_app) -> None:  # type: ignore[no-untyped-def]
    big = {"text": "a" * (API_BODY_LIMIT + 10)}
    with TestClient(api_app) as c:
        r = c.post("/v1/analyze", headers=AUTH, json=big)
        assert r.status_code == 413
        assert "quá lớn" in r.json()["detail"] and "too large" in r.json()["detail"]

        # also when the client streams without a Content-Length
        def gen():  # type: ignore[no-untyped-def]
            for _ in range(API_BODY_LIMIT // 1000 + 2):
                yield b"a" * 1000

        r = c.post("/v1/analyze", headers={**AUTH, "content-type": "application/json"}, content=gen())
        assert r.status_code == 413


def test_api_analyze_401_without_token(api_app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(api_app) as c:
        r = c.post("/v1/analyze", json={"text": "x"})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"


def test_api_openapi_lists_the_endpoints(api_app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(api_app) as c:
        spec = c.get("/v1/openapi.json").json()
        docs = c.get("/v1/docs")
    for path in (
        "/v1/analyze",
        "/v1/pages",
        "/v1/posts",
        "/v1/findings",
        "/v1/reviews",
        "/v1/findings/{finding_id}/review",
    ):
        assert path in spec["paths"], path
    assert docs.status_code == 200 and "/v1/analyze" in docs.text and "cdn" not in docs.text.lower()


def test_api_concurrent_requests_are_batched(api_app) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []
    analyzer = api_app.state.analyzer
    original = analyzer.analyze_batch

    def spy(docs):  # type: ignore[no-untyped-def]
        calls.append(len(docs))
        return original(docs)

    api_app.state.batcher.analyzer = type("Spy", (), {"analyze_batch": staticmethod(spy)})()

    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=api_app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as ac:
            return await asyncio.gather(
                *[ac.post("/v1/analyze", headers=AUTH, json={"text": f"ngu {i}"}) for i in range(40)]
            )

    responses = asyncio.run(run())
    assert all(r.status_code == 200 for r in responses)
    assert [r.json()["text"] for r in responses] == [f"ngu {i}" for i in range(40)]
    assert sum(calls) == 40 and len(calls) < 40


def test_api_health_needs_no_token(api_app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(api_app) as c:
        r = c.get("/v1/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"
