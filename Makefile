# `make run` starts the app; `make test` runs every test. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TIMELINEJS := node_modules/@knight-lab/timelinejs
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test validate browser

run: $(VENV)/installed
	$(BIN)/streamlit run app.py

test: $(VENV)/installed browser $(TIMELINEJS)
	$(BIN)/python -m pytest

validate: $(VENV)/installed
	$(BIN)/python -m blackjanuary validate

$(VENV)/installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Playwright cannot download its own browser here: the tests drive Debian's Chromium.
browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core; }

# TimelineJS, pinned in package-lock.json, renders the timelinejs export in tests/test_formats.py.
# Without npm the step says so and that test is skipped.
$(TIMELINEJS): package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: tests/test_formats.py will skip the TimelineJS rendering test"; fi
