"""The embedding model on ONNX Runtime: torch's vectors, a verified export, and torch when ONNX cannot run."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant
from assistant.config import Settings
from assistant.embeddings import MiniLMEmbeddings
from assistant.errors import ModelIntegrityError
from assistant.onnx_minilm import ONNX_FILE, RECORD_FILE, OnnxMiniLMEmbeddings, export_onnx


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An export made here, from the packaged weights (not one an earlier run left in the cache)."""
    cache = tmp_path_factory.mktemp("models")
    export_onnx(cache)
    return cache


def test_onnx_vectors_match_torch_for_every_passage(exported: Path, bot: Assistant) -> None:
    texts = sorted(bot.store().chunk_texts().values())  # every passage of the shared corpus index
    texts += ["Who hacked the Trump campaign?", "x", "Doppelganger " * 300]  # a query, a tiny and a truncated text
    onnx = np.asarray(OnnxMiniLMEmbeddings(exported).embed_documents(texts))
    torch = np.asarray(MiniLMEmbeddings().embed_documents(texts))
    cosines = (onnx * torch).sum(axis=1)
    assert len(texts) > 50 and cosines.min() >= 0.999, cosines.min()
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)


def test_a_changed_export_or_record_fails_loudly(exported: Path, tmp_path: Path) -> None:
    cache = tmp_path / "models"
    shutil.copytree(exported, cache)
    model = cache / ONNX_FILE
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0xFF
    model.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match="does not match the recorded"):
        OnnxMiniLMEmbeddings(cache).embed_query("a question")

    shutil.copy(exported / ONNX_FILE, model)
    record = json.loads((cache / RECORD_FILE).read_text())
    (cache / RECORD_FILE).write_text(json.dumps({**record, "weights_sha256": "0" * 64}))
    with pytest.raises(ModelIntegrityError, match="other weights"):
        OnnxMiniLMEmbeddings(cache).embed_query("a question")


def test_a_swapped_model_with_a_matching_record_fails_on_its_vectors(exported: Path, tmp_path: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    cache = tmp_path / "models"
    cache.mkdir()
    quantize_dynamic(str(exported / ONNX_FILE), str(cache / ONNX_FILE), weight_type=QuantType.QInt8)
    record = json.loads((exported / RECORD_FILE).read_text())
    digest = hashlib.sha256((cache / ONNX_FILE).read_bytes()).hexdigest()
    (cache / RECORD_FILE).write_text(json.dumps({**record, "sha256": digest}))  # as a forger would
    with pytest.raises(ModelIntegrityError, match="vectors differ"):
        OnnxMiniLMEmbeddings(cache).embed_query("a question")


def test_without_onnx_runtime_the_torch_model_embeds(exported: Path) -> None:
    script = (
        "import json, sys; sys.modules['onnxruntime'] = None\n"  # as if ONNX Runtime were not installed
        "from pathlib import Path\n"
        "from assistant.onnx_minilm import OnnxMiniLMEmbeddings\n"
        f"model = OnnxMiniLMEmbeddings(Path({str(exported)!r}))\n"
        "vector = model.embed_query('Who hacked the Trump campaign?')\n"
        "print(model.runtime, 'torch' in sys.modules, len(vector), json.dumps(vector[:4]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    runtime, imported_torch, size, head = done.stdout.split(" ", 3)
    assert (runtime, imported_torch, size) == ("torch", "True", "384")
    assert "ONNX Runtime unavailable" in done.stderr and "embedding with torch instead" in done.stderr
    reference = MiniLMEmbeddings().embed_query("Who hacked the Trump campaign?")[:4]
    assert np.allclose(json.loads(head), reference, atol=1e-6)


def test_the_query_path_imports_no_torch(index_dir: Path) -> None:
    export_onnx(Settings().model_cache)  # a first use on this machine would export (with torch), once
    script = (
        "import sys\n"
        "from assistant import Assistant\n"
        f"answer = Assistant(index_dir={str(index_dir)!r}).ask('Which Russian companies ran Doppelganger?')\n"
        "print(answer.refused, sorted(m for m in ('torch', 'sentence_transformers') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False []"
