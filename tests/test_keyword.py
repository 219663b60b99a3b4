"""The keyword (BM25) index on disk: opened as it is when nothing changed, brought up to date article by
article when something did (here or in another process), rebuilt when it cannot be trusted, and kept in
memory where it cannot be written. Real Chroma, real tantivy, the real embedding model."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.keyword import KeywordIndex
from assistant.store import Store


@pytest.fixture()
def small_corpus(tmp_path: Path, corpus: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ["seed.md", "doppelganger-domain-seizures.md", "rt-tenet-media-indictment.md"]:
        shutil.copy(corpus / name, folder / name)
    return folder


class ChunkReads:
    """Which articles' chunks a keyword sync reads from the store."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.articles: list[str] = []
        original = Store.chunks_of

        def spy(store: Store, article_ids: Sequence[str], *, all_articles: bool = False) -> list[tuple[str, str, str]]:
            self.articles.extend(article_ids)
            return original(store, article_ids, all_articles=all_articles)

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


def test_a_damaged_or_foreign_keyword_folder_is_built_again(tmp_path: Path, small_corpus: Path) -> None:
    bot = Assistant(index_dir=tmp_path / "index")
    bot.ingest([small_corpus])
    folder = bot.settings.keyword_dir()
    expected = _ids(bot.retriever.bm25(), "Doppelganger domains seized")

    (folder / "state.json").write_text("{not json")
    assert _ids(KeywordIndex(bot.store()).current(), "Doppelganger domains seized") == expected

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
