"""Helpers shared by the web tests (imported by conftest.py and the test modules)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, ClassVar

from kiemchung.types import DetectorOutput, Evidence, Finding, Prepared

DEMO_PASSWORD = "kiemchung-demo"
# The admin token the API tests start the app with (``KIEMCHUNG_API_TOKEN``) and the header that carries it.
API_TOKEN = "test-admin-token-0123456789"
API_AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
ROLE_LOGINS = {
    "member": "lan",
    "reviewer": "ranhsoat",
    "unit_admin": "quantri",
    "auditor": "kiemtoan",
    "admin": "admin",
}


class WebWordDetector:
    """Flags 'ngu', 'óc chó', 'mất dạy' (toxicity.offensive) and ten-digit numbers starting with 09
    (privacy.phone)."""

    name: ClassVar[str] = "test.webwords.v1"
    labels: ClassVar[frozenset[str]] = frozenset({"toxicity.offensive", "privacy.phone"})

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
        outs = []
        for d in docs:
            text = d.document.text
            found = []
            for m in re.finditer(r"(?<!\w)(?:ngu|óc chó|mất dạy)(?!\w)", text, flags=re.IGNORECASE):
                found.append(
                    Finding(
                        self.name,
                        "toxicity.offensive",
                        0.91,
                        m.start(),
                        m.end(),
                        "Từ ngữ xúc phạm trí tuệ người khác.",
                        (Evidence("lexicon", m.group(0).lower(), 0.91),),
                    )
                )
            for m in re.finditer(r"(?<!\d)09\d(?:[ .]?\d){7}(?!\d)", text):
                found.append(
                    Finding(
                        self.name,
                        "privacy.phone",
                        0.97,
                        m.start(),
                        m.end(),
                        "Số điện thoại di động.",
                        (Evidence("pattern", "vn_mobile", 0.97),),
                    )
                )
            outs.append(
                DetectorOutput(findings=tuple(found), scores={"toxicity.offensive": 0.91 if found else 0.02})
            )
        return outs


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no CSRF token on the page"
    return m.group(1)


def login(client: Any, login_name: str, password: str = DEMO_PASSWORD) -> Any:
    page = client.get("/login")
    return client.post(
        "/login",
        data={"login": login_name, "password": password, "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
