# One entry point for setting up, running and testing cyberkg.
#   make run    set everything up, build the graph and validate the example profiles
#   make test   set everything up and run the whole test suite (what CI runs)
#   make docs   write the documentation site to site/
#   make bench  time validation (N = 50, 200, 1000 Parties) and the query library
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run build check test lint docs bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,notebooks]'
	touch $(STAMP)

build: install
	$(BIN)/cyberkg build

check: install
	$(BIN)/cyberkg check

run: build
	$(BIN)/cyberkg check
	@echo "== profiles/examples/conforming (expected to conform) =="
	$(BIN)/cyberkg validate profiles/examples/conforming
	@echo "== profiles/examples/nonconforming (expected: violations, exit 1) =="
	$(BIN)/cyberkg validate profiles/examples/nonconforming; test $$? -eq 1

lint: install
	$(BIN)/ruff check src tests scripts $(wildcard benchmarks)
	$(BIN)/ruff format --check src tests scripts $(wildcard benchmarks)

test: lint
	$(BIN)/python -m pytest -q

docs: build
	$(BIN)/cyberkg docs --out site

bench: build
	$(BIN)/python benchmarks/bench_validation.py --build-dir build --breakdown
	$(BIN)/python benchmarks/bench_queries.py

clean:
	rm -rf build site .pytest_cache
