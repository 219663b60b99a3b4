"""Every loader on real files, and every kind of bad input named with its file and reason."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ingest.loaders import discover, load_file
from tests.pdfs import write_blank_pdf, write_encrypted_pdf, write_text_pdf


def _one(path: Path):  # type: ignore[no-untyped-def]
    result = load_file(path)
    assert not result.failures, result.failures
    assert len(result.articles) == 1
    return result.articles[0]


def _failure(path: Path) -> str:
    result = load_file(path)
    assert not result.articles
    assert len(result.failures) == 1
    failure = result.failures[0]
    assert str(path.resolve()) in failure.path
    return failure.reason


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: A note\nsource: Agency\nurl: https://example.org/a\npublished: 2024-08-19\n"
        "topics: [Iran, hack-and-leak]\n---\n# Heading\n\nThe **FBI** said [this](https://x.y) plainly.\n"
    )
    article = _one(path)
    assert article.title == "A note"
    assert article.source == "Agency"
    assert article.url == "https://example.org/a"
    assert article.published == date(2024, 8, 19)
    assert article.topics == ("iran", "hack-and-leak")
    assert article.text == "Heading\n\nThe FBI said this plainly."
    assert article.content_hash and article.id


def test_markdown_title_falls_back_to_heading_then_file_name(tmp_path: Path) -> None:
    (tmp_path / "with-heading.md").write_text("# Polling place threats\n\nText body here.")
    (tmp_path / "no_heading_here.md").write_text("Just a body of text.")
    assert _one(tmp_path / "with-heading.md").title == "Polling place threats"
    assert _one(tmp_path / "no_heading_here.md").title == "No heading here"


def test_markdown_references_supply_the_url(corpus: Path) -> None:
    article = _one(corpus / "odni-update-july-2024.md")
    assert article.url.startswith("https://")
    assert article.published == date(2024, 7, 29)


def test_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "memo.txt"
    path.write_text("Memo on DDoS\nAttacks slow websites but do not change votes.\n")
    article = _one(path)
    assert article.title == "Memo on DDoS"
    assert "do not change votes" in article.text


@pytest.mark.parametrize(
    ("opening", "published", "source", "url"),
    [
        (
            "Date: 2026-10-12\nSource: Western Courier\nURL: https://example.com/a\n\nThe portal went down.",
            date(2026, 10, 12),
            "Western Courier",
            "https://example.com/a",
        ),
        (
            "Published 3 July 2026 by the Election Cyber Coordination Centre (ECCC), Latvia.\n\n37 members got emails.",
            date(2026, 7, 3),
            "Election Cyber Coordination Centre (ECCC)",
            "",
        ),
        (
            "Compiled by the Harbour Street Desk. Last updated 20 November 2026.\n\nThe timeline lists events.",
            date(2026, 11, 20),
            "Harbour Street Desk",
            "",
        ),
        ("ABUJA, 10 November 2026 — The hotline received 3,400 calls.", date(2026, 11, 10), "", ""),
        (
            "Times are local; the last entry is dated 20 August 2026.\n\n- 2026-06-02: a file opens.",
            date(2026, 8, 20),
            "",
            "",
        ),
        ("Posted on March 5, 2026\n\nThe county said the site was down.", date(2026, 3, 5), "", ""),
        # A press release's or a transcript's masthead: who issues it, where and when.
        (
            "Electoral Operations Service — Press Office\nVilnius, 30 June 2026\nFor immediate release\n\n"
            "The panel found that the site was down for 2 hours.",
            date(2026, 6, 30),
            "Electoral Operations Service",
            "",
        ),
        (
            "National Election Security Office (NESO) — Press Briefing Room\nDate: 15 October 2026\n"
            "Speakers: Baek Ji-hoon, Director-General\n\nMODERATOR: Questions, please.",
            date(2026, 10, 15),
            "National Election Security Office (NESO)",
            "",
        ),
        ("The county — press officers said — reopened the portal on 3 July 2026.", None, "", ""),
        # A story's first sentence is no publication note, and a date that cannot be read costs the
        # date, not the article.
        ("Emails posted by Guccifer Two on 3 July 2026 were fake.\n\nMore follows.", None, "", ""),
        ("Ballots were posted on 3 July 2026 to overseas voters.\n\nMore follows.", None, "", ""),
        ("Date: sometime next week\n\nThe hearing is pending.", None, "", ""),
        ("The board met.\n\nMore text.\nDate: 2026-01-01", None, "", ""),
    ],
)
def test_plain_text_says_when_and_by_whom_in_its_opening_lines(
    tmp_path: Path, opening: str, published: date | None, source: str, url: str
) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(f"Notice on the by-election\n{opening}\n")
    article = _one(path)
    assert (article.title, article.published, article.source, article.url) == (
        "Notice on the by-election",
        published,
        source,
        url,
    )
    assert opening.splitlines()[0] in article.text  # the text is the file's, header lines included


def test_a_plain_text_title_given_as_a_header_line_is_read_without_its_label(tmp_path: Path) -> None:
    path = tmp_path / "verdict.txt"
    path.write_text("Title: Court convicts IT contractor\nDate: 2025-12-03\nSource: Island Affairs Weekly\n\nText.\n")
    article = _one(path)
    assert (article.title, article.published, article.source) == (
        "Court convicts IT contractor",
        date(2025, 12, 3),
        "Island Affairs Weekly",
    )
    assert article.text.startswith("Title: Court convicts")  # the text is still the file's


def test_html_main_text_without_scripts_or_styles(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>CISA advisory</title><style>p{color:red}</style>"
        "<script>var secret = 'do-not-index';</script></head><body><nav>Home | About</nav>"
        "<article><h1>CISA advisory</h1><p>Election offices should turn on multi-factor authentication "
        "for every account that touches voter registration.</p><p>Phishing remains the most common way in "
        "for attackers targeting election staff, according to the advisory.</p></article></body></html>"
    )
    article = _one(path)
    assert article.title == "CISA advisory"
    assert "multi-factor authentication" in article.text
    assert "do-not-index" not in article.text and "color:red" not in article.text


@pytest.mark.parametrize(
    ("head", "source"),
    [
        ('<meta name="source" content="Windhoek Sentinel">', "Windhoek Sentinel"),
        (
            '<meta name="DC.publisher" content="Electoral Systems Protection Bureau">',
            "Electoral Systems Protection Bureau",
        ),
        # A tag only the page's head names (trafilatura reads no citation_publisher as the site).
        (
            '<meta name="citation_publisher" content="Electoral Systems Protection Bureau">',
            "Electoral Systems Protection Bureau",
        ),
        # The site's own name, where the page gives one, comes first.
        (
            '<meta property="og:site_name" content="Western Courier"><meta name="source" content="wire">',
            "Western Courier",
        ),
        ('<meta name="author" content="A Staff Reporter">', ""),
    ],
)
def test_html_publisher_from_the_pages_head(tmp_path: Path, head: str, source: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><head><title>Ballot proofs locked</title>{head}</head><body><article><h1>Ballot proofs locked"
        "</h1><p>Ransomware locked the proof files of the ballot printer three weeks before the vote, the "
        "electoral commission said on Friday.</p></article></body></html>"
    )
    assert _one(path).source == source


def test_jsonl_articles_and_a_line_without_text(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    rows = [
        {
            "id": "a1",
            "title": "First",
            "text": "Russia ran Doppelganger.",
            "published": "2024-09-04",
            "topics": ["russia"],
        },
        {"id": "a2", "text": "Iran hacked a campaign."},
        {"id": "a3", "title": "No text here"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    result = load_file(path)
    assert [a.title for a in result.articles] == ["First", "feed #a2"]
    assert result.articles[0].path.endswith("feed.jsonl#a1")
    assert result.articles[0].published == date(2024, 9, 4)
    reasons = {f.path.rsplit(":", 1)[1]: f.reason for f in result.failures}
    assert reasons == {"3": "missing required field 'text'", "4": "invalid JSON: Expecting value"}


def test_pdf_text_and_pages(tmp_path: Path) -> None:
    path = write_text_pdf(
        tmp_path / "report.pdf", ["Page one is about ransomware.", "Page two is about DDoS."], "Report"
    )
    article = _one(path)
    assert article.title == "Report"
    assert article.page_at(article.text.index("DDoS")) == 2
    assert article.page_at(0) == 1


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("binary.txt", b"\x00\x01\x02binary", "binary file"),
        ("empty.md", b"   \n", "empty"),
        ("latin1.txt", "caf\xe9".encode("latin-1"), "not valid UTF-8"),
        ("bad-yaml.md", b"---\ntitle: [unclosed\n---\nbody text", "malformed front matter"),
        ("bad-date.md", b"---\npublished: 2024-13-45\n---\nbody text", "invalid date in front matter"),
        ("word-date.md", b"---\npublished: yesterday\n---\nbody text", "invalid published date 'yesterday'"),
        ("list-title.md", b"---\ntitle: [a, b]\n---\nbody text", "must be text"),
        ("only-blank.jsonl", b"\n\n", "empty"),
    ],
)
def test_bad_text_inputs_name_the_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert reason in _failure(path)


def test_encrypted_and_textless_pdfs(tmp_path: Path) -> None:
    plain = write_text_pdf(tmp_path / "plain.pdf", ["secret text"])
    assert "encrypted PDF" in _failure(write_encrypted_pdf(tmp_path / "locked.pdf", plain))
    assert "no text layer" in _failure(write_blank_pdf(tmp_path / "scan.pdf"))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a pdf")
    assert "PDF" in _failure(broken)


def test_discover_walks_folders_and_reports_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("text")
    (tmp_path / "b.txt").write_text("text")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.md").write_text("text")
    files, failures = discover([tmp_path, tmp_path / "missing.md", tmp_path / "image.png"])
    assert sorted(p.name for p in files) == ["a.md", "b.txt"]
    assert {Path(f.path).name: f.reason.split(" ")[0] for f in failures} == {
        "missing.md": "no",
        "image.png": "unsupported",
    }
