# Kansli: two commands for a fresh machine.
#   make demo  - virtual environment, install, migrate, demo data, server on http://127.0.0.1:$(PORT)
#   make test  - install what the tests need (Debian's chromium included) and run the whole suite
#   make bench - how fast the delegation engine answers (docs/benchmarks.md)
#   make bench-registry - registrations, search and the case list at scale (docs/benchmarks.md)
#   make bench-meetings - justering of 40 § and a packet of 20 DOCX attachments (docs/benchmarks.md)
#   make house - draw the apps and the imports between them (docs/house.svg, docs/architecture.md)
#   make serve - production on this machine: gunicorn on 127.0.0.1:$(PORT) and the task worker
#                (SECRET_KEY, KANSLI_AUDIT_KEY, ALLOWED_HOSTS, DATABASE_URL set; docs/operations.md)
#   make worker - the task worker alone, for a worker server
#   make smoke - make serve on PostgreSQL and Redis, then sign in, send a notice, check /readyz

PYTHON ?= python3
UV_VERSION := 0.13.9
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

export UV_PYTHON_DOWNLOADS := never

.PHONY: serve worker serve-settings smoke demo test suite install messages locale-deps browser-deps pdf-deps search-deps sso-deps bench bench-registry bench-meetings lint format house

$(BIN)/kansli: pyproject.toml uv.lock
	$(PYTHON) -m uv --version >/dev/null 2>&1 || \
		$(PYTHON) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(PYTHON) -m uv sync --frozen
	touch $@

install: $(BIN)/kansli messages

# The interface's translations (kansli/locale and each app's locale/): the .po files are in git,
# the compiled .mo files are made here with GNU gettext's msgfmt (only where a .po changed).
LOCALE_PACKAGES := gettext
locale-deps:
	@dpkg -s $(LOCALE_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
		$(LOCALE_PACKAGES); }

messages: $(BIN)/kansli locale-deps
	cd kansli && DEBUG=1 ../$(BIN)/kansli compilemessages --verbosity 0

demo: install pdf-deps search-deps
	DEBUG=1 $(BIN)/kansli migrate --noinput
	DEBUG=1 $(BIN)/kansli loaddemo
	@echo "Kansli körs på http://127.0.0.1:$(PORT)/ (avsluta med Ctrl-C)"
	DEBUG=1 KANSLI_SECOND_FACTOR_REQUIRED=0 $(BIN)/kansli runserver 127.0.0.1:$(PORT)

# Production on this machine (docs/operations.md): the settings checked, the static files
# collected (the manifest's storage answers 500 on every page without them), the database
# migrated, then gunicorn and the task worker as one group: Ctrl-C, or either one stopping,
# stops both. gunicorn's rule for its workers: two per core and one more.
WEB_WORKERS ?= $(shell echo $$((2 * $$(nproc) + 1)))
WEB_TIMEOUT ?= 120
WEB_GRACEFUL_TIMEOUT ?= 30
SERVE_NEEDS := SECRET_KEY KANSLI_AUDIT_KEY ALLOWED_HOSTS DATABASE_URL
# The task worker: RQ on Redis when REDIS_URL is set, otherwise the queue in the database;
# its metrics are not gunicorn's (PROMETHEUS_MULTIPROC_DIR is for gunicorn's workers alone).
WORKER_COMMAND = env -u PROMETHEUS_MULTIPROC_DIR $(if $(REDIS_URL),$(BIN)/kansli rqworker \
	--job-class django_tasks_rq.Job --with-scheduler default,$(BIN)/kansli db_worker)

serve-settings: install
	@missing=""; for name in $(SERVE_NEEDS); do \
		printenv $$name >/dev/null || missing="$$missing $$name"; done; \
	test -z "$$missing" || { echo "make serve: set$$missing in the environment" \
		"(production settings, docs/operations.md)" >&2; exit 1; }
	@test -z "$$DEBUG" || { echo "make serve: unset DEBUG (production settings)" >&2; exit 1; }
	@error=$$($(BIN)/python -c "import kansli.settings" 2>&1) || { \
		echo "make serve: $$(printf '%s\n' "$$error" | tail -n 1)" >&2; exit 1; }

serve: SHELL := /bin/bash
serve: serve-settings pdf-deps search-deps
	$(if $(PROMETHEUS_MULTIPROC_DIR),mkdir -p "$(PROMETHEUS_MULTIPROC_DIR)")
	$(BIN)/kansli collectstatic --noinput --verbosity 0
	$(BIN)/kansli migrate --noinput
	@echo "Kansli runs on http://127.0.0.1:$(PORT)/ with $(WEB_WORKERS) workers (Ctrl-C stops it)"
	@$(WORKER_COMMAND) & worker=$$!; \
	$(BIN)/gunicorn kansli.wsgi --config python:kansli.gunicorn_conf \
		--bind 127.0.0.1:$(PORT) --workers $(WEB_WORKERS) \
		--timeout $(WEB_TIMEOUT) --graceful-timeout $(WEB_GRACEFUL_TIMEOUT) \
		--no-control-socket & web=$$!; \
	trap 'kill -TERM $$web $$worker 2>/dev/null' INT TERM; \
	wait -n $$web $$worker; status=$$?; \
	kill -TERM $$web $$worker 2>/dev/null; wait; exit $$status

worker: serve-settings pdf-deps search-deps
	$(WORKER_COMMAND)

# The production smoke run of CI (.ci/run): DATABASE_URL (PostgreSQL) and REDIS_URL given.
smoke: install
	$(BIN)/python tests/smoke/run.py

# WeasyPrint renders the PDFs with Pango and needs a font; LibreOffice without its user
# interface makes the packets' DOCX, ODT, XLSX, ODS and PPTX attachments PDFs (kansli/meetings/
# conversion.py): Writer, Calc and Impress are the smallest set that reads those, without
# recommends.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
	libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui
pdf-deps:
	@dpkg -s $(PDF_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
		$(PDF_PACKAGES); }

# Search finds base forms and the parts of compounds with Debian's Swedish Hunspell dictionary
# (kansli/search/swedish.py reads /usr/share/hunspell/sv_SE.dic and .aff).
SEARCH_PACKAGES := hunspell-sv
search-deps:
	@dpkg -s $(SEARCH_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
		$(SEARCH_PACKAGES); }

# SAML 2.0 sign-in (kansli/signon) signs and checks assertions with Debian's xmlsec1 (pysaml2).
SSO_PACKAGES := xmlsec1
sso-deps:
	@dpkg -s $(SSO_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
		$(SSO_PACKAGES); }

browser-deps:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	npm ci --no-audit --no-fund --loglevel=error

test: lint suite

# The test suite alone: CI runs `make test` once, then the suite again on PostgreSQL with the
# clock a year ahead, where the checks of `lint` would only repeat themselves. The slow tests go
# first (conftest.py) and an idle worker takes from the other's queue (worksteal).
suite: install browser-deps pdf-deps search-deps sso-deps
	$(BIN)/pytest -n auto --dist worksteal

bench: install
	DEBUG=1 $(BIN)/kansli bench authority

# The registry at scale: a synthetic body of $(DOCUMENTS) documents, then what users wait for.
# Give it a database of its own: DATABASE_URL=postgres://…/kansli_bench make bench-registry
DOCUMENTS ?= 10000
bench-registry: install search-deps
	DEBUG=1 $(BIN)/kansli migrate --noinput
	DEBUG=1 $(BIN)/kansli bench seed --documents $(DOCUMENTS)
	DEBUG=1 $(BIN)/kansli bench registry

# A meeting's documents: the packet and minutes, justering signed by three, 20 DOCX attachments.
bench-meetings: install pdf-deps
	DEBUG=1 $(BIN)/kansli migrate --noinput
	DEBUG=1 $(BIN)/kansli bench meetings
	DEBUG=1 $(BIN)/kansli bench minutes
	DEBUG=1 $(BIN)/kansli bench packet

house: install
	$(BIN)/python docs/house.py > docs/house.svg

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Load on a running server (`make serve` in another shell): locust without its web interface,
# bounded in users and time, against this machine only (the locustfile refuses any other
# host); the CSV stats go to var/loadtest/ (loadtest/README.md, docs/benchmarks.md).
.PHONY: loadtest
USERS ?= 50
SPAWN_RATE ?= 10
RUN_TIME ?= 60s
loadtest: install
	mkdir -p var/loadtest
	$(BIN)/locust -f loadtest/locustfile.py --headless --only-summary \
		--users $(USERS) --spawn-rate $(SPAWN_RATE) --run-time $(RUN_TIME) \
		--host http://127.0.0.1:$(PORT) --csv var/loadtest/kansli
