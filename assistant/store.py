"""The one module that talks to Chroma: embedded (`PersistentClient`) or a server (`HttpClient`).

Two collections per index:
- `<name>_chunks`: the embedded chunks, used through LangChain's `Chroma` vector store;
- `<name>_articles`: one record per article with its full text and content hash. It lets citations be
  verified against the stored article text and lets ingest tell unchanged articles from changed ones,
  on a server exactly as on local disk.

What leaves this module is typed (`Passage`, `ArticleRecord`) or an `AssistantError` that says what
happened to the index (see `assistant.failures`); anything else is a bug of ours and propagates.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from assistant.config import Settings
from assistant.embeddings import ReusingEmbeddings
from assistant.errors import AssistantError, IndexChangingError, IndexNotFoundError
from assistant.failures import IndexPlace, index_error
from assistant.tiers import tier_of
from assistant.types import Article, ArticleRecord, Filters, Flag, Passage, flags_from_json, flags_json, page_at

if TYPE_CHECKING:
    import chromadb
    from chromadb.api import ClientAPI
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_core.embeddings import Embeddings

T = TypeVar("T")
log = logging.getLogger(__name__)

# Cosine space to match the normalised MiniLM vectors. As configuration, not metadata: the articles
# collection's metadata carries the index generation.
_COLLECTION_CONFIGURATION: dict[str, Any] = {"hnsw": {"space": "cosine"}}
TOPIC_PREFIX = "topic:"
_PAGE = 5000  # records per Chroma read when reading a whole collection
_ARTICLES_PER_READ = 250  # articles named in one `$in` read of their chunks


# A read that meets another process's write half-applied is tried again after these pauses (seconds).
_RETRY_PAUSES = (0.1, 0.3, 0.6, 1.0, 2.0)


def guarded(method: Callable[..., T]) -> Callable[..., T]:
    """Store methods raise `AssistantError`s for index failures, never raw Chroma or network errors.
    A call that meets an index changing under it (another process ingesting) is tried again."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> T:
        for pause in (*_RETRY_PAUSES, None):
            try:
                with self.translated():
                    return method(self, *args, **kwargs)
            except IndexChangingError:
                if pause is None:
                    raise
                log.info("index changed under %s; reopening it in %.1f s", method.__name__, pause)
                time.sleep(pause)
                self.reopen()
        raise AssertionError("unreachable")

    return wrapper


def date_key(value: date) -> int:
    """Dates as YYYYMMDD integers: Chroma compares numbers, not strings."""
    return value.year * 10000 + value.month * 100 + value.day


def chroma_where(filters: Filters | None) -> dict[str, Any] | None:
    """The Chroma `where` clause for the metadata written by `article_metadata`: the one place the
    filter language is written (the BM25 side asks Chroma which chunks pass, see `chunk_ids_matching`)."""
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
    if article.corpus_path:
        meta["corpus_path"] = article.corpus_path
    if article.source_type:
        meta["source_type"] = article.source_type
    if article.published:
        meta["published"] = article.published.isoformat()
        meta["published_key"] = date_key(article.published)
    if article.page_starts:
        meta["page_starts"] = ",".join(str(s) for s in article.page_starts)
    if article.flags:
        meta["flags"] = flags_json(article.flags)
    for topic in article.topics:
        meta[TOPIC_PREFIX + topic.lower()] = True
    return meta


def _published(meta: dict[str, Any]) -> date | None:
    value = meta.get("published")
    return date.fromisoformat(str(value)) if value else None


def _page_starts(meta: dict[str, Any]) -> tuple[int, ...]:
    starts = meta.get("page_starts")
    return tuple(int(x) for x in str(starts).split(",")) if starts else ()


def passage_from(chunk_id: str, text: str, meta: dict[str, Any], score: float) -> Passage:
    """A stored chunk (its text and the metadata `article_metadata` wrote) as a `Passage`."""
    start = int(meta.get("start", 0))
    page_starts = _page_starts(meta)
    return Passage(
        chunk_id=chunk_id,
        article_id=str(meta.get("article_id", "")),
        path=str(meta.get("path", "")),
        title=str(meta.get("title", "")),
        published=_published(meta),
        url=str(meta.get("url", "")),
        source=str(meta.get("source", "")),
        tier=tier_of(str(meta.get("source_type", "")), str(meta.get("url", ""))),
        start=start,
        end=int(meta.get("end", start + len(text))),
        score=round(score, 6),
        text=text,
        page=page_at(page_starts, start),
        page_starts=page_starts,
        flags=flags_from_json(meta.get("flags")),
        topics=_topics(meta),
    )


def _topics(meta: dict[str, Any]) -> tuple[str, ...]:
    return tuple(sorted(k[len(TOPIC_PREFIX) :] for k, v in meta.items() if k.startswith(TOPIC_PREFIX) and v))


def _record_from(article_id: str, meta: dict[str, Any]) -> ArticleRecord:
    return ArticleRecord(
        id=article_id,
        path=str(meta.get("path", "")),
        file=str(meta.get("file") or str(meta.get("path", "")).split("#", 1)[0]),  # "feed.jsonl#a1" is feed.jsonl
        title=str(meta.get("title", "")),
        corpus_path=str(meta.get("corpus_path", "")),
        source=str(meta.get("source", "")),
        source_type=str(meta.get("source_type", "")),
        tier=tier_of(str(meta.get("source_type", "")), str(meta.get("url", ""))),
        url=str(meta.get("url", "")),
        published=_published(meta),
        fingerprint=str(meta.get("fingerprint", "")),
        content_hash=str(meta.get("content_hash", "")),
        flags=flags_from_json(meta.get("flags")),
        topics=_topics(meta),
        page_starts=_page_starts(meta),
    )


class Store:
    """Chroma client plus the chunk and article collections of one index."""

    def __init__(self, settings: Settings, embeddings: Embeddings, *, create: bool = False) -> None:
        self.settings = settings
        self.embeddings = embeddings
        self.location = settings.index_location()
        self.place = IndexPlace(self.location, settings.record_manager_location(), server=bool(settings.chroma_host))
        self._chunks_name = f"{settings.collection}_chunks"
        self._articles_name = f"{settings.collection}_articles"
        self._text_cache: dict[str, tuple[str, tuple[Flag, ...]]] = {}  # text and flags by article id
        self._reusing = ReusingEmbeddings(embeddings)  # what `index()` embeds chunks with
        with self.translated():
            self._open(create)

    def _open(self, create: bool) -> None:
        self.client = self._connect(create)
        if not create:
            existing = {c if isinstance(c, str) else c.name for c in self.client.list_collections()}
            if self._articles_name not in existing or self._chunks_name not in existing:
                raise IndexNotFoundError(self.location)
        # embedding_function=None: we always pass vectors; Chroma's default would fetch an ONNX model.
        self.articles: chromadb.Collection = self._collection(self._articles_name)
        self.chunk_collection: chromadb.Collection = self._collection(self._chunks_name)
        from langchain_chroma import Chroma

        # LangChain's vector store over the same chunk collection: `index()` writes through it.
        self.vectorstore: Chroma = Chroma(
            collection_name=self._chunks_name,
            embedding_function=self._reusing,
            client=self.client,
            collection_configuration=_COLLECTION_CONFIGURATION,  # type: ignore[arg-type]
        )

    def reopen(self) -> None:
        """Drop this process's view of an embedded index and read it afresh from disk.

        Embedded Chroma keeps the vector side in memory; while another process writes, that copy and
        the metadata on disk can disagree ("Error finding id"), and they stay apart until the index is
        loaded again. A server (`chroma run`) has one view for every client, and needs none of this."""
        if self.settings.chroma_host:
            return
        from chromadb.api.shared_system_client import SharedSystemClient

        identifier = getattr(self.client, "_identifier", None)
        system = SharedSystemClient._identifier_to_system.pop(identifier, None) if identifier else None
        SharedSystemClient._identifier_to_refcount.pop(identifier or "", None)
        if system is not None:
            system.stop()
        self._text_cache.clear()
        with self.translated():
            self._open(False)

    def _collection(self, name: str) -> chromadb.Collection:
        return self.client.get_or_create_collection(
            name,
            embedding_function=None,
            configuration=_COLLECTION_CONFIGURATION,  # type: ignore[arg-type]
        )

    def _connect(self, create: bool) -> ClientAPI:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        s = self.settings
        auth: dict[str, Any] = {}
        if s.chroma_host and s.chroma_token is not None:  # Chroma's own token client: the header it sends
            auth = {
                "chroma_client_auth_provider": "chromadb.auth.token_authn.TokenAuthClientProvider",
                "chroma_client_auth_credentials": s.chroma_token.get_secret_value(),
                "chroma_auth_token_transport_header": s.chroma_token_header,
            }
        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False, **auth)
        if s.chroma_host:
            return chromadb.HttpClient(
                host=s.chroma_host,
                port=s.chroma_port,
                ssl=s.chroma_ssl,
                headers=s.chroma_headers or None,
                tenant=s.chroma_tenant,
                database=s.chroma_database,
                settings=chroma_settings,
            )
        index_dir = s.index_dir
        if not create and not (index_dir / "chroma.sqlite3").is_file():
            raise IndexNotFoundError(str(index_dir))
        index_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(index_dir), settings=chroma_settings)

    @contextmanager
    def translated(self) -> Iterator[None]:
        """Index failures inside the block become the `AssistantError` that names them; others pass."""
        try:
            yield
        except AssistantError:
            raise
        except Exception as exc:
            error = index_error(exc, self.place)
            if error is None:
                raise
            raise error from exc

    # --- index generation: bumped by every ingest that changes something --------------------------
    @guarded
    def generation(self) -> int:
        """A counter other processes see change when the index changes (BM25 rebuilds on it)."""
        metadata = self.client.get_collection(self._articles_name).metadata or {}
        return int(metadata.get("generation", 0))

    @guarded
    def bump_generation(self) -> None:
        self.articles.modify(metadata={"generation": self.generation() + 1})

    @guarded
    def index_id(self) -> str:
        """Which index this is: a collection deleted and created again under the same name is another
        (asked of Chroma each time, as another process may have done that)."""
        ids = [self.client.get_collection(name).id for name in (self._articles_name, self._chunks_name)]
        return "/".join(map(str, ids))

    # --- articles -------------------------------------------------------------------------
    @guarded
    def article_records(self, ids: Sequence[str]) -> dict[str, ArticleRecord]:
        """The stored articles among these ids (no text), by id."""
        if not ids:
            return {}
        found = self.articles.get(ids=list(ids), include=["metadatas"])
        metas = found["metadatas"] or []
        return {i: _record_from(i, dict(m)) for i, m in zip(found["ids"], metas, strict=True) if m}

    @guarded
    def records_by_path(self, paths: Sequence[str]) -> dict[str, list[ArticleRecord]]:
        """The articles stored under each of these paths (one, unless an article changed its id)."""
        if not paths:
            return {}
        where: dict[str, Any] = {"path": {"$in": list(paths)}}
        found = self.articles.get(where=where, include=["metadatas"])
        by_path: dict[str, list[ArticleRecord]] = {}
        for i, meta in zip(found["ids"], found["metadatas"] or [], strict=True):
            if meta:
                record = _record_from(i, dict(meta))
                by_path.setdefault(record.path, []).append(record)
        return by_path

    @guarded
    def all_articles(self) -> list[ArticleRecord]:
        """Every stored article (no text), read in pages: one read of tens of thousands of records
        exceeds SQLite's limit on query variables inside Chroma (measured at 50,000 articles)."""
        records: list[ArticleRecord] = []
        offset = 0
        while True:
            found = self.articles.get(include=["metadatas"], limit=_PAGE, offset=offset)
            metas = found["metadatas"] or []
            records.extend(_record_from(i, dict(m)) for i, m in zip(found["ids"], metas, strict=True) if m)
            if len(found["ids"]) < _PAGE:
                return records
            offset += _PAGE

    @guarded
    def articles_with_text(self) -> Iterator[tuple[ArticleRecord, str, tuple[int, ...]]]:
        """Every stored article with its text and PDF page starts, read in pages (for `briefing export`)."""
        offset = 0
        while True:
            found = self.articles.get(include=["metadatas", "documents"], limit=_PAGE, offset=offset)
            metas, docs = found["metadatas"] or [], found["documents"] or []
            for article_id, meta, text in zip(found["ids"], metas, docs, strict=True):
                if meta and text is not None:
                    starts = meta.get("page_starts")
                    pages = tuple(int(x) for x in str(starts).split(",")) if starts else ()
                    yield _record_from(article_id, dict(meta)), text, pages
            if len(found["ids"]) < _PAGE:
                return
            offset += _PAGE

    @guarded
    def put_articles(
        self, articles: Sequence[Article], vectors: Sequence[Sequence[float]], fingerprints: Sequence[str]
    ) -> None:
        if not articles:
            return
        # Chroma merges an upserted entry's metadata into the old one: a key the article no longer has
        # (its flags, once newer rules find none) would outlive it. So the old entries go first (a crash
        # in between leaves no fingerprint, and the next run indexes the article again).
        self.articles.delete(ids=[a.id for a in articles])
        self.articles.upsert(
            ids=[a.id for a in articles],
            documents=[a.text for a in articles],
            metadatas=[{**article_metadata(a), "fingerprint": f} for a, f in zip(articles, fingerprints, strict=True)],
            embeddings=np.asarray(vectors, dtype=np.float32),
        )
        for a in articles:
            self._text_cache.pop(a.id, None)

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
        found = self._article(article_id)
        return found[0] if found else None

    @guarded
    def article_flags(self, article_id: str) -> tuple[Flag, ...]:
        """The planted sentences flagged in an article at ingest, over its whole text (a chunk carries
        only those over its own text; a passage widened past its chunk needs the rest)."""
        found = self._article(article_id)
        return found[1] if found else ()

    def _article(self, article_id: str) -> tuple[str, tuple[Flag, ...]] | None:
        if article_id not in self._text_cache:
            found = self.articles.get(ids=[article_id], include=["documents", "metadatas"])
            docs, metas = found["documents"] or [], found["metadatas"] or []
            if not docs or docs[0] is None:
                return None
            meta = metas[0] if metas else None
            self._text_cache[article_id] = (docs[0], flags_from_json(meta.get("flags") if meta else None))
        return self._text_cache[article_id]

    @guarded
    def article_texts(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The stored texts of these articles, by id (read in batches; unknown ids are left out). Not
        kept in the text cache: a briefing reads hundreds of articles once, and a long-running app
        would hold every one."""
        found_texts: dict[str, str] = {}
        wanted = list(dict.fromkeys(article_ids))
        for n in range(0, len(wanted), _ARTICLES_PER_READ):
            found = self.articles.get(ids=wanted[n : n + _ARTICLES_PER_READ], include=["documents"])
            for article_id, text in zip(found["ids"], found["documents"] or [], strict=True):
                if text is not None:
                    found_texts[article_id] = text
        return found_texts

    # --- chunks ---------------------------------------------------------------------------
    def _chunk_ids(self, where: dict[str, Any] | None = None, ids: Sequence[str] | None = None) -> set[str]:
        found: set[str] = set()
        offset = 0
        while True:
            got = self.vectorstore.get(
                ids=list(ids) if ids else None, where=where, limit=_PAGE, offset=offset, include=[]
            )
            found.update(got["ids"])
            if len(got["ids"]) < _PAGE:
                return found
            offset += _PAGE

    @guarded
    def chunk_ids_of(self, article_ids: Sequence[str]) -> set[str]:
        """Ids of every stored chunk of these articles: Chroma itself, not the record manager."""
        return self._chunk_ids(where={"article_id": {"$in": list(article_ids)}}) if article_ids else set()

    @guarded
    def articles_with_chunks(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these articles have at least one chunk stored."""
        if not article_ids:
            return set()
        where: dict[str, Any] = {"article_id": {"$in": list(article_ids)}}
        got = self.vectorstore.get(where=where, include=["metadatas"])
        return {str(m["article_id"]) for m in got["metadatas"] or [] if m}

    @property
    def chunks_embedded(self) -> int:
        """Distinct chunk texts the model has embedded for this store (the rest had vectors already)."""
        return self._reusing.embedded

    @contextmanager
    def reusing_vectors(self, article_ids: Sequence[str]) -> Iterator[None]:
        """Within the block, chunk texts these articles already have in the index are not embedded again."""
        offset = 0
        where: dict[str, Any] = {"article_id": {"$in": list(article_ids)}}
        try:
            while article_ids:
                with self.translated():
                    got = self.vectorstore.get(
                        where=where, include=["documents", "embeddings"], limit=_PAGE, offset=offset
                    )
                vectors = got["embeddings"] if got["embeddings"] is not None else []
                for text, vector in zip(got["documents"] or [], vectors, strict=True):
                    if text is not None:
                        self._reusing.known[text] = [float(x) for x in vector]
                if len(got["ids"]) < _PAGE:
                    break
                offset += _PAGE
            yield
        finally:
            self._reusing.known.clear()

    @guarded
    def existing_chunk_ids(self, ids: Sequence[str]) -> set[str]:
        return self._chunk_ids(ids=ids) if ids else set()

    @guarded
    def chunk_ids_matching(self, filters: Filters) -> set[str]:
        """Ids of the chunks that pass the filters, as Chroma evaluates `chroma_where`."""
        return self._chunk_ids(where=chroma_where(filters))

    @guarded
    def delete_chunks(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        for i in range(0, len(ids), 1000):
            self.vectorstore.delete(ids=ids[i : i + 1000])

    @guarded
    def count_chunks(self) -> int:
        return int(self.chunk_collection.count())

    @guarded
    def chunk_texts(self) -> dict[str, str]:
        """The text of every chunk by id, read in pages (for the BM25 side)."""
        texts: dict[str, str] = {}
        offset = 0
        while True:
            got = self.vectorstore.get(include=["documents"], limit=_PAGE, offset=offset)
            texts.update(zip(got["ids"], (d or "" for d in got["documents"] or []), strict=True))
            if len(got["ids"]) < _PAGE:
                return texts
            offset += _PAGE

    @guarded
    def chunks_of(self, article_ids: Sequence[str]) -> list[tuple[str, str, str]]:
        """(article id, chunk id, text) of every chunk of these articles. Read by article, in batches,
        never by paging through the whole collection: its pages shift while another process ingests."""
        wanted, found = list(dict.fromkeys(article_ids)), []
        for at in range(0, len(wanted), _ARTICLES_PER_READ):
            where: dict[str, Any] = {"article_id": {"$in": wanted[at : at + _ARTICLES_PER_READ]}}
            offset = 0
            while True:
                got = self.vectorstore.get(where=where, include=["documents", "metadatas"], limit=_PAGE, offset=offset)
                docs, metas = got["documents"] or [], got["metadatas"] or []
                for chunk_id, text, meta in zip(got["ids"], docs, metas, strict=True):
                    if meta and meta.get("article_id") is not None:
                        found.append((str(meta["article_id"]), chunk_id, text or ""))
                if len(got["ids"]) < _PAGE:
                    break
                offset += _PAGE
        return found

    @guarded
    def chunk_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        got = self.vectorstore.get(ids=list(ids), include=["embeddings"])
        vectors = got["embeddings"]
        if vectors is None:
            return {}
        return {i: np.asarray(v, dtype=np.float32) for i, v in zip(got["ids"], vectors, strict=True)}

    @guarded
    def dense_search(self, vector: Sequence[float], k: int, filters: Filters | None) -> list[Passage]:
        """The k nearest chunks that pass the filters, best first, scored by cosine similarity."""
        found = self.vectorstore.similarity_search_by_vector_with_relevance_scores(
            list(vector), k=k, filter=chroma_where(filters)
        )
        # In cosine space Chroma's distance is 1 - similarity.
        return [self._passage(doc, 1.0 - float(distance)) for doc, distance in found]

    @guarded
    def passages(self, ids: Sequence[str]) -> dict[str, Passage]:
        """The stored chunks of these ids as passages (score 0), by id."""
        if not ids:
            return {}
        return {doc.id: self._passage(doc, 0.0) for doc in self.vectorstore.get_by_ids(list(ids)) if doc.id}

    @staticmethod
    def _passage(doc: Document, score: float) -> Passage:
        return passage_from(str(doc.id), doc.page_content, dict(doc.metadata), score)
