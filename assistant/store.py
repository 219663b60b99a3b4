"""The one module that talks to Chroma: embedded (`PersistentClient`) or a server (`HttpClient`).

Two collections per index:
- `<name>_chunks`: the embedded chunks, used through LangChain's `Chroma` vector store;
- `<name>_articles`: one record per article with its full text and content hash. It lets citations be
  verified against the stored article text and lets ingest tell unchanged articles from changed ones,
  on a server exactly as on local disk.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from assistant.config import Settings
from assistant.errors import AssistantError, IndexCorruptError, IndexNotFoundError, IndexUnavailableError
from assistant.types import Article, Filters

if TYPE_CHECKING:
    import chromadb
    from chromadb.api import ClientAPI
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings

T = TypeVar("T")

# Cosine space to match the normalised MiniLM vectors. As configuration, not metadata: the articles
# collection's metadata carries the index generation.
_COLLECTION_CONFIGURATION: dict[str, Any] = {"hnsw": {"space": "cosine"}}
TOPIC_PREFIX = "topic:"


def _looks_like_connection_error(exc: Exception) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return any(word in text for word in ("connect", "timeout", "unreachable", "refused", "network"))


def guarded(method: Callable[..., T]) -> Callable[..., T]:
    """Store methods raise `AssistantError`s, never raw Chroma or network errors."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> T:
        try:
            return method(self, *args, **kwargs)
        except AssistantError:
            raise
        except Exception as exc:
            raise self._error(exc) from exc

    return wrapper


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
        "file": article.file,
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
                self._articles_name,
                embedding_function=None,
                configuration=_COLLECTION_CONFIGURATION,  # type: ignore[arg-type]
            )
            from langchain_chroma import Chroma

            self.vectorstore: Chroma = Chroma(
                collection_name=self._chunks_name,
                embedding_function=embeddings,
                client=self.client,
                collection_configuration=_COLLECTION_CONFIGURATION,  # type: ignore[arg-type]
            )
        except IndexNotFoundError:
            raise
        except Exception as exc:  # Chroma raises many types for a damaged database
            raise self._error(exc) from exc
        self._text_cache: dict[str, str] = {}

    def _connect(self, create: bool) -> ClientAPI:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        s = self.settings
        if s.chroma_host:
            try:
                return chromadb.HttpClient(
                    host=s.chroma_host,
                    port=s.chroma_port,
                    ssl=s.chroma_ssl,
                    headers=s.chroma_headers or None,
                    tenant=s.chroma_tenant,
                    database=s.chroma_database,
                    settings=chroma_settings,
                )
            except Exception as exc:
                raise IndexUnavailableError(self.location, f"{type(exc).__name__}: {exc}") from exc
        index_dir = s.index_dir
        if not create and not (index_dir / "chroma.sqlite3").is_file():
            raise IndexNotFoundError(str(index_dir))
        index_dir.mkdir(parents=True, exist_ok=True)
        try:
            return chromadb.PersistentClient(path=str(index_dir), settings=chroma_settings)
        except Exception as exc:
            raise IndexCorruptError(str(index_dir), f"{type(exc).__name__}: {exc}") from exc

    def _error(self, exc: Exception) -> AssistantError:
        """A Chroma failure as an error the caller can act on: server gone, or index damaged."""
        if isinstance(exc, AssistantError):
            return exc
        reason = f"{type(exc).__name__}: {exc}"
        if self.settings.chroma_host and _looks_like_connection_error(exc):
            return IndexUnavailableError(self.location, reason)
        return IndexCorruptError(self.location, reason)

    # --- index generation: bumped by every ingest that changes something --------------------------
    def generation(self) -> int:
        """A counter other processes see change when the index changes (BM25 rebuilds on it)."""
        try:
            metadata = self.client.get_collection(self._articles_name).metadata or {}
        except Exception as exc:
            raise self._error(exc) from exc
        return int(metadata.get("generation", 0))

    @guarded
    def bump_generation(self) -> None:
        self.articles.modify(metadata={"generation": self.generation() + 1})

    @property
    def chunks(self) -> chromadb.Collection:
        return self.vectorstore._collection

    # --- articles -------------------------------------------------------------------------
    @guarded
    def article_fingerprints(self, ids: Sequence[str]) -> dict[str, str]:
        """What each stored article was indexed from (its content and the chunking), by id."""
        if not ids:
            return {}
        found = self.articles.get(ids=list(ids), include=["metadatas"])
        metas = found["metadatas"] or []
        return {i: str(m.get("fingerprint", "")) for i, m in zip(found["ids"], metas, strict=True) if m}

    @guarded
    def all_articles(self) -> list[dict[str, Any]]:
        """Metadata of every stored article (no text)."""
        found = self.articles.get(include=["metadatas"])
        return [dict(m) for m in (found["metadatas"] or []) if m]

    @guarded
    def put_articles(
        self, articles: Sequence[Article], vectors: Sequence[Sequence[float]], fingerprints: Sequence[str]
    ) -> None:
        if not articles:
            return
        self.articles.upsert(
            ids=[a.id for a in articles],
            documents=[a.text for a in articles],
            metadatas=[{**article_metadata(a), "fingerprint": f} for a, f in zip(articles, fingerprints, strict=True)],
            embeddings=np.asarray(vectors, dtype=np.float32),
        )
        for a in articles:
            self._text_cache.pop(a.id, None)

    @guarded
    def chunk_ids_of(self, article_ids: Sequence[str]) -> set[str]:
        """Ids of every stored chunk of these articles: Chroma itself, not the record manager."""
        if not article_ids:
            return set()
        where: dict[str, Any] = {"article_id": {"$in": list(article_ids)}}
        return set(self.chunks.get(where=where, include=[])["ids"])

    @guarded
    def articles_with_chunks(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these articles have at least one chunk stored."""
        if not article_ids:
            return set()
        where: dict[str, Any] = {"article_id": {"$in": list(article_ids)}}
        got = self.chunks.get(where=where, include=["metadatas"])
        return {str(m["article_id"]) for m in got["metadatas"] or [] if m}

    @guarded
    def existing_chunk_ids(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        return set(self.chunks.get(ids=list(ids), include=[])["ids"])

    @guarded
    def delete_chunks(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        for i in range(0, len(ids), 1000):
            self.chunks.delete(ids=ids[i : i + 1000])

    @guarded
    def delete_articles(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if ids:
            self.articles.delete(ids=ids)
            for i in ids:
                self._text_cache.pop(i, None)

    @guarded
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
    @guarded
    def count_chunks(self) -> int:
        return int(self.chunks.count())

    @guarded
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

    @guarded
    def chunk_vectors(self, ids: Sequence[str]) -> dict[str, list[float]]:
        if not ids:
            return {}
        got = self.chunks.get(ids=list(ids), include=["embeddings"])
        vectors = got["embeddings"]
        if vectors is None:
            return {}
        return {i: [float(x) for x in v] for i, v in zip(got["ids"], vectors, strict=True)}

    @guarded
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

    @guarded
    def chunk_records(self, ids: Sequence[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        if not ids:
            return {}
        got = self.chunks.get(ids=list(ids), include=["documents", "metadatas"])
        docs = got["documents"] or []
        metas = got["metadatas"] or []
        return {i: (d or "", dict(m or {})) for i, d, m in zip(got["ids"], docs, metas, strict=True)}
