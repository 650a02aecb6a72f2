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

# Mermaid's own parser, for the test that checks `mecfs-kg show --out x.mmd` (needs npm; skipped without).
tools/mermaid-check/node_modules: tools/mermaid-check/package-lock.json
	if command -v npm >/dev/null; then cd tools/mermaid-check && npm ci --no-audit --no-fund --silent; fi

setup: $(BIN)/mecfs-kg

demo: setup
	$(BIN)/mecfs-kg build examples/seeds --store $(STORE) --wipe
	$(BIN)/mecfs-kg stats --store $(STORE)
	$(BIN)/mecfs-kg explain "low-dose naltrexone" --store $(STORE)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint tools/mermaid-check/node_modules
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache .mypy_cache .ruff_cache
