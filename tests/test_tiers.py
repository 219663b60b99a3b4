"""Source tiers: the rules file, front matter's `source_type`, badges on citations and exports, and the
"prefer official sources" preference in ranking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.export import markdown, page
from assistant.tiers import UNRATED, tier_of, tier_rules
from assistant.types import Filters


@pytest.mark.parametrize(
    ("source_type", "url", "tier"),
    [
        ("", "https://www.cisa.gov/news-events/news/joint-statement", "official"),
        ("", "https://www.justice.gov/opa/pr/three-irgc-cyber-actors", "official"),  # ".gov" suffix
        ("", "https://sos.ga.gov/news", "official"),
        ("", "https://blogs.microsoft.com/on-the-issues/2024/08/08/iran", "industry"),
        ("", "https://www.politico.com/news/2024/08/10/trump-campaign-hack", "news"),
        ("", "https://someone.substack.com/p/post", "community"),
        # An archived copy is tiered as the page it archives.
        ("", "https://web.archive.org/web/20210120020420/https://www.cisa.gov/election-security", "official"),
        ("", "https://notgov.example.com/cisa.gov", UNRATED),  # the host decides, not the path
        # Only a known web archive's copy stands for the page it archives, and only from its path.
        ("", "https://evil.example/web/20240101000000/https://www.cisa.gov/x", UNRATED),
        ("", "https://attacker.example/?next=/web/20240101/https://justice.gov", UNRATED),
        ("", "https://archive.ph/20240101/https://www.justice.gov/x", "official"),
        ("", "https://web.archive.org/web/2024/https://www.cisa.gov/news", "official"),  # a partial timestamp
        ("", "https://archive.ph/2024.08.19-120000/https://www.cisa.gov/news", "official"),
        ("", "https://cisa.gov./news", "official"),  # the root's trailing dot
        ("unrated", "https://www.cisa.gov/x", UNRATED),  # said so: no domain rule applies
        ("", "https://evilcisa.gov.example.com/", UNRATED),
        ("", "", UNRATED),
        ("", "not a url at all", UNRATED),
        # Front matter wins over the domain, in any case.
        ("News", "https://www.cisa.gov/x", "news"),
        ("blog", "", "community"),
        ("threat-intelligence", "", "industry"),
        ("something else", "https://www.fbi.gov/", "official"),  # an unknown word: the domain decides
    ],
)
def test_tier_rules(source_type: str, url: str, tier: str) -> None:
    assert tier_of(source_type, url) == tier


def test_rules_rank_the_tiers_strongest_first() -> None:
    rules = tier_rules()
    assert rules.names() == ["official", "industry", "news", "community", UNRATED]
    assert [rules.rank(n) for n in rules.names()] == [0, 1, 2, 3, 4]
    assert rules.label("community") == "Community and blogs"


def _article(folder: Path, name: str, source_type: str, url: str, body: str) -> None:
    lines = ["---", f"title: {name}", "published: 2024-09-20", f"url: {url}"]
    if source_type:
        lines.append(f"source_type: {source_type}")
    (folder / f"{name}.md").write_text("\n".join([*lines, "---", body]) + "\n")


BODY = (
    "The county election board said that 4,200 mail ballots were delayed by a vendor's printing fault in "
    "September. Officials said replacement ballots were sent to every affected voter within a week."
)


def test_tiers_reach_citations_passages_and_exports(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    _article(folder, "board-statement", "official", "https://example.org/board", BODY)
    _article(folder, "local-paper", "", "https://www.apnews.com/article/ballots", BODY.replace("county", "local"))
    bot = Assistant(index_dir=tmp_path / "index")
    assert bot.ingest([folder]).ok
    answer = bot.ask("How many mail ballots were delayed by the printing fault?")
    assert not answer.refused and answer.citations
    tiers = {p.path.rsplit("/", 1)[-1]: p.tier for p in answer.retrieved}
    assert tiers == {"board-statement.md": "official", "local-paper.md": "news"}
    for c in answer.citations:
        assert c.tier == tiers[c.path.rsplit("/", 1)[-1]]
        assert json.loads(answer.model_dump_json())["citations"][0]["tier"] in {"official", "news"}
    label = tier_rules().label(answer.citations[0].tier)
    assert f"[{label}]" in markdown([answer])
    assert f'<span class="tier">{label}</span>' in page([answer])
    records = {r.path.rsplit("/", 1)[-1]: r for r in bot.articles()}
    assert records["board-statement.md"].source_type == "official"
    assert records["board-statement.md"].tier == "official" and records["local-paper.md"].tier == "news"
    # An export carries the source type, so a restored index tiers the article alike.
    out = tmp_path / "backup.jsonl"
    bot.export(out)
    lines = {json.loads(line)["title"]: json.loads(line) for line in out.read_text().splitlines()}
    assert lines["board-statement"]["source_type"] == "official"
    assert "source_type" not in lines["local-paper"]


def test_prefer_official_ranks_an_official_copy_first(tmp_path: Path) -> None:
    """Four sources say the same thing, the official one in a slightly longer notice that ranks it last
    on its own: with the preference set, it leads."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(3):
        _article(folder, f"blog-{n}", "blog", f"https://blog{n}.example.net/post", BODY)
    _article(folder, "official", "", "https://elections.example.gov/notice", BODY + " The board meets in October.")
    bot = Assistant(index_dir=tmp_path / "index")
    assert bot.ingest([folder]).ok
    question = "How many mail ballots were delayed by a vendor's printing fault?"
    preferred = bot.retriever.passages(question, k=4, filters=Filters(prefer_official=True))
    assert preferred[0].tier == "official"
    plain = bot.retriever.passages(question, k=4)
    assert plain[0].tier == "community" and plain[-1].tier == "official"
    assert {p.tier for p in plain} == {"official", "community"}  # the preference reorders, never filters
    assert len(preferred) == len(plain)


def test_a_saved_pages_own_address_earns_no_tier(tmp_path: Path) -> None:
    """Any page can claim to be cisa.gov's in its canonical link: shown, never trusted for a tier."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "blog.html").write_text(
        '<html><head><title>Patriot Truth Blog</title><link rel="canonical" href="https://www.cisa.gov/news/x">'
        "</head><body><article><p>" + BODY + "</p></article></body></html>"
    )
    bot = Assistant(index_dir=tmp_path / "index")
    assert bot.ingest([folder]).ok
    (record,) = bot.articles()
    assert record.url == "https://www.cisa.gov/news/x" and record.tier == UNRATED
