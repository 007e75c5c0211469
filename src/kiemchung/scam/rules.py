"""Run the playbook rules over a diacritic-free key; a trigger-word index picks the few rules worth running, and
each rule's required literals (:mod:`kiemchung.scam.prefilter`) skip its search when none of them occurs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kiemchung.scam.playbook import GUARDS, RULES, Rule
from kiemchung.scam.prefilter import ProbeTree, holds_any, probe_tree, required_literals


# Prefilter: every match of a rule contains at least one of its trigger words (checked by
# ``test_scam_rules_prefilter_is_exact``), so only rules whose triggers occur in a text are run.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "imp.vu_an": ("lien",),
    "imp.vo_toi": ("minh", "dong"),
    "imp.tai_khoan_tam_giu": ("khoan",),
    "imp.giay_trieu_tap": ("giay", "lenh", "khoi"),
    "imp.co_quan": ("cong", "kiem", "toa", "canh", "thue", "luc", "mang", "hiem", "buu"),
    "imp.bi_mat": ("mat", "duoc"),
    "imp.cat_thue_bao": ("bao", "dien"),
    "imp.phat_nguoi": ("phat", "pham"),
    "imp.cap_nhat_dinh_danh": ("danh", "vneid", "cuoc", "cccd", "muc"),
    "job.viec_nhe": ("nhe",),
    "job.ctv": ("ctv", "tac"),
    "job.nhiem_vu": ("nhiem", "hang", "chot", "tim", "like", "gia", "video"),
    "job.nap_truoc": ("nap", "hong"),
    "job.thu_nhap": ("nhap", "kiem", "can"),
    "job.khong_coc": ("coc", "nghiem", "bang"),
    "inv.loi_nhuan": ("nhuan", "lai", "x2", "x3", "x5", "x10"),
    "inv.cam_ket": ("ket", "bao", "lai", "nhuan", "thang", "lo", "ro"),
    "inv.san": ("san", "ao", "coin", "forex", "khoan", "keo", "phim", "gia"),
    "inv.rut_tien": ("nap", "phi", "thue"),
    "phi.khoa": ("khoa", "hieu", "bang", "ngung", "che"),
    "phi.sinh_trac": ("trac",),
    "phi.link": ("link", "dan", "url"),
    "phi.otp": ("otp", "xac"),
    "phi.xac_thuc": ("thuc", "minh", "nhat", "hoat"),
    "phi.gap": ("24", "48", "12", "2", "24h", "48h", "12h", "2h", "gio", "23h59", "nay", "tuc", "han"),
    "phi.dang_nhap": ("nhap",),
    "phi.tai_app": ("dung", "app", "file", "mem", "apk"),
    "phi.diem_thuong": ("diem",),
    "phi.buu_pham": ("pham", "kien", "chi"),
    "phi.hoan_tien": ("hoan",),
    "pri.trung_thuong": ("thuong", "giai", "man", "chon", "tri"),
    "pri.phi_nhan": ("phi", "thue", "nop"),
    "pri.qua": ("gia", "phi", "khung"),
    "rec.lay_lai": ("lai", "hoi", "lua", "scam"),
    "rec.khoi_phuc": ("phuc", "lai", "khoa", "vu", "hoi"),
    "rec.hacker": ("hacker", "lai"),
    "mis.chuyen_nham": ("nham",),
    "mis.tra_lai": ("lai", "khoan", "stk", "tra"),
    "mis.no_xau": ("han", "lai", "xau"),
    "emg.tai_nan": ("nan", "cuu", "vien", "gap", "kich", "bat", "giu"),
    "emg.tien_gap": ("chuyen", "ck", "nap", "gui", "dong", "coc", "khoan", "tien", "vay"),
    "emg.nguoi_than": ("cuu", "nan", "kich", "vien", "bat", "giao", "si", "ta"),
    "emg.doi_so": ("so", "thoai", "sim"),
    "loan.vay_nhanh": ("vay", "ngan", "chap", "dinh", "nhap"),
    "loan.no_xau": ("xau", "ngan", "duyet", "phi"),
    "gam.cuoc": ("cuoc", "do", "xiu", "hu", "dia", "de", "cai", "casino", "ca", "bai", "keo"),
    "gam.khuyen_mai": ("nap", "code"),
}
GUARD_TRIGGERS: tuple[tuple[str, ...], ...] = (
    ("giac",),
    ("canh",),
    ("yeu", "gui"),
    ("cung", "chia", "tiet", "bam", "click", "truy", "chuyen"),
    ("doan",),
    ("danh", "mao"),
    ("tuong",),
    ("phong",),
    ("khuyen",),
    ("trinh", "giac"),
    ("lua",),
    ("khoi", "bat", "triet"),
    ("gian",),
    ("lua",),
    ("dan",),
    ("than", "hang", "quan", "cong"),
    ("tra",),
    ("mao",),
)
if set(TRIGGERS) != {r.id for r in RULES} or len(GUARD_TRIGGERS) != len(GUARDS):
    raise RuntimeError("scam rules: every rule and guard needs trigger words")


def _compile(p: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + p + r")(?!\w)")


def _literals(p: str) -> tuple[str, ...]:
    """Substrings one of which every match of ``p`` contains; ``("",)`` (found in any text) when there are none."""
    lits = required_literals(p)
    return tuple(sorted(lits)) if lits is not None else ("",)


# False when a key holds none of a pattern's required literals (a tree of them): the pattern cannot match it (exact)
_may_match = holds_any


_RULES_C: tuple[tuple[Rule, re.Pattern[str]], ...] = tuple((r, _compile(r.pattern)) for r in RULES)
_GUARDS_C: tuple[re.Pattern[str], ...] = tuple(_compile(g) for g in GUARDS)
_RULE_LITS: tuple[ProbeTree, ...] = tuple(probe_tree(_literals(r.pattern)) for r in RULES)
_GUARD_LITS: tuple[ProbeTree, ...] = tuple(probe_tree(_literals(g)) for g in GUARDS)
# per rule: its type, 1 - weight (the factor of "no rule matched") and -weight (strongest first)
_TYPE: tuple[str, ...] = tuple(r.type for r in RULES)
_MISS: tuple[float, ...] = tuple(1.0 - r.weight for r in RULES)
_NEG_WEIGHT: tuple[float, ...] = tuple(-r.weight for r in RULES)
_RULE_INDEX: dict[str, tuple[int, ...]] = {}
_GUARD_INDEX: dict[str, tuple[int, ...]] = {}
for _i, (_r, _) in enumerate(_RULES_C):
    for _w in TRIGGERS[_r.id]:
        _RULE_INDEX[_w] = (*_RULE_INDEX.get(_w, ()), _i)
for _i, _ws in enumerate(GUARD_TRIGGERS):
    for _w in _ws:
        _GUARD_INDEX[_w] = (*_GUARD_INDEX.get(_w, ()), _i)
_WORD = re.compile(r"\w+")
# every ASCII byte that is not a word character (``\w``: letters, digits, underscore) becomes a space
_ASCII_NON_WORD = bytes(c if (chr(c).isalnum() or c == 0x5F) else 0x20 for c in range(128)) + bytes(128)


_RULE_WORDS = frozenset(_RULE_INDEX)
# the candidate rules of each trigger word as a bit set (bit i: rule i), the bit set of each type's rules (in the
# order the types first occur among the rules), and ``_plan``'s entries (at most 2 ** (rules of a type) per type)
_RULE_BITS: dict[str, int] = {w: sum(1 << i for i in ix) for w, ix in _RULE_INDEX.items()}
_TYPE_MASKS: tuple[int, ...] = tuple(
    sum(1 << i for i, r in enumerate(RULES) if r.type == t) for t in dict.fromkeys(r.type for r in RULES)
)
_PLANS: dict[int, tuple[float, tuple[tuple[int, float], ...]]] = {}
_GUARD_WORDS = frozenset(_GUARD_INDEX)
_TRIGGER_WORDS = _RULE_WORDS | _GUARD_WORDS
if not all(w.isascii() for w in _TRIGGER_WORDS):
    raise RuntimeError("scam rules: trigger words are ASCII (trigger_words relies on it)")


def _candidates(words: Iterable[str], index: dict[str, tuple[int, ...]], keys: frozenset[str]) -> list[int]:
    found: set[int] = set()
    for w in keys.intersection(words):
        found.update(index[w])
    return sorted(found)


@dataclass(frozen=True, slots=True)
class RuleHit:
    """A rule that matched ``key[start:end]``."""

    rule: Rule
    start: int
    end: int


def match_rules(key: str, *, words: Iterable[str] | None = None, prefilter: bool = True) -> list[RuleHit]:
    """Every rule hit in ``key``; ``prefilter=False`` runs every rule (for tests)."""
    if prefilter:
        ws = words if words is not None else _WORD.findall(key)
        todo = [i for i in _candidates(ws, _RULE_INDEX, _RULE_WORDS) if _may_match(_RULE_LITS[i], key)]
    else:
        todo = list(range(len(_RULES_C)))
    hits = []
    for i in todo:
        rule, rx = _RULES_C[i]
        for m in rx.finditer(key):
            hits.append(RuleHit(rule, m.start(), m.end()))
    return hits


def find_guards(key: str, *, words: Iterable[str] | None = None, prefilter: bool = True) -> list[tuple[int, int]]:
    """Spans of warning phrases ("cảnh giác", "không cung cấp") in ``key``."""
    if prefilter:
        ws = words if words is not None else _WORD.findall(key)
        todo = [_GUARDS_C[i] for i in _candidates(ws, _GUARD_INDEX, _GUARD_WORDS) if _may_match(_GUARD_LITS[i], key)]
    else:
        todo = list(_GUARDS_C)
    out: list[tuple[int, int]] = []
    for rx in todo:
        out.extend(m.span() for m in rx.finditer(key))
    return sorted(out)


def rule_bound(key: str, words: Iterable[str]) -> float:
    """The highest per-type rule score of ``key`` before guards damp it (an upper bound of what ``assess`` finds
    without links): only the rules whose trigger words occur are tried, each with one ``search``."""
    per: dict[str, float] = {}
    for i in _candidates(words, _RULE_INDEX, _RULE_WORDS):
        r, rx = _RULES_C[i]
        if rx.search(key) is not None:
            per[r.type] = 1.0 - (1.0 - per.get(r.type, 0.0)) * (1.0 - r.weight)
    return max(per.values(), default=0.0)


def rules_reach(key: str, words: Iterable[str], need: float) -> bool:
    """Whether some type's rule score before guards reaches ``need`` (``rule_bound(key, words) >= need``), trying
    as few rules as possible: types whose candidate rules cannot reach it are skipped, strong rules go first, and a
    rule none of whose required literals occurs counts as not matching without a search.

    The candidate rules are a bit set (``_RULE_BITS``: per trigger word); each type's share of it is looked up in
    ``_plan``, which holds what depends on that set alone."""
    if need <= 0.0:
        return True
    cand = 0
    bits = _RULE_BITS
    for w in words:
        if w in bits:
            cand |= bits[w]
    if not cand:
        return False
    plans = _PLANS
    for tmask in _TYPE_MASKS:
        sub = cand & tmask
        if not sub:
            continue
        plan = plans.get(sub)
        if plan is None:
            plan = _plan(sub)
        if 1.0 - plan[0] < need:
            continue
        miss = 1.0  # of the rules that matched
        for i, rest in plan[1]:
            if _may_match(_RULE_LITS[i], key) and _RULES_C[i][1].search(key) is not None:
                miss *= _MISS[i]
                if 1.0 - miss >= need:
                    return True
            if 1.0 - miss * rest < need:
                break
    return False


def _plan(sub: int) -> tuple[float, tuple[tuple[int, float], ...]]:
    """For candidate rules ``sub`` (a bit set within one type): Π(1 - weight) over them (in rule order), and the
    rules strongest first, each with the product over the rules after it (what ``rules_reach`` divided out one by
    one: the same floating-point steps, so the same answers). One entry per subset of a type's rules at most."""
    idx = [i for i in range(len(RULES)) if sub >> i & 1]
    miss_all = 1.0
    for i in idx:
        miss_all *= _MISS[i]
    idx.sort(key=_NEG_WEIGHT.__getitem__)
    rest = miss_all
    steps = []
    for i in idx:
        rest /= _MISS[i]
        steps.append((i, rest))
    plan = (miss_all, tuple(steps))
    _PLANS[sub] = plan
    return plan


def trigger_words(key: str) -> frozenset[str]:
    """The trigger words of rules and guards among the words of ``key`` (what ``match_rules``, ``find_guards`` and
    ``rules_reach`` take as ``words``), without a regular expression: every character outside ASCII becomes a
    separator. That may cut a word holding a non-ASCII letter into ASCII pieces, which can only add candidate
    rules, never drop one (trigger words are ASCII), and a rule is run in full before it counts."""
    return _TRIGGER_WORDS.intersection(
        key.encode("ascii", "replace").translate(_ASCII_NON_WORD).decode("ascii").split()
    )


def words_of(key: str) -> set[str]:
    """The set of ``\\w+`` words of ``key`` (for ASCII keys by a byte translation, much cheaper than the regex)."""
    if key.isascii():
        return set(key.encode("ascii").translate(_ASCII_NON_WORD).decode("ascii").split())
    return set(_WORD.findall(key))


def type_scores(hits: list[RuleHit]) -> dict[str, tuple[float, list[RuleHit]]]:
    """Per scam type: 1 - Π(1 - weight) over distinct rules, and the hits, strongest first."""
    seen: dict[str, dict[str, RuleHit]] = {}
    for h in hits:
        per = seen.setdefault(h.rule.type, {})
        if h.rule.id not in per:
            per[h.rule.id] = h
    out: dict[str, tuple[float, list[RuleHit]]] = {}
    for t, per in seen.items():
        miss = 1.0
        for h in per.values():
            miss *= 1.0 - h.rule.weight
        out[t] = (1.0 - miss, sorted(per.values(), key=lambda h: -h.rule.weight))
    return out
