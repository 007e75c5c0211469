# Two commands for a newcomer: `make demo` (set up + run the main job on SQLite with demo data)
# and `make test` (set up + run every test). Everything installs from this repo's own files.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
KC := $(VENV)/bin/kiemchung
EXTRAS ?= all,test

.PHONY: setup demo test lint bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[$(EXTRAS)]'
	touch $@

HOST ?= 127.0.0.1
PORT ?= 8000

demo: setup
	$(KC) scan demo/posts.jsonl --factchecks demo/factchecks.jsonl --out build/demo-report.jsonl
	$(KC) check --factchecks demo/factchecks.jsonl "$$(cat demo/draft.txt)"
	@echo "Mở http://$(HOST):$(PORT) — tài khoản demo in bên dưới (Ctrl+C để dừng)."
	$(KC) serve --demo --host $(HOST) --port $(PORT)

test: setup
	$(PY) -m pytest -n 2 --timeout 900

bench: setup
	$(PY) -m pip install -q -c constraints.txt -e '.[bench]'
	$(PY) benchmarks/run_all.py

clean:
	rm -rf build .pytest_cache
