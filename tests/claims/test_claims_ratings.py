import pytest

from kiemchung.claims.ratings import normalize_rating


@pytest.mark.parametrize(
    ("rating", "verdict"),
    [
        ("Sai", "false"),
        ("Sai sự thật", "false"),
        ("SAI SU THAT", "false"),
        ("Tin giả", "false"),
        ("Không đúng", "false"),
        ("Chưa chính xác", "false"),
        ("False", "false"),
        ("Pants on Fire!", "false"),
        ("Gây hiểu nhầm", "misleading"),
        ("Misleading", "misleading"),
        ("Thiếu bối cảnh", "misleading"),
        ("Một phần sai", "partly_false"),
        ("Mostly false", "partly_false"),
        ("Half True", "partly_false"),
        ("Đúng", "true"),
        ("Đúng sự thật", "true"),
        ("True", "true"),
        ("Mostly true", "true"),
        ("", "unknown"),
        ("Chờ xác minh thêm", "unknown"),
    ],
)
def test_ratings_normalize_text(rating: str, verdict: str) -> None:
    assert normalize_rating(rating) == verdict


@pytest.mark.parametrize(
    ("value", "best", "worst", "verdict"),
    [(1, 5, 1, "false"), (2, 5, 1, "partly_false"), (5, 5, 1, "true"), (None, None, None, "unknown"), ("x", 5, 1, "unknown")],
)
def test_ratings_numeric_rating_value(value: object, best: object, worst: object, verdict: str) -> None:
    assert normalize_rating(None, value, best, worst) == verdict  # type: ignore[arg-type]


def test_ratings_text_wins_over_value() -> None:
    assert normalize_rating("Gây hiểu nhầm", 1, 5, 1) == "misleading"
