"""all-MiniLM-L6-v2 on ONNX Runtime: the same vectors as the torch model, without importing torch.

The ONNX graph is exported from the packaged, checksum-verified weights the first time it is needed (a
few seconds, once per machine; torch and onnx are needed for that step only) and kept in the model
cache with a record of its own SHA-256 and of the weights it came from. Every load checks both, and
checks one sentence's vector against the verified torch model's, so a damaged, truncated or swapped
file fails loudly. Tokenization is the packaged `tokenizer.json` through the
`tokenizers` library, pooling and normalisation as sentence-transformers does them (mean over the
attention mask, then L2), so a vector agrees with torch's to a cosine of 0.99999 or better
(tests/test_onnx_embeddings.py).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.embeddings import MODEL_NAME, WEIGHTS_SHA256, file_sha256, model_dir, verify_model_files
from assistant.errors import ModelIntegrityError

if TYPE_CHECKING:
    import onnxruntime

ONNX_FILE = "all-MiniLM-L6-v2.onnx"
RECORD_FILE = "all-MiniLM-L6-v2.onnx.json"  # {"sha256": of the ONNX file, "weights_sha256": its source}
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# The record catches a damaged or swapped file, but whoever can write the cache can write the record
# too. What anchors the model is its behaviour: the first dimensions of one sentence's vector as the
# verified torch model gives them, checked at every load.
REFERENCE_TEXT = "Election officials reported phishing emails aimed at poll workers."
REFERENCE_VECTOR = (-0.0057, 0.0312, 0.0896, 0.0599, 0.0277, 0.0277, 0.0915, -0.0942)
log = logging.getLogger("briefing")


def export_onnx(cache: Path) -> Path:
    """Export the packaged model to `cache`, unless a verified export is there; return its path.

    Written to a temporary name and renamed, under a lock: a crash or a second process never leaves
    a half-written model behind."""
    from filelock import FileLock

    cache.mkdir(parents=True, exist_ok=True)
    target = cache / ONNX_FILE
    with FileLock(cache / (ONNX_FILE + ".lock")):
        if (cache / RECORD_FILE).is_file() and target.is_file():
            verify_onnx(cache)
            return target
        log.info("exporting the embedding model to ONNX (once per machine) into %s", cache)
        # Names of this process's own: a lock on a network filesystem may not hold between machines.
        unique = f".{socket.gethostname()}.{os.getpid()}.tmp"
        scratch = cache / (ONNX_FILE + unique)
        _export(scratch)
        record = {"sha256": file_sha256(scratch), "weights_sha256": WEIGHTS_SHA256}  # what this process wrote
        os.replace(scratch, target)
        (cache / (RECORD_FILE + unique)).write_text(json.dumps(record), encoding="utf-8")
        os.replace(cache / (RECORD_FILE + unique), cache / RECORD_FILE)
    return target


def _export(path: Path) -> None:
    import torch

    from assistant.embeddings import load_model  # verifies the packaged weights before loading them

    bert: Any = load_model()[0].auto_model
    bert.eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    example = torch.ones((2, 8), dtype=torch.long)
    axes = {name: {0: "batch", 1: "tokens"} for name in (*_INPUTS, "last_hidden_state")}
    # The tracer warns about Python-side branches of the attention mask code; they do not depend on the
    # batch or sequence size, and the export is checked against torch's vectors by the tests.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            LastHiddenState(),
            (example, example, torch.zeros_like(example)),
            str(path),
            input_names=list(_INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,  # the TorchScript exporter: no onnxscript, and a plain graph ONNX Runtime optimises
            do_constant_folding=True,
        )


def verify_onnx(cache: Path) -> None:
    """The export is the one recorded, made from the pinned weights."""
    target, record_path = cache / ONNX_FILE, cache / RECORD_FILE
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelIntegrityError(
            f"{record_path}: unreadable record of the ONNX model ({exc}); delete it to rebuild"
        ) from None
    if record.get("weights_sha256") != WEIGHTS_SHA256:
        raise ModelIntegrityError(f"{target}: exported from other weights than the pinned ones; delete it to rebuild")
    found = file_sha256(target)
    if found != record.get("sha256"):
        raise ModelIntegrityError(
            f"{target}: SHA-256 {found} does not match the recorded {record.get('sha256')}; delete it to rebuild"
        )


class OnnxMiniLMEmbeddings(Embeddings):
    """Normalised 384-dimensional sentence embeddings from the ONNX export (cosine = dot product)."""

    model_name = MODEL_NAME

    def __init__(self, cache: Path, batch_size: int = 16) -> None:
        self.cache = cache
        self.batch_size = batch_size
        self._session: onnxruntime.InferenceSession | None = None
        self._tokenizer: Any = None
        self._fallback: Embeddings | None = None

    def load(self) -> None:
        """Export (once per machine), verify and load the model; the first embedding does this anyway."""
        if self._session is not None:
            return
        import onnxruntime
        from tokenizers import Tokenizer

        folder = model_dir()
        # The tokenizer and configuration this vectorises with; the export's record vouches for the weights.
        verify_model_files(folder, weights=False)
        path = export_onnx(self.cache)  # verifies an earlier export
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        limit = int(json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))["max_seq_length"])
        tokenizer.enable_truncation(limit)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of each batch
        self._tokenizer = tokenizer
        self._session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        got = self._encode([REFERENCE_TEXT])[0][: len(REFERENCE_VECTOR)]
        if not np.allclose(got, REFERENCE_VECTOR, atol=2e-3):
            self._session = None
            raise ModelIntegrityError(
                f"{path}: its vectors differ from the verified model's ({np.round(got, 4).tolist()}); "
                "delete it to rebuild"
            )

    def _fallback_if_unavailable(self) -> Embeddings | None:
        """Torch's model, when ONNX Runtime cannot be used here (not installed, or the export failed).

        A model that fails its checksum is no such case: that error propagates."""
        if self._session is None and self._fallback is None:
            try:
                self.load()
            except ModelIntegrityError:
                raise
            except Exception as exc:  # the fast path is optional; the reference model always works
                log.warning("ONNX Runtime unavailable (%s: %s); embedding with torch instead", type(exc).__name__, exc)
                from assistant.embeddings import MiniLMEmbeddings

                self._fallback = MiniLMEmbeddings(batch_size=self.batch_size)
        return self._fallback

    @property
    def runtime(self) -> str:
        return "torch" if self._fallback is not None else "onnx"

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        fallback = self._fallback_if_unavailable()
        if fallback is not None:
            return fallback.embed_documents(texts)
        vectors: list[list[float]] = self._encode(texts).tolist()
        return vectors

    def _encode(self, texts: list[str]) -> np.ndarray:
        assert self._session is not None
        # Texts of similar length share a batch, as sentence-transformers does: less padding to compute.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = np.empty((len(texts), 384), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            encoded = self._tokenizer.encode_batch([texts[i] for i in batch])
            ids = np.asarray([e.ids for e in encoded], dtype=np.int64)
            mask = np.asarray([e.attention_mask for e in encoded], dtype=np.int64)
            hidden = self._session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )[0]
            pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            vectors[batch] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]
