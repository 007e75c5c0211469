"""Vietnamese explanations with a side-by-side view of the source and the post (one sentence each)."""

from __future__ import annotations

from kiemchung.quotes.verdict import Change, QuoteVerdict

_KIND_VI = {
    "negation_dropped": "phủ định",
    "qualifier_dropped": "từ giới hạn",
    "condition_dropped": "điều kiện",
    "contrast_dropped": "vế đối lập",
}


def short(s: str, limit: int = 160) -> str:
    s = " ".join(s.split())
    if len(s) <= limit:
        return s
    half = (limit - 3) // 2
    return s[:half].rstrip() + " … " + s[-half:].lstrip()


def detail_of(v: QuoteVerdict) -> str:
    """A compact machine-readable reason: ``kind: «source» → «post»`` for the first change."""
    if v.verdict == "not_found":
        return f"not_found: coverage={v.coverage:.2f}"
    if not v.changes:
        return f"faithful: coverage={v.coverage:.2f}"
    return change_text(v.changes[0])


def change_text(c: Change) -> str:
    """``kind: «source» → «post»`` (one side only when the other is empty)."""
    if not c.post_text:
        return f"{c.kind}: «{short(c.source_text, 80)}»"
    if not c.source_text:
        return f"{c.kind}: → «{short(c.post_text, 80)}»"
    return f"{c.kind}: «{short(c.source_text, 80)}» → «{short(c.post_text, 80)}»"


def explain(v: QuoteVerdict, quote_text: str, speaker: str) -> str:
    """One Vietnamese sentence a reviewer can read, with the source and post side by side."""
    q = short(quote_text)
    if v.verdict == "not_found":
        return f"Không tìm thấy câu trích dẫn «{q}» trong các nguồn đã cho (khớp {v.coverage:.0%} số từ)."
    src = short(v.source_excerpt)
    c: Change = v.changes[0] if v.changes else Change("")
    if v.verdict == "truncated":
        what = _KIND_VI.get(c.kind, "một phần")
        return (f"Trích dẫn bị cắt: nguồn nói «{src}», bài đăng bỏ phần «{short(c.source_text, 100)}» "
                f"({what}), làm đổi nghĩa câu nói.")
    if c.kind == "speaker_mismatch":
        return (f"Trích dẫn gán sai người nói: theo nguồn «{v.source_id}», đây là lời của «{c.source_text}», "
                f"bài đăng gán cho «{c.post_text or speaker}».")
    if c.kind in ("negation_added", "negation_removed"):
        how = "thêm phủ định" if c.kind == "negation_added" else "bỏ phủ định"
        pair = f"«{short(c.source_text, 60)}» → «{short(c.post_text, 60)}»"
    elif c.kind == "number_changed":
        how, pair = "đổi con số", f"«{short(c.source_text, 60)}» → «{short(c.post_text, 60)}»"
    elif c.kind == "antonym":
        how, pair = "thay bằng từ trái nghĩa", f"«{short(c.source_text, 60)}» → «{short(c.post_text, 60)}»"
    elif c.kind == "qualifier_replaced":
        how, pair = "thay từ giới hạn", f"«{short(c.source_text, 60)}» → «{short(c.post_text, 60)}»"
    elif c.kind == "word_changed":
        how, pair = "đổi từ", f"«{short(c.source_text, 60)}» → «{short(c.post_text, 60)}»"
    else:
        how, pair = "nhiều từ bị thay đổi", ""
    tail = f" ({how}: {pair})" if pair else f" ({how})"
    return f"Trích dẫn bị sửa: nguồn nói «{src}», bài đăng viết «{q}»{tail}."
