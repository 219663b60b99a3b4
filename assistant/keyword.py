"""The keyword side of hybrid retrieval: BM25 over every chunk's search terms, kept on disk and brought
up to date article by article.

A tantivy index (Lucene's BM25, k1 1.2, b 0.75) lives in `Settings.keyword_dir()` beside the Chroma
index, with a state file naming the index generation and the articles it reflects. A process whose state
matches the store's generation opens it at once; otherwise it syncs: it compares the catalog's articles
with those the state lists and rewrites only the articles that were added, changed or removed, whoever
wrote them (this machine, or another machine writing to the same Chroma server). Before this, every
process read every chunk's text and rebuilt BM25 in memory: 24 s at 100,000 chunks.

Sync applies its changes to tantivy before it writes the state, and re-applying an article is harmless,
so a crash between the two only makes the next process redo that work. A folder that cannot be written
(a read-only index, a full disk) leaves the keyword index in memory for this process, as before.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from cachetools import LRUCache
from pydantic import BaseModel, ValidationError

from assistant.store import Store
from assistant.text import acronyms, terms
from assistant.types import ArticleRecord, Filters

if TYPE_CHECKING:
    import tantivy

log = logging.getLogger(__name__)

_STATE = "state.json"
_SCHEMA_VERSION = 1  # bumped when the fields or how they are filled change: the folder is rebuilt
_WRITER_HEAP = 64_000_000  # bytes tantivy buffers before it writes a segment
_EMPTY = "∅"  # the one term of a chunk without search terms (tantivy would count it as missing)


class KeywordState(BaseModel):
    """What the folder's tantivy index reflects."""

    version: int = _SCHEMA_VERSION
    index_id: str  # the Chroma collections it was built from (a recreated index has new ids)
    generation: int
    articles: dict[str, str]  # article id -> what its chunks were indexed from (see `article_key`)


def article_key(record: ArticleRecord) -> str:
    """Changes when an article's chunks or the words its title and source add would change."""
    return hashlib.sha1(f"{record.fingerprint}\0{record.title}\0{record.source}".encode()).hexdigest()[:16]


def _schema() -> tantivy.Schema:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("chunk", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("article", stored=False, tokenizer_name="raw", index_option="basic")
    # Our own terms (stemmed, stopwords out), joined by spaces: tantivy only splits them again.
    builder.add_text_field("terms", stored=False, tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("spelled", stored=False, tokenizer_name="whitespace", index_option="basic")
    builder.add_text_field("described", stored=False, tokenizer_name="whitespace", index_option="basic")
    return builder.build()


class KeywordIndex:
    """BM25 search, term rarity and "does the corpus mention this" over one store's chunks."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.folder = store.settings.keyword_dir()
        self.schema = _schema()
        self._index: tantivy.Index | None = None
        self._state: KeywordState | None = None
        self._on_disk = True
        self._syncing = threading.Lock()  # the app's sessions share one index object
        self._counts: LRUCache[str, int] = LRUCache(maxsize=20_000)
        self._passing: LRUCache[Filters, tantivy.Query] = LRUCache(maxsize=64)
        self.size = 0

    # --- keeping up with the store ------------------------------------------------------------
    @property
    def generation(self) -> int | None:
        return self._state.generation if self._state is not None else None

    def current(self, generation: int | None = None) -> KeywordIndex:
        """This index, synced first if the store has changed since it was last read."""
        generation = self.store.generation() if generation is None else generation
        if self.generation != generation:
            with self._syncing:
                if self.generation != generation:
                    self.sync(generation)
        return self

    def sync(self, generation: int) -> None:
        """Bring the index up to `generation`: rewrite what changed, on disk where it can be kept."""
        if self._on_disk:
            try:
                self._sync_on_disk(generation)
                return
            except (OSError, ValueError) as exc:  # tantivy reports a failed write as a ValueError
                log.warning(
                    "the keyword index at %s cannot be written (%s); building it in memory for this process",
                    self.folder,
                    getattr(exc, "strerror", None) or exc,
                )
                self._on_disk = False
                self._index, self._state = None, None
        self._sync(generation)

    def _fits(self, state: KeywordState | None, generation: int) -> bool:
        return state is not None and state.generation == generation and state.index_id == self.store.index_id()

    def _sync_on_disk(self, generation: int) -> None:
        import tantivy
        from filelock import FileLock

        state = self._read_state()
        if not self._fits(state, generation):
            self.folder.mkdir(parents=True, exist_ok=True)
            with FileLock(self.folder / "sync.lock"):  # one process writes at a time; the others wait
                state = self._read_state()  # the process we waited for may have done the work
                if state is None or state.index_id != self.store.index_id():
                    self._reset_folder()
                    state = None
                self._state = state
                if self._index is None:
                    self._index = tantivy.Index(self.schema, path=str(self.folder / "tantivy"), reuse=True)
                if not self._fits(state, generation):
                    self._sync(generation)
                    self._write_state()
        else:
            self._state = state
            if self._index is None:  # up to date: opened as it is, nothing written
                self._index = tantivy.Index.open(str(self.folder / "tantivy"))
        self._opened()

    def _sync(self, generation: int) -> None:
        import tantivy

        if self._index is None:
            self._index = tantivy.Index(self.schema)  # in memory
        catalog = {r.id: r for r in self.store.all_articles()}
        records = {a: article_key(r) for a, r in catalog.items()}
        known = self._state.articles if self._state is not None else {}
        stale = [a for a, key in known.items() if records.get(a) != key]
        fresh = [a for a, key in records.items() if known.get(a) != key]
        if stale or fresh:
            chunks = self.store.chunks_of(fresh, all_articles=len(fresh) == len(records))
            described = {a: " ".join(terms(f"{catalog[a].title} {catalog[a].source}")) for a in fresh}
            writer = self._index.writer(heap_size=_WRITER_HEAP, num_threads=1)
            try:
                for article_id in stale:
                    writer.delete_documents_by_term("article", article_id)
                for article_id, chunk_id, text in chunks:
                    writer.add_document(
                        tantivy.Document(
                            chunk=chunk_id,
                            article=article_id,
                            terms=" ".join(terms(text)) or _EMPTY,
                            spelled=" ".join(sorted(acronyms(text, min_words=2))),
                            described=described[article_id],
                        )
                    )
                writer.commit()
                writer.wait_merging_threads()
            except BaseException:
                writer.rollback()  # nothing half-written is kept
                del writer  # and its lock goes with it, so a later try in this process can write
                raise
        self._state = KeywordState(index_id=self.store.index_id(), generation=generation, articles=records)
        self._opened()

    def _read_state(self) -> KeywordState | None:
        path = self.folder / _STATE
        try:
            state = KeywordState.model_validate_json(path.read_bytes())
        except FileNotFoundError:
            return None
        except ValidationError:
            log.warning("%s is unreadable; the keyword index is built again", path)
            return None
        return state if state.version == _SCHEMA_VERSION else None

    def _write_state(self) -> None:
        assert self._state is not None
        temporary = self.folder / f"{_STATE}.{os.getpid()}.tmp"
        temporary.write_text(self._state.model_dump_json())
        os.replace(temporary, self.folder / _STATE)

    def _reset_folder(self) -> None:
        """Start the folder afresh (first use, another index, or an older layout)."""
        import shutil

        self._index = None
        shutil.rmtree(self.folder / "tantivy", ignore_errors=True)
        (self.folder / _STATE).unlink(missing_ok=True)
        (self.folder / "tantivy").mkdir(parents=True)

    def _opened(self) -> None:
        assert self._index is not None
        self._index.reload()
        self._counts.clear()
        self._passing.clear()
        self.size = self._index.searcher().num_docs

    # --- questions ----------------------------------------------------------------------------
    def _searcher(self) -> tantivy.Searcher:
        assert self._index is not None, "call current() first"
        return self._index.searcher()

    def _count(self, fields: Iterable[str], term: str) -> int:
        """Live chunks holding the term in any of these fields (tantivy's doc_freq would count deleted
        ones until their segment is merged)."""
        import tantivy

        key = f"{','.join(fields)}:{term}"
        if key not in self._counts:
            query = tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, f, term)) for f in fields]
            )
            found = self._searcher().search(query, 1, count=True)
            self._counts[key] = found.count or 0  # type: ignore[attr-defined]  # missing from tantivy's stubs
        return self._counts[key]

    def df(self, term: str) -> int:
        """How many chunks hold this search term."""
        return self._count(("terms",), term)

    def idf(self, term: str) -> float:
        import math

        df = self.df(term)
        return math.log(1.0 + (self.size - df + 0.5) / (df + 0.5))

    def mentions(self, term: str) -> bool:
        """Does any chunk hold this search term or spell out this acronym ("Director of National
        Intelligence" for "dni"), or an article's title or source hold it ("Zee Business")?"""
        return self._count(("terms", "spelled", "described"), term) > 0

    def search(self, query: str, k: int, filters: Filters | None) -> list[tuple[str, float]]:
        """The k best chunks by BM25 (id and score) among those that pass the filters."""
        import tantivy

        query_terms = list(dict.fromkeys(terms(query)))
        if not self.size or not query_terms:
            return []
        asked = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, "terms", t)) for t in query_terms]
        )
        if filters is not None and not filters.is_empty():
            passing = self._passes(filters)
            asked = tantivy.Query.boolean_query([(tantivy.Occur.Must, asked), (tantivy.Occur.Must, passing)])
        searcher = self._searcher()
        hits = searcher.search(asked, k, count=False).hits
        return [(str(searcher.doc(address)["chunk"][0]), float(score)) for score, address in hits if score > 0]

    def _passes(self, filters: Filters) -> tantivy.Query:
        """The chunks that pass a filter, as Chroma decides (`chroma_where`: the filter language is
        written once), asked of Chroma once per filter and generation, scoring nothing."""
        import tantivy

        if filters not in self._passing:
            allowed = sorted(self.store.chunk_ids_matching(filters))
            self._passing[filters] = tantivy.Query.const_score_query(
                tantivy.Query.term_set_query(self.schema, "chunk", allowed), 0.0
            )
        return self._passing[filters]
