"""Briefings with the LLM backend: the chat model writes the bottom line from the briefing's own dated
lines, and each of its sentences is checked as an answer's are (assistant.llm.Verifier: the sentence
must be supported by the line it cites, and the citation quotes that line's best supporting sentence,
verified at its offsets in the stored article). What fails the check is removed; when nothing
survives, or the model cannot be reached, the extractive bottom line stays and a note says why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from langchain_core.output_parsers import StrOutputParser

from assistant.llm import Verifier, provider_error
from assistant.prompts import BOTTOM_LINE, numbered_passages
from assistant.types import Briefing, Citation, Passage, Statement

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

_CLAIM = re.compile(r"\s*(.*?)\s*\[(\d+)\]", re.S)
_LINES = 12  # dated lines the model reads: the timeline's, then what changed


def _passage(statement: Statement, article_id: str) -> Passage:
    lead = statement.citations[0]
    return Passage(
        chunk_id="",
        article_id=article_id,
        path=lead.path,
        title=lead.title,
        published=statement.date or lead.published,  # the line's own date, for the model to lead with
        url=lead.url,
        tier=lead.tier,
        start=lead.start,
        end=lead.end,
        score=0.0,
        text=lead.quote,
    )


def model_lines(brief: Briefing) -> list[Statement]:
    """What the model reads: the later line of each change first, then the timeline; never a line
    another source contradicts (the model would state one side as fact) nor one a change supersedes."""
    disputed = {(c.path, c.start) for conflict in brief.conflicts for claim in conflict.claims for c in claim.citations}
    superseded = {(c.path, c.start) for change in brief.changed for c in change.supersedes.citations}
    taken: set[tuple[str, int]] = set()
    lines: list[Statement] = []
    for statement in [*brief.changed, *brief.timeline]:
        keys = {(c.path, c.start) for c in statement.citations}
        if keys & (disputed | superseded | taken):
            continue
        taken |= keys
        lines.append(statement)
    return lines[:_LINES]


def written_bottom_line(
    brief: Briefing,
    model: BaseChatModel,
    verifier: Verifier,
    article_ids: dict[str, str],
    article_text: Callable[[str], str | None],
    where: str,
) -> Briefing:
    """The brief with the model's checked bottom line, or as it was with a note saying why not."""
    lines = model_lines(brief)
    if not lines:
        return brief
    passages = [_passage(s, article_ids[s.citations[0].path]) for s in lines]
    try:
        written = (BOTTOM_LINE | model | StrOutputParser()).invoke(
            {"passages": numbered_passages(passages), "about": brief.title.removeprefix("Briefing: ")}
        )
    except Exception as exc:  # any client library's failure costs the model's bottom line, not the brief
        note = f"{provider_error(exc, where)}; the extractive bottom line is shown."
        return brief.model_copy(update={"notes": [*brief.notes, note]})
    draft = verifier(written, passages)
    numbers = {src.path: src.number for group in brief.sources for src in group.sources}
    by_marker = {c.marker: c for c in draft.citations}
    statements: list[Statement] = []
    for claim in _CLAIM.finditer(draft.text):
        citation = by_marker.get(int(claim.group(2)))
        if citation is None:
            continue
        source = next(p for p in passages if p.path == citation.path and p.start <= citation.start < p.end)
        stored = article_text(source.article_id)
        if stored is None or stored[citation.start : citation.end] != citation.quote:
            continue  # the same check as every quote: verbatim at its offsets in the stored article
        line = lines[passages.index(source)]
        checked: Citation = citation.model_copy(
            # The article's own date (the passage carried the line's date for the model to read).
            update={"marker": numbers[citation.path], "verified": True, "published": line.citations[0].published}
        )
        statements.append(
            Statement(
                date=line.date,
                date_label=line.date_label,
                dated_by=line.dated_by,
                text=claim.group(1).strip(),
                citations=(checked,),
            )
        )
    notes = [*brief.notes, *(f"Bottom line: {n}" for n in draft.notes)]
    if not statements:
        notes.append(
            "The language model's bottom line could not be verified against the sources; the extractive one is shown."
        )
        return brief.model_copy(update={"notes": notes})
    written_brief = brief.model_copy(update={"bottom_line": statements, "backend": "llm", "notes": notes})
    # Sources only the replaced bottom line cited are no longer cited.
    cited = {c.marker for s in written_brief.statements() for c in s.citations}
    groups = [
        g.model_copy(update={"sources": tuple(src for src in g.sources if src.number in cited)}) for g in brief.sources
    ]
    return written_brief.model_copy(update={"sources": [g for g in groups if g.sources]})
