from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiemchung.analyzer import Analyzer
from kiemchung.pipeline.local import scan_files

ray = pytest.importorskip("ray")


@pytest.mark.ray
@pytest.mark.slow
def test_ray_engine_output_equals_local_engine_row_for_row(tmp_path: Path) -> None:
    from kiemchung.pipeline.ray import scan_ray

    inp = tmp_path / "posts.jsonl"
    with inp.open("w", encoding="utf-8") as fh:
        for i in range(300):
            text = ["đồ ngu như bò", "xin chào", "gọi 0912 345 678", "trời đẹp"][i % 4] + f" {i}"
            fh.write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n")
    analyzer = Analyzer.default()  # the real built-in detectors (ray workers import them from the package)
    local = scan_files(analyzer, [inp], tmp_path / "local.jsonl", batch_size=32)
    remote = scan_ray(analyzer, [inp], tmp_path / "ray.jsonl", batch_size=32, num_cpus=2)
    assert (tmp_path / "ray.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert remote.posts == local.posts == 300
    assert remote.findings == local.findings

