# One entry point for setting up, running and testing cyberkg.
#   make run    set everything up, build the graph and validate the example profiles
#   make test   set everything up and run the whole test suite (what CI runs)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run build check test lint clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: install
	$(BIN)/cyberkg build

check: install
	$(BIN)/cyberkg check

run: build
	$(BIN)/cyberkg check

lint: install
	$(BIN)/ruff check src tests scripts $(wildcard benchmarks)
	$(BIN)/ruff format --check src tests scripts $(wildcard benchmarks)

test: lint
	$(BIN)/python -m pytest -q

clean:
	rm -rf build site .pytest_cache
