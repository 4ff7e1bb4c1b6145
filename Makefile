# Two commands on a fresh machine with Python 3.11+ and make: `make serve`, `make test`.
export DISABLE_MKDOCS_2_WARNING := true
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: wheel assemble serve build publish test test-fast lint bench engines lighthouse pdf offline clean urls new check schema init

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,pdf]'
	touch $(STAMP)

## serve: the handbook at http://127.0.0.1:8000, rebuilt on every change to a page or team.yml; make serve PORT=8765 for another port
# PORT reaches the command through the environment, unexpanded and never through a shell, from the command line or the environment
# (make would otherwise expand it, running any $(shell ...) in it, to export it to every recipe).
unexport PORT
serve: export HANDBOOK_SERVE_PORT = $(if $(filter command line environment,$(origin PORT)),$(value PORT))
serve: $(STAMP)
	@$(BIN)/python -m handbook serve

## build: a strict build into site/ (no PDFs, so no download buttons), replaced only when it succeeds
build: $(STAMP)
	$(BIN)/python -m handbook.output.publish

## publish: the site to publish: strict build, the PDFs and their download buttons, replaced only when all succeed
publish: $(STAMP)
	$(BIN)/python -m handbook.output.publish --with-pdf
	touch $(PUBLISHED)

# What a published site is made from. The stamp lives in site/, so any other build of site/ (make build) removes it.
PUBLISHED := site/.published-with-pdf
SITE_SOURCES := $(shell find docs handbook hooks overrides -type f -not -name '*.pyc' 2>/dev/null) mkdocs.yml pyproject.toml constraints.txt
$(PUBLISHED): $(STAMP) $(SITE_SOURCES)
	$(BIN)/python -m handbook.output.publish --with-pdf
	touch $@
## new: a new page, valid as written: make new TYPE=ritual TITLE="Weekly demo"
# TYPE and TITLE reach the command through the environment, unexpanded ($(value ...)) and never through a shell;
# make would otherwise expand them (running any $(shell ...) in them) to export them to every recipe.
unexport TYPE TITLE
new: export HANDBOOK_NEW_TYPE = $(value TYPE)
new: export HANDBOOK_NEW_TITLE = $(value TITLE)
new: $(STAMP)
	@$(BIN)/python -m handbook new

## init: team.yml, the team file, from a few questions; for scripts: make init NAME="Orion ML team" SITE_URL=... REPO_URL=... TIMEZONE=Europe/Berlin ROLES=ai-team-lead,data-scientist YES=1 (FORCE=1 replaces team.yml)
# As for `new`: the values reach the command through the environment, unexpanded and never through a shell, and only
# when given on the command line (an environment variable such as NAME, which some systems set, is not an answer).
INIT_ARGS := NAME SITE_URL REPO_URL TIMEZONE ROLES YES FORCE
unexport $(INIT_ARGS)
given = $(if $(filter command line,$(origin $1)),$(value $1))
init: export HANDBOOK_INIT_NAME = $(call given,NAME)
init: export HANDBOOK_INIT_SITE_URL = $(call given,SITE_URL)
init: export HANDBOOK_INIT_REPO_URL = $(call given,REPO_URL)
init: export HANDBOOK_INIT_TIMEZONE = $(call given,TIMEZONE)
init: export HANDBOOK_INIT_ROLES = $(call given,ROLES)
init: export HANDBOOK_INIT_YES = $(call given,YES)
init: export HANDBOOK_INIT_FORCE = $(call given,FORCE)
init: $(STAMP)
	@$(BIN)/python -m handbook init

## assemble: the whole site source in assembled/ (or OUT=...): plain Markdown and files that any engine builds with no hook
unexport OUT
assemble: export HANDBOOK_ASSEMBLE_OUT = $(if $(filter command line,$(origin OUT)),$(value OUT))
assemble: $(STAMP)
	@$(BIN)/python -m handbook assemble

## wheel: the handbook as a package, dist/ai_team_handbook-<version>-py3-none-any.whl, for teams' repositories (handbook new-team)
wheel: $(STAMP)
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation -w dist .
	@ls -1 dist/*.whl | tail -n 1

## check: every page and link validated in under a second, without building
check: $(STAMP)
	@$(BIN)/python -m handbook check

## schema: export the editor schema of every page type and of the team file to schema/ (after a model change)
schema: $(STAMP)
	@$(BIN)/python -m handbook schema

## test: every test, on two processes (a test file stays on one, so the PDFs and the browser start once per file)
test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile

## test-fast: every test but the browser, the PDFs and the extra whole-site builds, in under a minute
test-fast: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "not browser and not pdf and not slow"

## lint: ruff, configured in pyproject.toml; CI fails on any finding
lint: $(STAMP)
	$(BIN)/ruff check .

## bench: build synthetic corpora and print build and hook times; the real site against stock Material; make serve's edit-to-visible time; the search hit rate
bench: $(STAMP)
	$(BIN)/python -m bench.hooks
	$(BIN)/python -m bench.overhead
	$(BIN)/python -m bench.serve
	$(BIN)/python -m bench.search

## engines: the assembled site built by ProperDocs + Material, Zensical and TechDocs, side by side (make engines OUT=dir for a given folder); not part of make test
# Each engine installs into .cache/engines/<name>/ on first use, pinned by bench/engines/<name>.txt.
# OUT reaches the command through the environment, unexpanded and never through a shell, and only from the command line (as for init).
unexport OUT
engines: export HANDBOOK_ENGINES_OUT = $(if $(filter command line,$(origin OUT)),$(value OUT))
engines: $(STAMP)
	$(BIN)/python -m bench.engines

## lighthouse: Lighthouse mobile scores of a few pages of site/ (make build first), served by nginx as published; installs Lighthouse with npm
lighthouse: $(STAMP)
	@test -x .cache/lighthouse/node_modules/.bin/lighthouse || npm install --silent --no-audit --no-fund --prefix .cache/lighthouse lighthouse@12
	$(BIN)/python -m bench.lighthouse

## pdf: the same as publish: site/pdf/handbook.pdf and one onboarding pack per role, with the site that links them
pdf: publish

## offline: dist/handbook-offline-<date>.zip, browsable from file:// with no network (reuses an up-to-date published site and its PDFs)
offline: $(PUBLISHED)
	$(BIN)/python -m handbook.output.offline

clean:
	rm -rf site dist .site-new-* .site-old-*

## urls: refresh published-urls.txt after adding pages (never remove a line: redirect instead)
urls: build
	$(BIN)/python -m handbook.output.published_urls site > published-urls.txt
