"""Briefings (`Assistant.brief`, `briefing brief`): the date window, date order, verified citations,
source tiers, what changed, a planted conflict, the exports and the JSON contract."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.export import brief_markdown, brief_page, escape_markdown
from assistant.text import dates_in
from assistant.tiers import tier_of, tier_rules
from assistant.types import ArticleRecord, Briefing, Statement
from tests.test_cli import run

SINCE = date(2024, 6, 1)


@pytest.fixture(scope="module")
def iran(bot: Assistant) -> Briefing:
    """The brief the issue asks for: topic iran since June 1, 2024, over ../shared/corpus/articles."""
    return bot.brief("iran", since=SINCE)


def _statements(brief: Briefing) -> list[Statement]:
    return brief.statements()


def _records(bot: Assistant) -> dict[str, ArticleRecord]:
    return {r.path: r for r in bot.articles()}


def test_the_timeline_is_in_date_order_inside_the_window(iran: Briefing) -> None:
    assert len(iran.timeline) >= 5
    dates = [s.date for s in iran.timeline]
    assert all(d is not None and d >= SINCE for d in dates)
    assert dates == sorted(dates)  # type: ignore[type-var]
    assert 2 <= len(iran.bottom_line) <= 3
    for s in _statements(iran):  # nothing before the window anywhere (an open question is dated too)
        assert s.date is not None and s.date >= SINCE


def test_every_line_quotes_a_tagged_article_verbatim(bot: Assistant, iran: Briefing) -> None:
    records = _records(bot)
    for s in _statements(iran):
        assert s.citations
        for c in s.citations:
            record = records[c.path]
            assert "iran" in record.topics
            assert c.verified and bot.article_text(record.id)[c.start : c.end] == c.quote  # type: ignore[index]
        assert s.text == s.citations[0].quote
        # It tells of nothing after its article's date (a look back added later would be misdated).
        published = records[s.citations[0].path].published
        assert all(d.value <= published for d in dates_in(s.text, published) if d.precision != "year")  # type: ignore[operator]
    # The line's date is the one it states where it states one ("On Friday, September 27, 2024, …").
    indictment = next(s for s in iran.timeline if "unsealed a criminal indictment" in s.text)
    assert indictment.date == date(2024, 9, 27) and indictment.dated_by == "event"


def test_the_superseded_statement_pair_is_under_what_changed(iran: Briefing) -> None:
    pairs = [(c.supersedes.date, c.date) for c in iran.changed]
    assert (date(2024, 8, 19), date(2024, 9, 18)) in pairs
    change = next(c for c in iran.changed if c.date == date(2024, 9, 18))
    assert "updated their August 19 attribution" in change.text
    assert "August 19" in change.supersedes.date_label
    # Two articles' "no plans for cyberattacks" and "purely defensive" both report Iran's denial: they
    # agree, although only one of them negates.
    assert not iran.conflicts


def test_sources_are_grouped_by_tier_strongest_first(bot: Assistant, iran: Briefing) -> None:
    records = _records(bot)
    rules = tier_rules()
    assert [rules.rank(g.tier) for g in iran.sources] == sorted(rules.rank(g.tier) for g in iran.sources)
    numbers = set()
    for group in iran.sources:
        for source in group.sources:
            record = records[source.path]
            assert source.tier == group.tier == tier_of(record.source_type, record.url)
            numbers.add(source.number)
    cited = {c.marker for s in _statements(iran) for c in s.citations}
    assert cited == numbers  # every marker points at a listed source, every listed source is cited
    assert {g.tier for g in iran.sources} >= {"official", "industry"}


def test_until_closes_the_window(bot: Assistant) -> None:
    until = date(2024, 8, 31)
    brief = bot.brief("iran", since=SINCE, until=until)
    assert brief.timeline
    for s in _statements(brief):
        assert s.date is not None and SINCE <= s.date <= until
    for group in brief.sources:  # an article published after the window is not read at all
        assert all(src.published is not None and src.published <= until for src in group.sources)
    with pytest.raises(Exception, match="after until"):
        bot.brief("iran", since=until, until=SINCE)


def test_progress_is_reported(bot: Assistant) -> None:
    seen: list[tuple[str, int, int]] = []
    bot.brief("russia", progress=lambda what, done, total: seen.append((what, done, total)))
    reading = [(done, total) for what, done, total in seen if what == "Reading the articles"]
    assert reading and reading[-1][0] == reading[-1][1] > 0
    assert all(0 <= done <= total for _, done, total in seen)


def _write(folder: Path, name: str, published: str, source: str, source_type: str, body: str) -> None:
    front = f"---\ntitle: {name}\nsource: {source}\nsource_type: {source_type}\npublished: {published}\n"
    (folder / f"{name}.md").write_text(front + "topics: [ballots]\n---\n" + body + "\n")


def _index(tmp_path: Path, *articles: tuple[str, str, str, str, str]) -> Assistant:
    """An index of articles given as (name, published, source, source_type, body)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for article in articles:
        _write(folder, *article)
    bot = Assistant(index_dir=tmp_path / "index")
    assert bot.ingest([folder]).ok
    return bot


FILLER = (
    "Election officials urged voters to check their registration before the deadline. "
    "The county added drop boxes at four libraries for the general election."
)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """Two sources at odds on one figure on one day, a later revision, and a near copy of it."""
    folder = tmp_path_factory.mktemp("planted")
    _write(
        folder, "office-count", "2024-10-02", "County Elections Office", "official",
        "On October 1, 2024, the county elections office said 1,200 mail ballots were returned as "
        f"undeliverable. {FILLER}",
    )  # fmt: skip
    _write(
        folder, "ledger-count", "2024-10-03", "Daily Ledger", "news",
        "On October 1, 2024, the Daily Ledger reported that 3,400 mail ballots were returned as "
        f"undeliverable. {FILLER}",
    )  # fmt: skip
    revised = (
        "On October 18, 2024, the county elections office revised its count to 1,450 mail ballots "
        "returned as undeliverable."
    )
    _write(folder, "office-revision", "2024-10-20", "County Elections Office", "official", f"{revised} {FILLER}")
    _write(folder, "wire-copy", "2024-10-21", "Wire Service", "news", f"{revised} Voters can check online.")
    bot = Assistant(index_dir=tmp_path_factory.mktemp("planted-index"))
    assert bot.ingest([folder]).ok
    return bot


def test_a_planted_conflict_is_shown_with_every_side_never_resolved(planted: Assistant) -> None:
    """The office said 1,200 and the Ledger 3,400 on one day; the office later said 1,450. The Ledger's
    figure is at odds with both of the office's: one conflict of three claims, none preferred (the
    office's own revision is a change, below)."""
    brief = planted.brief("ballots")
    assert len(brief.conflicts) == 1
    conflict = brief.conflicts[0]
    claims = {c.citations[0].path.rsplit("/", 1)[-1]: c for c in conflict.claims}
    assert set(claims) == {"office-count.md", "ledger-count.md", "office-revision.md"}
    assert "1,200" in claims["office-count.md"].text and "3,400" in claims["ledger-count.md"].text
    assert claims["office-count.md"].citations[0].tier == "official"
    assert claims["ledger-count.md"].citations[0].tier == "news"
    assert claims["office-count.md"].date == claims["ledger-count.md"].date == date(2024, 10, 1)
    assert claims["office-revision.md"].date == date(2024, 10, 18)
    assert "none is preferred" in conflict.text
    assert {c.path for c in conflict.citations} == {c.path for claim in conflict.claims for c in claim.citations}


def test_another_sources_later_figure_is_a_conflict_not_an_update(tmp_path: Path) -> None:
    """A later figure from another source does not supersede an official one: it is shown as a
    conflict, whatever the gap between their dates."""
    bot = _index(
        tmp_path,
        (
            "official",
            "2024-09-09",
            "Election Commission",
            "official",
            f"On September 9, 2024, the commission said 1,200 fake accounts had been removed. {FILLER}",
        ),
        (
            "blog",
            "2024-09-24",
            "A Blog",
            "blog",
            f"On September 24, 2024, a blogger said 45,000 fake accounts had been removed. {FILLER}",
        ),
    )
    brief = bot.brief("ballots")
    assert not [c for c in brief.changed if "45,000" in c.text]
    (conflict,) = brief.conflicts
    assert {c.citations[0].tier for c in conflict.claims} == {"official", "community"}


def test_a_later_figure_supersedes_and_near_copies_are_one_development(planted: Assistant) -> None:
    brief = planted.brief("ballots")
    revisions = [c for c in brief.changed if "1,450" in c.text]
    assert revisions and all(c.date == date(2024, 10, 18) for c in revisions)
    assert {c.supersedes.date for c in revisions} == {date(2024, 10, 1)}
    line = next(s for s in brief.timeline if "1,450" in s.text)
    # The wire service's copy is the same development: one line citing both articles.
    assert {c.path.rsplit("/", 1)[-1] for c in line.citations} == {"office-revision.md", "wire-copy.md"}
    assert sum("1,450" in s.text for s in brief.timeline) == 1


def test_exports_and_the_json_contract(iran: Briefing) -> None:
    text = brief_markdown(iran)
    for heading in ("## Bottom line", "## Key developments", "## What changed", "## Conflicts", "## Open questions"):
        assert heading in text
    assert "### Official" in text and "Later, September 18, 2024" in text
    page = brief_page(iran)
    assert "Content-Security-Policy" in page and "<script" not in page
    assert "<h2>What changed</h2>" in page
    data = json.loads(json.dumps(iran.to_json_dict()))
    assert {"bottom_line", "timeline", "changed", "conflicts", "open_questions", "sources"} <= set(data)
    for section in ("bottom_line", "timeline", "changed", "conflicts", "open_questions"):
        for item in data[section]:
            assert {"date", "text", "citations"} <= set(item)
            for c in item["citations"]:
                assert {"path", "quote", "start", "end", "verified", "published", "url", "tier"} <= set(c)
    assert data["changed"][0]["supersedes"]["date"]
    assert data["sources"][0]["tier"] == "official" and data["sources"][0]["sources"]


def test_article_text_is_escaped_in_exports(planted: Assistant, tmp_path: Path) -> None:
    brief = planted.brief("ballots")
    hostile = brief.model_copy(
        update={
            "timeline": [brief.timeline[0].model_copy(update={"text": "<script>alert(1)</script> [x](javascript:1)"})]
        }
    )
    assert "<script>" not in brief_page(hostile)
    assert "](javascript" not in brief_markdown(hostile)


def test_cli_brief_prints_json_and_writes_html(index_dir: Path, bot: Assistant, tmp_path: Path) -> None:
    result = run("brief", "--topic", "iran", "--since", "2024-06-01", "--format", "json", "--index", str(index_dir))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "Briefing: iran, June 1, 2024 to now"
    assert [s["date"] for s in data["timeline"]] == sorted(s["date"] for s in data["timeline"])
    out = tmp_path / "brief.html"
    result = run(
        "brief",
        "--topic",
        "iran",
        "--since",
        "2024-06-01",
        "--format",
        "html",
        "--out",
        str(out),
        "--index",
        str(index_dir),
    )
    assert result.returncode == 0 and "wrote" in result.stderr
    assert out.read_text().startswith("<!DOCTYPE html>")
    bad = run("brief", "--since", "June", "--index", str(index_dir))
    assert bad.returncode != 0 and "is not a date" in bad.stderr


def test_a_topic_no_article_carries_is_matched_as_words(bot: Assistant) -> None:
    assert bot.brief("Tenet Media").request.topic == "Tenet Media"  # a tag written as words: tenet-media
    assert not bot.brief("Tenet Media").notes
    brief = bot.brief("Mint Sandstorm")
    assert any("No article in scope is tagged" in n for n in brief.notes)
    records = _records(bot)
    cited = {c.path for s in _statements(brief) for c in s.citations}
    assert cited
    for path in cited:  # every article it quotes names Mint Sandstorm
        assert "mint sandstorm" in (bot.article_text(records[path].id) or "").lower()


def test_a_models_bottom_line_keeps_only_checked_sentences(bot: Assistant, iran: Briefing) -> None:
    """The verification of a model's bottom line, on text as a model writes it. (The local model of the
    LLM tests rarely cites its lines, so what it writes usually falls back; this gives written text.)"""
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from assistant.brief_llm import model_lines, written_bottom_line
    from assistant.llm import Verifier
    from assistant.support import SupportCheck

    lines = model_lines(iran)
    indictment = next(n for n, s in enumerate(lines, start=1) if "unsealed a criminal indictment" in s.text)
    written = (
        f"On September 27, 2024, the Justice Department unsealed a criminal indictment against three Iranian "
        f"men over the hack-and-leak operation against Trump's campaign [{indictment}]. "
        f"Russia admitted the operation on October 2 [{indictment}]. "  # not what the line says
        "Iran denies everything."  # cites nothing
    )
    records = {r.path: r.id for r in bot.articles()}
    brief = written_bottom_line(
        iran,
        FakeListChatModel(responses=[written]),
        Verifier(SupportCheck(bot.embeddings)),
        records,
        bot.article_text,
        "a model written here",
    )
    assert brief.backend == "llm"
    (statement,) = brief.bottom_line
    assert statement.text.startswith("On September 27, 2024, the Justice Department unsealed")
    assert statement.date == date(2024, 9, 27)
    (citation,) = statement.citations
    text = bot.article_text(records[citation.path]) or ""
    assert citation.verified and text[citation.start : citation.end] == citation.quote
    assert citation.support is not None and citation.support < 1.0
    assert citation.published == _records(bot)[citation.path].published  # the article's date, not the line's
    assert citation.marker in {src.number for g in iran.sources for src in g.sources}
    assert any("not supported" in n for n in brief.notes) and any("cited no source" in n for n in brief.notes)
    assert f"  > “{escape_markdown(citation.quote)}” [{citation.marker}]" in brief_markdown(brief)
    # Nothing that survives: the extractive bottom line stays, and a note says so.
    kept = written_bottom_line(
        iran, FakeListChatModel(responses=["Iran denies everything."]), Verifier(SupportCheck(bot.embeddings)),
        records, bot.article_text, "a model written here",
    )  # fmt: skip
    assert kept.bottom_line == iran.bottom_line and kept.backend == "extractive"
    assert any("could not be verified" in n for n in kept.notes)


def test_a_label_that_says_not_so_stays_with_its_sentence(tmp_path: Path) -> None:
    """ "Bottom line:" only says what kind of line follows and is left out of the quote; "False claim:"
    says the sentence is not so and stays with it, or a debunked rumour would read as fact."""
    folder = tmp_path / "articles"
    folder.mkdir()
    body = (
        "Bottom line: On October 3, 2024, the county certified its canvass after a full hand count.\n\n"
        "False claim: Voting machines in Maricopa County switched thousands of votes on October 2, 2024.\n\n"
        "Myth: Noncitizens cast 20,000 ballots in the county during the October 2024 count."
    )
    _write(folder, "rumors", "2024-10-05", "County Recorder", "official", body)
    bot = Assistant(index_dir=tmp_path / "index")
    assert bot.ingest([folder]).ok
    brief = bot.brief("ballots")
    shown = {s.text for s in _statements(brief)}
    assert "On October 3, 2024, the county certified its canvass after a full hand count." in shown
    assert not any(t.startswith(("Voting machines", "Noncitizens")) for t in shown)
    rumour = next(s for s in brief.timeline if "switched thousands of votes" in s.text)
    assert rumour.text.startswith("False claim: ")
    assert rumour.date == date(2024, 10, 2)  # "Maricopa" is no March


def test_a_topic_and_a_query_search_inside_the_tagged_articles(bot: Assistant) -> None:
    records = _records(bot)
    tagged = {r.path for r in records.values() if "paper-records" in r.topics}
    brief = bot.brief("paper-records", query="audits of paper ballots after the election")
    assert brief.articles_in_scope >= 1
    assert {c.path for s in _statements(brief) for c in s.citations} <= tagged


def test_one_source_as_a_string_and_datetimes_are_taken_as_meant(bot: Assistant) -> None:
    from datetime import datetime

    brief = bot.brief("iran", sources="Sample briefing corpus", since=datetime(2024, 9, 1, 12, 30))
    assert brief.articles_in_scope > 0 and brief.request.sources == ("Sample briefing corpus",)
    assert brief.request.since == date(2024, 9, 1)


def test_a_pdf_lines_citation_names_its_page(tmp_path: Path) -> None:
    from tests.pdfs import write_text_pdf

    folder = tmp_path / "pdfs"
    folder.mkdir()
    write_text_pdf(
        folder / "report.pdf",
        [
            "The county clerk published the annual election security report for all staff members.",
            "On March 4, 2024, officials said 41 phishing emails reached poll workers before the primary.",
        ],
        title="Election security report",
    )
    bot = Assistant(index_dir=tmp_path / "index")
    assert bot.ingest([folder]).ok
    brief = bot.brief("phishing emails")
    line = next(s for s in brief.timeline if "41 phishing emails" in s.text)
    assert line.date == date(2024, 3, 4) and line.citations[0].page == 2


def test_the_model_never_reads_a_disputed_or_superseded_line(planted: Assistant) -> None:
    from assistant.brief_llm import model_lines

    brief = planted.brief("ballots")
    read = {c.quote for s in model_lines(brief) for c in s.citations}
    assert read and not any(("1,200" in q or "3,400" in q) for q in read)  # both are disputed


def test_a_stated_update_from_another_source_is_a_change(tmp_path: Path) -> None:
    bot = _index(
        tmp_path,
        (
            "cisa",
            "2024-08-19",
            "CISA",
            "official",
            f"On August 19, 2024, CISA said 12 fake election websites had been taken down. {FILLER}",
        ),
        (
            "wire",
            "2024-09-18",
            "AP",
            "news",
            "On September 18, 2024, CISA updated its August 19 count: 20 fake election websites had been "
            f"taken down. {FILLER}",
        ),
    )
    brief = bot.brief("ballots")
    assert not brief.conflicts
    (change,) = [c for c in brief.changed if "20 fake" in c.text]
    assert change.supersedes.date == date(2024, 8, 19) and "12 fake" in change.supersedes.text


def test_a_topic_word_only_in_a_title_finds_the_article(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "robocall.md").write_text(
        "---\ntitle: Deepfake robocall reached voters\npublished: 2024-02-06\n---\n"
        "On January 21, 2024, an AI-generated voice told New Hampshire voters to skip the primary election.\n"
    )
    bot = Assistant(index_dir=tmp_path / "index")
    assert bot.ingest([folder]).ok
    brief = bot.brief("deepfake")
    assert brief.articles_in_scope == 1 and brief.timeline


def test_a_claim_another_source_gainsays_is_a_conflict(tmp_path: Path) -> None:
    bot = _index(
        tmp_path,
        (
            "county",
            "2024-10-08",
            "County IT Office",
            "official",
            f"On October 7, 2024, officials said the county's voter registration database was not breached. {FILLER}",
        ),
        (
            "blog",
            "2024-10-09",
            "Election Watch Blog",
            "blog",
            f"On October 7, 2024, hackers breached the county's voter registration database, the blog said. {FILLER}",
        ),
    )
    (conflict,) = bot.brief("ballots").conflicts
    texts = sorted(c.text for c in conflict.claims)
    assert "not breached" in texts[1] and "hackers breached" in texts[0]
    assert {c.citations[0].tier for c in conflict.claims} == {"official", "community"}
