# Two commands set everything up on a fresh machine: `make html` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.requirements-installed
SETTINGS ?= pelicanconf.py
OUTPUT ?= output
SITEURL ?=
PORT ?= 8000

.PHONY: html publish check test devserver clean help

help:
	@echo "make html       build output/ from brands/ and content/ (development settings)"
	@echo "make check      validate all content, write nothing"
	@echo "make test       run the whole test suite"
	@echo "make devserver  preview on http://127.0.0.1:$(PORT)/, rebuilding on every change"
	@echo "make publish    production build (SITEURL=https://host/path to override)"
	@echo "make clean      remove output/ and caches"

$(READY): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

html: $(READY)
	$(BIN)/python -m tools.build --settings $(SETTINGS) --output $(OUTPUT) $(if $(SITEURL),--siteurl "$(SITEURL)")

publish: $(READY)
	$(BIN)/python -m tools.build --settings publishconf.py --output $(OUTPUT) $(if $(SITEURL),--siteurl "$(SITEURL)")

check: $(READY)
	$(BIN)/python -m tools.check --settings $(SETTINGS)

test: $(READY)
	$(BIN)/python -m pytest

devserver: $(READY)
	$(BIN)/python -m tools.devserver --settings $(SETTINGS) --port $(PORT)

clean:
	rm -rf $(OUTPUT) .$(OUTPUT).building-* .$(OUTPUT).old-* .cache/pelican
