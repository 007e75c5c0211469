"""The compiled path of :mod:`kiemchung.text.features`: a numba kernel computing, per document, the buckets of
``hashed`` and the values of ``tf_values``, dotted with a model's weights or written as CSR rows.

Importing this module does not import numba; the kernel is compiled (or loaded from numba's cache) on first use.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from kiemchung.text.features import (
    _BASE,
    _BASE_INV,
    _MIX1,
    _MIX2,
    _WORD,
    U64,
    FeatureSpec,
    FloatArray,
    IntArray,
    code_points,
)

# ---- the compiled path ---------------------------------------------------------------------------------------
#
# ``_kernel_py`` computes, document by document, exactly the buckets of ``hashed`` (same polynomial hashes, salts,
# whitespace collapsing, word table and bigrams) and the values of ``tf_values``, and either dots them with the
# weights or writes them as a CSR row. Occurrences are counted in a small open-addressing table per document
# (it stays in the L1 cache), so no sort is needed for scoring. numba compiles it on first use (``_compiled``);
# importing this module does not import numba.

_LOG_TABLE_SIZE = 1 << 12
_SALT_MUL = U64(0x632BE59BD9B4E019)
_SPACE_TABLE_SIZE = 0x3001  # every code point for which str.isspace() is true lies below U+3001


def _kernel_py(
    kc: npt.NDArray[np.uint32],
    ko: IntArray,
    nc: npt.NDArray[np.uint32],
    no: IntArray,
    key_ns: IntArray,
    norm_ns: IntArray,
    flags: IntArray,
    word_tab: npt.NDArray[np.bool_],
    space_tab: npt.NDArray[np.bool_],
    log_tab: npt.NDArray[np.float32],
    idf: npt.NDArray[np.float32],
    weights: npt.NDArray[np.float32],
    out: npt.NDArray[np.float32],
    indptr: IntArray,
    indices: npt.NDArray[np.int32],
    data: npt.NDArray[np.float32],
    fam: IntArray,
    parts: IntArray,
) -> int:
    """Features of each document ``i`` (code points ``kc[ko[i]:ko[i+1]]`` of its key, ``nc[no[i]:no[i+1]]`` of
    its normalized text), then ``out[i] = row_i @ weights`` (``flags[6] == 0``) or its CSR row, sorted by bucket,
    appended to ``indices``/``data`` with ``indptr[i+1]`` (``flags[6] == 1``; returns the number of non-zeros).

    ``key_ns``/``norm_ns``: the character n-gram lengths of the spec. ``flags``: bits, word_key, bigram_key,
    word_norm, bigram_norm, has_idf, mode, packed, heads. ``packed``: ``weights`` holds the idf in column 0 and
    the heads in the next columns (see ``_PackedRows``).

    Several models in one pass (``parts`` has more than one row; packed weights, mode 0): row ``q`` of ``parts``
    is (column of model q's idf in ``weights``, its number of heads, its first column in ``out``); its heads
    follow its idf column. The models' feature families are nested (model q's are among model q+1's); ``fam``
    gives, per family (the key's n-gram lengths, key words, key bigrams, the normalized text's n-gram lengths,
    its words, its bigrams), the first model that uses it. Model q counts the occurrences of families whose
    first model is ≤ q, so its values and L2 norm are those of its own pass.
    """
    n_docs = len(ko) - 1
    bits = flags[0]
    has_idf = flags[5] != 0
    mode = flags[6]
    use_norm = flags[3] != 0 or len(norm_ns) > 0
    shift = U64(64 - bits)
    packed = flags[7] != 0
    col0 = 1 if packed else 0
    n_heads = flags[8]
    max_len = 0
    for i in range(n_docs):
        max_len = max(max_len, ko[i + 1] - ko[i], no[i + 1] - no[i])
    width = max_len + 2
    # per source: one n-gram per position and length, at most width words and bigrams
    cap = (len(key_ns) + len(norm_ns) + 4) * width
    buf = np.empty(width, dtype=np.uint32)
    hs = np.empty(cap, dtype=np.uint64)
    t_size = 16
    while t_size < 2 * cap:
        t_size *= 2
    table = np.zeros(t_size, dtype=np.int64)
    used = np.empty(cap, dtype=np.int64)
    entries = np.empty(cap, dtype=np.int64)
    spare = np.empty(cap if mode == 1 else 0, dtype=np.int64)
    hist = np.zeros(2048 if mode == 1 else 0, dtype=np.int64)
    bks = np.zeros(cap, dtype=np.int64)  # per entry: its bucket and value
    vals = np.zeros(cap, dtype=np.float32)
    n_parts = parts.shape[0]
    multi = n_parts > 1
    fm = np.zeros(cap if multi else 0, dtype=np.int64)  # the phase of each occurrence (see ``fam``)
    ecnt = np.zeros((n_parts if multi else 0, cap), dtype=np.int64)
    nu_at = np.zeros(n_parts, dtype=np.int64)  # entries present once model q's phases were counted
    n_word_tab = len(word_tab)
    n_space_tab = len(space_tab)
    n_log = len(log_tab)
    nnz = 0
    for i in range(n_docs):
        m = 0
        for src in range(2):
            if src == 0:
                codes, a, b, ns = kc, ko[i], ko[i + 1], key_ns
                words, bigrams, c_salt, w_salt = flags[1] != 0, flags[2] != 0, 100, 10
                f0 = 0  # this source's first family in ``fam``
            else:
                if not use_norm:
                    break
                codes, a, b, ns = nc, no[i], no[i + 1], norm_ns
                words, bigrams, c_salt, w_salt = flags[3] != 0, flags[4] != 0, 200, 20
                f0 = len(key_ns) + 2
            # buf = " " + " ".join(text.split()) + " "
            buf[0] = 32
            ln = 1
            started = False
            in_token = False
            for j in range(a, b):
                c = codes[j]
                if c < n_space_tab and space_tab[c]:
                    in_token = False
                else:
                    if started and not in_token:
                        buf[ln] = 32
                        ln += 1
                    buf[ln] = c
                    ln += 1
                    in_token = True
                    started = True
            buf[ln] = 32
            ln += 1
            # character n-grams: hash(buf[p:p+n]) = sum_q (buf[p+q]+1) B**q, rolled along p; an n-gram is kept
            # when neither of its ends is NUL (the separator of ``Batch``). The salt is xor-ed in now.
            for r in range(len(ns)):
                n = ns[r]
                if n > ln:
                    continue
                salt = U64(c_salt + n) * _SALT_MUL
                fmask = fam[f0 + r] if multi else 0
                top = U64(1)
                h = U64(0)
                for q in range(n):
                    h += (U64(buf[q]) + U64(1)) * top
                    if q < n - 1:
                        top *= _BASE
                for p in range(ln - n + 1):
                    if p > 0:
                        h = (h - (U64(buf[p - 1]) + U64(1))) * _BASE_INV + (U64(buf[p + n - 1]) + U64(1)) * top
                    hs[m] = h ^ salt
                    if multi:
                        fm[m] = fmask
                    m += (buf[p] != 0) & (buf[p + n - 1] != 0)
            # words (maximal runs of word characters) and bigrams of consecutive words
            if words:
                w_mix = U64(w_salt) * _SALT_MUL
                b_mix = U64(w_salt + 1) * _SALT_MUL
                prev = U64(0)
                have_prev = False
                p = 0
                while p < ln:
                    c = buf[p]
                    if c < n_word_tab and word_tab[c]:
                        h = U64(0)
                        pw = U64(1)
                        while p < ln and buf[p] < n_word_tab and word_tab[buf[p]]:
                            h += (U64(buf[p]) + U64(1)) * pw
                            pw *= _BASE
                            p += 1
                        hs[m] = h ^ w_mix
                        if multi:
                            fm[m] = fam[f0 + len(ns)]
                        m += 1
                        if bigrams and have_prev:
                            hs[m] = (prev * _MIX2 + h) ^ b_mix
                            if multi:
                                fm[m] = fam[f0 + len(ns) + 1]
                            m += 1
                        prev = h
                        have_prev = True
                    else:
                        p += 1
        # buckets (``mix``) counted in an open-addressing table of at least 1.5 slots per occurrence; an entry
        # is (bucket + 1) << 32 | count, 0 when free
        mask = 15
        while mask + 1 < m + m // 2:
            mask = 2 * mask + 1
        nu = 0
        # with several models, occurrences are counted phase by phase (model q's families are those of phases
        # 0..q) and each model's counts are read off the table when its phases are done
        for phase in range(n_parts):
            for t in range(m):
                if multi and fm[t] != phase:
                    continue
                x = hs[t] * _MIX1
                x ^= x >> U64(31)
                x *= _MIX2
                x ^= x >> U64(29)
                bucket = np.int64(x >> shift)
                tag = (bucket + 1) << 32
                s = bucket & mask
                while True:
                    e = table[s]
                    if e == 0:
                        table[s] = tag | 1
                        used[nu] = s
                        nu += 1
                        break
                    if (e >> 32) << 32 == tag:
                        table[s] = e + 1
                        break
                    s = (s + 1) & mask
            if multi and phase < n_parts - 1:
                for u in range(nu):
                    ecnt[phase, u] = table[used[u]] & 0xFFFFFFFF
                nu_at[phase] = nu
        for u in range(nu):
            s = used[u]
            entries[u] = table[s]
            table[s] = 0
            if multi:
                ecnt[n_parts - 1, u] = entries[u] & 0xFFFFFFFF
        if multi:
            nu_at[n_parts - 1] = nu
        if multi:
            # every model's values and norm from its own counts (its families only); the first model's pass
            # brings each bucket's row into the cache, the others read it there
            for q in range(n_parts):
                col = parts[q, 0]
                sq = 0.0
                for u in range(nu_at[q]):
                    c = ecnt[q, u]
                    bucket = (entries[u] >> 32) - 1
                    bks[u] = bucket
                    if c == 0:
                        vals[u] = 0.0
                        continue
                    if c < n_log:
                        v = log_tab[c]
                    else:
                        v = np.float32(1.0 + np.log(np.float64(c)))
                    v = v * weights[bucket, col]
                    vals[u] = v
                    sq += np.float64(v * v)
                norm = np.float32(np.sqrt(sq))
                if norm == 0:
                    norm = np.float32(1.0)
                for k in range(parts[q, 1]):
                    head = 0.0
                    for u in range(nu_at[q]):
                        head += np.float64(weights[bks[u], col + 1 + k] * vals[u])
                    out[i, parts[q, 2] + k] = np.float32(head / norm)
            continue
        if mode == 1:
            # sorted by bucket like ``tf_values`` (same sums, so the same float32 values): least-significant-digit
            # radix sort, 11 bits a pass (``np.sort`` would double the compile time and is slower here)
            shift_r = 32
            while shift_r < 33 + bits:
                hist[:] = 0
                for u in range(nu):
                    hist[(entries[u] >> shift_r) & 2047] += 1
                total = 0
                for d in range(2048):
                    c = hist[d]
                    hist[d] = total
                    total += c
                for u in range(nu):
                    d = (entries[u] >> shift_r) & 2047
                    spare[hist[d]] = entries[u]
                    hist[d] += 1
                entries, spare = spare, entries
                shift_r += 11
        # values first (one row read per bucket: the idf, or the idf with the heads when packed), then each head
        # summed in a local over the rows just read (an accumulator in an array would chain every addition
        # through memory)
        sq = 0.0
        for u in range(nu):
            e = entries[u]
            bucket = (e >> 32) - 1
            c = e & 0xFFFFFFFF
            if c < n_log:
                v = log_tab[c]
            else:
                v = np.float32(1.0 + np.log(np.float64(c)))
            if packed:
                v = v * weights[bucket, 0]
            elif has_idf:
                v = v * idf[bucket]
            sq += np.float64(v * v)
            if mode == 1:
                indices[nnz + u] = bucket
                data[nnz + u] = v
            else:
                bks[u] = bucket
                vals[u] = v
        norm = np.float32(np.sqrt(sq))
        if norm == 0:
            norm = np.float32(1.0)
        if mode == 1:
            for u in range(nu):
                data[nnz] = data[nnz] / norm
                nnz += 1
            indptr[i + 1] = nnz
        else:
            for k in range(n_heads):
                head = 0.0
                for u in range(nu):
                    head += np.float64(weights[bks[u], col0 + k] * vals[u])
                out[i, k] = np.float32(head / norm)
    return nnz


_COMPILED: list[Callable[..., int]] = []
_COMPILE_LOCK = threading.Lock()
_TABLES: list[tuple[npt.NDArray[np.bool_], npt.NDArray[np.float32]]] = []


def _compiled() -> Callable[..., int]:
    """The numba-compiled kernel, created on first use and cached on disk where numba finds a writable place.

    numba caches where ``NUMBA_CACHE_DIR`` says, else next to this file (``__pycache__``), else in the user's
    cache directory; when none is writable, the kernel is compiled in memory in every process (no warning).
    A compile takes about 5 s of CPU; loading it from the cache, numba's import included, about 1 s.
    """
    if not _COMPILED:
        with _COMPILE_LOCK:
            if not _COMPILED:
                import numba

                try:
                    fn = numba.njit(cache=True, nogil=True)(_kernel_py)
                except RuntimeError:  # "cannot cache function ...: no locator available"
                    fn = numba.njit(nogil=True)(_kernel_py)
                _COMPILED.append(fn)
    return _COMPILED[0]


def _tables() -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float32]]:
    """The whitespace table of ``str.split()`` and float32(1 + log(count)) exactly as numpy computes it."""
    if not _TABLES:
        space = np.fromiter((chr(c).isspace() for c in range(_SPACE_TABLE_SIZE)), dtype=bool, count=_SPACE_TABLE_SIZE)
        counts = np.arange(_LOG_TABLE_SIZE, dtype=np.int64)
        with np.errstate(divide="ignore"):
            logs = (1.0 + np.log(counts)).astype(np.float32)
        _TABLES.append((space, logs))
    return _TABLES[0]


def _offsets(texts: Sequence[str]) -> tuple[npt.NDArray[np.uint32], IntArray]:
    """Code points of the texts, concatenated, and the offset of each text (``n + 1`` entries)."""
    off = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)), out=off[1:])
    return code_points("".join(texts)), off


def _lengths(ns: tuple[int, ...]) -> IntArray:
    if any(n < 1 for n in ns):
        raise ValueError(f"character n-gram lengths must be ≥ 1, got {ns}")
    return np.array(ns, dtype=np.int64)


def _frozen(a: npt.NDArray[np.float32]) -> bool:
    """True when neither ``a`` nor any array it views can be written through numpy."""
    x: object = a
    while isinstance(x, np.ndarray):
        if x.flags.writeable:
            return False
        x = x.base
    return not isinstance(x, (bytearray, memoryview))


class _PackedRows:
    """``[idf, weights...]`` rows of read-only model arrays, one cache line per bucket instead of two.

    Scoring reads the idf and the weights of every distinct bucket of a document; with both in one row it
    reads one cache line, not two (the gather is the slowest part of scoring). Built once per pair of arrays
    and kept while both live; only for arrays that cannot change (``_frozen``), so a cached copy never goes
    stale. Models opt in by making their ``idf`` and ``weights`` read-only.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rows: dict[tuple[int, int], tuple[Callable[[], object], Callable[[], object], FloatArray]] = {}

    def get(self, idf: FloatArray | None, weights: FloatArray) -> FloatArray | None:
        if weights.dtype != np.float32 or not _frozen(weights):
            return None
        if idf is not None and (idf.dtype != np.float32 or not _frozen(idf)):
            return None
        key = (id(idf), id(weights))
        with self._lock:
            hit = self._rows.get(key)
            if hit is not None and hit[0]() is idf and hit[1]() is weights:
                return hit[2]
            n, k = weights.shape
            width = 2
            while width < k + 1:
                width *= 2
            rows = np.zeros((n, width), dtype=np.float32)
            rows[:, 0] = 1.0 if idf is None else idf
            rows[:, 1 : k + 1] = weights
            self._rows = {kk: v for kk, v in self._rows.items() if v[0]() is not None and v[1]() is not None}
            self._rows[key] = (_ref(idf), weakref.ref(weights), rows)
            return rows


def _ref(a: FloatArray | None) -> Callable[[], object]:
    return (lambda: None) if a is None else weakref.ref(a)


_PACKED = _PackedRows()


def _run(
    spec: FeatureSpec,
    normalized: Sequence[str],
    keys: Sequence[str],
    idf: npt.NDArray[np.float32] | None,
    weights: npt.NDArray[np.float32] | None,
    out: npt.NDArray[np.float32] | None,
) -> tuple[IntArray, npt.NDArray[np.int32], npt.NDArray[np.float32]]:
    """Scores into ``out`` (when given) or the CSR arrays (indptr, indices, data) of one batch, compiled."""
    if len(normalized) != len(keys):
        raise ValueError(f"normalized and keys differ in length: {len(normalized)} vs {len(keys)}")
    if idf is not None and idf.shape != (1 << spec.bits,):
        raise ValueError(f"idf must have shape (2**{spec.bits},), got {idf.shape}")
    kernel = _compiled()
    space, logs = _tables()
    kc, ko = _offsets(keys)
    use_norm = spec.word_norm or bool(spec.norm_char)
    nc, no = _offsets(normalized) if use_norm else (np.zeros(0, np.uint32), np.zeros(len(keys) + 1, np.int64))
    mode = 0 if out is not None else 1
    w = np.zeros((0, 1), np.float32) if weights is None else weights
    heads = w.shape[1]
    rows = None if weights is None else _PACKED.get(idf, weights)
    if rows is not None:
        w, idf_a = rows, np.zeros(0, np.float32)
    else:  # read-only arrays are read in place (numba compiles a variant for them once)
        idf_a = np.zeros(0, np.float32) if idf is None else np.ascontiguousarray(idf, dtype=np.float32)
    flags = np.array(
        [spec.bits, spec.word_key, spec.bigram_key, spec.word_norm, spec.bigram_norm, idf is not None, mode]
        + [rows is not None, heads],
        dtype=np.int64,
    )
    o = np.zeros((0, 1), np.float32) if out is None else out
    if mode == 1:
        # per source and document: one n-gram per position and length, fewer words and bigrams than positions
        kw, nw = len(spec.key_char) + 2, len(spec.norm_char) + 2
        bound = int(kw * (ko[-1] + 2 * len(keys)) + (nw * (no[-1] + 2 * len(keys)) if use_norm else 0))
        indptr = np.zeros(len(keys) + 1, dtype=np.int64)
        indices = np.empty(bound, dtype=np.int32)
        data = np.empty(bound, dtype=np.float32)
    else:
        indptr, indices, data = np.zeros(1, np.int64), np.zeros(0, np.int32), np.zeros(0, np.float32)
    fam = np.ones(len(spec.key_char) + len(spec.norm_char) + 4, dtype=np.int64)
    parts = np.array([[1 if rows is not None else 0, heads, 0]], dtype=np.int64)
    nnz = kernel(
        kc, ko, nc, no, _lengths(spec.key_char), _lengths(spec.norm_char), flags, _WORD, space, logs, idf_a, w,
        o, indptr, indices, data, fam, parts,
    )
    return indptr, indices[:nnz], data[:nnz]


def union_spec(specs: Sequence[FeatureSpec]) -> FeatureSpec:
    """The smallest spec whose features include those of every one of ``specs`` (all of one ``bits``)."""
    if len({s.bits for s in specs}) != 1:
        raise ValueError("joint scoring needs specs of one bucket count")
    return FeatureSpec(
        bits=specs[0].bits,
        key_char=tuple(sorted({n for s in specs for n in s.key_char})),
        word_key=any(s.word_key for s in specs),
        bigram_key=any(s.word_key and s.bigram_key for s in specs),
        word_norm=any(s.word_norm for s in specs),
        bigram_norm=any(s.word_norm and s.bigram_norm for s in specs),
        norm_char=tuple(sorted({n for s in specs for n in s.norm_char})),
    )


class _JointRows:
    """``[idf_1, weights_1…, idf_2, weights_2…]`` rows of several models' read-only arrays (one joint pass reads
    one row per bucket for all of them), built once per tuple of arrays and kept while they all live."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rows: dict[tuple[int, ...], tuple[list[Callable[[], object]], FloatArray, IntArray]] = {}

    def get(self, models: Sequence[tuple[FloatArray | None, FloatArray]]) -> tuple[FloatArray, IntArray] | None:
        """(rows, columns) where ``columns[q]`` is the idf column of model ``q`` (its heads follow); None when an
        array can change (not ``_frozen``) or is not float32."""
        arrays = [a for pair in models for a in pair if a is not None]
        if any(a.dtype != np.float32 or not _frozen(a) for a in arrays):
            return None
        key = tuple(id(a) if a is not None else 0 for pair in models for a in pair)
        with self._lock:
            hit = self._rows.get(key)
            if hit is not None and all(r() is a for r, a in zip(hit[0], [a for p in models for a in p], strict=True)):
                return hit[1], hit[2]
            n = models[0][1].shape[0]
            cols = np.zeros(len(models), dtype=np.int64)
            width = 0
            for q, (_idf, w) in enumerate(models):
                cols[q] = width
                width += 1 + w.shape[1]
            padded = 2
            while padded < width:
                padded *= 2
            rows = np.zeros((n, padded), dtype=np.float32)
            for q, (idf, w) in enumerate(models):
                c = int(cols[q])
                rows[:, c] = 1.0 if idf is None else idf
                rows[:, c + 1 : c + 1 + w.shape[1]] = w
            self._rows = {k: v for k, v in self._rows.items() if all(r() is not None for r in v[0])}
            self._rows[key] = ([_ref(a) for p in models for a in p], rows, cols)
            return rows, cols


_JOINT = _JointRows()


def run_joint(
    specs: Sequence[FeatureSpec],
    models: Sequence[tuple[FloatArray | None, FloatArray]],
    normalized: Sequence[str],
    keys: Sequence[str],
    out: FloatArray,
) -> bool:
    """Scores of several models (``specs[q]``, ``models[q]`` = (idf, weights)) into the columns of ``out`` (model
    q's heads after model q-1's), in one compiled pass over the union of their features. False (nothing done)
    when the arrays are not read-only float32 (the caller then scores each model on its own)."""
    if len(normalized) != len(keys):
        raise ValueError(f"normalized and keys differ in length: {len(normalized)} vs {len(keys)}")
    joint = _JOINT.get(models)
    if joint is None:
        return False
    rows, cols = joint
    # the kernel counts the models' families phase by phase: order the models so that each one's families are
    # among the next one's (a chain)
    own = [set(s.families()) for s in specs]
    chain = sorted(range(len(specs)), key=lambda q: len(own[q]))
    if any(not own[a] <= own[b] for a, b in zip(chain, chain[1:])):
        raise ValueError("joint scoring needs nested feature specs")
    spec = union_spec(specs)
    fams = set(spec.families())
    fam_full = []  # every slot the kernel reads (absent families included: never emitted)
    for f in ([("key", n) for n in spec.key_char] + [("key_word", 0), ("key_bigram", 0)]
              + [("norm", n) for n in spec.norm_char] + [("norm_word", 0), ("norm_bigram", 0)]):
        fam_full.append(min(ph for ph, q in enumerate(chain) if f in own[q]) if f in fams else 0)
    heads = np.array([w.shape[1] for _idf, w in models], dtype=np.int64)
    first_out = np.cumsum(heads) - heads
    parts = np.array([[cols[q], heads[q], first_out[q]] for q in chain], dtype=np.int64)
    kernel = _compiled()
    space, logs = _tables()
    kc, ko = _offsets(keys)
    use_norm = spec.word_norm or bool(spec.norm_char)
    nc, no = _offsets(normalized) if use_norm else (np.zeros(0, np.uint32), np.zeros(len(keys) + 1, np.int64))
    flags = np.array(
        [spec.bits, spec.word_key, spec.bigram_key, spec.word_norm, spec.bigram_norm, 1, 0, 1, int(heads.sum())],
        dtype=np.int64,
    )
    kernel(
        kc, ko, nc, no, _lengths(spec.key_char), _lengths(spec.norm_char), flags, _WORD, space, logs,
        np.zeros(0, np.float32), rows, out, np.zeros(1, np.int64), np.zeros(0, np.int32), np.zeros(0, np.float32),
        np.asarray(fam_full, dtype=np.int64), parts,
    )
    return True
