# Xietong hub: `make run` starts everything with embedded defaults; `make test` runs the whole suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
WEB := webclient
WEB_STAMP := $(WEB)/node_modules/.installed-stamp
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install run test lint unit redis chromium webclient bench bench-deps clean

$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	@$(PY) -m venv --help >/dev/null 2>&1 && $(PY) -c 'import ensurepip' 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq python3-venv; \
	  else echo "python3-venv is missing: sudo apt-get install python3-venv"; exit 1; fi; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

redis:
	@command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq redis-server; \
	  else echo "redis-server is missing: sudo apt-get install redis-server"; exit 1; fi; }

# A CJK font too, so that screenshots of the client show Chinese rather than empty boxes.
chromium:
	@{ command -v chromium >/dev/null 2>&1 && dpkg -s fonts-wqy-microhei >/dev/null 2>&1; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei; \
	  else command -v chromium >/dev/null 2>&1 || { echo "chromium is missing: sudo apt-get install chromium"; \
	  exit 1; }; fi; }

# The web client is built only when it exists; its own issue fills webclient/.
webclient:
	@if [ -f $(WEB)/package.json ]; then \
	  { [ -f $(WEB_STAMP) ] && [ $(WEB_STAMP) -nt $(WEB)/package-lock.json ]; } || \
	    { (cd $(WEB) && npm ci --no-audit --no-fund) && touch $(WEB_STAMP); }; \
	  (cd $(WEB) && npm run build); \
	fi

run: install webclient
	HUB_WEBCLIENT_DIR=$${HUB_WEBCLIENT_DIR:-$(WEB)/dist} $(BIN)/python -m hub run --demo

lint: install
	$(BIN)/ruff check hub bots tests
	$(BIN)/mypy
	$(BIN)/python -m hub schemas --check

unit: install redis
	$(BIN)/python -m pytest -q

test: install redis chromium webclient lint bench-deps
	@if [ -f $(WEB)/package.json ]; then (cd $(WEB) && npm test); fi
	$(BIN)/python -m pytest -q

# Benchmarks (bench/): Node load generator and reference servers from npm; never part of `make test` runs
# except the smoke test of the harness itself. BENCH_QUICK=1 for a short run, BENCH_ONLY=T1,T2 to pick.
BENCH_STAMP := bench/node_modules/.installed-stamp
bench-deps:
	@command -v node >/dev/null 2>&1 || { echo "node (20+) is missing"; exit 1; }
	@{ [ -f $(BENCH_STAMP) ] && [ $(BENCH_STAMP) -nt bench/package-lock.json ]; } || \
	  { (cd bench && npm ci --no-audit --no-fund) && touch $(BENCH_STAMP); }

bench: install redis bench-deps
	@$(BIN)/python -c 'import matplotlib' 2>/dev/null || $(BIN)/pip install -q 'matplotlib>=3.8'
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(WEB)/node_modules $(WEB)/dist
