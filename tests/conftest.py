"""Shared fixtures: the sample corpus beside the project, and one real index built from it per session.

Outbound network is blocked for the whole suite by pytest-socket (`--allow-hosts` in pyproject.toml:
only loopback may be reached), so every passing test is also proof that the code runs offline. A real
LLM, when a test asks for one, is llama.cpp's server on 127.0.0.1 (`local_llm`, see tests/llm_server.py).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant import Assistant
from tests.llm_server import MODEL_FILE, LocalLLM, assemble_model, serve

# The suite runs on its own settings: a developer's BRIEFING_* (a Chroma server, another index) must
# neither be written to nor shift the measured numbers.
for _name in [n for n in os.environ if n.startswith("BRIEFING_")]:
    del os.environ[_name]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
ARTICLES = SHARED / "articles"
GOLD = SHARED / "gold" / "dev.jsonl"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not ARTICLES.is_dir():
        pytest.fail(f"the sample corpus is missing at {ARTICLES}; the suite needs ../shared beside the project")
    return ARTICLES


@pytest.fixture()
def small_corpus(tmp_path: Path, corpus: Path) -> Path:
    """Three of the shared articles in a folder of their own, for tests that edit or remove files."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ["seed.md", "doppelganger-domain-seizures.md", "rt-tenet-media-indictment.md"]:
        shutil.copy(corpus / name, folder / name)
    return folder


@pytest.fixture(scope="session")
def gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> Path:
    """An index of ../shared/corpus/articles, built once through the public API."""
    path = tmp_path_factory.mktemp("index")
    report = Assistant(index_dir=path).ingest([corpus])
    assert report.ok and len(report.added) == len(list(corpus.glob("*.md")))
    return path


@pytest.fixture(scope="session")
def bot(index_dir: Path) -> Assistant:
    return Assistant(index_dir=index_dir)


@pytest.fixture(scope="session")
def samples_bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """An index of the bundled sample corpus (samples/articles), built once."""
    bot = Assistant(index_dir=tmp_path_factory.mktemp("samples-index"))
    assert bot.ingest([ROOT / "samples" / "articles"]).ok
    return bot


@pytest.fixture(scope="session")
def local_llm() -> Iterator[LocalLLM]:
    """A real LLM over an OpenAI-compatible API on 127.0.0.1, started once, stopped at the end."""
    # Its own temporary folder, removed at teardown: pytest keeps its last temporary folders, and the
    # model file is 250 MB.
    with tempfile.TemporaryDirectory(prefix="local-llm-") as folder:
        model = assemble_model(Path(folder) / MODEL_FILE)
        with serve(model, Path(folder) / "server.log") as llm:
            yield llm
