"""``settle_heap``: what a scan worker (and ``kiemchung serve``) does to the collector once its models are loaded."""

from __future__ import annotations

import json
import subprocess
import sys


def test_settle_heap_freezes_the_loaded_heap_and_collects_less_often() -> None:
    # in a child process: freezing and thresholds are process-wide, the test process keeps its own
    code = (
        "import gc, json\n"
        "from kiemchung.pipeline.local import GC_THRESHOLDS, settle_heap\n"
        "models = [{'w': [i] * 3} for i in range(20000)]  # long-lived objects, like loaded tables\n"
        "before = (gc.get_freeze_count(), gc.get_threshold())\n"
        "settle_heap()\n"
        "print(json.dumps([before, gc.get_freeze_count(), gc.get_threshold(), list(GC_THRESHOLDS)]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    (frozen_before, default), frozen, threshold, wanted = json.loads(out)
    assert frozen_before == 0 and frozen >= 20000  # the loaded objects left the collector's generations
    assert threshold == wanted and wanted[0] > default[0]  # young collections far rarer than Python's default
