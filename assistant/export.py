"""Answers as staff pass them on: grouped sources, Markdown, and a self-contained HTML page.

Article and model text is data: in Markdown every character that could make a link, an image or
markup is escaped; in HTML everything is escaped and the page forbids scripts outright (its
Content-Security-Policy). The one active link is an article's own http(s) `url`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime

from pydantic import BaseModel, ConfigDict

from assistant.citations import MARKER
from assistant.text import long_date
from assistant.tiers import UNRATED, tier_rules
from assistant.types import Answer, Briefing, Change, Citation, Conflict, Statement

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|$<>~])")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


def escape_markdown(text: str) -> str:
    """Show text literally: Markdown, LaTeX ($...$) and HTML characters are escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def safe_url(url: str) -> str | None:
    """The url if it is a plain http(s) address (never javascript:, data: and the like)."""
    url = url.strip()
    return url if _SAFE_URL.match(url) else None


class Source(BaseModel):
    """One cited article of an answer, numbered as the reader sees it, with every sentence quoted from it."""

    model_config = ConfigDict(frozen=True)

    number: int
    path: str
    title: str
    published: date | None = None
    url: str = ""
    tier: str = "unrated"  # assistant/tiers.py
    citations: tuple[Citation, ...]

    @property
    def tier_label(self) -> str:
        """The badge shown beside the source ("" when unrated)."""
        return "" if self.tier == UNRATED else tier_rules().label(self.tier)


def sources(answer: Answer) -> list[Source]:
    """The articles an answer quotes, each once, numbered in the order the answer first cites them."""
    grouped: dict[str, list[Citation]] = {}
    for c in sorted(answer.citations, key=lambda c: c.marker):
        grouped.setdefault(c.path, []).append(c)
    return [
        Source(
            number=n,
            path=quoted[0].path,
            title=quoted[0].title,
            published=quoted[0].published,
            url=quoted[0].url,
            tier=quoted[0].tier,
            citations=tuple(quoted),
        )
        for n, quoted in enumerate(grouped.values(), start=1)
    ]


def text_by_source(answer: Answer) -> str:
    """The answer text with each citation marker replaced by its source's number, so several quotes
    of one article read as one source."""
    number = {c.marker: s.number for s in sources(answer) for c in s.citations}

    def renumber(match: re.Match[str]) -> str:
        marker = int(match.group(1))
        return match.group(0).replace(f"[{marker}]", f"[{number.get(marker, marker)}]")

    return MARKER.sub(renumber, answer.text)


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


ABOUT = "Answers come only from the indexed articles; every quote was verified at its offsets in the stored article."


def markdown(answers: Sequence[Answer], title: str | None = None) -> str:
    """One answer or a whole conversation as Markdown, ready to paste into a memo."""
    title = title or (answers[0].question if answers else "Briefing")
    lines = [f"# {escape_markdown(title)}", "", f"_Exported {_stamp()}. {ABOUT}_", ""]
    for answer in answers:
        lines += [f"## {escape_markdown(answer.question)}", ""]
        if answer.standalone_question:
            lines += [f"_Searched as: {escape_markdown(answer.standalone_question)}_", ""]
        lines += [escape_markdown(text_by_source(answer)), ""]
        found = sources(answer)
        if found:
            lines += ["**Sources**", ""]
        for s in found:
            link = safe_url(s.url)
            where = f" <{link}>" if link else f" ({escape_markdown(s.path)})"
            badge = f" [{s.tier_label}]" if s.tier_label else ""
            lines.append(f"{s.number}. **{escape_markdown(s.title)}**{badge}, {long_date(s.published)}.{where}")
            for c in s.citations:
                check = "verified" if c.verified else "NOT verified"
                lines.append(f"   > “{escape_markdown(c.quote)}” ({check}, characters {c.start}–{c.end})")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


_STYLE = """
body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}.meta{color:#555;font-size:.9rem}
ol.sources{padding-left:1.5rem}blockquote{margin:.3rem 0 .6rem 0;padding-left:.8rem;border-left:3px solid #c9a227}
.check{color:#555;font-size:.85rem}.refused{color:#7a4b00}
.tier{font-size:.75rem;border:1px solid #999;border-radius:.6rem;padding:0 .4rem;margin-left:.3rem;color:#333}
"""


def page(answers: Sequence[Answer], title: str | None = None) -> str:
    """One answer or a whole conversation as a self-contained HTML page (no scripts, no remote files)."""
    esc = html.escape
    title = title or (answers[0].question if answers else "Briefing")
    body = [f"<h1>{esc(title)}</h1>", f'<p class="meta">Exported {_stamp()}. {esc(ABOUT)}</p>']
    for answer in answers:
        body.append(f"<h2>{esc(answer.question)}</h2>")
        if answer.standalone_question:
            body.append(f'<p class="meta">Searched as: {esc(answer.standalone_question)}</p>')
        css = ' class="refused"' if answer.refused else ""
        for paragraph in text_by_source(answer).split("\n\n"):
            body.append(f"<p{css}>{esc(paragraph).replace(chr(10), '<br>')}</p>")
        found = sources(answer)
        if found:
            body.append('<p><strong>Sources</strong></p><ol class="sources">')
        for s in found:
            link = safe_url(s.url)
            head = f'<a href="{esc(link)}" rel="noopener noreferrer">{esc(s.title)}</a>' if link else esc(s.title)
            badge = f' <span class="tier">{esc(s.tier_label)}</span>' if s.tier_label else ""
            where = f'<span class="check">{esc(s.path)}</span>'
            item = [f'<li value="{s.number}">{head}{badge}, {long_date(s.published)} {where}']
            for c in s.citations:
                check = "verified" if c.verified else "NOT verified"
                item.append(
                    f"<blockquote>“{esc(c.quote)}”</blockquote>"
                    f'<span class="check">{check}, characters {c.start}–{c.end}</span>'
                )
            body.append("".join(item) + "</li>")
        if found:
            body.append("</ol>")
    return _html_page(title, body)


def _html_page(title: str, body: list[str]) -> str:
    esc = html.escape
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        # No script of any origin runs in this page, whatever an article or a model wrote.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{esc(title)}</title><style>{_STYLE}</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


# --- briefings ------------------------------------------------------------------------------------
BRIEF_ABOUT = (
    "Every line quotes an indexed article verbatim; every quote was verified at its offsets in the stored "
    "article. Dates are the event's where the sentence states one, else the article's."
)
_SECTIONS = ("Bottom line", "Key developments", "What changed", "Conflicts", "Open questions")


def _markers(statement: Statement) -> str:
    return " " + "".join(f"[{n}]" for n in sorted({c.marker for c in statement.citations}))


def _paraphrased(statement: Statement) -> list[Citation]:
    """A model's sentence (the llm backend's bottom line) shows the quotes it was checked against."""
    return [] if statement.citations and statement.text == statement.citations[0].quote else list(statement.citations)


def _brief_sections(brief: Briefing) -> list[tuple[str, list[Statement]]]:
    return list(
        zip(
            _SECTIONS,
            [brief.bottom_line, brief.timeline, list(brief.changed), list(brief.conflicts), brief.open_questions],
            strict=True,
        )
    )


def brief_markdown(brief: Briefing) -> str:
    """A briefing as Markdown, ready to paste into a memo."""
    esc = escape_markdown
    lines = [
        f"# {esc(brief.title)}",
        "",
        f"_Generated {_stamp()} from {brief.articles_in_scope} article(s) in scope. {BRIEF_ABOUT}_",
        "",
    ]
    for note in brief.notes:
        lines += [f"_Note: {esc(note)}_", ""]
    for name, statements in _brief_sections(brief):
        lines += [f"## {name}", ""]
        if not statements:
            lines += ["_None found in the sources._", ""]
            continue
        for s in statements:
            if isinstance(s, Change):
                old = s.supersedes
                lines.append(f"- **Earlier, {esc(old.date_label)}:** {esc(old.text)}{_markers(old)}")
                lines.append(f"  **Later, {esc(s.date_label)}:** {esc(s.text)}{_markers(s)}")
            elif isinstance(s, Conflict):
                lines.append(f"- {esc(s.text)}")
                for claim in s.claims:
                    tiers = ", ".join(dict.fromkeys(tier_rules().label(c.tier) for c in claim.citations))
                    lines.append(f"  - **{esc(claim.date_label)}** ({esc(tiers)}): {esc(claim.text)}{_markers(claim)}")
            elif name == "Open questions":
                lines.append(f"- **As of {esc(s.date_label)}:** {esc(s.text)}{_markers(s)}")
            else:
                lines.append(f"- **{esc(s.date_label)}:** {esc(s.text)}{_markers(s)}")
                lines += [f"  > “{esc(c.quote)}” [{c.marker}]" for c in _paraphrased(s)]
        lines.append("")
    lines += ["## Sources", ""]
    for group in brief.sources:
        lines += [f"### {esc(group.label)}", ""]
        for src in group.sources:
            link = safe_url(src.url)
            where = f" <{link}>" if link else f" ({esc(src.path)})"
            lines.append(f"{src.number}. **{esc(src.title)}**, {long_date(src.published)}.{where}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def brief_page(brief: Briefing) -> str:
    """A briefing as a self-contained HTML page (no scripts, no remote files)."""
    esc = html.escape

    def line(s: Statement) -> str:
        return f"{esc(s.text)}{esc(_markers(s))}"

    body = [
        f"<h1>{esc(brief.title)}</h1>",
        f'<p class="meta">Generated {_stamp()} from {brief.articles_in_scope} article(s) in scope. '
        f"{esc(BRIEF_ABOUT)}</p>",
    ]
    body += [f'<p class="meta">Note: {esc(note)}</p>' for note in brief.notes]
    for name, statements in _brief_sections(brief):
        body.append(f"<h2>{esc(name)}</h2>")
        if not statements:
            body.append('<p class="meta">None found in the sources.</p>')
            continue
        body.append("<ul>")
        for s in statements:
            if isinstance(s, Change):
                old = s.supersedes
                body.append(
                    f"<li><strong>Earlier, {esc(old.date_label)}:</strong> {line(old)}<br>"
                    f"<strong>Later, {esc(s.date_label)}:</strong> {line(s)}</li>"
                )
            elif isinstance(s, Conflict):
                claims = "".join(
                    f"<li><strong>{esc(c.date_label)}</strong> "
                    + "".join(
                        f'<span class="tier">{esc(tier_rules().label(t))}</span>'
                        for t in dict.fromkeys(x.tier for x in c.citations)
                    )
                    + f" {line(c)}</li>"
                    for c in s.claims
                )
                body.append(f"<li>{esc(s.text)}<ul>{claims}</ul></li>")
            elif name == "Open questions":
                body.append(f"<li><strong>As of {esc(s.date_label)}:</strong> {line(s)}</li>")
            else:
                quotes = "".join(f"<blockquote>“{esc(c.quote)}” [{c.marker}]</blockquote>" for c in _paraphrased(s))
                body.append(f"<li><strong>{esc(s.date_label)}:</strong> {line(s)}{quotes}</li>")
        body.append("</ul>")
    body.append("<h2>Sources</h2>")
    for group in brief.sources:
        body.append(f'<h3>{esc(group.label)}</h3><ol class="sources">')
        for src in group.sources:
            link = safe_url(src.url)
            head = f'<a href="{esc(link)}" rel="noopener noreferrer">{esc(src.title)}</a>' if link else esc(src.title)
            where = f'<span class="check">{esc(src.path)}</span>'
            body.append(f'<li value="{src.number}">{head}, {long_date(src.published)} {where}</li>')
        body.append("</ol>")
    return _html_page(brief.title, body)
