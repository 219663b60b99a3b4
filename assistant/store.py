"""The one module that talks to Chroma: embedded (`PersistentClient`) or a server (`HttpClient`).

Two collections per index:
- `<name>_chunks`: the embedded chunks, used through LangChain's `Chroma` vector store;
- `<name>_articles`: one record per article with its full text and content hash. It lets citations be
  verified against the stored article text and lets ingest tell unchanged articles from changed ones,
  on a server exactly as on local disk.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.config import Settings
from assistant.errors import IndexCorruptError, IndexNotFoundError
from assistant.types import Article, Filters

if TYPE_CHECKING:
    import chromadb
    from chromadb.api import ClientAPI
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings

# Collection settings: cosine space to match the normalised MiniLM vectors.
_COLLECTION_METADATA = {"hnsw:space": "cosine"}
TOPIC_PREFIX = "topic:"


def date_key(value: date) -> int:
    """Dates as YYYYMMDD integers: Chroma compares numbers, not strings."""
    return value.year * 10000 + value.month * 100 + value.day


def chroma_where(filters: Filters | None) -> dict[str, Any] | None:
    """The Chroma `where` clause for the metadata written by `chunk_metadata`."""
    if filters is None or filters.is_empty():
        return None
    clauses: list[dict[str, Any]] = []
    if filters.since:
        clauses.append({"published_key": {"$gte": date_key(filters.since)}})
    if filters.until:
        clauses.append({"published_key": {"$lte": date_key(filters.until)}})
    if filters.sources:
        clauses.append({"source_key": {"$in": [s.lower() for s in filters.sources]}})
    if filters.topics:
        topic_clauses: list[dict[str, Any]] = [{TOPIC_PREFIX + t.lower(): True} for t in filters.topics]
        clauses.append(topic_clauses[0] if len(topic_clauses) == 1 else {"$or": topic_clauses})
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def matches(filters: Filters | None, metadata: dict[str, Any]) -> bool:
    """The same filter as `chroma_where`, evaluated in Python (for the BM25 side)."""
    if filters is None or filters.is_empty():
        return True
    key = metadata.get("published_key")
    if filters.since and (key is None or key < date_key(filters.since)):
        return False
    if filters.until and (key is None or key > date_key(filters.until)):
        return False
    if filters.sources and metadata.get("source_key") not in {s.lower() for s in filters.sources}:
        return False
    return not filters.topics or any(metadata.get(TOPIC_PREFIX + t.lower()) for t in filters.topics)


def article_metadata(article: Article) -> dict[str, Any]:
    """Metadata shared by an article's record and each of its chunks (Chroma takes no None or lists)."""
    meta: dict[str, Any] = {
        "article_id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "source_key": article.source.lower(),
        "url": article.url,
        "content_hash": article.content_hash,
    }
    if article.published:
        meta["published"] = article.published.isoformat()
        meta["published_key"] = date_key(article.published)
    if article.page_starts:
        meta["page_starts"] = ",".join(str(s) for s in article.page_starts)
    for topic in article.topics:
        meta[TOPIC_PREFIX + topic.lower()] = True
    return meta


class Store:
    """Chroma client plus the chunk and article collections of one index."""

    def __init__(self, settings: Settings, embeddings: Embeddings, *, create: bool = False) -> None:
        self.settings = settings
        self.embeddings = embeddings
        self.location = settings.index_location()
        self.client = self._connect(create)
        self._chunks_name = f"{settings.collection}_chunks"
        self._articles_name = f"{settings.collection}_articles"
        try:
            if not create:
                existing = {c if isinstance(c, str) else c.name for c in self.client.list_collections()}
                if self._articles_name not in existing or self._chunks_name not in existing:
                    raise IndexNotFoundError(self.location)
            # embedding_function=None: we always pass vectors; Chroma's default would fetch an ONNX model.
            self.articles: chromadb.Collection = self.client.get_or_create_collection(
                self._articles_name, embedding_function=None, metadata=_COLLECTION_METADATA
            )
            from langchain_chroma import Chroma

            self.vectorstore: Chroma = Chroma(
                collection_name=self._chunks_name,
                embedding_function=embeddings,
                client=self.client,
                collection_metadata=_COLLECTION_METADATA,
            )
        except IndexNotFoundError:
            raise
        except Exception as exc:  # Chroma raises many types for a damaged database
            raise IndexCorruptError(self.location, f"{type(exc).__name__}: {exc}") from exc
        self._text_cache: dict[str, str] = {}

    def _connect(self, create: bool) -> ClientAPI:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if self.settings.chroma_host:
            try:
                return chromadb.HttpClient(
                    host=self.settings.chroma_host, port=self.settings.chroma_port, settings=chroma_settings
                )
            except Exception as exc:
                raise IndexNotFoundError(f"{self.location} (unreachable: {exc})") from exc
        index_dir = self.settings.index_dir
        if not create and not (index_dir / "chroma.sqlite3").is_file():
            raise IndexNotFoundError(str(index_dir))
        index_dir.mkdir(parents=True, exist_ok=True)
        try:
            return chromadb.PersistentClient(path=str(index_dir), settings=chroma_settings)
        except Exception as exc:
            raise IndexCorruptError(str(index_dir), f"{type(exc).__name__}: {exc}") from exc

    @property
    def chunks(self) -> chromadb.Collection:
        return self.vectorstore._collection

    # --- articles -------------------------------------------------------------------------
    def article_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        if not ids:
            return {}
        found = self.articles.get(ids=list(ids), include=["metadatas"])
        metas = found["metadatas"] or []
        return {i: str(m["content_hash"]) for i, m in zip(found["ids"], metas, strict=True) if m}

    def all_articles(self) -> list[dict[str, Any]]:
        """Metadata of every stored article (no text)."""
        found = self.articles.get(include=["metadatas"])
        return [dict(m) for m in (found["metadatas"] or []) if m]

    def put_articles(self, articles: Sequence[Article], vectors: Sequence[Sequence[float]]) -> None:
        if not articles:
            return
        self.articles.upsert(
            ids=[a.id for a in articles],
            documents=[a.text for a in articles],
            metadatas=[article_metadata(a) for a in articles],
            embeddings=np.asarray(vectors, dtype=np.float32),
        )
        for a in articles:
            self._text_cache.pop(a.id, None)

    def delete_articles(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if ids:
            self.articles.delete(ids=ids)
            for i in ids:
                self._text_cache.pop(i, None)

    def article_text(self, article_id: str) -> str | None:
        """The stored text of an article, the ground truth citations are verified against."""
        if article_id not in self._text_cache:
            found = self.articles.get(ids=[article_id], include=["documents"])
            docs = found["documents"] or []
            if not docs or docs[0] is None:
                return None
            self._text_cache[article_id] = docs[0]
        return self._text_cache[article_id]

    # --- chunks ---------------------------------------------------------------------------
    def count_chunks(self) -> int:
        return int(self.chunks.count())

    def count_articles(self) -> int:
        return int(self.articles.count())

    def all_chunks(self) -> tuple[list[str], list[str], list[dict[str, Any]]]:
        """Ids, texts and metadata of every chunk, in pages (for the BM25 side)."""
        ids: list[str] = []
        texts: list[str] = []
        metas: list[dict[str, Any]] = []
        page = 5000
        offset = 0
        while True:
            got = self.chunks.get(include=["documents", "metadatas"], limit=page, offset=offset)
            ids.extend(got["ids"])
            texts.extend(d or "" for d in (got["documents"] or []))
            metas.extend(dict(m or {}) for m in (got["metadatas"] or []))
            if len(got["ids"]) < page:
                return ids, texts, metas
            offset += page

    def chunk_vectors(self, ids: Sequence[str]) -> dict[str, list[float]]:
        if not ids:
            return {}
        got = self.chunks.get(ids=list(ids), include=["embeddings"])
        vectors = got["embeddings"]
        if vectors is None:
            return {}
        return {i: [float(x) for x in v] for i, v in zip(got["ids"], vectors, strict=True)}

    def dense_search(self, vector: Sequence[float], k: int, filters: Filters | None) -> list[tuple[str, float]]:
        """Chunk ids and cosine similarities of the k nearest chunks that pass the filters."""
        total = self.count_chunks()
        if total == 0:
            return []
        got = self.chunks.query(
            query_embeddings=np.asarray([vector], dtype=np.float32),
            n_results=min(k, total),
            where=chroma_where(filters),
            include=["distances"],
        )
        ids = got["ids"][0]
        distances = (got["distances"] or [[]])[0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)]

    def chunk_records(self, ids: Sequence[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        if not ids:
            return {}
        got = self.chunks.get(ids=list(ids), include=["documents", "metadatas"])
        docs = got["documents"] or []
        metas = got["metadatas"] or []
        return {i: (d or "", dict(m or {})) for i, d, m in zip(got["ids"], docs, metas, strict=True)}
