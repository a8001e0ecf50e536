# Two commands are the contract (see README): `make site` and `make test`.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# default-jre-headless (test): Java for the Nu Html Checker (vnu-jar from npm).
# graphviz: its `dot` draws the route finder diagram (hooks/finder/diagram.py) at build time.
APT_SITE := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core graphviz
APT_TEST := chromium poppler-utils default-jre-headless

.PHONY: site sites test serve bench clean system-site system-test

# The service to build (a folder under localities/); empty: the one localities/default.yml names.
LOCALITY ?=

site: $(VENV)/.site node_modules/.installed system-site
	SITE_LOCALITY=$(LOCALITY) $(PY) hooks/build_all.py site

# Every service in localities/, each into sites/<id>/ (each atomic), then a summary.
sites: $(VENV)/.site node_modules/.installed system-site
	$(PY) hooks/build_all.py --sites sites

# Test workers (pytest-xdist), a test file each at a time, so a file's module fixtures (a built
# service, a browser tab) are made once; CI has 2 cores. TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= 2

test: $(VENV)/.test node_modules/.installed system-site system-test
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

serve: $(VENV)/.site node_modules/.installed
	$(PY) hooks/build_all.py --check-config && SITE_LOCALITY=$(LOCALITY) $(VENV)/bin/mkdocs serve

# Benchmarks (see README): prints a table, writes benchmarks/results.json. A few minutes.
bench: $(VENV)/.test node_modules/.installed system-site system-test
	$(PY) benchmarks/run.py

# Debian packages, installed only when missing (needs root, as on CI).
system-site:
	@missing=$$(for p in $(APT_SITE); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

system-test:
	@missing=$$(for p in $(APT_TEST); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site: requirements.txt $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test: requirements-test.txt $(VENV)/.site
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf site .site.old .site.building-* sites
