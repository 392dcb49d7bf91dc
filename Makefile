# Two entry points for a fresh machine (see README):
#   make serve   set up and serve the course at http://127.0.0.1:8000
#   make test    set up and run every test, browser tests included
# Each setup step runs again only when its inputs change.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMPS := .stamps
ADDR   ?= 127.0.0.1:8000
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve test build build-zensical bench clean diagrams

serve: $(STAMPS)/python $(STAMPS)/npm
	$(BIN)/mkdocs serve --dev-addr $(ADDR)

test: $(STAMPS)/python-test $(STAMPS)/npm $(STAMPS)/chromium $(STAMPS)/java
	$(BIN)/pytest

build: $(STAMPS)/python $(STAMPS)/npm
	$(BIN)/mkdocs build --strict

# The same site built by Zensical, Material for MkDocs' successor, which runs no MkDocs
# plugin: the course's build step adds what the plugin adds under MkDocs.
build-zensical: $(STAMPS)/python-test $(STAMPS)/npm
	$(BIN)/zensical build --strict
	$(BIN)/python -m checker.site.build --site-dir site

# Draw the lessons' Mermaid diagrams that have no SVG yet into diagrams/ and remove unused
# ones (diagrams/render.py); commit the folder. A diagram without its SVG stops the build.
diagrams: $(STAMPS)/python-test $(STAMPS)/npm $(STAMPS)/chromium
	$(BIN)/python diagrams/render.py

bench: $(STAMPS)/python-test $(STAMPS)/npm $(STAMPS)/chromium
	for script in bench/bench_*.py; do $(BIN)/python $$script || exit 1; done

$(STAMPS)/python: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/python-test: pyproject.toml $(STAMPS)/python
	$(BIN)/pip install --quiet -e '.[test]'
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/npm: package.json package-lock.json
	npm ci --no-audit --no-fund
	@mkdir -p $(STAMPS) && touch $@

# Debian's Chromium: Playwright drives it by path, as its own browser download cannot work here.
$(STAMPS)/chromium:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }
	@mkdir -p $(STAMPS) && touch $@

# Java for the HTML validator (vnu-jar, tests/test_html_valid.py).
$(STAMPS)/java:
	@command -v java >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless; }
	@mkdir -p $(STAMPS) && touch $@

clean:
	rm -rf $(VENV) $(STAMPS) node_modules site .cache
