"""Link analysis: official domains pass, lookalikes are named, spans index the text."""

from __future__ import annotations

import pytest

from kiemchung.scam.links import find_links, judge_host

# a Cyrillic "а" in place of the Latin "a"
_CYRILLIC = "vietcombаnk.com"


@pytest.mark.parametrize(
    ("text", "url", "verdict", "brand"),
    [
        ("Truy cập https://vietcombank.com.vn/khuyen-mai nhé", "https://vietcombank.com.vn/khuyen-mai", "official", "vietcombank"),
        ("tải app tại momo.vn.", "momo.vn", "official", "momo"),
        ("Nộp hồ sơ tại https://dichvucong.gov.vn", "https://dichvucong.gov.vn", "official", "dichvucong"),
        ("Xem thêm vnexpress.net/bai-viet-123", "vnexpress.net/bai-viet-123", "official", "vnexpress"),
        ("vao vietcombamk.com de xac thuc", "vietcombamk.com", "brand_in_domain", "vietcombank"),
        ("Đăng nhập https://techcornbank.com ngay", "https://techcornbank.com", "typosquat", "techcombank"),
        ("link: http://vcb-xacthuc.top/login.", "http://vcb-xacthuc.top/login", "brand_in_domain", "vietcombank"),
        ("http://www.techcombank.com.vn.secure-login.xyz/a", "http://www.techcombank.com.vn.secure-login.xyz/a", "brand_in_domain", "techcombank"),
        ("https://shopee.vn.khuyenmai.vip", "https://shopee.vn.khuyenmai.vip", "brand_in_domain", "shopee"),
        ("http://abc.xyz/vietcombank/login", "http://abc.xyz/vietcombank/login", "brand_in_path", "vietcombank"),
        ("xem tại bit.ly/3abcXY", "bit.ly/3abcXY", "shortener", ""),
        ("http://103.45.6.7/vcb", "http://103.45.6.7/vcb", "ip_host", ""),
        ("Đăng nhập faceb00k.com", "faceb00k.com", "homoglyph", "facebook"),
        (f"Đăng nhập {_CYRILLIC} ngay", _CYRILLIC, "homoglyph", "vietcombank"),
        ("https://xn--80ak6aa92e.com", "https://xn--80ak6aa92e.com", "homoglyph", "apple"),
        ("nhận quà ở quatang.click", "quatang.click", "risky_tld", ""),
        ("trang example.com", "example.com", "other", ""),
    ],
)
def test_links_verdicts(text: str, url: str, verdict: str, brand: str) -> None:
    found = find_links(text)
    assert len(found) == 1
    lv = found[0]
    assert text[lv.start : lv.end] == url
    assert lv.verdict == verdict
    assert lv.brand == brand


@pytest.mark.parametrize("host", ["vietcombank.com.vn", "ebank.vietinbank.vn", "vneid.gov.vn", "zalo.me", "tiki.vn",
                                  "km.vtmoney.vn", "hcmuni.fpt.edu.vn", "online.mbbank.com.vn"])
def test_links_official_hosts_are_not_lookalikes(host: str) -> None:
    assert judge_host(host)[0] in ("official", "other")


def test_links_numbers_and_prices_are_not_links() -> None:
    assert find_links("Giá 1.250.000đ, hẹn 10.30 sáng thứ 2, v.v.") == []
