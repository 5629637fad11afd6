# crisisnotes: the front door. `make help` lists the targets.
PY := .venv/bin/python

.PHONY: help setup run test lint bench score
help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

setup:  ## create .venv and install crisisnotes with the dev tools
	python3 -m venv .venv && .venv/bin/pip install -q -e ".[dev]"

run: setup  ## ingest data/raw and draw every figure into reports/figures
	.venv/bin/crisisnotes run

test: setup  ## unit tests, doctests and notebooks (the README's command b)
	$(PY) -m pytest

lint:  ## ruff
	.venv/bin/ruff check src tests benchmarks

bench:  ## ingest speed and memory against bare fugashi (slow; not in CI)
	$(PY) benchmarks/bench_ingest.py

score:  ## accuracy against the gold annotations (seed, when present, and the sample)
	-$(PY) benchmarks/score_gold.py ../shared/seed/000_eb35837e95dd632a.txt ../shared/seed/gold_seed.json
	$(PY) benchmarks/score_gold.py data/raw/sample_ukraine_2022.txt tests/data/sample_gold.json
