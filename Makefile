# The two commands of the README:
#   make demo   set up, build the graph from the example documents, show what it holds
#   make test   set up, lint, type-check and run the tests (a real Neo4j is started for them)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= .mecfs-kg

.PHONY: demo test lint setup clean

$(BIN)/mecfs-kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

setup: $(BIN)/mecfs-kg

demo: setup
	$(BIN)/mecfs-kg build examples/seeds --store $(STORE) --wipe
	$(BIN)/mecfs-kg stats --store $(STORE)
	$(BIN)/mecfs-kg explain "low-dose naltrexone" --store $(STORE)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache .mypy_cache .ruff_cache
