"""Table tests for each normalization feature, with negatives (numbers, URLs, e-mails, names untouched)."""

from __future__ import annotations

import pickle

import pytest

from kiemchung.text.normalize import is_syllable, normalize, normalize_word, strip_diacritics
from kiemchung.text.offsets import clean


def words(text: str) -> list[str]:
    return [t.text for t in normalize(text).tokens]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vie\u0323\u0302t Nam", "việt nam"),  # combining accents composed
        ("a\u200bb\u200cc\ufeffd", "abcd"),  # zero-width characters dropped
        ("ＨＥＬＬＯ ｂạｎ", "hello bạn"),  # full-width
        ("𝐧𝐠𝐮 𝓆𝓊á", "ngu quá"),  # mathematical "fancy" letters used to dodge filters
        ("Hoà bình", "hòa bình"),
        ("khoẻ không", "khỏe không"),
        ("Thuý Kiều", "thúy kiều"),
        ("quý hoá", "quý hóa"),  # qu- onset keeps its mark
        ("hoàng khoét", "hoàng khoét"),  # closed syllables are the same in both styles
        ("tuởng tượng", "tưởng tượng"),
        ("ĐẠI HỌC", "đại học"),
    ],
)
def test_normalize_unicode_tone_and_case(text: str, expected: str) -> None:
    assert normalize(text).normalized == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quáaaa", "quá"),
        ("điiii", "đi"),
        ("QUÁAAA", "quá"),
        ("nhaaaa", "nha"),
        ("khônggggg", "không"),
        ("vãiiiii", "vãi"),
        ("đẹpppp", "đẹp"),
        # negatives: legit doubles and laughter are kept
        ("xoong", "xoong"),
        ("quốc", "quốc"),
        ("good", "good"),
        ("coffee", "coffee"),
        ("kkkk", "kkkk"),
        ("hahaha", "hahaha"),
    ],
)
def test_normalize_squashes_emphasis(text: str, expected: str) -> None:
    assert normalize(text).normalized == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ko biết", "không biết"),
        ("k đi", "không đi"),
        ("hok chịu", "không chịu"),
        ("khong sao", "không sao"),
        ("dc rồi", "được rồi"),
        ("đc chưa", "được chưa"),
        ("mk đi", "mình đi"),
        ("làm j", "làm gì"),
        ("ntn vậy", "như thế nào vậy"),
        ("Ko biết", "không biết"),  # sentence start: still teencode
        ("KO BIẾT ĐC", "không biết được"),  # shouting
        ("hôm nay. Ko đi", "hôm nay. không đi"),
    ],
)
def test_normalize_expands_teencode(text: str, expected: str) -> None:
    assert normalize(text).normalized == expected


@pytest.mark.parametrize(
    "text",
    [
        "giá 500k nhé",  # price: the k is thousand
        "20k/kg",
        "gọi 0912 345 678",
        "lúc 10h30",
        "ngày 12/03/2024",
        "https://k.vn/ko?j=dc",
        "www.example.com/mk",
        "ib qua ko.dc@gmail.com",
        "@ko ơi",
        "#ko",
        "bit.ly/Ko",
    ],
)
def test_normalize_keeps_numbers_urls_emails_mentions(text: str) -> None:
    norm = normalize(text)
    for tok in norm.tokens:
        if tok.kind in ("number", "url", "email", "mention", "hashtag"):
            assert norm.original_excerpt(tok.start, tok.end).lower() == tok.text
    protected = [t for t in norm.tokens if t.kind != "word" and t.kind != "punct"]
    assert protected, text


@pytest.mark.parametrize(
    ("text", "kind", "excerpt"),
    [
        ("giá 500k nhé", "number", "500k"),
        ("gọi 0912.345.678", "number", "0912.345.678"),
        ("xem https://bit.ly/AbC, nhé", "url", "https://bit.ly/AbC"),
        ("vào vnexpress.net.", "url", "vnexpress.net"),
        ("t.me/abc", "url", "t.me/abc"),
        ("mail a.b@gmail.com nha", "email", "a.b@gmail.com"),
        ("@Nguyen_Van_A ơi", "mention", "@Nguyen_Van_A"),
        ("#TinGiả nè", "hashtag", "#TinGiả"),
        ("hay quá :))", "emoticon", ":))"),
        ("=]] thật", "emoticon", "=]]"),
        ("kiểu:v", "emoticon", ":v"),
        ("yêu <3", "emoticon", "<3"),
        ("^^ xinh", "emoticon", "^^"),
        ("cười 😂 ra nước mắt", "emoji", "😂"),
        ("like 👍🏻", "emoji", "👍🏻"),
        ("nhà 👨‍👩‍👧", "emoji", "👨‍👩‍👧"),
    ],
)
def test_normalize_token_kinds(text: str, kind: str, excerpt: str) -> None:
    norm = normalize(text)
    found = [norm.original_excerpt(t.start, t.end) for t in norm.tokens if t.kind == kind]
    assert excerpt in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("anh Ko đến", "anh Ko đến"),  # a capitalised short form mid-sentence is a name: kept as written
        ("chị Mai và T", "chị mai và T"),
        ("vitamin K", "vitamin K"),
        ("Ko đến", "không đến"),
    ],
)
def test_normalize_leaves_names(text: str, expected: str) -> None:
    assert normalize(text).normalized == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("đ.m", "đm"),
        ("v-c-l", "vcl"),
        ("n.g.u", "ngu"),
        ("n g u vậy", "ngu vậy"),
        ("đồ c h ó", "đồ chó"),
        ("ch3t đi", "chết đi"),
        ("ch@o bạn", "chao bạn"),
        ("h0c bài", "học bài"),
        ("ng0c", "ngoc"),
        # negatives
        ("v.v", "v.v"),
        ("t k b", "tôi không bạn"),  # single-letter teencode, not spelled-out
        ("ừ ừ ừ", "ừ ừ ừ"),
        ("covid19 và F0", "covid19 và f0"),
        ("mp3 4G u23", "mp3 4g u23"),
        ("TP.HCM", "tp.hcm"),
    ],
)
def test_normalize_undoes_obfuscation(text: str, expected: str) -> None:
    assert normalize(text).normalized == expected


def test_normalize_offsets_of_expansion_and_squash() -> None:
    text = "Ko thích quáaaa ntn"
    norm = normalize(text)
    assert norm.normalized == "không thích quá như thế nào"
    i = norm.normalized.index("không")
    assert norm.original_excerpt(i, i + 5) == "Ko"
    i = norm.normalized.index("quá")
    assert norm.original_excerpt(i, i + 3) == "quáaaa"
    assert norm.original_excerpt(i + 2, i + 3) == "áaaa"  # a squashed letter maps to its whole run
    i = norm.normalized.index("thế")
    assert norm.original_excerpt(i, i + 3) == "ntn"  # an expanded word maps to the whole source token


def test_normalize_key_and_strip_diacritics() -> None:
    norm = normalize("Đường đi khó")
    assert norm.key == "duong di kho"
    assert len(norm.key) == len(norm.normalized)
    assert strip_diacritics("Đường ĐI") == "Duong DI"
    assert len(strip_diacritics("ỹỵđĐ")) == 4


def test_normalize_clean_maps_clusters() -> None:
    text = "Vie\u0323\u0302t\u200b!"
    u, starts, ends = clean(text)
    assert u == "Việt!"
    assert starts is not None and ends is not None
    assert text[starts[2] : ends[2]] == "e\u0323\u0302"
    assert clean("thuần tiếng Việt") == ("thuần tiếng Việt", None, None)


def test_normalize_tokens_index_normalized() -> None:
    norm = normalize("Ko bjết j hết trơn :)) xem https://x.vn nha 😂")
    for tok in norm.tokens:
        assert norm.normalized[tok.start : tok.end] == tok.text
    assert [t.kind for t in norm.tokens][-4:] == ["emoticon", "word", "url", "word", "emoji"][-4:]


def test_normalize_helpers() -> None:
    assert is_syllable("nghiêng")
    assert not is_syllable("xyz")
    assert normalize_word("ko") == "không"
    assert normalize_word("quáaaa") == "quá"


def test_normalize_result_pickles() -> None:
    norm = normalize("ko biết :))")
    assert pickle.loads(pickle.dumps(norm)) == norm


def test_normalize_original_unchanged() -> None:
    text = "  KO biết\u200b đc j 😂 "
    norm = normalize(text)
    assert norm.original is text
    assert norm.normalized.startswith("  không")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ck trước 500k vào stk nha", "chuyển khoản trước 500k vào số tài khoản nha"),
        ("ck tiền cho em", "chuyển khoản tiền cho em"),
        ("ck em đi làm rồi", "chồng em đi làm rồi"),  # no money talk: the usual meaning
        ("bảo ck về sớm", "bảo chồng về sớm"),
    ],
)
def test_normalize_money_sense_of_ck(text: str, expected: str) -> None:
    assert normalize(text).normalized == expected
