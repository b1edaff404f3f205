# Two commands on a fresh machine: `make run` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8501

.PHONY: run test install index lint typecheck unit browser-deps bench clean install-st

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "error: $(PY) not found; install Python 3.11 or run make PY=/path/to/python3.11"; exit 2; }
	$(PY) -m venv $(VENV)

# Re-install only when the project definition changes (a second run installs nothing).
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# The optional sentence-transformers backend is exercised by the tests (torch CPU wheel first).
ST_STAMP := $(VENV)/.installed-st
$(ST_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e ".[dev,st]"
	touch $(ST_STAMP)

index: install
	$(BIN)/assistant index build

run: index
	$(BIN)/streamlit run ui/app.py --server.address $(HOST) --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

lint: install
	$(BIN)/ruff check assistant tests ui eval benchmarks

typecheck: install
	$(BIN)/mypy

# Spread over the machine's cores (at most 4 workers: each loads the answer engine); the browser tests then run in one
# process (under a loaded machine a Streamlit rerun can outlast a click: docs/performance.md#test-suite-time).
unit: $(ST_STAMP)
	$(BIN)/python -m pytest -q -n auto --maxprocesses 4 --dist worksteal -m "not browser"
	$(BIN)/python -m pytest -q -m browser

# The browser tests drive Debian's headless Chromium; CJK fonts make the Chinese pages render. Installs only when missing.
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO="sudo"; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; \
	fi

test: browser-deps lint typecheck unit

bench: index
	$(BIN)/python benchmarks/latency.py

# Optional: sentence-transformers backend (torch CPU wheel first; a bare torch pulls CUDA).
install-st: $(ST_STAMP)

clean:
	rm -rf $(VENV) index
