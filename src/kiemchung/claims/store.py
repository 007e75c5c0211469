"""A normalized JSONL fact-check store on disk (used when no database is given).

``import_into_store(factchecks, path)`` merges by id (re-import is idempotent: the same id never appears twice)
and writes atomically (temporary file in the same folder, then ``os.replace``), so a failure leaves the old store.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kiemchung.claims.loaders import load_factchecks
from kiemchung.claims.model import FactCheck


def default_store_path() -> Path:
    """``<user data dir>/factchecks.jsonl`` (platformdirs), e.g. ``~/.local/share/kiemchung/factchecks.jsonl``."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("kiemchung", appauthor=False)) / "factchecks.jsonl"


def read_store(path: Path) -> list[FactCheck]:
    """Fact-checks in a store file; an absent store is empty."""
    return load_factchecks(path, fmt="jsonl") if path.exists() else []


def write_store(factchecks: Sequence[FactCheck], path: Path) -> None:
    """Write the whole store atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".factchecks-", suffix=".jsonl.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            for fc in factchecks:
                f.write(json.dumps(fc.to_dict(), ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def import_into_store(factchecks: Sequence[FactCheck], path: Path) -> dict[str, Any]:
    """Merge ``factchecks`` into the store at ``path`` by id; returns counts (added, updated, unchanged, total)."""
    existing = {fc.id: fc for fc in read_store(path)}
    added = updated = unchanged = 0
    for fc in factchecks:
        old = existing.get(fc.id)
        if old is None:
            added += 1
        elif old == fc:
            unchanged += 1
        else:
            updated += 1
        existing[fc.id] = fc
    write_store(list(existing.values()), path)
    return {"added": added, "updated": updated, "unchanged": unchanged, "total": len(existing), "store": str(path)}
