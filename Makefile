# Xietong hub: `make run` starts everything with embedded defaults; `make test` runs the whole suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
WEB := webclient
WEB_STAMP := $(WEB)/node_modules/.installed-stamp
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install run reset test lint unit redis chromium webclient help-shots bench bench-deps bench-stores clean

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

# Fonts too: CJK so that screenshots of the client show Chinese rather than empty boxes, colour emoji so that
# reactions (👍 ✅ 😄) show as emoji, and for the 版式 PDF of a 公文 (hub/layout/pdf.py) Noto Serif/Sans CJK and
# AR PL UKai, where 小标宋, 仿宋 and 楷体 are missing.
FONTS := fonts-wqy-microhei fonts-noto-color-emoji fonts-noto-cjk fonts-arphic-ukai
chromium:
	@{ command -v chromium >/dev/null 2>&1 && dpkg -s $(FONTS) >/dev/null 2>&1; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium $(FONTS); \
	  else command -v chromium >/dev/null 2>&1 || { echo "chromium is missing: sudo apt-get install chromium"; \
	  exit 1; }; fi; }

# The web client is rebuilt only when a file under webclient/ (outside node_modules and dist) changed, so that
# restarting `make run` does not pay for vue-tsc and vite again.
WEB_SOURCES := $(shell find $(WEB) \( -path $(WEB)/node_modules -o -path $(WEB)/dist \) -prune -o -type f -print)
WEB_BUILD := $(WEB)/dist/.build-stamp

$(WEB_STAMP): $(WEB)/package-lock.json
	cd $(WEB) && npm ci --no-audit --no-fund
	touch $(WEB_STAMP)

$(WEB_BUILD): $(WEB_STAMP) $(WEB_SOURCES)
	cd $(WEB) && npm run build
	touch $(WEB_BUILD)

webclient: $(WEB_BUILD)

# Durable by default: the hub starts an embedded SecantusDB with its data in $(DATA) (HUB_DATA_DIR).
# HUB_STORE=memory gives a throw-away run; HUB_MONGODB_URL a real MongoDB.
run: install webclient
	HUB_WEBCLIENT_DIR=$${HUB_WEBCLIENT_DIR:-$(WEB)/dist} $(BIN)/python -m hub run --demo

# Wipe the embedded store's data (refused while a hub is using it).
DATA := $${HUB_DATA_DIR:-.data}
reset: install
	@$(BIN)/python -c 'import sys; from pathlib import Path; from hub.store.embedded import find_running; \
	  sys.exit("a hub is running on $(DATA): stop it first" if find_running(Path("$(DATA)")) else 0)'
	rm -rf $(DATA)
	@echo "embedded store wiped ($(DATA)); the next make run loads the demo again"

lint: install
	$(BIN)/ruff check hub bots tests
	$(BIN)/mypy
	$(BIN)/python -m hub schemas --check
	@# The web client's generated API types must match the OpenAPI document (needs webclient/node_modules).
	@if [ -d $(WEB)/node_modules/openapi-typescript ]; then (cd $(WEB) && PYTHON=$(abspath $(BIN))/python node scripts/gen-api.mjs --check); \
	  else echo "skipped: webclient API types check (run make webclient first)"; fi

unit: install redis
	$(BIN)/python -m pytest -q

# pytest runs every hub test twice, on the in-process emulation and on a SecantusDB server it starts
# (HUB_TEST_MONGODB_URL names another server instead); browser tests use the durable embedded default.
# Two pytest-xdist workers: the browser tests stay together on one (tests/conftest.py), the hub tests spread.
# TEST_WORKERS=0 runs everything in one process.
TEST_WORKERS ?= 2
test: install redis chromium webclient lint bench-deps
	cd $(WEB) && npm test
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadgroup --durations=25

# The 帮助中心's screenshots: the browser tests that take them, then copied (shrunk) into webclient/public/help/img/.
help-shots: install chromium webclient
	XT_HELP_SHOTS=1 $(BIN)/python -m pytest -q tests/browser/test_onboarding.py
	$(MAKE) webclient

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

# The hub on the emulation and on the embedded SecantusDB side by side: start-up, one send, one history page.
bench-stores: install webclient
	$(BIN)/python bench/stores.py

clean:
	rm -rf $(VENV) $(WEB)/node_modules $(WEB)/dist
