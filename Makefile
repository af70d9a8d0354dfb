# The two commands every new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
AXE_STAMP := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run worker test install migrate demo lint format clean bench bench-longtail wrk

run: install migrate demo ## Set up, load the demo content and serve http://127.0.0.1:8000/, with the background worker
	@# The worker (notification email) runs beside the site and stops with it: Ctrl-C stops
	@# both, and so does the server's own exit. In development it prints each email here.
	@PRESSREVIEW_SITE_URL=$${PRESSREVIEW_SITE_URL:-http://$(HOST):$(PORT)} \
	$(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

worker: install migrate ## Run only the background worker that sends notification email (make run starts one)
	$(BIN)/python manage.py db_worker

# Two test workers per core: much of the suite waits on browsers, servers and subprocesses.
TEST_WORKERS ?= $(shell $(PYTHON) -c 'import os; print(2 * len(os.sched_getaffinity(0)))' 2>/dev/null || echo auto)

test: install ## Run the whole test suite in parallel (DATABASE_URL picks the database; SQLite by default)
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup --durations=25

install: $(STAMP) $(AXE_STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Pressreview needs Python 3.11 or newer; set PYTHON=python3.11 (or newer).") if sys.version_info < (3, 11) else None'
	@echo "Installing Pressreview and its dependencies into $(VENV) (once; about a minute)..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -qq --upgrade pip
	@$(BIN)/python -m pip install -qq -e ".[dev]"
	@touch $(STAMP)
	@echo "Installed."

# axe-core, which the accessibility tests inject into every public page (package-lock.json).
$(AXE_STAMP): package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "No npm: skipped axe-core, so the accessibility tests will be skipped (apt-get install npm)"; \
	fi

migrate: install
	$(BIN)/python manage.py migrate --no-input

demo: install
	$(BIN)/python manage.py load_demo

bench: install wrk ## Load-test the public pages, then the long tail, at 1,000 and 100,000 generated reviews (PostgreSQL, Redis, wrk; long)
	$(BIN)/python bench/run.py

bench-longtail: install wrk ## Only the long-tail scenario: Zipf-spread reading while an editor writes (BENCH_SIZES=1000 for one size)
	$(BIN)/python bench/run.py --scenario longtail

# The load generator of make bench (Debian's package). Installed when missing and allowed to.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u 2>/dev/null)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing wrk (apt-get install -y wrk), the load generator of make bench"; \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 || \
			{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }; \
		fi; \
		command -v wrk >/dev/null 2>&1 || { \
			echo "make bench needs wrk: install it (apt-get install wrk, brew install wrk) and run it again."; \
			exit 1; }; }

render-bench: install ## Time each public page's rendering in-process, page cache off (DATABASE_URL=postgres://...)
	$(BIN)/python bench/render.py

explain: install ## EXPLAIN ANALYZE every public page's queries; fails on a large sequential scan (DATABASE_URL=postgres://...)
	$(BIN)/python bench/explain.py

.PHONY: backup restore load render-bench explain

backup: install ## Back up the database into backups/ (pg_dump on PostgreSQL, JSON export on SQLite)
	$(BIN)/python manage.py backup

restore: install ## Restore a backup: make restore FILE=backups/pressreview-....dump (or .json)
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/<file>"; exit 2; }
	$(BIN)/python manage.py restore "$(FILE)"

load: install ## 60 s of heavy reading while an editor publishes and edits (PostgreSQL, Redis, gunicorn)
	$(BIN)/python bench/load_with_writes.py

lint: install ## ruff, and the layering contracts (docs/ARCHITECTURE.md)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles .pytest_cache .ruff_cache
