"""``kiemchung train toxicity [DATA…] --out DIR``: rebuild the shipped toxicity model.

Data: ViHSD ``train.csv`` plus a diacritic-free copy of a third of it, VLSP 2019 HSD ``02_train_text.csv`` (same three
classes) and ViCTSD ``ViCTSD_train.csv`` (toxic → offensive) for the document heads; ViHOS
``Span_Extraction_based_version/train.csv`` for the span model. Rows listed in each
``rows_in_holdout_texts.csv`` are dropped; ViHSD rows whose text is a ViHOS dev comment, pooled rows whose text is in
any dev set used here and ViHOS rows whose text is a ViHSD dev comment are dropped too, so every dev figure printed
here is clean.

Document heads are stacked: base ``LinearSVC`` heads (``BASES``: pooled, per dataset, with and without NB scaling)
give 3-fold out-of-fold margins on every training row (each source folded separately); a multinomial logistic
regression on the ViHSD rows' margins gives the ViHSD-scheme clean/offensive/hate logits (the detector's), a binary
one on the ViCTSD rows the ViCTSD-scheme toxic logit (``kiemchung eval toxicity --format victsd``). Both stackers
are linear, so they fold into plain weights over the same hashed features: scoring costs what one set of heads
costs. Offsets, temperature and thresholds are tuned on out-of-fold predictions over the training rows, never on
dev. Deterministic.
"""

from __future__ import annotations

import json
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from kiemchung.errors import InputError
from kiemchung.text.normalize import normalize, strip_diacritics
from kiemchung.toxicity import data as D
from kiemchung.toxicity.features import FeatureSpec, hashed, tf_values
from kiemchung.toxicity.metrics import macro_f1, span_f1
from kiemchung.toxicity.model import MODEL_FILE, ToxicityModel, margin_scores, sigmoid
from kiemchung.toxicity.predict import predict
from kiemchung.toxicity.tokens import N_TOKEN_FEATURES, tokens
from kiemchung.types import NormalizedText

SPEC = FeatureSpec(bits=20, key_char=(2, 3, 4, 5), norm_char=(1, 2, 3, 4))
# an optional second view: words and word bigrams of the normalized text only, with their own idf and L2 norm (a
# second featurizer pass, ~4 µs/post); base heads on it are stacked with those on SPEC and fold into their own
# weights. Off by default: in 2026.11-4 trials it raised ViCTSD out of fold (0.690 -> 0.703) but not on dev
# (see the model card), so the shipped model does not use it
WORDS_SPEC = FeatureSpec(
    bits=20, key_char=(), word_key=False, bigram_key=False, norm_char=(), word_norm=True, bigram_norm=True
)
TOK_BITS = 18
DOC_C = 0.3  # LinearSVC of every base head; one-vs-rest with balanced class weights
META_C = 1.0  # logistic-regression stackers over the base heads' margins
META_VICTSD_WEIGHT = 0.0  # ViCTSD rows (toxic → offensive) in the ViHSD-scheme stacker, relative to a ViHSD row
POOL_VICTSD = True
POOL_WEIGHT = 1.0  # weight of a pooled ViCTSD row relative to a ViHSD row
VLSP_WEIGHT = 1.0  # weight of a pooled VLSP 2019 row (same three classes as ViHSD); 0 leaves VLSP out
AUGMENT_EVERY = 3  # every 3rd ViHSD row (toxic or not) is added again without diacritics
TOK_C = 0.5
FOLDS = 3
SEED = 20261128
MODEL_VERSION = "2026.11-3"

# Sources of a training row: 0 ViHSD, 1 ViCTSD (toxic → offensive), 2 VLSP 2019, 3 ViHSD without diacritics.
# Base heads: (name, sources, target, NB log-count-ratio scaling, view). Target "3": one-vs-rest
# clean/offensive/hate heads; "toxic": one clean-vs-toxic head. View 0: SPEC; 1: WORDS_SPEC. The stackers weigh
# their out-of-fold margins per label scheme.
BASES: tuple[tuple[str, tuple[int, ...], str, bool, int], ...] = (
    ("pooled", (0, 1, 2, 3), "3", False, 0),
    ("pooled_toxic", (0, 1, 2, 3), "toxic", False, 0),
    ("vihsd", (0, 3), "3", False, 0),
    ("vihsd_nb", (0, 3), "3", True, 0),
    ("vlsp2019", (2,), "3", False, 0),
    ("victsd", (1,), "toxic", False, 0),
    ("victsd_nb", (1,), "toxic", True, 0),
    ("victsd_words", (1,), "toxic", False, 1),
    ("victsd_words_nb", (1,), "toxic", True, 1),
)


def _default_data() -> Path:
    return Path(__file__).resolve().parents[3] / ".." / "shared" / "data"


def _find(roots: Sequence[Path], rel: str) -> Path | None:
    for r in roots:
        if r.is_file() and r.as_posix().endswith(rel):
            return r
        if (r / rel).is_file():
            return r / rel
    return None


def _strip(text: str) -> str:
    return strip_diacritics(unicodedata.normalize("NFC", text.lower()))


def _canon(text: str) -> str:
    return " ".join(text.lower().split())


def _csr(spec: FeatureSpec, norms: Sequence[NormalizedText], idf: npt.NDArray[np.float32] | None) -> sp.csr_matrix:
    rows, cols = [], []
    for i in range(0, len(norms), 512):
        part = norms[i : i + 512]
        d, b = hashed(spec, [n.normalized for n in part], [n.key for n in part])
        rows.append(d + i)
        cols.append(b)
    d, b, v = tf_values(spec, np.concatenate(rows), np.concatenate(cols), len(norms), idf)
    return sp.csr_matrix((v, (d, b)), shape=(len(norms), 1 << spec.bits), dtype=np.float32)


def _idf(spec: FeatureSpec, norms: Sequence[NormalizedText]) -> npt.NDArray[np.float32]:
    x = _csr(spec, norms, None)
    df = np.bincount(x.indices, minlength=1 << spec.bits)
    idf: npt.NDArray[np.float32] = (np.log((1.0 + x.shape[0]) / (1.0 + df)) + 1.0).astype(np.float32)
    return idf


def _fit_one(
    x: sp.csr_matrix, yk: npt.NDArray[np.int64], sw: npt.NDArray[np.float64], nb: bool
) -> tuple[npt.NDArray[np.float64], float]:
    """Weights and bias of one binary LinearSVC head; with ``nb`` on NB log-count-ratio scaled features, the
    scaling folded into the weights (so the head reads the same features as every other)."""
    if len(yk) == 0 or yk.min() == yk.max():  # a class absent from these rows: a constant head
        return np.zeros(x.shape[1]), (10.0 if len(yk) and yk[0] else -10.0)
    r = None
    if nb:
        p = np.asarray(x[yk == 1].sum(axis=0)).ravel() + 1.0
        q = np.asarray(x[yk == 0].sum(axis=0)).ravel() + 1.0
        r = np.log((p / p.sum()) / (q / q.sum()))
        x = x @ sp.diags(r.astype(np.float32))
    m = LinearSVC(C=DOC_C, class_weight="balanced", random_state=SEED)
    m.fit(x, yk, sample_weight=sw)
    w = m.coef_[0] if r is None else m.coef_[0] * r
    return w, float(m.intercept_[0])


def _fit_base(
    x: sp.csr_matrix, y: npt.NDArray[np.int64], sw: npt.NDArray[np.float64], target: str, nb: bool
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """The heads of one base model: clean/offensive/hate one-vs-rest (``target`` "3") or clean-vs-toxic."""
    classes = (0, 1, 2) if target == "3" else (1,)
    yy = y if target == "3" else (y > 0).astype(np.int64)
    ws, bs = [], []
    for k in classes:
        w, b = _fit_one(x, (yy == k).astype(np.int64), sw, nb)
        ws.append(w)
        bs.append(b)
    return np.stack(ws, axis=1).astype(np.float32), np.asarray(bs, dtype=np.float32)


def _meta(
    z: npt.NDArray[np.float32], y: npt.NDArray[np.int64], n_classes: int,
    sw: npt.NDArray[np.float64] | None = None,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """A logistic-regression stacker over base margins ``z``: (coef (heads × outputs), intercept), multinomial
    for three classes, one toxic logit for two. A class absent from ``y`` gets a large negative logit."""
    n_out = 3 if n_classes == 3 else 1
    present = np.unique(y)
    coef = np.zeros((z.shape[1], n_out))
    icpt = np.full(n_out, -10.0)
    if len(present) < 2:
        if n_out == 1 and len(present) and present[0] == 1:
            icpt[:] = 10.0
        elif n_out == 3 and len(present):
            icpt[present] = 0.0
        return coef, icpt
    m = LogisticRegression(C=META_C, max_iter=2000).fit(z, y, sample_weight=sw)
    if n_out == 1:
        return m.coef_.T.astype(np.float64), m.intercept_.astype(np.float64)
    if len(present) == 2:  # sklearn gives one logit for two classes: the second class against the first
        coef[:, present[1]] = m.coef_[0]
        icpt[present] = (0.0, float(m.intercept_[0]))
        return coef, icpt
    coef[:, present] = m.coef_.T
    icpt[present] = m.intercept_
    return coef, icpt


def _meta_oof(
    z: npt.NDArray[np.float32], y: npt.NDArray[np.int64], fold: npt.NDArray[np.int64], n_classes: int,
    sw: npt.NDArray[np.float64] | None = None,
) -> npt.NDArray[np.float32]:
    """Out-of-fold stacker logits of the rows ``z`` (the same folds as the base heads)."""
    out = np.zeros((len(y), 3 if n_classes == 3 else 1), np.float32)
    for k in range(FOLDS):
        tr, te = fold != k, fold == k
        if te.any() and tr.any():
            coef, icpt = _meta(z[tr], y[tr], n_classes, None if sw is None else sw[tr])
            out[te] = z[te] @ coef + icpt
    return out


_GRID = np.round(np.arange(-1.5, 1.51, 0.1), 2)


def _decide(z: npt.NDArray[np.float32], off: float, hate: float) -> npt.NDArray[np.int64]:
    decided: npt.NDArray[np.int64] = np.argmax(z + np.asarray([0.0, off, hate], dtype=np.float32), axis=1).astype(
        np.int64)
    return decided


def _tune_offsets(z: npt.NDArray[np.float32], y: npt.NDArray[np.int64]) -> tuple[float, float, float]:
    """Offensive/hate offsets on stacker logits that maximize the ViHSD macro-F1 of ``z``: (F1, off, hate)."""
    best = (macro_f1(y, _decide(z, 0.0, 0.0), 3), 0.0, 0.0)
    for o in _GRID:
        for h in _GRID:
            f = macro_f1(y, _decide(z, float(o), float(h)), 3)
            if f > best[0] + 1e-9:
                best = (f, float(o), float(h))
    return best


def _tune_threshold(s: npt.NDArray[np.float32], y: npt.NDArray[np.int64]) -> tuple[float, float]:
    """Threshold on a toxic logit that maximizes the clean/toxic macro-F1: (F1, threshold)."""
    best = (macro_f1(y, (s >= 0).astype(np.int64), 2), 0.0)
    for t in np.unique(np.round(np.quantile(s, np.linspace(0.3, 0.98, 69)), 3)) if len(s) else ():
        f = macro_f1(y, (s >= t).astype(np.int64), 2)
        if f > best[0] + 1e-9:
            best = (f, float(t))
    return best


def _nested(z: npt.NDArray[np.float32], y: npt.NDArray[np.int64], fold: npt.NDArray[np.int64]) -> float:
    """Macro-F1 of the stacker's out-of-fold logits when each fold's decision rule is tuned on the other folds."""
    pred = np.zeros(len(y), dtype=np.int64)
    for k in range(FOLDS):
        tr, te = fold != k, fold == k
        if z.shape[1] == 3:
            _, o, h = _tune_offsets(z[tr], y[tr])
            pred[te] = _decide(z[te], o, h)
        else:
            _, t = _tune_threshold(z[tr, 0], y[tr])
            pred[te] = z[te, 0] >= t
    return macro_f1(y, pred, z.shape[1] if z.shape[1] == 3 else 2)


def _tune_temperature(z: npt.NDArray[np.float32], y: npt.NDArray[np.int64], offset: npt.NDArray[np.float32]) -> float:
    best, best_t = np.inf, 1.0
    for t in np.round(np.arange(0.3, 3.01, 0.1), 2):
        s = np.clip(margin_scores(z, offset, float(t)), 1e-6, 1 - 1e-6)
        loss = 0.0
        for j, k in ((0, 1), (1, 2)):
            yy = y == k
            loss -= float(np.mean(np.where(yy, np.log(s[:, j]), np.log(1 - s[:, j]))))
        if loss < best - 1e-9:
            best, best_t = loss, float(t)
    return best_t


def _token_matrix(
    norms: Sequence[NormalizedText], golds: Sequence[frozenset[int]] | None, tok_bits: int
) -> tuple[sp.csr_matrix, npt.NDArray[np.int64], Any]:
    t = tokens([n.normalized for n in norms], [n.key for n in norms], tok_bits)
    n_tok = len(t.doc)
    rows = np.repeat(np.arange(n_tok), N_TOKEN_FEATURES)
    x = sp.csr_matrix(
        (np.ones(n_tok * N_TOKEN_FEATURES, dtype=np.float32), (rows, t.features.ravel())),
        shape=(n_tok, 1 << tok_bits),
    )
    x.data[:] = 1.0  # binary after duplicate buckets were summed
    y = np.zeros(n_tok, dtype=np.int64)
    if golds is not None:
        for i in range(n_tok):
            norm = norms[t.doc[i]]
            a, b = norm.to_original(int(t.start[i]), int(t.end[i]))
            g = golds[t.doc[i]]
            if b > a and sum(1 for c in range(a, b) if c in g) * 2 >= (b - a):
                y[i] = 1
    return x, y, t


def _fold(
    w_views: Sequence[npt.NDArray[np.float32] | None], col_view: npt.NDArray[np.int64],
    coef: npt.NDArray[np.float64], view: int,
) -> npt.NDArray[np.float32] | None:
    """The stacker ``coef`` (margins × outputs) folded into the base weights of one view (None: no base on it)."""
    if view >= len(w_views) or w_views[view] is None:
        return None
    w = w_views[view]
    assert w is not None
    out: npt.NDArray[np.float32] = (w @ coef[col_view == view]).astype(np.float32)
    return out


def _fold_of(n: int, k: int) -> npt.NDArray[np.int64]:
    rng = np.random.default_rng(SEED)
    return rng.permutation(np.arange(n) % k)


def train(
    data: list[Path], out: Path, *, spec: FeatureSpec = SPEC, tok_bits: int = TOK_BITS, pool: bool = POOL_VICTSD,
    augment: int = AUGMENT_EVERY, pool_weight: float = POOL_WEIGHT, vlsp_weight: float = VLSP_WEIGHT,
    words_spec: FeatureSpec | None = None, meta_victsd_weight: float = META_VICTSD_WEIGHT,
) -> dict[str, Any]:
    """Train on ``data`` (folders or files; default ``<repo>/../shared/data``), write ``out/toxicity.npz`` and
    ``out/metrics.json``, and return the dev metrics. ``spec``/``tok_bits`` shrink the model for tests;
    ``pool`` adds the ViCTSD train comments (toxic → offensive, else clean) to the document heads and
    ``vlsp_weight`` > 0 the VLSP 2019 train rows (same classes as ViHSD), each row weighted by it;
    ``words_spec`` adds the second view (e.g. ``WORDS_SPEC``; None leaves the bases on it out) and
    ``meta_victsd_weight`` > 0 the ViCTSD rows to the ViHSD-scheme stacker at that weight."""
    t0 = time.monotonic()
    roots = data or [_default_data()]
    vihsd_train = _find(roots, "vihsd/train.csv")
    vihsd_dev = _find(roots, "vihsd/dev.csv")
    vihos_train = _find(roots, "vihos/Span_Extraction_based_version/train.csv")
    vihos_dev = _find(roots, "vihos/Span_Extraction_based_version/dev.csv")
    victsd_valid = _find(roots, "victsd/ViCTSD_valid.csv")
    victsd_train = _find(roots, "victsd/ViCTSD_train.csv")
    vlsp_train = _find(roots, "vlsp2019_hsd/02_train_text.csv")
    if vihsd_train is None:
        raise InputError("không tìm thấy vihsd/train.csv trong dữ liệu huấn luyện", file=str(roots[0]))

    # ---- document heads -----------------------------------------------------------------------------------
    hsd = D.drop_holdout(vihsd_train, D.read_vihsd(vihsd_train))
    hos_dev = D.read_vihos(vihos_dev) if vihos_dev else []
    banned = {_canon(e.text) for e in hos_dev}
    hsd = [e for e in hsd if _canon(e.text) not in banned and e.text.strip()]
    n_hsd = len(hsd)
    # pooled sources never bring in a text of any dev set used below
    if vihsd_dev:
        banned |= {_canon(e.text) for e in D.read_vihsd(vihsd_dev)}
    if victsd_valid:
        banned |= {_canon(e.text) for e in D.read_victsd(victsd_valid)}
    ct: list[D.Example] = []
    if pool and victsd_train is not None:
        ct = [e for e in D.drop_holdout(victsd_train, D.read_victsd(victsd_train))
              if e.text.strip() and _canon(e.text) not in banned]
    vl: list[D.Example] = []
    if vlsp_weight > 0 and vlsp_train is not None:
        vl = [e for e in D.drop_holdout(vlsp_train, D.read_vlsp2019(vlsp_train))
              if e.text.strip() and _canon(e.text) not in banned]
    rows = hsd + ct + vl
    source = np.repeat(np.arange(3), [len(hsd), len(ct), len(vl)])
    fold = np.concatenate([_fold_of(len(hsd), FOLDS), _fold_of(len(ct), FOLDS), _fold_of(len(vl), FOLDS)])
    sw = np.concatenate([np.ones(len(hsd)), np.full(len(ct), pool_weight), np.full(len(vl), vlsp_weight)])
    if augment:
        # robustness to posts typed without diacritics: a deterministic share of the ViHSD rows, stripped;
        # each copy sits in the fold of its source row so out-of-fold scores stay honest
        src = np.flatnonzero(_fold_of(n_hsd, augment) == 0)
        rows += [D.Example(_strip(hsd[i].text), hsd[i].label, -1) for i in src]
        fold = np.concatenate([fold, fold[src]])
        sw = np.concatenate([sw, np.ones(len(src))])
        source = np.concatenate([source, np.full(len(src), 3)])
    norms = [normalize(e.text) for e in rows]
    y = np.asarray([e.label for e in rows], dtype=np.int64)
    idf = _idf(spec, norms)
    xs = [_csr(spec, norms, idf)]
    idf2: npt.NDArray[np.float32] | None = None
    if words_spec is not None:
        idf2 = _idf(words_spec, norms)
        xs.append(_csr(words_spec, norms, idf2))
    bases = [b for b in BASES if b[4] < len(xs) and np.isin(source, b[1]).any()]
    # base heads: out-of-fold margins on every row (each fold's heads never see that fold of any source) and a fit
    # on all their rows; the stackers below weigh the margins, and being linear they fold into plain weights
    z_parts, w_parts, b_parts, views = [], [], [], []
    for _name, srcs, target, nb, view in bases:
        use = np.isin(source, srcs)
        x = xs[view]
        z_k = np.zeros((len(y), 3 if target == "3" else 1), dtype=np.float32)
        for k in range(FOLDS):
            tr, te = use & (fold != k), fold == k
            w, b = _fit_base(x[tr], y[tr], sw[tr], target, nb)
            z_k[te] = x[te] @ w + b
        w, b = _fit_base(x[use], y[use], sw[use], target, nb)
        z_parts.append(z_k)
        w_parts.append(w)
        b_parts.append(b)
        views += [view] * len(b)
    z = np.concatenate(z_parts, axis=1)
    col_view = np.asarray(views)
    b_base = np.concatenate(b_parts)
    # base weights per view (buckets × that view's margins); a stacker's coefficients fold into each view
    w_views = [np.concatenate([w for w, v in zip(w_parts, bases, strict=True) if v[4] == k], axis=1)
               if (col_view == k).any() else None for k in range(len(xs))]
    used_bases = [b[0] for b in bases]
    del w_parts, xs, x
    is_hsd, is_ct = source == 0, source == 1
    # ViHSD scheme (the detector's): a multinomial stacker on the ViHSD rows plus the ViCTSD rows at a small
    # weight (so the detector keeps some of ViCTSD's notion of toxicity), offsets tuned for ViHSD macro-F1
    in3 = is_hsd | is_ct if meta_victsd_weight > 0 else is_hsd
    sw3 = np.where(is_ct[in3], meta_victsd_weight, 1.0) if meta_victsd_weight > 0 else None
    z3_all = _meta_oof(z[in3], y[in3], fold[in3], 3, sw3)
    z3 = z3_all[is_hsd[in3]]
    oof_f1 = _nested(z3, y[is_hsd], fold[is_hsd])
    _, off, hate = _tune_offsets(z3, y[is_hsd])
    offset = np.asarray([off, hate], dtype=np.float32)
    temp = _tune_temperature(z3, y[is_hsd], offset)
    # the detector's out-of-fold reading of the ViCTSD rows (either label counts as toxic)
    ct3 = np.zeros((int(is_ct.sum()), 3), np.float32)
    for k in range(FOLDS):
        tr, te = in3 & (fold != k), fold[is_ct] == k
        if te.any() and tr.any():
            c3, i3 = _meta(z[tr], y[tr], 3, None if sw3 is None else sw3[(fold[in3] != k)])
            ct3[te] = z[is_ct][te] @ c3 + i3
    oof_ct_either = macro_f1((y[is_ct] > 0).astype(np.int64), (_decide(ct3, off, hate) > 0).astype(np.int64), 2) \
        if is_ct.any() else float("nan")
    coef3, icpt3 = _meta(z[in3], y[in3], 3, sw3)
    w_doc, w_doc2 = (_fold(w_views, col_view, coef3, k) for k in (0, 1))
    assert w_doc is not None
    b_doc = (b_base @ coef3 + icpt3).astype(np.float32)
    # ViCTSD scheme (toxic/clean): a binary stacker on the ViCTSD rows, its threshold folded into the bias
    w_tox: npt.NDArray[np.float32] | None = None
    w_tox2: npt.NDArray[np.float32] | None = None
    b_tox, oof_ct_f1, tox_threshold = 0.0, float("nan"), 0.0
    if is_ct.any():
        z2 = _meta_oof(z[is_ct], y[is_ct], fold[is_ct], 2)
        oof_ct_f1 = _nested(z2, y[is_ct], fold[is_ct])
        _, tox_threshold = _tune_threshold(z2[:, 0], y[is_ct])
        coef2, icpt2 = _meta(z[is_ct], y[is_ct], 2)
        w_tox, w_tox2 = (_fold(w_views, col_view, coef2, k) for k in (0, 1))
        b_tox = float((b_base @ coef2)[0] + icpt2[0] - tox_threshold)
    del w_views
    oof_scores = margin_scores(z3, offset, temp)
    oof_by_text = {_canon(hsd[i].text): oof_scores[i] for i in range(n_hsd)}

    # ---- span model ---------------------------------------------------------------------------------------
    model = ToxicityModel(
        spec=spec, idf=idf, w_doc=w_doc, b_doc=b_doc, offset=offset, temperature=temp, tok_bits=tok_bits,
        w_tok=np.zeros(1 << tok_bits, dtype=np.float32), b_tok=0.0, tok_threshold=0.5,
        version=MODEL_VERSION, w_tox=w_tox, b_tox=b_tox, meta={},
        spec2=words_spec if w_doc2 is not None else None, idf2=idf2 if w_doc2 is not None else None,
        w_doc2=w_doc2, w_tox2=w_tox2,
    )
    tok_info: dict[str, Any] = {}
    if vihos_train is not None:
        dev_texts = {_canon(e.text) for e in D.read_vihsd(vihsd_dev)} if vihsd_dev else set()
        hos = [e for e in D.drop_holdout(vihos_train, D.read_vihos(vihos_train)) if _canon(e.text) not in dev_texts]
        hnorms = [normalize(e.text) for e in hos]
        tx, ty, toks = _token_matrix(hnorms, [e.offsets for e in hos], tok_bits)
        tfold = _fold_of(len(hos), FOLDS)[toks.doc]
        toof = np.zeros(len(ty), dtype=np.float32)
        for k in range(FOLDS):
            tr, te = tfold != k, tfold == k
            m = LogisticRegression(C=TOK_C, solver="liblinear", random_state=SEED).fit(tx[tr], ty[tr])
            toof[te] = m.decision_function(tx[te])
        m = LogisticRegression(C=TOK_C, solver="liblinear", random_state=SEED).fit(tx, ty)
        model.w_tok = m.coef_[0].astype(np.float32)
        model.b_tok = float(m.intercept_[0])
        # gate each ViHOS comment with the out-of-fold document score of the same ViHSD text
        full = model.doc_scores([n.normalized for n in hnorms], [n.key for n in hnorms])
        gate = np.asarray([oof_by_text.get(_canon(e.text), full[i]).max() >= 0.5 for i, e in enumerate(hos)])
        probs = sigmoid(toof)
        bounds = np.searchsorted(toks.doc, np.arange(len(hos) + 1))
        best = (-1.0, 0.5)
        for thr in np.round(np.arange(0.2, 0.81, 0.05), 2):
            preds = []
            for i in range(len(hos)):
                offs: set[int] = set()
                if gate[i]:
                    a, b = bounds[i], bounds[i + 1]
                    p = probs[a:b]
                    keep = p >= thr
                    if len(p) and not keep.any():
                        keep = p >= p.max()
                    for j in np.flatnonzero(keep):
                        s, e = hnorms[i].to_original(int(toks.start[a + j]), int(toks.end[a + j]))
                        offs.update(range(s, e))
                preds.append(offs)
            f = span_f1([e.offsets for e in hos], preds)
            if f > best[0] + 1e-9:
                best = (f, float(thr))
        model.tok_threshold = best[1]
        tok_info = {"oof_span_f1_tokens_only": round(best[0], 4), "tok_threshold": best[1], "tokens": int(len(ty))}

    model.meta = {
        "trained_on": {
            "vihsd_train_rows": n_hsd,
            "victsd_train_rows": len(ct),
            "vlsp2019_train_rows": len(vl),
            "stripped_copies": len(rows) - n_hsd - len(ct) - len(vl),
            "weights": {"victsd": pool_weight, "vlsp2019": vlsp_weight},
            "vihos_train_tokens": tok_info.get("tokens", 0),
        },
        "base_heads": used_bases,
        "oof_macro_f1_vihsd": round(oof_f1, 4),
        "oof_macro_f1_victsd": None if np.isnan(oof_ct_f1) else round(oof_ct_f1, 4),
        "oof_macro_f1_victsd_by_detector": None if np.isnan(oof_ct_either) else round(oof_ct_either, 4),
        "meta_victsd_weight": meta_victsd_weight,
        "offset": [off, hate],
        "temperature": temp,
        "victsd_threshold": tox_threshold,
        **tok_info,
    }
    out_path = out / MODEL_FILE if out.suffix != ".npz" else out
    model.save(out_path)
    model = ToxicityModel.load(out_path)  # score what was written (float16 weights)

    # ---- dev metrics --------------------------------------------------------------------------------------
    result: dict[str, Any] = {
        "model": str(out_path), "version": model.version, "oof_macro_f1_vihsd": round(oof_f1, 4),
        "oof_macro_f1_victsd": None if np.isnan(oof_ct_f1) else round(oof_ct_f1, 4),
        "oof_macro_f1_victsd_by_detector": None if np.isnan(oof_ct_either) else round(oof_ct_either, 4),
    }
    if vihsd_dev:
        result["vihsd_dev"] = evaluate_docs(model, D.read_vihsd(vihsd_dev), 3)
    if victsd_valid:
        ct_valid = D.read_victsd(victsd_valid)
        result["victsd_valid"] = evaluate_docs(model, ct_valid, 2)
        # the detector's own reading of ViCTSD: either label ≥ 0.5 (ViHSD-scheme heads) counts as toxic
        from kiemchung.toxicity.metrics import classification_report

        either = (classify(model, [e.text for e in ct_valid], 3) > 0).astype(np.int64)
        result["victsd_valid_by_detector"] = classification_report(np.asarray([e.label for e in ct_valid]), either, 2)
    if vihos_dev:
        result["vihos_dev_span_f1"] = round(evaluate_spans(model, hos_dev), 4)
    result["train_seconds"] = round(time.monotonic() - t0, 1)
    result["model_bytes"] = out_path.stat().st_size
    (out_path.parent / "metrics.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return result


def classify(model: ToxicityModel, texts: Sequence[str], n_classes: int) -> npt.NDArray[np.int64]:
    """ViHSD classes (hate > offensive > clean) or, for two classes, ViCTSD toxicity from the ViCTSD-scheme head."""
    norms = [normalize(t) for t in texts]
    if n_classes == 2:
        s = model.toxic_scores([n.normalized for n in norms], [n.key for n in norms])
        return (s >= 0.5).astype(np.int64)
    preds = predict(model, norms)
    return np.asarray([{None: 0, "toxicity.offensive": 1, "toxicity.hate": 2}[p.label] for p in preds], dtype=np.int64)


def evaluate_docs(model: ToxicityModel, rows: Sequence[D.Example], n_classes: int) -> dict[str, Any]:
    from kiemchung.toxicity.metrics import classification_report

    pred = classify(model, [e.text for e in rows], n_classes)
    return classification_report(np.asarray([e.label for e in rows]), pred, n_classes)


def evaluate_spans(model: ToxicityModel, rows: Sequence[D.SpanExample]) -> float:
    preds = predict(model, [normalize(e.text) for e in rows])
    got = [{c for s in p.spans for c in range(s.start, s.end)} for p in preds]
    return span_f1([e.offsets for e in rows], got)
