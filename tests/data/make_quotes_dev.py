"""Build tests/data/quotes_dev.jsonl (generated + hand-written items), tests/data/quotes_hand.jsonl (the
hand-written items alone) and the held-out sets quotes_holdout{,2,3}.jsonl (each written after the rules, see
their modules) for ``kiemchung eval quotes`` (DESIGN §5 quotes format).

    python tests/data/make_quotes_dev.py

Deterministic (fixed seed). Passages and hand-written items are in quotes_passages.py / quotes_hand.py; every
text was written for this repository. Each passage yields two items per label; the post wording varies: quote
marks, attribution before/after/none, "Theo ông X, …", speaker by given name, full name or role, ellipses,
posts without diacritics, small typos, a second (faithful) quote in the post, and a second, unrelated source.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quotes_hand import HAND_ITEMS  # noqa: E402
from quotes_holdout import HOLDOUT_ITEMS  # noqa: E402
from quotes_holdout2 import HOLDOUT2_ITEMS  # noqa: E402
from quotes_holdout3 import HOLDOUT3_ITEMS  # noqa: E402
from quotes_passages import PASSAGES, STRAY_FAKES  # noqa: E402

_SEG = re.compile(r"\[\[(.+?)\]\]|\(\((.+?)\)\)|\{([^{}|]*)\|([^{}|]*)\}")
_STRIP = str.maketrans(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ",
    "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd"
    "AAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD",
)

VERBS = ["nói", "cho biết", "khẳng định", "nhấn mạnh", "phát biểu", "chia sẻ", "tuyên bố", "nêu rõ"]
COMMENTS_BEFORE = [
    "", "", "Chia sẻ để mọi người cùng biết. ", "Nóng: ", "Đọc mà không tin nổi. ", "Tin mới nhất! ",
    "Cả nhà ơi, ", "Mọi người xem này. ", "[Trích] ", "Theo báo chí hôm nay, ",
]
COMMENTS_AFTER = [
    "", "", " Các bạn nghĩ sao?", " Thật không thể chấp nhận được!", " Quá đáng thật sự.", " Ai đồng ý thì like.",
    " Buồn cho đất nước.", " #thoisu", " Nghe mà mừng.", " Hóng diễn biến tiếp theo...",
]
MARKS = [("“", "”"), ('"', '"'), ("«", "»"), ("‘", "’"), ("“", "”"), ('"', '"')]


def parse(sentence: str) -> list[tuple[str, str, str]]:
    """Segments ``(kind, text, alt)`` with kind plain | crit | harm | alt."""
    out: list[tuple[str, str, str]] = []
    pos = 0
    for m in _SEG.finditer(sentence):
        if m.start() > pos:
            out.append(("plain", sentence[pos : m.start()], ""))
        if m.group(1) is not None:
            out.append(("crit", m.group(1), ""))
        elif m.group(2) is not None:
            out.append(("harm", m.group(2), ""))
        else:
            out.append(("alt", m.group(3), m.group(4)))
        pos = m.end()
    if pos < len(sentence):
        out.append(("plain", sentence[pos:], ""))
    return out


def render(segs: list[tuple[str, str, str]], *, drop: str = "", alt_index: int = -1, ell: str = "") -> str:
    """Render segments; ``drop`` is "crit" or "harm" (the kind to leave out), replaced by ``ell`` if given
    when it sits in the middle; ``alt_index`` picks the alt segment to write with its altered wording."""
    parts: list[str] = []
    alt_no = -1
    for i, (kind, text, alt) in enumerate(segs):
        if kind == "alt":
            alt_no += 1
            parts.append(alt if alt_no == alt_index else text)
        elif kind == drop:
            middle = 0 < i < len(segs) - 1 and not (i == len(segs) - 2 and segs[-1][1].strip() in ".")
            parts.append(f" {ell} " if (ell and middle) else " ")
        else:
            parts.append(text)
    s = re.sub(r"\s+", " ", "".join(parts)).strip()
    s = re.sub(r"\s+([,.])", r"\1", s)
    s = s.strip(" ,")
    if s.endswith(",."):
        s = s[:-2] + "."
    return s[0].upper() + s[1:] if s else s


def source_text(p: dict) -> str:
    return " ".join(render(parse(s)) for s in p["sentences"])


def given(name: str) -> str:
    return name.split()[-1]


def speaker_phrase(rng: random.Random, p: dict) -> str:
    name, title = p["speaker"], p["title"]
    return rng.choice([
        f"{title} {given(name)}", f"{title} {name}", f"{p['role']} {name}", f"{title} {name}",
        f"{p['role']} {name}", f"{title} {given(name)}",
    ])


def typo(rng: random.Random, q: str) -> str:
    words = q.split()
    idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not idx:
        return q
    i = rng.choice(idx)
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    words[i] = w[:j] + w[j] + w[j:] if rng.random() < 0.5 else w[:j] + w[j + 1 :]
    return " ".join(words)


def wrap(rng: random.Random, quote: str, speaker: str | None, *, extra: str | None = None) -> str:
    """A post around the quote (and an optional second quote from the same speaker)."""
    o, c = rng.choice(MARKS)
    body = quote.rstrip(".") if rng.random() < 0.4 else quote
    if rng.random() < 0.2:
        body = body[0].lower() + body[1:]
    verb = rng.choice(VERBS)
    q = f"{o}{body}{c}"
    if speaker is None:
        forms = [f"Nghe nói {q}, thật vậy sao?", f"{q}. Câu này đang lan truyền khắp mạng.", f"Có người bảo {q}."]
    else:
        forms = [
            f"{speaker[0].upper() + speaker[1:]} {verb}: {q}.",
            f"{speaker[0].upper() + speaker[1:]} {verb} rằng {q}.",
            f"{q}, {speaker} {verb}.",
            f"{q} – {speaker}.",
            f"Theo {speaker}, {q}.",
            f"Phát biểu tại hội nghị sáng nay, {speaker} {verb}: {q}.",
            f"Trả lời phỏng vấn báo chí, {speaker} {verb} {q}.",
        ]
    post = rng.choice(forms)
    if extra is not None:
        o2, c2 = rng.choice(MARKS)
        second = f"{o2}{extra.rstrip('.')}{c2}"
        post = (f"{post} Ngoài ra còn nói thêm: {second}." if rng.random() < 0.5
                else f"Sau khi nói {second}, {post[0].lower() + post[1:]}")
    return rng.choice(COMMENTS_BEFORE) + post + rng.choice(COMMENTS_AFTER)


def no_diacritics(s: str) -> str:
    return s.translate(_STRIP)


def make_items(seed: int = 20261128) -> list[dict]:
    rng = random.Random(seed)
    items: list[dict] = []
    n = len(PASSAGES)
    for pi, p in enumerate(PASSAGES):
        segs = [parse(s) for s in p["sentences"]]
        src = {"id": p["id"], "speaker": p["speaker"], "text": source_text(p)}
        others = [PASSAGES[(pi + k) % n] for k in (1, 2, 3, 5, 7)]

        def sources(with_other: bool | None = None) -> list[dict]:
            out = [src]
            if with_other or (with_other is None and rng.random() < 0.4):
                o = rng.choice(others)
                out.append({"id": o["id"], "speaker": o["speaker"], "text": source_text(o)})
                rng.shuffle(out)
            return out

        def faithful_quote(exclude: int = -1) -> tuple[str, int]:
            choices = [i for i in range(len(segs)) if i != exclude]
            i = rng.choice(choices)
            if any(k == "harm" for k, _, _ in segs[i]) and rng.random() < 0.6:
                return render(segs[i], drop="harm", ell=rng.choice(["…", "...", "(...)"])), i
            return render(segs[i]), i

        def second_quote(i: int) -> str | None:
            return faithful_quote(exclude=i)[0] if rng.random() < 0.3 else None

        def post_for(quote: str, i: int, spk: str | None = "", *, allow_second: bool = True) -> str:
            speaker = speaker_phrase(rng, p) if spk == "" else spk
            if rng.random() < 0.12:
                speaker = None
            post = wrap(rng, quote, speaker, extra=second_quote(i) if allow_second else None)
            return no_diacritics(post) if rng.random() < 0.15 else post

        # faithful ×2
        for _ in range(2):
            q, i = faithful_quote()
            if rng.random() < 0.25:
                q = typo(rng, q)
            items.append({"post": post_for(q, i), "sources": sources(), "label": "faithful"})
        # truncated ×2
        crit = [i for i, s in enumerate(segs) if any(k == "crit" for k, _, _ in s)]
        for t in range(2):
            i = crit[t % len(crit)]
            q = render(segs[i], drop="crit", ell=rng.choice(["", "…", "..."]))
            items.append({"post": post_for(q, i), "sources": sources(), "label": "truncated"})
        # altered: one wording change, one wording change or a different speaker
        alts = [(i, a) for i, s in enumerate(segs) for a in range(sum(k == "alt" for k, _, _ in s))]
        rng.shuffle(alts)
        i, a = alts[0]
        items.append({"post": post_for(render(segs[i], alt_index=a), i), "sources": sources(), "label": "altered"})
        if rng.random() < 0.5 and len(alts) > 1:
            i, a = alts[1]
            items.append({"post": post_for(render(segs[i], alt_index=a), i), "sources": sources(),
                          "label": "altered"})
        else:
            q, i = faithful_quote()
            o = rng.choice(others)
            wrong = rng.choice([f"{o['title']} {o['speaker']}", f"{o['role']} {o['speaker']}",
                                f"{o['title']} {given(o['speaker'])}"])
            srcs = [src, {"id": o["id"], "speaker": o["speaker"], "text": source_text(o)}]
            rng.shuffle(srcs)
            post = wrap(rng, q, wrong)
            items.append({"post": no_diacritics(post) if rng.random() < 0.15 else post, "sources": srcs,
                          "label": "altered"})
        # not_found ×2: a made-up statement, or words from a passage that is not among the sources
        q = rng.choice(p["fakes"])
        items.append({"post": post_for(q, -1), "sources": sources(), "label": "not_found"})
        r = rng.random()
        if r < 0.4:
            q = rng.choice(STRAY_FAKES)
        elif r < 0.7:
            q = [f for f in p["fakes"] if f != q][0]
        else:
            q = render(parse(rng.choice(rng.choice(others)["sentences"])))
            q = q  # from a passage that is not given as a source
        items.append({"post": post_for(q, -1, allow_second=False), "sources": [src], "label": "not_found"})
    return items


def main() -> None:
    gen = make_items()
    hand = [dict(it, hand=True) for it in HAND_ITEMS]
    for it in gen:
        it["hand"] = False
    dev = gen + hand
    with (HERE / "quotes_dev.jsonl").open("w", encoding="utf-8") as fh:
        for it in dev:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    for name, rows in (("quotes_hand.jsonl", hand), ("quotes_holdout.jsonl", HOLDOUT_ITEMS),
                       ("quotes_holdout2.jsonl", HOLDOUT2_ITEMS), ("quotes_holdout3.jsonl", HOLDOUT3_ITEMS)):
        with (HERE / name).open("w", encoding="utf-8") as fh:
            for it in rows:
                fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for it in dev:
        counts[it["label"]] = counts.get(it["label"], 0) + 1
    print(f"{len(dev)} items ({len(gen)} generated, {len(hand)} hand-written): {counts}")


if __name__ == "__main__":
    main()
