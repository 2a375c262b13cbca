# One task runner for everything a developer does. `make help` lists the tasks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help setup demo test lint typecheck check bench bench-web bench-evidence train screenshots clean

help:
	@echo "make setup      create .venv and install reciprocity with its dev tools (pinned)"
	@echo "make demo       write the demo data set and show one relationship"
	@echo "make test       run the whole test suite (SQLite and PostgreSQL)"
	@echo "make lint       ruff format check and ruff lint"
	@echo "make typecheck  mypy --strict"
	@echo "make check      lint, typecheck and test (what CI runs)"
	@echo "make bench      run the benchmarks and print their figures"
	@echo "make train      retrain the language signals from DATA (default /work/shared/data)"
	@echo "make bench-web  measure every page of the web app with wrk (apt-get install wrk)"
	@echo "make bench-evidence  read WhatsApp exports against chat-miner and whatstk (.bench-venv)"
	@echo "make screenshots  retake docs/screenshots/ from the demo data (needs /usr/bin/chromium)"

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/reciprocity demo -o demo.db --force
	$(BIN)/reciprocity --db demo.db history Alex
	$(BIN)/reciprocity --db demo.db show Alex

test: $(STAMP)
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

bench: $(STAMP)
	$(BIN)/python benchmarks/help_startup.py
	$(BIN)/python benchmarks/signals_throughput.py
	$(BIN)/python benchmarks/evidence_import.py
	$(BIN)/python benchmarks/evidence_whole_import.py

DATA ?= /work/shared/data
train: $(STAMP)
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev,train]"
	$(BIN)/python -m training.train_signals --data $(DATA)
	$(BIN)/python -m training.evaluate_signals --data $(DATA)

bench-web: $(STAMP)
	$(BIN)/python benchmarks/web_pages.py

# The peers are installed into their own .bench-venv by the script, on first run.
bench-evidence: $(STAMP)
	$(BIN)/python benchmarks/evidence_whatsapp.py

screenshots: $(STAMP)
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) .bench-venv .pytest_cache .mypy_cache .ruff_cache .hypothesis demo.db*
