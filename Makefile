# Two commands: `make run` installs and codes the example; `make test` installs and runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
EXAMPLE := $(SHARED)/examples/russia-iran-treaty/article.txt

.PHONY: install run test eval baseline bench clean chromium web screenshots

$(BIN)/dyadline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@# build the gazetteer index once now (~10 s), so that the first `dyadline code` starts fast
	$(BIN)/python -c "from dyadline.geo.gazetteer import gazetteer; gazetteer()"
	touch $(BIN)/dyadline

install: $(BIN)/dyadline

run: install
	$(BIN)/dyadline code $(EXAMPLE) --date 2025-01-14
	@db=$$(mktemp -d)/corpus.duckdb && \
	  $(BIN)/dyadline ingest examples/corpus/articles.jsonl --db $$db && \
	  $(BIN)/dyadline dyad RUS IRN --db $$db --by month

# Web interface (tests/test_web_browser.py): its page tests drive Debian's Chromium through
# Playwright. Install it when /usr/bin/chromium is missing and we are root; otherwise those
# tests skip and say why. Playwright's own browser download is never used.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update && apt-get install -y chromium) || \
	      echo "chromium could not be installed: the browser tests will be skipped"; \
	  else echo "no /usr/bin/chromium and not root: the browser tests will be skipped"; fi; \
	fi

# Web interface: rebuild the front-end libraries in src/dyadline/web/static/vendor/ from npm
# (they are committed, so only needed to upgrade them; see docs/web.md).
web:
	cd web && npm ci --no-audit --no-fund && npm run build

# Web interface: retake the screenshots in docs/screenshots/ (needs chromium).
screenshots: install chromium
	DYADLINE_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/test_web_browser.py

test: install chromium
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
