"""Incremental, idempotent writes to the index through LangChain's indexing API.

`index()` with a SQL record manager does the chunk bookkeeping: a chunk whose content and metadata are
unchanged is never embedded again, and with `cleanup="incremental"` a changed article's old chunks are
deleted once its new ones are written (so a failure midway never loses the old version). Article-level
status (added / updated / unchanged) comes from a fingerprint (content hash plus chunking settings)
kept in the index's article catalog, so unchanged articles do not even reach the splitter.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from chromadb.errors import ChromaError
from langchain_core.documents import Document

from assistant.config import Settings
from assistant.store import Store, article_metadata
from assistant.types import Article, ArticleRecord, FlaggedText, IngestFailure, IngestReport, flags_json
from ingest.chunking import ENCODING, chunk_article
from ingest.loaders import discover, load_file

if TYPE_CHECKING:
    from langchain_classic.indexes import SQLRecordManager

# Chunks handed to one `index()` call (Chroma takes a few thousand per write). All chunks of an
# article stay in one call, so the incremental cleanup never deletes a chunk a later batch writes again.
_CHUNKS_PER_CALL = 1000
# What fails one article's write alone: Chroma refusing its records. An index failure (a server gone,
# a damaged or locked database) stops the run with one error, and a bug stops it too.
_WRITE_FAILURES = ChromaError
log = logging.getLogger("briefing")


def record_manager(settings: Settings) -> SQLRecordManager:
    from langchain_classic.indexes import SQLRecordManager

    if settings.record_manager_url is None:
        settings.index_dir.mkdir(parents=True, exist_ok=True)
    manager = SQLRecordManager(f"chroma/{settings.collection}", db_url=settings.record_manager_db())
    manager.create_schema()
    return manager


def chunk_documents(article: Article, settings: Settings) -> list[Document]:
    base = article_metadata(article)
    docs: list[Document] = []
    for chunk in chunk_article(article, settings.chunk_tokens, settings.chunk_overlap):
        meta = {**base, "chunk_index": chunk.index, "start": chunk.start, "end": chunk.end}
        meta.pop("flags", None)  # a chunk carries the flags over its own text only
        own = tuple(f for f in article.flags if f.overlaps(chunk.start, chunk.end))
        if own:
            meta["flags"] = flags_json(own)
        docs.append(Document(page_content=chunk.text, metadata=meta))
    return docs


def fingerprint(article: Article, settings: Settings) -> str:
    """What an article was indexed from: its content and the chunking; a change in either re-indexes it."""
    basis = f"{article.content_hash}:{settings.chunk_tokens}:{settings.chunk_overlap}:{ENCODING}"
    return hashlib.sha256(basis.encode()).hexdigest()


def _under(path: Path, roots: Iterable[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def _groups(prepared: list[tuple[Article, list[Document]]]) -> Iterator[list[tuple[Article, list[Document]]]]:
    """Articles in groups of at most _CHUNKS_PER_CALL chunks; an article is never split."""
    group: list[tuple[Article, list[Document]]] = []
    size = 0
    for item in prepared:
        if group and size + len(item[1]) > _CHUNKS_PER_CALL:
            yield group
            group, size = [], 0
        group.append(item)
        size += len(item[1])
    if group:
        yield group


def ingest_paths(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings,
    *,
    prune: bool = False,
    progress: bool = False,
) -> IngestReport:
    from tqdm import tqdm

    started = time.perf_counter()
    embedded_before = store.chunks_embedded
    report = IngestReport()
    files, failures = discover(paths)
    report.failed.extend(failures)

    corpus_root = settings.corpus_root.resolve() if settings.corpus_root else None
    if corpus_root is None and settings.chroma_host:
        log.warning(
            "ingesting into a shared server without a corpus root: articles are known by their path on this "
            "machine, so a machine that mounts the corpus elsewhere would index them again; set "
            "BRIEFING_CORPUS_ROOT to the folder the corpus is mounted at"
        )
    articles: dict[str, Article] = {}
    cleanly_loaded: set[Path] = set()  # files read without any failure: only these can lose articles
    for file in tqdm(files, desc="reading", unit="file", disable=not progress, leave=False):
        result = load_file(file, corpus_root)
        report.failed.extend(result.failures)
        if not result.failures:
            cleanly_loaded.add(file)
        for article in result.articles:
            articles[article.id] = article

    ids = list(articles)
    records: dict[str, ArticleRecord] = {}  # what the index holds under these articles' ids
    stored: set[str] = set()  # articles whose chunks are really there (a reset chunk store is re-filled)
    by_path: dict[str, list[ArticleRecord]] = {}  # what it holds under their paths, whatever the id
    for i in range(0, len(ids), 500):
        records.update(store.article_records(ids[i : i + 500]))
        stored |= store.articles_with_chunks(ids[i : i + 500])
        by_path.update(store.records_by_path([articles[a].path for a in ids[i : i + 500]]))
    prepared: list[tuple[Article, list[Document]]] = []
    moved: dict[str, list[ArticleRecord]] = {}  # new id -> the entries it had under other ids
    for article in articles.values():
        old = _former_entries(article, by_path.get(article.path, []), shared=bool(settings.chroma_host))
        if old:
            moved[article.id] = old
        record = records.get(article.id)
        clash = _clash(article, record)
        if clash:
            report.failed.append(IngestFailure(path=article.path, reason=clash))
            continue
        # Flags count too: planted-line rules that now read an article differently re-index it.
        if (
            record is not None
            and record.flags == article.flags
            and record.fingerprint == fingerprint(article, settings)
            and article.id in stored
        ):
            report.unchanged.append(article.path)
            continue
        try:
            prepared.append((article, chunk_documents(article, settings)))
        except Exception as exc:  # one article's problem must not stop the batch
            report.failed.append(IngestFailure(path=article.path, reason=f"cannot be chunked: {exc}"))

    with store.translated():  # a damaged record database is a damaged index
        manager = record_manager(settings)
    with tqdm(total=len(prepared), desc="indexing", unit="article", disable=not progress, leave=False) as bar:
        for group in _groups(prepared):
            try:
                _write(group, store, manager, settings, report, moved)
            except _WRITE_FAILURES:
                # Find the article that fails by writing the group one article at a time.
                for item in group:
                    try:
                        _write([item], store, manager, settings, report, moved)
                    except _WRITE_FAILURES as exc:
                        report.failed.append(IngestFailure(path=item[0].path, reason=f"not indexed: {exc}"))
            bar.update(len(group))
    failed = {f.path for f in report.failed}
    for article, _ in prepared:
        if article.path not in failed:
            old = moved.get(article.id, [])
            if article.id not in records and old and all(r.content_hash == article.content_hash for r in old):
                report.renamed.append(article.path)
            else:
                (report.updated if article.id in records or old else report.added).append(article.path)
            report.flagged.extend(
                FlaggedText(path=article.path, text=article.text[f.start : f.end], reason=f.reason)
                for f in article.flags
            )
    # An article's old entries go once it is stored under its new id (a crash before leaves both, and
    # the next run finds the old ones again).
    for article_id, old in moved.items():
        if articles[article_id].path not in failed:
            for record in old:
                report.chunks_deleted += delete_article(store, manager, record.id)

    if prune:
        # A named folder that is not there (an unmounted drive) prunes nothing: it is reported as a
        # failure. To drop the articles of a deleted folder, prune from its parent.
        roots = [Path(p).expanduser().resolve() for p in paths if Path(p).expanduser().exists()]
        for record in store.all_articles():
            local = _local_file(record, corpus_root)
            if local is None or not _under(local, roots):
                continue
            if not local.exists() or (local in cleanly_loaded and record.id not in articles):
                report.chunks_deleted += delete_article(store, manager, record.id)
                report.removed.append(record.path)

    if report.added or report.updated or report.removed or report.renamed or moved:
        store.bump_generation()
    report.chunks_embedded = store.chunks_embedded - embedded_before
    report.seconds = time.perf_counter() - started
    return report


def _former_entries(article: Article, same_path: list[ArticleRecord], *, shared: bool) -> list[ArticleRecord]:
    """Entries of this article under other ids: indexed before a corpus root was set (or unset).

    Only the same article moves: one with the same text or the same url. On a shared server an entry
    known by its corpus path never moves back to an absolute path: it is another machine's, which
    mounts the corpus where this one, missing its corpus root, reads the same path."""
    return [
        r
        for r in same_path
        if r.id != article.id
        and (r.content_hash == article.content_hash or (r.url != "" and r.url == article.url))
        and not (shared and r.corpus_path and not article.corpus_path)
    ]


def _local_file(record: ArticleRecord, corpus_root: Path | None) -> Path | None:
    """Where a stored article's file is on this machine, for --prune (None: not this corpus's).

    An article known by its corpus path is found by that path under this machine's corpus root, as
    another machine mounting the same corpus may have written it. Its writer's path still decides when
    it exists here outside the root: then it belongs to another corpus on this machine."""
    if not record.corpus_path:
        return Path(record.file)
    if corpus_root is None:
        return None
    writer = Path(record.file)
    if writer.exists() and not _under(writer, [corpus_root]):
        return None
    return corpus_root / record.corpus_path


def _clash(article: Article, record: ArticleRecord | None) -> str:
    """Why an article may not take the place of the stored one with its id ("" when it may).

    Under a corpus root an id stands for a place in the corpus; a different article there (another
    url and other text) means two corpora write to one collection, and the stored one is kept."""
    if record is None or not article.corpus_path or not (article.url and record.url) or article.url == record.url:
        return ""
    if record.content_hash == article.content_hash:
        return ""
    return (
        f"the index already holds a different article at {article.corpus_path!r} of the corpus "
        f"({record.url}, from {record.path}); not indexed. Two corpora share one collection: give each its "
        "own BRIEFING_COLLECTION"
    )


def _write(
    group: list[tuple[Article, list[Document]]],
    store: Store,
    manager: SQLRecordManager,
    settings: Settings,
    report: IngestReport,
    moved: dict[str, list[ArticleRecord]],
) -> None:
    """Write a group of articles' chunks, then their catalog entries.

    The record manager is treated as a cache of what Chroma holds, and reconciled on both sides:
    keys Chroma no longer has (a reset or different server) are forgotten so `index()` writes them
    again, and chunks Chroma holds that the records do not know (written from another machine, or
    left by a lost record database) are stale versions and are deleted.
    """
    from langchain_core.indexing import index

    ids = [article.id for article, _ in group]
    old_ids = [r.id for i in ids for r in moved.get(i, [])]
    with store.translated(), store.reusing_vectors(ids + old_ids):  # `index()` reaches Chroma directly
        keys = manager.list_keys(group_ids=ids)
        vanished = set(keys) - store.existing_chunk_ids(keys)
        if vanished:
            manager.delete_keys(list(vanished))
        docs = [doc for _, chunk_docs in group for doc in chunk_docs]
        written = index(
            docs,
            manager,
            store.vectorstore,
            cleanup="incremental",
            source_id_key="article_id",
            key_encoder="sha256",
            batch_size=_CHUNKS_PER_CALL,
        )
        stale = store.chunk_ids_of(ids) - set(manager.list_keys(group_ids=ids))
        store.delete_chunks(stale)
        report.chunks_written += written["num_added"] + written["num_updated"]
        report.chunks_deleted += written["num_deleted"] + len(stale)
        # The catalog is written last: a crash before it leaves the old fingerprint, so the next run
        # simply redoes the article.
        articles = [article for article, _ in group]
        store.put_articles(
            articles,
            store.embeddings.embed_documents([a.title for a in articles]),
            [fingerprint(a, settings) for a in articles],
        )


def delete_article(store: Store, manager: SQLRecordManager, article_id: str) -> int:
    """Remove an article's chunks (as Chroma and the records know them) and its catalog entry."""
    with store.translated():
        keys = manager.list_keys(group_ids=[article_id])
        chunk_ids = store.chunk_ids_of([article_id]) | set(keys)
        store.delete_chunks(chunk_ids)
        manager.delete_keys(keys)
        store.delete_articles([article_id])
    return len(chunk_ids)
