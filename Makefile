# Reconnect: `make run` to chat, `make test` to run every test. Everything else is a step
# of those two. Installs go into .venv with the exact versions in constraints.txt.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV     := .venv
BIN      := $(VENV)/bin
# Every Rasa command runs with Reconnect's changes to Rasa applied (server/bootstrap.py).
RASA     := $(BIN)/python -m server
STAMP    := $(VENV)/.installed
DEV      := $(VENV)/.installed-dev
VALID    := .build/validated
SPACY    := .build/spacy-en/config.cfg
MODEL    := models/reconnect.tar.gz
WIDGET   := .build/widget/index.html
NPM_DEPS := widget/node_modules/.package-lock.json
WEBCHAT  := .build/rasa-webchat/index.js
CHROMIUM := /usr/bin/chromium
NGINX    := /usr/sbin/nginx
TRAINING := config.yml domain.yml $(shell find data -name '*.yml' -o -type d 2>/dev/null)

# Every command started from here gets the environment the launchers give the servers (quiet,
# offline, the project importable): scripts/environment.sh prints it, one NAME=value a word.
$(foreach setting,$(shell bash scripts/environment.sh),$(eval export $(setting)))
export RASA_PORT ?= 5005
export ACTION_PORT ?= 5055
export TRACKER_DB ?= var/tracker.db

.PHONY: help install run run-prod check lint format test train validate unit crisis nlu-accuracy topic-accuracy stories scenarios http browser prod privacy fuzz purge purge-prod bench bench-smoke eval-crisis screenshots clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

install: $(STAMP) $(SPACY)  ## create .venv and install the pinned dependencies (to run)

$(STAMP): requirements.txt constraints.txt
	@python=$${PYTHON:-$$(scripts/find_python.sh)} || exit 1; \
	echo "Using $$python"; \
	[ -x $(BIN)/python ] || "$$python" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==24.0
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

# The test tools (pytest, Playwright, ruff, ...), on top of what running needs.
$(DEV): $(STAMP) requirements-dev.txt constraints.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

# spaCy models cannot be downloaded here: build a blank English pipeline with the
# lookup lemmatizer from the spacy-lookups-data package instead.
$(SPACY): $(STAMP) scripts/build_spacy_pipeline.py
	$(BIN)/python scripts/build_spacy_pipeline.py $(dir $@)

train: $(MODEL)  ## train the model (only when data, config or domain changed)

$(MODEL): $(VALID) $(SPACY) $(wildcard components/*.py components/crisis_patterns/*.yml)
	$(RASA) train --fixed-model-name reconnect --out models --quiet
	touch $@

# The widget's socket.io client (and axe-core, for the browser tests) from the npm registry.
$(NPM_DEPS): widget/package.json widget/package-lock.json
	npm ci --prefix widget --no-audit --no-fund --loglevel=error

$(WIDGET): $(NPM_DEPS) $(wildcard widget/*.html widget/styles/*.css widget/src/*.js) domain.yml scripts/build_widget.py
	$(BIN)/python scripts/build_widget.py

# rasa-webchat 1.0.1's one self-contained file, for the browser test where it chats with
# Reconnect: taken from its npm package (pinned and checksummed), not its 590 dependencies.
$(WEBCHAT): scripts/vendor_rasa_webchat.py
	$(BIN)/python scripts/vendor_rasa_webchat.py

# Browser tests drive Debian's Chromium (test tools cannot download browsers here).
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

run: $(MODEL) $(WIDGET)  ## start the action server and Rasa, print the chat URL; Ctrl-C stops both
	@scripts/run.sh

# Production mode puts Debian's nginx in front of the Rasa instances. run_prod.sh runs its own
# nginx in the foreground; the system service is not used.
$(NGINX):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx

run-prod: $(MODEL) $(WIDGET) $(NGINX)  ## production mode: PostgreSQL, Redis, 2 Rasa + actions behind nginx; Ctrl-C stops all
	@scripts/run_prod.sh

validate: $(STAMP)  ## rasa data validate; any warning fails unless listed in tests/validate_allowed.txt
	@scripts/validate.sh

# Training starts from validated data: a mistake in data/ or the domain stops here, with
# Rasa's explanation, instead of in a model that behaves oddly.
$(VALID): $(STAMP) $(TRAINING) tests/validate_allowed.txt
	@scripts/validate.sh
	@mkdir -p $(dir $@) && touch $@

lint: $(DEV)  ## ruff: lint and format check of every Python file
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV)  ## ruff: format every Python file and apply the safe lint fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: validate lint unit  ## the fast tier (under a minute): validate, ruff, unit tests; before every commit

unit: $(DEV) $(SPACY)  ## fast tests: content, actions, step choice, crisis matcher, Rasa patches
	$(BIN)/pytest -q tests/unit

crisis: $(DEV) $(SPACY)  ## the safety net against its whole corpus (tests/crisis), NLU examples included
	$(BIN)/pytest -q tests/crisis

nlu-accuracy: $(DEV) $(MODEL)  ## intent accuracy on the held-out file (never trained on)
	$(BIN)/python -m tests.nlu.heldout_accuracy tests/nlu/heldout.yml --min 0.95

stories: $(DEV) $(MODEL)  ## rasa test on the end-to-end test stories, failing on any wrong prediction
	@scripts/with_action_server.sh $(RASA) test core --model $(MODEL) \
	  --stories tests/stories --endpoints endpoints.yml --fail-on-prediction-errors \
	  --out var/results/stories

# The blind multi-turn conversations, written without the training data: each turn's reply
# must carry one of the expected topics (tests/scenarios/test_conversations.py).
scenarios: $(DEV) $(MODEL)  ## the blind scenario suite (tests/scenarios) over REST against the real servers
	$(BIN)/pytest -q tests/scenarios

# A measurement, not a test: a blind set is scored once, before it is used (tests/nlu/rounds.md).
BLIND ?= tests/nlu/blind/round1.yml
topic-accuracy: $(DEV) $(MODEL)  ## topic accuracy over REST of a blind set of first messages (BLIND=file)
	$(BIN)/python -m tests.nlu.topic_accuracy $(BLIND)

http: $(DEV) $(MODEL) $(WIDGET)  ## slow tests: the real servers over HTTP
	$(BIN)/pytest -q tests/http

browser: $(DEV) $(MODEL) $(WIDGET) $(WEBCHAT) $(CHROMIUM)  ## browser tests of the widget (Playwright + Chromium, axe-core), embedded on another site, and rasa-webchat
	$(BIN)/pytest -q tests/browser

prod: $(DEV) $(MODEL) $(WIDGET) $(NGINX)  ## slow tests of production mode: real PostgreSQL, Redis and nginx, faults
	$(BIN)/pytest -q tests/prod

privacy: $(DEV) $(MODEL)  ## "delete my conversation" and the retention purge, on SQLite and PostgreSQL
	$(BIN)/pytest -q tests/privacy

fuzz: $(DEV) $(MODEL) $(WIDGET)  ## bad input of every kind against the real servers (REST and socket.io)
	$(BIN)/pytest -q tests/fuzz

# Benchmarks are not tests: `make test` only runs them tiny (bench-smoke) so they cannot rot,
# and asserts no timing.
bench: $(DEV) $(MODEL)  ## benchmarks against stock Rasa (rasa init): writes benchmarks/RESULTS.md (~6 min)
	$(BIN)/python -m benchmarks.run

bench-smoke: $(DEV) $(MODEL)  ## every benchmark step with tiny loads, checking it works (no timings asserted)
	$(BIN)/python -m benchmarks.run --smoke

test: check crisis $(MODEL) nlu-accuracy stories scenarios http privacy fuzz browser prod bench-smoke  ## every test: what CI runs

screenshots: $(DEV) $(MODEL) $(WIDGET) $(WEBCHAT) $(CHROMIUM)  ## the README's screenshots of both embed options, into docs/screenshots
	$(BIN)/python -m scripts.readme_screenshots

purge: $(STAMP)  ## delete conversations idle longer than RETENTION_DAYS (default 30) from SQLite
	$(BIN)/python scripts/purge.py endpoints.yml

purge-prod: $(STAMP)  ## the same for production mode's PostgreSQL (run_prod.sh's settings)
	@scripts/run_prod.sh purge

eval-crisis: $(STAMP) $(SPACY)  ## recall and false alarms of the crisis matcher on the corpus
	$(BIN)/python -m tests.crisis.evaluate

clean:  ## remove the model, build outputs and results (keeps .venv and conversations)
	rm -rf models .build var/results
