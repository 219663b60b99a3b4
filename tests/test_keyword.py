"""The keyword (BM25) index on disk: opened as it is when nothing changed, brought up to date article by
article when something did (here or in another process), rebuilt when it cannot be trusted, and kept in
memory where it cannot be written. Real Chroma, real tantivy, the real embedding model."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

import assistant.keyword
from assistant import Assistant
from assistant.keyword import KeywordIndex, article_key
from assistant.store import Store
from assistant.types import ArticleRecord, Filters


class ChunkReads:
    """Which articles' chunks a keyword sync reads from the store."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.articles: list[str] = []
        original = Store.chunks_of

        def spy(store: Store, article_ids: Sequence[str]) -> list[tuple[str, str, str]]:
            self.articles.extend(article_ids)
            return original(store, article_ids)

        monkeypatch.setattr(Store, "chunks_of", spy)


def _ids(side: KeywordIndex, query: str) -> list[str]:
    return [chunk_id for chunk_id, _ in side.search(query, 50, None)]


def test_a_new_process_opens_the_keyword_index_without_reading_chunks(
    tmp_path: Path, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Assistant(index_dir=tmp_path / "index").ingest([small_corpus])
    reads = ChunkReads(monkeypatch)
    later = Assistant(index_dir=tmp_path / "index")  # a later process: nothing of the first in memory
    answer = later.ask("How many internet domains did the Justice Department seize from Doppelganger?")
    assert not answer.refused and answer.citations
    assert reads.articles == []
    assert _ids(later.retriever.bm25(), "Doppelganger domains")  # searched from the folder


def test_an_edit_rewrites_only_that_article_and_search_follows_it(
    tmp_path: Path, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = Assistant(index_dir=tmp_path / "index")
    bot.ingest([small_corpus])
    side = bot.retriever.bm25()
    assert side.mentions("cheung") and not side.mentions("zorblatt")
    chunks = side.size

    seed = small_corpus / "seed.md"
    seed.write_text(seed.read_text().replace("Steven Cheung", "Spokesperson Zorblatt"))
    reads = ChunkReads(monkeypatch)
    report = bot.ingest([small_corpus])
    assert len(report.updated) == 1
    seed_id = next(a.id for a in bot.store().all_articles() if a.path == str(seed.resolve()))
    assert reads.articles == [seed_id]  # the other two articles were not read again

    side = bot.retriever.bm25()
    assert side.mentions("zorblatt") and not side.mentions("cheung")
    assert side.size == chunks  # the old chunks of the edited article are gone, not doubled
    found = bot.store().passages(_ids(side, "Zorblatt"))
    assert found and all("Zorblatt" in p.text for p in found.values())

    (small_corpus / "rt-tenet-media-indictment.md").unlink()
    bot.ingest([small_corpus], prune=True)
    assert not bot.retriever.bm25().mentions("tenet")


def test_another_process_writing_is_seen_at_the_next_question(tmp_path: Path, small_corpus: Path) -> None:
    reader = Assistant(index_dir=tmp_path / "index")
    reader.ingest([small_corpus / "seed.md"])
    assert not reader.retriever.bm25().mentions("doppelgang")

    Assistant(index_dir=tmp_path / "index").ingest([small_corpus])  # another process, same index
    assert reader.retriever.bm25().mentions("doppelgang")
    answer = reader.ask("How many internet domains did the Justice Department seize from Doppelganger?")
    assert not answer.refused


def test_a_damaged_or_foreign_keyword_folder_is_built_again(
    tmp_path: Path, small_corpus: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bot = Assistant(index_dir=tmp_path / "index")
    bot.ingest([small_corpus])
    folder = bot.settings.keyword_dir()
    expected = _ids(bot.retriever.bm25(), "Doppelganger domains seized")

    (folder / "state.json").write_text("{not json")
    assert _ids(KeywordIndex(bot.store()).current(), "Doppelganger domains seized") == expected

    # A state that fits beside a damaged tantivy folder: built again on disk, not kept in memory for
    # every later process.
    (folder / "tantivy" / "meta.json").write_text("garbage")
    side = KeywordIndex(bot.store()).current()
    assert _ids(side, "Doppelganger domains seized") == expected
    assert "building it again" in caplog.text and "in memory" not in caplog.text
    json.loads((folder / "tantivy" / "meta.json").read_text())  # whole again, for the next process

    # Another index's keyword folder (an index deleted and built again under the same name, a folder
    # copied from elsewhere): its state names other collections.
    other = Assistant(index_dir=tmp_path / "other")
    other.ingest([small_corpus / "seed.md"])
    shutil.rmtree(other.settings.keyword_dir())
    shutil.copytree(folder, other.settings.keyword_dir())
    side = Assistant(index_dir=tmp_path / "other").retriever.bm25()
    assert not side.mentions("doppelgang") and side.mentions("cheung")


def test_a_keyword_folder_that_cannot_be_written_is_kept_in_memory(
    tmp_path: Path, small_corpus: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bot = Assistant(index_dir=tmp_path / "index")
    bot.ingest([small_corpus])
    folder = bot.settings.keyword_dir()
    shutil.rmtree(folder)
    folder.write_text("a file where the folder should be")  # mkdir fails as on a read-only disk
    side = KeywordIndex(bot.store()).current()
    assert "building it in memory" in caplog.text
    assert side.mentions("doppelgang") and _ids(side, "Doppelganger domains")


def test_a_sync_done_twice_indexes_nothing_twice(
    tmp_path: Path, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash after tantivy's commit and before the state is written: the next sync redoes the work."""
    bot = Assistant(index_dir=tmp_path / "index")
    bot.ingest([small_corpus / "seed.md"])
    with monkeypatch.context() as patch:

        def crash(self: KeywordIndex) -> None:
            raise OSError(28, "No space left on device")

        patch.setattr(KeywordIndex, "_write_state", crash)
        bot.ingest([small_corpus])  # the keyword index commits the two new articles, then "crashes"
    side = Assistant(index_dir=tmp_path / "index").retriever.bm25()
    assert side.size == bot.store().count_chunks()
    ids = _ids(side, "Doppelganger domains seized Russian")
    assert ids and len(ids) == len(set(ids))


def test_filtered_keyword_search_is_the_unfiltered_ranking_restricted(
    bot: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both ways of filtering (a set of ids when few chunks pass, sifting the best hits when many do)
    give the unfiltered ranking with the chunks the filter drops taken out."""
    side = bot.retriever.bm25()
    query = "Iranian hackers Trump campaign election"
    everything = side.search(query, side.size, None)
    for window in (Filters(since=date(2024, 9, 1), until=date(2024, 9, 30)), Filters(since=date(2020, 1, 1))):
        allowed = bot.store().chunk_ids_matching(window)
        expected = [chunk_id for chunk_id, _ in everything if chunk_id in allowed][:5]
        for limit in (0, 10**6):  # sifted, then a set of ids
            monkeypatch.setattr(assistant.keyword, "_TERM_SET_LIMIT", limit)
            assert [chunk_id for chunk_id, _ in side.search(query, 5, window)] == expected


def test_a_keyword_failure_after_an_ingest_is_a_warning_and_the_next_question_catches_up(
    tmp_path: Path, small_corpus: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    with monkeypatch.context() as patch:

        def broken(self: KeywordIndex) -> None:
            raise RuntimeError("tantivy fell over")

        patch.setattr(KeywordIndex, "_sync_on_disk", broken)
        report = Assistant(index_dir=tmp_path / "index").ingest([small_corpus])
    assert report.ok and len(report.added) == 3
    assert "was not brought up to date (tantivy fell over)" in caplog.text
    answer = Assistant(index_dir=tmp_path / "index").ask("How many internet domains did the Justice Department seize?")
    assert not answer.refused


def test_an_index_built_with_another_tokenizer_is_built_again(
    tmp_path: Path, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Assistant(index_dir=tmp_path / "index").ingest([small_corpus])
    monkeypatch.setattr(assistant.keyword, "layout", lambda: "another tokenizer")
    reads = ChunkReads(monkeypatch)
    side = Assistant(index_dir=tmp_path / "index").retriever.bm25()
    assert len(reads.articles) == 3 and side.mentions("doppelgang")


def test_an_article_whose_chunks_moved_is_read_again() -> None:
    """Chunk ids hold the paths: the same text refilled from another mount has other chunk ids."""
    record = ArticleRecord(id="a", path="/mnt/a/x.md", file="/mnt/a/x.md", title="T", fingerprint="f")
    moved = record.model_copy(update={"path": "/srv/b/x.md", "file": "/srv/b/x.md"})
    assert article_key(record) != article_key(moved)
    assert article_key(record) == article_key(record.model_copy())


def test_the_keyword_index_knows_which_publications_articles_are_from(tmp_path: Path, small_corpus: Path) -> None:
    """Asked what "a Nusantara Tribune article" said, the answerer must know whether any article is from
    it: a source's words, all in one article's source, and only there (a word of its text is no source)."""
    bot = Assistant(index_dir=tmp_path / "index")
    bot.ingest([small_corpus])
    side = bot.retriever.bm25()
    assert side.from_source("Sample briefing corpus") and side.from_source("Seed Article")
    assert side.mentions("doppelgang") and not side.from_source("Doppelganger")
    assert not side.from_source("Nusantara Tribune") and not side.from_source("Sample Tribune")

    seed = small_corpus / "seed.md"
    seed.write_text(seed.read_text().replace("source: seed article", "source: Nusantara Tribune"))
    bot.ingest([small_corpus])
    side = bot.retriever.bm25()
    assert side.from_source("Nusantara Tribune") and not side.from_source("Seed Article")
