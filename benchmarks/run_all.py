"""Run every benchmark script in this folder, one after the other, and print their figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n=== {script.name} ===", flush=True)
        rc = subprocess.call([sys.executable, str(script)])
        if rc:
            print(f"{script.name} exited {rc}", flush=True)
            failed += 1
    sys.exit(1 if failed else 0)
