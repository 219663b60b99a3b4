"""Incremental, idempotent writes to the index through LangChain's indexing API.

`index()` with a SQL record manager does the chunk bookkeeping: a chunk whose content and metadata are
unchanged is never embedded again, and with `cleanup="incremental"` a changed article's old chunks are
deleted once its new ones are written (so a failure midway never loses the old version). Article-level
status (added / updated / unchanged) comes from the content hash kept in the index's article catalog,
so unchanged articles do not even reach the splitter.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from langchain_core.documents import Document

from assistant.config import Settings
from assistant.store import Store, article_metadata
from assistant.types import Article, IngestReport
from ingest.chunking import chunk_article
from ingest.loaders import discover, load_file

if TYPE_CHECKING:
    from langchain_classic.indexes import SQLRecordManager

# Articles handed to one `index()` call: all chunks of an article stay in one call, so the
# incremental cleanup never deletes a chunk that a later batch would write again.
_ARTICLES_PER_CALL = 32


def record_manager(settings: Settings) -> SQLRecordManager:
    from langchain_classic.indexes import SQLRecordManager

    if settings.record_manager_url is None:
        settings.index_dir.mkdir(parents=True, exist_ok=True)
    manager = SQLRecordManager(f"chroma/{settings.collection}", db_url=settings.record_manager_db())
    manager.create_schema()
    return manager


def chunk_documents(article: Article, settings: Settings) -> list[Document]:
    base = article_metadata(article)
    return [
        Document(
            page_content=chunk.text,
            metadata={**base, "chunk_index": chunk.index, "start": chunk.start, "end": chunk.end},
        )
        for chunk in chunk_article(article, settings.chunk_tokens, settings.chunk_overlap)
    ]


def _batches(items: Sequence[Article], size: int) -> Iterator[Sequence[Article]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _file_of(path: str) -> Path:
    return Path(path.split("#", 1)[0])


def _under(path: Path, roots: Iterable[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def ingest_paths(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings,
    *,
    prune: bool = False,
    progress: bool = False,
) -> IngestReport:
    from langchain_core.indexing import index
    from tqdm import tqdm

    started = time.perf_counter()
    report = IngestReport()
    files, failures = discover(paths)
    report.failed.extend(failures)

    articles: dict[str, Article] = {}
    loaded_files: set[Path] = set()
    for file in tqdm(files, desc="reading", unit="file", disable=not progress, leave=False):
        result = load_file(file)
        report.failed.extend(result.failures)
        if result.articles:
            loaded_files.add(file)
        for article in result.articles:
            articles[article.id] = article

    known = {}
    ids = list(articles)
    for i in range(0, len(ids), 500):
        known.update(store.article_hashes(ids[i : i + 500]))
    to_write: list[Article] = []
    for article in articles.values():
        if article.id not in known:
            report.added.append(article.path)
            to_write.append(article)
        elif known[article.id] != article.content_hash:
            report.updated.append(article.path)
            to_write.append(article)
        else:
            report.unchanged.append(article.path)

    manager = record_manager(settings)
    with tqdm(total=len(to_write), desc="indexing", unit="article", disable=not progress, leave=False) as bar:
        for group in _batches(to_write, _ARTICLES_PER_CALL):
            docs = [doc for article in group for doc in chunk_documents(article, settings)]
            written = index(
                docs,
                manager,
                store.vectorstore,
                cleanup="incremental",
                source_id_key="article_id",
                key_encoder="sha256",
                batch_size=max(len(docs), 1),
            )
            report.chunks_written += written["num_added"] + written["num_updated"]
            report.chunks_deleted += written["num_deleted"]
            # The catalog is written after the chunks: a crash in between leaves the old hash, so the
            # next run simply redoes the article.
            store.put_articles(group, store.embeddings.embed_documents([a.title for a in group]))
            bar.update(len(group))

    if prune:
        roots = [Path(p).expanduser().resolve() for p in paths if Path(p).expanduser().exists()]
        for meta in store.all_articles():
            file = _file_of(str(meta["path"]))
            if not _under(file, roots):
                continue
            gone = not file.exists() or (file in loaded_files and meta["article_id"] not in articles)
            if gone:
                report.chunks_deleted += delete_article(store, manager, str(meta["article_id"]))
                report.removed.append(str(meta["path"]))

    report.seconds = time.perf_counter() - started
    return report


def delete_article(store: Store, manager: SQLRecordManager, article_id: str) -> int:
    """Remove an article's chunks, their records and its catalog entry; returns chunks removed."""
    keys = manager.list_keys(group_ids=[article_id])
    if keys:
        store.vectorstore.delete(keys)
        manager.delete_keys(keys)
    store.delete_articles([article_id])
    return len(keys)
