"""Exports staff paste into memos: Markdown and a self-contained HTML page, safe whatever the sources say."""

from __future__ import annotations

import re
from datetime import date

from assistant import Answer, Assistant
from assistant.export import markdown, page, safe_url, sources, text_by_source
from assistant.types import Citation


def _citation(marker: int, path: str, quote: str, url: str = "", start: int = 0) -> Citation:
    return Citation(
        marker=marker,
        path=path,
        title=f"Title of {path}",
        published=date(2024, 9, 27),
        url=url,
        chunk_id=f"{path}:0",
        start=start,
        end=start + len(quote),
        quote=quote,
        verified=True,
    )


def _answer(*citations: Citation, text: str = "") -> Answer:
    text = text or " ".join(f"{c.quote} [{c.marker}]" for c in citations)
    return Answer(
        question="Who was charged?",
        text=text,
        refused=False,
        citations=list(citations),
        retrieved=[],
        backend="extractive",
    )


def test_several_quotes_of_one_article_are_one_numbered_source() -> None:
    answer = _answer(
        _citation(1, "a.md", "First."), _citation(2, "b.md", "Second."), _citation(3, "a.md", "Third.", start=40)
    )
    found = sources(answer)
    assert [(s.number, s.path, len(s.citations)) for s in found] == [(1, "a.md", 2), (2, "b.md", 1)]
    assert text_by_source(answer) == "First. [1] Second. [2] Third. [1]"


def test_markdown_export_has_sources_quotes_dates_and_links(bot: Assistant) -> None:
    answer = bot.ask("Which Russian companies ran the Doppelganger campaign?")
    text = markdown([answer])
    assert text.startswith("# Which Russian companies ran the Doppelganger campaign?")
    for s in sources(answer):
        assert f"{s.number}. **" in text
        assert f"{s.published:%B} {s.published.day}, {s.published.year}" in text if s.published else True
    for c in answer.citations:
        assert f"characters {c.start}–{c.end}" in text
    assert "verified" in text and "NOT verified" not in text


def test_hostile_text_is_inert_in_both_exports() -> None:
    hostile = _answer(
        _citation(
            1,
            "x.md",
            "<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)>",
            url="javascript:alert(4)",
        ),
        _citation(2, "y.md", "Plain.", url="https://example.org/a?b=1&c=2"),
    )
    html = page([hostile])
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "javascript:" not in re.sub(r"&[a-z]+;|&#\d+;", "", " ".join(re.findall(r'href="([^"]*)"', html)))
    assert re.findall(r'href="([^"]*)"', html) == ["https://example.org/a?b=1&amp;c=2"]  # only the article's own url
    assert "script-src" not in html and "default-src 'none'" in html  # no script may run in the page at all
    md = markdown([hostile])
    assert re.search(r"(?<!\\)<(script|img)", md) is None  # tags only as escaped text
    assert re.search(r"(?<!\\)\]\((?!https)", md) is None  # no Markdown link but the article's own
    assert "<https://example.org/a?b=1&c=2>" in md


def test_only_plain_web_addresses_are_links() -> None:
    assert safe_url("https://www.cisa.gov/news") == "https://www.cisa.gov/news"
    for bad in ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", 'https://x.org/"onmouseover=1', ""]:
        assert safe_url(bad) is None


def test_a_conversation_exports_every_turn_in_order(bot: Assistant) -> None:
    first = bot.ask("Who was behind the New Hampshire Biden robocalls?")
    second = bot.ask(
        "What penalty did the FCC impose on him?", history=[("user", first.question), ("assistant", first.text)]
    )
    html = page([first, second], title="Robocalls")
    assert html.index(first.question) < html.index("What penalty did the FCC")
    assert "Searched as:" in html  # the follow-up shows how it was searched
    assert html.count('<ol class="sources">') == sum(1 for a in (first, second) if a.citations)
