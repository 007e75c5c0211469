"""Quote checks per second against a 5,000-word source, side by side with a naive full-text difflib alignment.

    python benchmarks/bench_quotes.py [--checks 2000] [--words 5000]

The source is a synthetic speech built from hand-written sentence templates (deterministic); each post quotes
one sentence of it, faithfully, cut, altered or made up. Prints the figures (per CPU second of one process,
so a busy machine does not hide the rate; wall time is printed too); target ≥ 1,000 checks/s.
"""

from __future__ import annotations

import argparse
import random
import time
from difflib import SequenceMatcher

from kiemchung.quotes import check_quotes
from kiemchung.quotes.tokens import TokenSeq, plain_view
from kiemchung.types import Source

SUBJECTS = ["Ngành điện", "Thành phố", "Bộ Y tế", "Chúng tôi", "Các doanh nghiệp", "Người dân", "Nhà trường",
            "Tỉnh", "Ngân hàng Nhà nước", "Lực lượng công an", "Các địa phương", "Hợp tác xã", "Công ty"]
VERBS = ["sẽ tăng cường", "đã hoàn thành", "đang triển khai", "cần đẩy mạnh", "chưa thực hiện", "tiếp tục hỗ trợ",
         "sẽ xem xét", "đã tiết kiệm", "đang kiểm tra", "không tăng", "sẽ giảm", "đã đầu tư"]
OBJECTS = ["công tác phòng chống dịch", "chương trình nhà ở xã hội", "việc cải tạo hệ thống thoát nước",
           "kế hoạch chuyển đổi số", "dự án đường vành đai", "giá bán lẻ điện", "nguồn vốn vay ưu đãi",
           "chế độ cho giáo viên vùng cao", "quy hoạch khu đô thị", "hoạt động xuất khẩu nông sản",
           "mạng lưới trạm y tế", "chất lượng nước sinh hoạt", "an toàn giao thông dịp Tết"]
TAILS = ["trong năm nay", "trong quý tới", "tại các quận nội thành", "ở vùng sâu vùng xa", "theo đúng kế hoạch",
         "với tổng kinh phí {n} tỷ đồng", "cho khoảng {n} hộ dân", "trước ngày {d} tháng {m}"]
RIDERS = [", nhưng vẫn còn nhiều khó khăn về mặt bằng", ", nếu nguồn vốn được bố trí kịp thời",
          ", trừ khi thời tiết bất lợi kéo dài", "", "", "", ""]
FAKES = ["Chúng tôi sẽ phát tiền mặt cho mọi người dân vào dịp Tết năm nay",
         "Từ tháng sau người dân không được đi xe máy vào trung tâm",
         "Mọi khoản vay của người dân sẽ được xóa nợ hoàn toàn"]


def make_source(words: int, rng: random.Random) -> tuple[str, list[str]]:
    sentences: list[str] = []
    count = 0
    while count < words:
        tail = rng.choice(TAILS).format(n=rng.randint(2, 900), d=rng.randint(1, 28), m=rng.randint(1, 12))
        s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {tail}{rng.choice(RIDERS)}."
        sentences.append(s)
        count += len(s.split())
    return " ".join(sentences), sentences


def make_posts(sentences: list[str], n: int, rng: random.Random) -> list[str]:
    posts = []
    for i in range(n):
        s = rng.choice(sentences).rstrip(".")
        kind = i % 4
        if kind == 1 and "," in s:
            s = s.split(",")[0]  # cut
        elif kind == 2:
            s = s.replace("sẽ", "không", 1) if "sẽ" in s else s + " gấp đôi"  # altered
        elif kind == 3:
            s = rng.choice(FAKES)
        posts.append(f"Ông Nguyễn Văn An nói: “{s}”. Các bạn nghĩ sao?")
    return posts


def naive_check(post: str, source_keys: list[str]) -> float:
    """The peer: align the quote against the whole source with difflib, no anchoring."""
    q = TokenSeq.of(plain_view(post.split("“", 1)[1].split("”", 1)[0])).keys
    sm = SequenceMatcher(None, q, source_keys, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks()) / max(1, len(q))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--checks", type=int, default=2000)
    ap.add_argument("--words", type=int, default=5000)
    ap.add_argument("--naive", type=int, default=100, help="checks for the naive peer (it is slow)")
    args = ap.parse_args()
    rng = random.Random(7)
    text, sentences = make_source(args.words, rng)
    source = Source("speech", text, "Nguyễn Văn An")
    posts = make_posts(sentences, args.checks, rng)

    t0 = time.perf_counter()
    check_quotes(posts[0], [source])  # builds and caches the source index
    index_s = time.perf_counter() - t0

    verdicts: dict[str, int] = {}
    t0, c0 = time.perf_counter(), time.process_time()
    n_checks = 0
    for p in posts:
        for c in check_quotes(p, [source]):
            verdicts[c.verdict.verdict] = verdicts.get(c.verdict.verdict, 0) + 1
            n_checks += 1
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    rate = n_checks / cpu

    keys = TokenSeq.of(plain_view(text)).keys
    c0 = time.process_time()
    for p in posts[: args.naive]:
        naive_check(p, keys)
    naive_rate = args.naive / (time.process_time() - c0)

    print(f"source: {len(text.split())} words, {len(sentences)} sentences; "
          f"index built in {index_s * 1000:.1f} ms")
    print(f"kiemchung quotes (anchored n-gram + local difflib): {rate:,.0f} quote checks/s of CPU, one core "
          f"({n_checks} checks, {cpu:.2f} s CPU, {elapsed:.2f} s wall) verdicts={verdicts}")
    print(f"peer: difflib over the whole source (no anchoring):   {naive_rate:,.0f} quote checks/s of CPU "
          f"({args.naive} checks; alignment only, no verdict)")
    print(f"target ≥ 1,000 checks/s: {'PASS' if rate >= 1000 else 'FAIL'}")


if __name__ == "__main__":
    main()
