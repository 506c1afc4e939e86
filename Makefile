# The README's two commands are `make run` and `make test`; everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

# Absolute links (canonical, sitemap, e-mails) point at the address `make run` serves:
# migrate and load_seed_content set the default Wagtail Site from it.
run seed migrate: export DJANGO_SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test install migrate seed lint format messages check bench bench-scale wrk faults audit dockerlint clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Installs exactly what the lock file pins (hash-checked); re-runs only when the lock changes.
$(VENV)/.installed: requirements.lock | $(BIN)/activate
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

install: $(VENV)/.installed

migrate: install
	$(MANAGE) migrate --noinput

seed: migrate
	$(MANAGE) load_seed_content

# The task worker (e-mails, search and reference index updates) runs beside the development
# server; Ctrl-C stops both. After changing task code, restart `make run`.
run: seed
	@$(MANAGE) db_worker --no-reload --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

# In parallel, one pytest-xdist worker per core (each module stays on one worker: the browser
# tests start one live server and Chromium per module). COVERAGE=1, as CI's SQLite run sets it,
# also measures coverage and fails below [tool.coverage.report] fail_under in pyproject.toml.
TEST_WORKERS ?= auto
test: install
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile $(if $(COVERAGE),--cov --cov-report=term)

# Import contracts (layers, no cycles, private models): [tool.importlinter] in pyproject.toml.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/djhtml --check --tabwidth 4 templates

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml --tabwidth 4 templates

# Needs GNU gettext (msgfmt/xgettext). Compiled .mo files are committed, so running the
# site never needs gettext.
# Wagtail's and wagtail-localize's strings that upstream leaves without Turkish are kept in
# editorial/upstream_strings.py (django) and .js (djangojs, the admin's scripts).
MESSAGES_IGNORE := --ignore ".venv/*" --ignore "node_modules/*" --ignore "staticfiles/*" \
	--ignore "docs/*"
messages: install
	$(MANAGE) makemessages --locale tr --locale en --no-obsolete $(MESSAGES_IGNORE)
	$(MANAGE) makemessages --domain djangojs --locale tr --no-obsolete $(MESSAGES_IGNORE)
	$(MANAGE) compilemessages --ignore ".venv/*"

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# wrk is the load generator (Debian's package, installed here when apt can); without it the
# benchmark falls back to a Python one. `make bench --scale` cannot work (make reads --scale as
# its own option): `make bench SCALE=1` or `make bench-scale` (1,000 networks, 100,000 inquiries).
bench: install wrk
	$(PY) bench/bench.py $(if $(SCALE),--scale)

bench-scale: install wrk
	$(PY) bench/bench.py --scale

wrk:
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get install -y -q wrk >/dev/null; } \
		|| echo "wrk is not installed: the benchmark uses its Python load generator."

# Load and fault test on this machine's PostgreSQL and Redis (restarts both; needs root).
# FAULTS_PHASES=steady,smtp_hang,postgres_hang runs only the phases that leave them running.
faults: install
	$(PY) bench/faults.py

# Needs https://pypi.org (vulnerability data): --strict fails when any package could not be
# audited, so an unreachable index is a failure, not a pass.
audit: install
	$(BIN)/pip-audit --requirement requirements.lock --require-hashes --disable-pip --strict

dockerlint: install
	$(BIN)/hadolint Dockerfile

clean:
	rm -rf $(VENV) staticfiles media-test .pytest_cache .ruff_cache
