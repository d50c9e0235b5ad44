# Two commands on a fresh machine with only python3: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The browser tests drive Debian's Chromium (never a downloaded browser); installed here when missing.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test openapi messages bench golden equations units clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tadqiq serve --host 127.0.0.1 --port 8000

$(CHROMIUM):
	@echo "make: installing Debian's chromium for the browser tests"
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null

test: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest

openapi: $(STAMP)
	$(BIN)/tadqiq examples
	$(BIN)/tadqiq openapi -o openapi/openapi.json

# What people read — the rules' sentences (explanations, causes, labels, rule titles) and the pages' words — is one
# gettext catalogue per language, rules/locale/<lang>/LC_MESSAGES/messages.po: extract the messages from rules/ and
# service/ (the map: rules/locale/babel.cfg), then bring every language's catalogue up to date (new messages arrive
# empty; tests/test_messages.py fails until each is translated). Read at start by rules/messages.py: nothing to
# compile.
LOCALES := rules/locale
messages: $(STAMP)
	$(BIN)/pybabel extract --width 120 -F $(LOCALES)/babel.cfg -k N_ -k C_:1c,2 --no-location --sort-output \
		--project tadqiq --copyright-holder tadqiq -o $(LOCALES)/messages.pot rules service
	for lang in en ar fr es de; do \
		test -f $(LOCALES)/$$lang/LC_MESSAGES/messages.po \
			&& $(BIN)/pybabel update --width 120 --no-fuzzy-matching --ignore-obsolete -i $(LOCALES)/messages.pot \
				-d $(LOCALES) -l $$lang \
			|| $(BIN)/pybabel init --width 120 -i $(LOCALES)/messages.pot -d $(LOCALES) -l $$lang; \
	done

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build *.egg-info

# The figure reader's golden record (tests/test_reader_golden.py): rewrite it when a change means to read differently.
golden: $(STAMP)
	$(BIN)/python tests/test_reader_golden.py --write

# The relations' solutions, derived with sympy ahead of time (rules/derive.py → rules/solved.py): a check never
# imports sympy. tests/test_equations_and_causes.py fails when the two differ.
equations: $(STAMP)
	$(BIN)/python -m rules.derive

# What the units ask pint (which CLDR units it knows, its unit names, each unit's factor to its root units), kept in
# rules/normalise/data/pint_facts.json: a start neither imports pint nor builds its registry. Made again after a
# change to units.toml's definitions, rules/normalise/pint_facts.py, or pint's or babel's version;
# tests/test_pint_facts.py fails until it is.
units: $(STAMP)
	$(BIN)/python -m rules.normalise.pint_facts
