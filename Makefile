# `make run` starts the app; `make test` runs every test. Both set up .venv and build the Explore component
# and the streets basemap first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NODE_MODULES := node_modules/.package-lock.json
COMPONENT := $(foreach name,explorer offline explorer-hooks offline-hooks,blackjanuary/component/$(name).js)
NODE_BIN := node_modules/.bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# OpenStreetMap extracts the streets basemap is built from (see README, "The streets basemap").
OSM_DIR ?= ../shared/osm
BASEMAP := static/streets/manifest.json

.PHONY: run test fast check validate browser nginx node component basemap lock

run: $(VENV)/installed $(COMPONENT) $(BASEMAP)
	$(BIN)/streamlit run app.py

test: check $(VENV)/installed browser nginx $(COMPONENT) $(BASEMAP)
	node --test frontend/test/
	OSM_DIR=$(OSM_DIR) $(BIN)/python -m pytest

# The quick local loop: everything but the tests that drive Chromium.
fast: $(VENV)/installed $(COMPONENT)
	$(BIN)/python -m pytest -m "not browser" -q

# Lint, types and the message catalogues, for the Python and the component's JavaScript: part of `make test`.
check: $(VENV)/installed $(NODE_MODULES)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(NODE_BIN)/tsc -p frontend
	$(NODE_BIN)/eslint frontend
	$(BIN)/python -m blackjanuary messages check

validate: $(VENV)/installed
	$(BIN)/python -m blackjanuary validate

# requirements.txt is the lock: every package pinned (make lock). The project is
# installed in editable mode as well: Streamlit finds the Explore component's
# asset folder through the package's pyproject.toml.
PIP := $(BIN)/pip --quiet --disable-pip-version-check
$(VENV)/installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install pip==25.3
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps -e .
	touch $@

# Resolve pyproject.toml's dependencies and every dependency group afresh, and pin the result in requirements.txt.
LOCK_VENV := .lock-venv
lock:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip --quiet --disable-pip-version-check install pip==25.3
	$(LOCK_VENV)/bin/pip --quiet --disable-pip-version-check install . --group dev
	{ echo "# The lock: every package the app, the tests, the benchmark and the checks need, pinned."; \
	  echo "# Made by \`make lock\` from pyproject.toml (dependencies and dependency groups); do not edit by hand."; \
	  $(LOCK_VENV)/bin/pip freeze --exclude blackjanuary --exclude pip; } > requirements.txt
	rm -rf $(LOCK_VENV) build

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
# explorer.js for the app, offline.js for the offline explorer file, and each again with the tests' hooks
# (explorer-hooks.js, offline-hooks.js), all by one run of build.mjs.
$(COMPONENT) &: $(NODE_MODULES) frontend/build.mjs $(wildcard frontend/src/*)
	node frontend/build.mjs

component: $(COMPONENT)

# The streets basemap, built from $(OSM_DIR) into static/streets/ (not committed: OpenStreetMap's data).
# Without that folder the script says so and writes nothing: the app keeps the coarse coastline and says
# on the map that the streets are missing, and the next make tries again.
$(BASEMAP): tools/build_basemap.py static/absheron-land.geojson $(wildcard $(OSM_DIR)/*.geojson) | $(VENV)/installed
	$(BIN)/python tools/build_basemap.py --osm $(OSM_DIR)

basemap: $(BASEMAP)
