# `make run` starts the app; `make test` runs every test. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test validate browser

run: $(VENV)/installed
	$(BIN)/streamlit run app.py

test: $(VENV)/installed browser
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
