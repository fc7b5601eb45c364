# Two commands set everything up on a fresh machine: `make html` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.requirements-installed
DEV_READY := $(VENV)/.dev-requirements-installed
SETTINGS ?= pelicanconf.py
OUTPUT ?= output
SITEURL ?=
PORT ?= 8000
SLUG ?=
# make rsync_upload: where the published site goes (all three are required).
SSH_HOST ?=
SSH_PORT ?= 22
SSH_USER ?=
SSH_TARGET_DIR ?=
LIGHTHOUSE_DIR := .cache/lighthouse
LIGHTHOUSE := $(LIGHTHOUSE_DIR)/node_modules/.bin/lighthouse

BENCH_VENV := .venv-bench
COUNT ?= 60

.PHONY: html publish check docs test lint format audit devserver new-brand new-story rsync_upload bench bench-images \
	translations clean clean-cache prune-cache help

help:
	@echo "make html                build output/ from brands/ and content/ (development settings)"
	@echo "make check               validate all content, write nothing"
	@echo "make new-brand SLUG=x    start brands/x/index.md from the template"
	@echo "make new-story SLUG=x    start content/stories/x.md from the template"
	@echo "make docs                write the field tables of docs/content-model.md (and brand.schema.json) from the content model"
	@echo "make devserver           preview on http://127.0.0.1:$(PORT)/, rebuilding and reloading on every change"
	@echo "make publish             production build (SITEURL=https://host/path to override)"
	@echo "make rsync_upload        publish, then copy output/ to SSH_USER@SSH_HOST:SSH_TARGET_DIR"
	@echo "make test                lint, then run the whole test suite (browser tests need Chromium and Java)"
	@echo "make lint                ruff check, ruff format --check and mypy"
	@echo "make format              format the code with ruff and apply its safe fixes"
	@echo "make audit               Lighthouse scores (mobile) of home, directory, a brand page and statistics"
	@echo "make bench               time make check, devserver rebuilds and publish compression"
	@echo "make translations        extract the interface's strings into translations/ (then translate the .po)"
	@echo "make bench-images        thumbnails against pelican-image-process (COUNT=8 for a quick run)"
	@echo "make clean               remove output/, caches and test artefacts (keeps the image cache)"
	@echo "make clean-cache         remove the image and QR code caches (.cache/images, .cache/qr)"
	@echo "make prune-cache         build, then delete cached thumbnails the site no longer uses"

# A build needs requirements.txt and the project's own package (brandsite, editable);
# make test adds requirements-dev.txt.
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

$(READY): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.txt
	$(PIP) --no-deps --editable .
	touch $@

$(DEV_READY): $(READY) requirements-dev.txt
	$(PIP) -r requirements-dev.txt
	touch $@

html: $(READY)
	$(BIN)/python -m brandsite.build --settings $(SETTINGS) --output $(OUTPUT) $(if $(SITEURL),--siteurl "$(SITEURL)")

publish: $(READY)
	$(BIN)/python -m brandsite.build --settings publishconf.py --output $(OUTPUT) $(if $(SITEURL),--siteurl "$(SITEURL)")

check: $(READY)
	$(BIN)/python -m brandsite.editor.check --settings $(SETTINGS)

new-brand: $(READY)
	$(BIN)/python -m brandsite.editor.scaffold brand "$(SLUG)"

new-story: $(READY)
	$(BIN)/python -m brandsite.editor.scaffold story "$(SLUG)"

# The content model (brandsite/brand_registry/content_model.py) is declared once; its tables
# in the docs and the open data's schema are written from it.
docs: $(READY)
	$(BIN)/python -m brandsite.editor.model_docs

# The suite runs in one process per core (pytest-xdist), at most TEST_PROCESSES; each test file
# stays in one process, so a file's fixtures are made once.
TEST_PROCESSES ?= 4
test: lint
	$(BIN)/python -m pytest -n auto --maxprocesses $(TEST_PROCESSES) --dist loadfile

# ruff (lint and format, configured in pyproject.toml) and mypy on the pure core.
lint: $(DEV_READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Rewrites the tree as ruff formats it and fixes what ruff can fix.
format: $(DEV_READY)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Lighthouse and its dependencies, pinned by tools/lighthouse/package-lock.json.
$(LIGHTHOUSE): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	mkdir -p $(LIGHTHOUSE_DIR)
	cp tools/lighthouse/package.json tools/lighthouse/package-lock.json $(LIGHTHOUSE_DIR)/
	npm ci --prefix $(LIGHTHOUSE_DIR) --no-audit --no-fund
	touch $@

audit: $(READY) $(LIGHTHOUSE)
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python -m brandsite.qa.audit --lighthouse $(LIGHTHOUSE)

devserver: $(READY)
	$(BIN)/python -m brandsite.preview.devserver --settings $(SETTINGS) --output $(OUTPUT) --port $(PORT)

bench: $(READY)
	$(BIN)/python -m bench.editor

rsync_upload:
	@missing="$(strip $(if $(SSH_HOST),,SSH_HOST) $(if $(SSH_USER),,SSH_USER) $(if $(SSH_TARGET_DIR),,SSH_TARGET_DIR))"; \
	if [ -n "$$missing" ]; then \
	  echo "请先设置 $$missing，例如：make rsync_upload SSH_HOST=www.example.org SSH_USER=deploy SSH_TARGET_DIR=/var/www/brands/" >&2; \
	  echo "Set $$missing first, e.g. make rsync_upload SSH_HOST=www.example.org SSH_USER=deploy SSH_TARGET_DIR=/var/www/brands/" >&2; \
	  exit 2; \
	fi
	$(MAKE) --no-print-directory publish
	rsync -e "ssh -p $(SSH_PORT)" -avc --delete --exclude=.git $(OUTPUT)/ "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)"

# UI strings: templates -> translations/messages.pot -> translations/<lang>/LC_MESSAGES/messages.po.
# The build compiles the .po files itself; compiling here only checks them and counts what is translated.
# The .pot is replaced only when more than its date changed, so a no-op run leaves git clean.
translations: $(READY)
	$(BIN)/pybabel --quiet extract -F babel.cfg --no-wrap --add-location=file --sort-by-file \
		--project="regional brand registry" -o translations/.messages.pot.new .
	@if diff -q -I '^"POT-Creation-Date:' translations/.messages.pot.new translations/messages.pot >/dev/null 2>&1; \
	then rm translations/.messages.pot.new; else mv translations/.messages.pot.new translations/messages.pot; fi
	$(BIN)/pybabel --quiet update -i translations/messages.pot -d translations --no-wrap --ignore-pot-creation-date
	@for po in translations/*/LC_MESSAGES/messages.po; do \
		$(BIN)/pybabel compile --statistics -i $$po -o /dev/null 2>&1 | grep translated; done

clean:
	rm -rf $(OUTPUT) .$(OUTPUT).building-* .$(OUTPUT).old-* .cache/pelican .cache/audit test-artifacts

clean-cache:
	rm -rf .cache/images .cache/qr

prune-cache: $(READY)
	$(BIN)/python -m brandsite.build --settings $(SETTINGS) --output $(OUTPUT) --prune-cache

bench-images: $(READY)
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-bench.txt
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --editable .
	$(BENCH_VENV)/bin/python -m bench.images --count $(COUNT)
