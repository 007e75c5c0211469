"""Learn the word → replacement table shipped in ``models/data/normalize`` from ViLexNorm-format pairs.

Each original word is aligned to its gold words (``evaluation.normalize.align``), reduced to the form the
normalizer looks up (lower case, one tone style, leet undone, emphasis squashed, edge punctuation off), and counted.
A form gets an entry when its most frequent gold replacement wins a clear majority; forms of the hand-written
dictionary that the data leaves unchanged get a blocking entry (``form → form``). The table also carries a small
vocabulary of frequent standard words, used to decide whether spelled-out letters ("n g u") form a word.

Run: ``python -m kiemchung.text.learn ../shared/data/vilexnorm/train.csv --out src/kiemchung/models/data/normalize``
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kiemchung.evaluation.normalize import align, canon, read_vilexnorm
from kiemchung.text import words as nz
from kiemchung.text.normalize import _TOKEN_RE
from kiemchung.text.offsets import clean
from kiemchung.text.teencode import TEENCODE

VERSION = "vilexnorm-table-2026.11-2"
_EDGE_RE = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)


def _core(token: str) -> tuple[str, str, str]:
    m = _EDGE_RE.match(token)
    assert m is not None
    return m.group(1), m.group(2), m.group(3)


def _form(word: str) -> str | None:
    """The lookup form of one original word, or None when the tokenizer would not call it a single word."""
    m = _TOKEN_RE.fullmatch(word)
    if m is None or m.lastgroup != "word":
        return None
    form, _, _ = nz._analyze(word)
    return form


def count(pairs: Iterable[tuple[str, str]]) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """Per lookup form, the gold replacements seen; and the frequency of gold words."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    vocab: Counter[str] = Counter()
    for original, gold in pairs:
        toks = original.split()
        for tok, g in zip(toks, align(toks, gold.split()), strict=True):
            pre, core, post = _core(canon(clean(tok)[0]))  # as the normalizer sees it: "𝐁𝐁𝐂" is "bbc"
            g = canon(g)
            vocab.update(w for w in (_core(x)[1] for x in g.split()) if w.isalpha())
            if not core or not g.startswith(pre) or not g.endswith(post) or len(g) < len(pre) + len(post):
                continue
            gcore = g[len(pre) : len(g) - len(post)] if post else g[len(pre) :]
            form = _form(core)
            if form is None or not gcore or not all(w.isalpha() for w in gcore.split()):
                continue
            table[form][gcore] += 1
    return table, vocab


def build(
    pairs: Iterable[tuple[str, str]], *, min_count: int = 2, min_share: float = 0.5, vocab_min: int = 3
) -> dict[str, Any]:
    """The table as a JSON-ready object (entries, vocabulary, version, counts)."""
    saved = dict(nz._LEARNED), dict(nz._EXPAND)
    nz._LEARNED.clear()  # learn against the hand-written dictionary only
    nz._EXPAND.clear()
    nz._EXPAND.update(nz.build_expansions({}))
    nz._CACHE.clear()
    try:
        table, vocab = count(pairs)
    finally:
        nz._LEARNED.clear()
        nz._LEARNED.update(saved[0])
        nz._EXPAND.clear()
        nz._EXPAND.update(saved[1])
        nz._CACHE.clear()
    words = sorted(w for w, c in vocab.items() if c >= vocab_min)
    standard = set(vocab)  # every word the annotators wrote is a real word: one noisy example must not rewrite it
    entries: dict[str, str] = {}
    for form, reps in table.items():
        total = sum(reps.values())
        best, n = reps.most_common(1)[0]
        # a form never seen as a standard word may be learned from one example; a real word needs more evidence
        needed, share = (min_count, max(min_share, 0.6)) if form in standard else (1, min_share)
        if best != form and n >= needed and n / total >= share:
            entries[form] = best
        elif best == form and form in TEENCODE and TEENCODE[form] != form:
            entries[form] = form  # the data says this short form is usually a real word here
    return {
        "version": VERSION,
        "source": "ViLexNorm train.csv (ngxtnhi/ViLexNorm @ 1070c6b), CC BY-NC-SA 4.0, research use only",
        "min_count": min_count,
        "min_share": min_share,
        "entries": dict(sorted(entries.items())),
        "vocab": words,
    }


def train(data: list[Path], out: Path) -> dict[str, Any]:
    """``kiemchung train normalize`` contract: learn from ViLexNorm train CSVs, write the table, score dev.

    ``data`` defaults to ``../shared/data/vilexnorm/train.csv``; a ``dev.csv`` next to the first file is scored
    with the new table (the shipped table is not touched unless ``out`` is its folder).
    """
    if not data:
        data = [Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "vilexnorm" / "train.csv"]
    files = [p / "train.csv" if p.is_dir() else p for p in data]
    pairs: list[tuple[str, str]] = []
    for f in files:
        pairs.extend(read_vilexnorm(f))
    obj = build(pairs)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "vilexnorm_table.json"
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    result: dict[str, Any] = {
        "table": str(path), "version": obj["version"], "entries": len(obj["entries"]), "vocab": len(obj["vocab"]),
        "train_pairs": len(pairs),
    }
    dev = files[0].parent / "dev.csv"
    if dev.exists() and dev not in files:
        from kiemchung.evaluation.normalize import err

        saved = dict(nz._EXPAND)
        try:
            nz._EXPAND.clear()
            nz._EXPAND.update(nz.build_expansions(obj["entries"]))
            nz._close_table()
            _clear()
            result["dev_err"] = err(read_vilexnorm(dev))["err"]
        finally:
            nz._EXPAND.clear()
            nz._EXPAND.update(saved)
            _clear()
    return result


def _clear() -> None:
    from kiemchung.text.normalize import clear_caches

    clear_caches()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--min-share", type=float, default=0.5)
    args = ap.parse_args(argv)
    pairs: list[tuple[str, str]] = []
    for p in args.data:
        pairs.extend(read_vilexnorm(p))
    obj = build(pairs, min_count=args.min_count, min_share=args.min_share)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "vilexnorm_table.json"
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{path}: {len(obj['entries'])} entries, {len(obj['vocab'])} vocabulary words")


if __name__ == "__main__":
    main()
