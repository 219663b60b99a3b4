"""The keyword side of hybrid retrieval: BM25 over every chunk's search terms, kept on disk and brought
up to date article by article.

A tantivy index (Lucene's BM25, k1 1.2, b 0.75) lives in `Settings.keyword_dir()` beside the Chroma
index, with a state file naming the index generation and the articles it reflects. A process whose state
matches the store's generation opens it at once; otherwise it syncs: it compares the catalog's articles
with those the state lists and rewrites only the articles that were added, changed or removed, whoever
wrote them (this machine, or another machine writing to the same Chroma server). Before this, every
process read every chunk's text and rebuilt BM25 in memory: 24 s at 100,000 chunks.

Sync first deletes, then adds, every chunk of each article it rewrites, in one tantivy commit, and writes
the state after that commit: a crash between the two makes the next process rewrite those articles
again, which leaves the same index. Chunks are read article by article (never by paging through the whole
collection, whose pages shift under a concurrent ingest), and the catalog is written after the chunks, so
an article that changes during a sync has a new key at the next one. A folder that cannot be written (a
read-only index, a full disk) leaves the keyword index in memory for this process; a folder that cannot
be read (damaged, from an older layout or another tokenizer) is built again.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import shutil
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

from cachetools import LRUCache
from pydantic import BaseModel, ValidationError

from assistant.store import Store
from assistant.text import STOPWORDS, acronyms, terms
from assistant.types import ArticleRecord, Filters

if TYPE_CHECKING:
    import tantivy

log = logging.getLogger(__name__)

_STATE = "state.json"
_LAYOUT = 4  # bumped when the fields or how they are filled change: the folder is built again
_WRITER_HEAP = 64_000_000  # bytes tantivy buffers before it writes a segment
_EMPTY = "∅"  # the one term of a chunk without search terms (tantivy would count it as missing)
_TERM_SET_LIMIT = 3000  # a filter passing at most this many chunks is a set of ids; else hits are sifted
_PROBE = "The Director of National Intelligence said CISA's election officials were briefed in 2024 and analysed it."


class KeywordStorageError(Exception):
    """The keyword folder cannot be written or read (tantivy reports both as ValueError)."""


@cache
def layout() -> str:
    """What an index on disk must have been built with: this module's layout and the tokenizer (the
    stopwords and the stemmer's output), so a changed tokenizer rebuilds rather than mismatches."""
    probe = f"{_LAYOUT}|{sorted(STOPWORDS)}|{terms(_PROBE)}|{sorted(acronyms(_PROBE, min_words=2))}"
    return hashlib.sha1(probe.encode()).hexdigest()[:16]


class KeywordState(BaseModel):
    """What the folder's tantivy index reflects."""

    layout: str
    index_id: str  # the Chroma collections it was built from (a recreated index has new ids)
    generation: int
    articles: dict[str, str]  # article id -> what its chunks were indexed from (see `article_key`)


def article_key(record: ArticleRecord) -> str:
    """Changes whenever the article's chunks, their ids or the words its title, source and topics add
    could: chunk ids are derived from the chunk's text and metadata, which holds the paths."""
    parts = (
        record.fingerprint,
        record.title,
        record.source,
        " ".join(record.topics),
        record.path,
        record.file,
        record.corpus_path,
    )
    return hashlib.sha1("\0".join(parts).encode()).hexdigest()[:16]


def _schema() -> tantivy.Schema:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("chunk", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("article", stored=False, tokenizer_name="raw", index_option="basic")
    # Our own terms (stemmed, stopwords out), joined by spaces: tantivy only splits them again.
    builder.add_text_field("terms", stored=False, tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("spelled", stored=False, tokenizer_name="whitespace", index_option="basic")
    builder.add_text_field("described", stored=False, tokenizer_name="whitespace", index_option="basic")
    builder.add_text_field("source", stored=False, tokenizer_name="whitespace", index_option="basic")
    return builder.build()


@contextmanager
def _storage() -> Iterator[None]:
    try:
        yield
    except ValueError as exc:
        raise KeywordStorageError(str(exc)) from exc


class KeywordIndex:
    """BM25 search, term rarity and "does the corpus mention this" over one store's chunks.

    One object serves every thread of a process (the app's sessions): a sync and the caches are guarded
    by one lock; a search runs on the searcher it was handed, which a sync never changes under it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.folder = store.settings.keyword_dir()
        self.schema = _schema()
        self._index: tantivy.Index | None = None
        self._state: KeywordState | None = None
        self._on_disk = True
        self._lock = threading.RLock()
        self._counts: LRUCache[str, int] = LRUCache(maxsize=20_000)
        self._passing: LRUCache[Filters, frozenset[str]] = LRUCache(maxsize=64)
        self.size = 0

    # --- keeping up with the store ------------------------------------------------------------
    @property
    def generation(self) -> int | None:
        return self._state.generation if self._state is not None else None

    def current(self) -> KeywordIndex:
        """This index, synced first if the store has changed since it was last read."""
        generation = self.store.generation()
        if self.generation != generation:
            with self._lock:
                if self.generation != generation:
                    self._sync_here()
        return self

    def save(self) -> None:
        """After a write to the index: bring the folder up to date now, so the next question's process
        need not. A failure is only logged: the write succeeded, and that process syncs on its own."""
        try:
            with self._lock:
                self._sync_on_disk()
        except Exception as exc:  # the next reader syncs, and reports a real fault
            log.warning(
                "the keyword index at %s was not brought up to date (%s); the next question will", self.folder, exc
            )

    def _sync_here(self) -> None:
        """On disk where the folder can be kept; else in memory for this process."""
        if self._on_disk:
            try:
                self._sync_on_disk()
                return
            except (OSError, KeywordStorageError) as exc:
                log.warning(
                    "the keyword index at %s cannot be written (%s); building it in memory for this process",
                    self.folder,
                    getattr(exc, "strerror", None) or exc,
                )
                self._on_disk = False
                self._index, self._state = None, None
        self._sync(self.store.generation(), self.store.index_id())

    @staticmethod
    def _fits(state: KeywordState | None, generation: int, index_id: str) -> bool:
        return (
            state is not None
            and state.layout == layout()
            and state.generation == generation
            and state.index_id == index_id
        )

    def _sync_on_disk(self) -> None:
        import tantivy

        state, generation, index_id = self._read_state(), self.store.generation(), self.store.index_id()
        damaged = False
        if self._fits(state, generation, index_id):
            try:
                with _storage():
                    self._index = self._index or tantivy.Index.open(str(self.folder / "tantivy"))
                self._state = state
                self._opened()
                return
            except KeywordStorageError as exc:  # damaged, or missing beside its state: built again below
                log.warning("the keyword index at %s is unreadable (%s); building it again", self.folder, exc)
                self._index, damaged = None, True
        from filelock import FileLock

        self.folder.mkdir(parents=True, exist_ok=True)
        with FileLock(self.folder / "sync.lock"):  # one process writes at a time; the others wait
            # As the process we waited for left it (never a generation older than that one wrote).
            state, generation = self._read_state(), self.store.generation()
            if damaged or state is None or state.layout != layout() or state.index_id != index_id:
                self._reset_folder()
                state = None
            self._state = state
            with _storage():
                if self._index is None:
                    self._index = tantivy.Index(self.schema, path=str(self.folder / "tantivy"), reuse=True)
                if not self._fits(state, generation, index_id):
                    self._sync(generation, index_id)
                    self._write_state()
            self._opened()

    def _sync(self, generation: int, index_id: str) -> None:
        """Rewrite the articles whose key changed since `self._state` (all of them without a state)."""
        import tantivy

        if self._index is None:
            self._index = tantivy.Index(self.schema)  # in memory
        catalog = {r.id: r for r in self.store.all_articles()}
        records = {a: article_key(r) for a, r in catalog.items()}
        known = self._state.articles if self._state is not None else {}
        gone = [a for a in known if a not in records]
        fresh = [a for a, key in records.items() if known.get(a) != key]
        if gone or fresh:
            chunks = self.store.chunks_of(fresh)
            # What the article is said to be about, beside its text: a word only its topics give
            # ("south-africa" for a question about South African officials) is one the corpus knows.
            described = {
                a: " ".join(terms(" ".join([catalog[a].title, catalog[a].source, *catalog[a].topics]))) for a in fresh
            }
            writer = self._index.writer(heap_size=_WRITER_HEAP, num_threads=1)
            try:
                # Every article rewritten is deleted first, new ones too: a sync done twice (a crash
                # after the commit, before the state) must not index an article twice.
                for article_id in gone + fresh:
                    writer.delete_documents_by_term("article", article_id)
                for article_id, chunk_id, text in chunks:
                    writer.add_document(
                        tantivy.Document(
                            chunk=chunk_id,
                            article=article_id,
                            terms=" ".join(terms(text)) or _EMPTY,
                            spelled=" ".join(sorted(acronyms(text, min_words=2))),
                            described=described[article_id],
                            source=" ".join(terms(catalog[article_id].source)) or _EMPTY,
                        )
                    )
            except BaseException:
                writer.rollback()  # nothing half-written is kept
                del writer  # and its lock goes with it, so a later try in this process can write
                raise
            writer.commit()
            writer.wait_merging_threads()
        self._state = KeywordState(layout=layout(), index_id=index_id, generation=generation, articles=records)
        self._opened()

    def _read_state(self) -> KeywordState | None:
        path = self.folder / _STATE
        try:
            return KeywordState.model_validate_json(path.read_bytes())
        except FileNotFoundError:
            return None
        except ValidationError:  # unreadable, or an older layout's
            return None

    def _write_state(self) -> None:
        assert self._state is not None
        temporary = self.folder / f"{_STATE}.{os.getpid()}.tmp"
        temporary.write_text(self._state.model_dump_json())
        os.replace(temporary, self.folder / _STATE)

    def _reset_folder(self) -> None:
        """Start the folder afresh (first use, another index, another layout or tokenizer)."""
        self._index = None
        shutil.rmtree(self.folder / "tantivy", ignore_errors=True)
        (self.folder / _STATE).unlink(missing_ok=True)
        (self.folder / "tantivy").mkdir(parents=True)

    def _opened(self) -> None:
        assert self._index is not None
        with _storage():
            self._index.reload()
            self.size = self._index.searcher().num_docs
        self._counts.clear()
        self._passing.clear()

    # --- questions ----------------------------------------------------------------------------
    def _searcher(self) -> tantivy.Searcher:
        with self._lock:
            assert self._index is not None, "call current() first"
            return self._index.searcher()

    def _count(self, fields: Iterable[str], term: str) -> int:
        """Live chunks holding the term in any of these fields."""
        return self._live([(f, term) for f in fields], every=False)

    def _live(self, field_terms: list[tuple[str, str]], every: bool) -> int:
        """Live chunks holding any (with `every`, all) of these (field, term) pairs, counted once and cached
        until the next sync (tantivy's doc_freq would count deleted ones until their segment is merged)."""
        import tantivy

        key = ("&" if every else "|") + ",".join(f"{f}:{t}" for f, t in field_terms)
        with self._lock:
            known = self._counts.get(key)
        if known is not None:
            return known
        occur = tantivy.Occur.Must if every else tantivy.Occur.Should
        query = tantivy.Query.boolean_query(
            [(occur, tantivy.Query.term_query(self.schema, f, t)) for f, t in field_terms]
        )
        found = self._searcher().search(query, 1, count=True)
        count = found.count or 0  # type: ignore[attr-defined]  # missing from tantivy's stubs
        with self._lock:
            self._counts[key] = count
        return count

    def df(self, term: str) -> int:
        """How many chunks hold this search term."""
        return self._count(("terms",), term)

    def idf(self, term: str) -> float:
        df = self.df(term)
        return math.log(1.0 + (self.size - df + 0.5) / (df + 0.5))

    def mentions(self, term: str) -> bool:
        """Does any chunk hold this search term or spell out this acronym ("Director of National
        Intelligence" for "dni"), or an article's title, source or topics hold it ("Zee Business")?"""
        return self._count(("terms", "spelled", "described"), term) > 0

    def from_source(self, name: str) -> bool:
        """Is any article from a source of this name ("Reuters", "BBC News" for "BBC News - Technology")?"""
        wanted = sorted(set(terms(name)))
        return not wanted or self._live([("source", t) for t in wanted], every=True) > 0

    def search(self, query: str, k: int, filters: Filters | None) -> list[tuple[str, float]]:
        """The k best chunks by BM25 (id and score) among those that pass the filters."""
        import tantivy

        query_terms = list(dict.fromkeys(terms(query)))
        if not self.size or not query_terms:
            return []
        asked = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, "terms", t)) for t in query_terms]
        )
        searcher = self._searcher()
        if filters is None or filters.is_empty():
            return self._hits(searcher, asked, k, None)
        allowed = self._passes(filters)
        if len(allowed) <= _TERM_SET_LIMIT:  # few: tantivy looks each id up (about 15 ms a thousand)
            only = tantivy.Query.const_score_query(
                tantivy.Query.term_set_query(self.schema, "chunk", list(allowed)), 0.0
            )
            both = tantivy.Query.boolean_query([(tantivy.Occur.Must, asked), (tantivy.Occur.Must, only)])
            return self._hits(searcher, both, k, None)
        # Many: the best hits are sifted, more of them until k pass (or every hit has been seen).
        limit = min(self.size, max(4 * k, math.ceil(2 * k * self.size / len(allowed))))
        while True:
            found = self._hits(searcher, asked, limit, allowed)
            if len(found) >= k or limit >= self.size:
                return found[:k]
            limit = min(self.size, 4 * limit)

    @staticmethod
    def _hits(
        searcher: tantivy.Searcher, query: tantivy.Query, limit: int, allowed: frozenset[str] | None
    ) -> list[tuple[str, float]]:
        hits = searcher.search(query, limit, count=False).hits
        found = ((str(searcher.doc(address)["chunk"][0]), float(score)) for score, address in hits if score > 0)
        return [(chunk_id, score) for chunk_id, score in found if allowed is None or chunk_id in allowed]

    def _passes(self, filters: Filters) -> frozenset[str]:
        """The chunks that pass a filter, as Chroma decides (`chroma_where`: the filter language is
        written once), asked of Chroma once per filter and generation."""
        with self._lock:
            known = self._passing.get(filters)
        if known is None:
            known = frozenset(self.store.chunk_ids_matching(filters))
            with self._lock:
                self._passing[filters] = known
        return known
