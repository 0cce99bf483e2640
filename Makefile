# `make run` starts the app; `make test` runs every test. Both set up .venv and build the Explore component first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NODE_MODULES := node_modules/.package-lock.json
COMPONENT := blackjanuary/component/explorer.js blackjanuary/component/offline.js
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test validate browser nginx node component

run: $(VENV)/installed $(COMPONENT)
	$(BIN)/streamlit run app.py

test: $(VENV)/installed browser nginx $(COMPONENT)
	$(BIN)/python -m pytest

validate: $(VENV)/installed
	$(BIN)/python -m blackjanuary validate

# The project is installed in editable mode as well: Streamlit finds the Explore
# component's asset folder through the package's pyproject.toml.
$(VENV)/installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Playwright cannot download its own browser here: the tests drive Debian's Chromium.
browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core; }

# Debian's nginx for tests/test_replicas.py, which puts two app servers behind it on loopback.
nginx:
	@PATH="$$PATH:/usr/sbin" command -v nginx >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx; }

node:
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm; }

# deck.gl and esbuild for the component, TimelineJS for tests/test_formats.py: all pinned in package-lock.json.
$(NODE_MODULES): package.json package-lock.json | node
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# The Explore component, bundled into the package's asset folder (not committed: built from the lockfile):
# explorer.js for the app, offline.js for the offline explorer file, both by one run of build.mjs.
$(COMPONENT) &: $(NODE_MODULES) frontend/build.mjs $(wildcard frontend/src/*)
	node frontend/build.mjs

component: $(COMPONENT)
