"""All settings in one place. Environment variables use the prefix BRIEFING_ (e.g. BRIEFING_INDEX_DIR).

Nothing else in the project reads the environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_INDEX_DIR = Path.home() / ".local" / "share" / "briefing" / "index"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BRIEFING_", extra="forbid")

    # Where the embedded Chroma index (and its ingest record manager) lives.
    index_dir: Path = DEFAULT_INDEX_DIR
    # Set chroma_host to use a Chroma server (`chroma run`) instead of the embedded index.
    chroma_host: str | None = None
    chroma_port: int = 8000
    chroma_ssl: bool = False
    chroma_headers: dict[str, str] = {}  # any extra HTTP headers the server (or its proxy) expects
    # A token for a server that requires one, sent the way Chroma's token auth sends it: as
    # "Authorization: Bearer <token>" or, with chroma_token_header X-Chroma-Token, in that header.
    chroma_token: SecretStr | None = None
    chroma_token_header: Literal["Authorization", "X-Chroma-Token"] = "Authorization"
    chroma_tenant: str = "default_tenant"
    chroma_database: str = "default_database"
    collection: str = "briefing"
    # SQLAlchemy URL of the ingest record manager; defaults to SQLite inside index_dir. It is a cache of
    # what was written: ingest reconciles it with Chroma, so a second machine or a reset server is safe.
    record_manager_url: str | None = None
    # The folder the corpus is mounted at. An article under it is known by its path inside it, so the
    # machines that mount one corpus at different places share one copy of each article on a shared
    # server, and `--prune` on one removes what another wrote. Unset: known by its absolute path.
    corpus_root: Path | None = None

    # Chunking, in tiktoken tokens of cl100k_base (chosen by measurement; see bench/chunking.py).
    chunk_tokens: int = Field(default=200, ge=32, le=2000)
    chunk_overlap: int = Field(default=40, ge=0, le=500)

    # Retrieval: k passages handed to the answerer, from fetch_k candidates per side.
    k: int = Field(default=6, ge=1, le=50)
    fetch_k: int = Field(default=30, ge=1, le=500)
    rrf_k: int = 60
    # Chosen by bench/retrieval.py on tuning data only: BM25 counting twice in the fusion and a light MMR
    # put the passage with the answer in the top 5 more often than equal weights and lambda 0.75.
    mmr_lambda: float = Field(default=0.9, ge=0.0, le=1.0)
    sparse_weight: float = Field(default=2.0, ge=0.0, le=10.0)
    # Small-to-big: each retrieved chunk is handed to the answerer with the whole sentences within this
    # many characters around it (bench/retrieval.py; measured on tuning data, see README).
    window: int = Field(default=600, ge=0, le=5000)

    # The answer generator, by name (see assistant/backends.py).
    backend: str = "extractive"

    # A chat model, for the LLM judge of `briefing eval --judge llm` (and LLM answer backends):
    # an OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp's server, LM Studio, ...) or Ollama.
    llm_provider: Literal["openai", "ollama"] | None = None
    llm_model: str | None = None
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_temperature: float = 0.0
    llm_timeout: float = 120.0
    # A cap on each reply's length. Self-hosted servers may otherwise write until their context is full.
    llm_max_tokens: int = Field(default=1024, ge=1, le=131072)
    max_question_chars: int = 1000
    # Where feedback, saved conversations and the audit log are kept (assistant/records.py); by default
    # beside the index. Conversations and audit entries older than history_days are deleted; 0 keeps none.
    data_dir: Path | None = None
    history_days: int = Field(default=90, ge=0, le=36500)
    # Texts per model call (length-sorted batches; 16 measured faster than 64 on both runtimes).
    embedding_batch_size: int = Field(default=16, ge=1, le=1024)
    # How the embedding model runs: "onnx" (ONNX Runtime, no torch on the query path; exported once per
    # machine into model_cache from the packaged weights) or "torch" (sentence-transformers, the reference).
    embedding_runtime: Literal["onnx", "torch"] = "onnx"
    model_cache: Path = Path.home() / ".cache" / "briefing" / "models"

    @field_validator("index_dir", "data_dir", "corpus_root", "model_cache", mode="after")
    @classmethod
    def _expand_user(cls, value: Path | None) -> Path | None:
        return value.expanduser() if value is not None else None

    def records_path(self) -> Path:
        return (self.data_dir or self.index_dir) / "staff.sqlite"

    def uploads_dir(self) -> Path:
        return (self.data_dir or self.index_dir) / "uploads"

    def keyword_dir(self) -> Path:
        """Where this machine keeps the keyword (BM25) side of the configured index (assistant/keyword.py)."""
        if not self.chroma_host:
            return self.index_dir / "keyword" / self.collection
        import re

        place = f"{self.chroma_host}_{self.chroma_port}_{self.chroma_tenant}_{self.chroma_database}_{self.collection}"
        return self.index_dir / "keyword" / re.sub(r"[^A-Za-z0-9._-]", "_", place)

    def record_manager_db(self) -> str:
        return self.record_manager_url or f"sqlite:///{self.index_dir / 'records.sqlite'}"

    def record_manager_location(self) -> str:
        """The record database as errors name it (a configured URL without its password)."""
        if self.record_manager_url is None:
            return str(self.index_dir / "records.sqlite")
        from sqlalchemy.engine import make_url

        return make_url(self.record_manager_url).render_as_string(hide_password=True)

    def index_location(self) -> str:
        if self.chroma_host:
            scheme = "https" if self.chroma_ssl else "http"
            return f"chroma server {scheme}://{self.chroma_host}:{self.chroma_port} (collection {self.collection})"
        return str(self.index_dir)
