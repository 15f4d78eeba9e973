# Two commands: `make run` installs and codes the example; `make test` installs and runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
EXAMPLE := $(SHARED)/examples/russia-iran-treaty/article.txt

.PHONY: install run test eval baseline bench clean

$(BIN)/dyadline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(BIN)/dyadline

install: $(BIN)/dyadline

run: install
	$(BIN)/dyadline code $(EXAMPLE) --date 2025-01-14
	@db=$$(mktemp -d)/corpus.duckdb && \
	  $(BIN)/dyadline ingest examples/corpus/articles.jsonl --db $$db && \
	  $(BIN)/dyadline dyad RUS IRN --db $$db --by month

test: install
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/dyadline eval all

# Record the CI samples' figures in benchmarks/baseline.json (after a change that moves them on purpose).
baseline: install
	$(BIN)/python -m dyadline.evaluation.baseline --update

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
