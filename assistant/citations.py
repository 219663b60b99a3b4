"""Citation verification: a quote must stand verbatim at its offsets in the stored article text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.types import Citation, DeclineReason, Draft

MARKER = re.compile(r"\s*\[(\d+)\]")  # an answer's citation marker
WITHHELD = "No passage this answer quoted could be verified against the stored sources, so it is withheld."


@dataclass(frozen=True)
class Verified:
    text: str
    citations: list[Citation]
    notes: list[str]
    refused: bool
    dropped: int = 0
    declined_because: DeclineReason | None = None


def _without_claims(text: str, dropped: set[int]) -> str:
    """The text minus each sentence whose marker was dropped (the words before it, back to the
    previous marker): an unverifiable claim is not shown as if it were sourced."""
    kept: list[str] = []
    cursor = 0
    for match in MARKER.finditer(text):
        segment = text[cursor : match.end()]
        if int(match.group(1)) not in dropped:
            kept.append(segment)
        cursor = match.end()
    kept.append(text[cursor:])
    return "".join(kept).strip()


def verify(draft: Draft, article_text: Callable[[str], str | None], chunk_article: dict[str, str]) -> Verified:
    """Check every citation of a draft against the stored article text.

    A citation whose quote is not found verbatim at its offsets is dropped, with the sentence it
    supported, and a note says so. When nothing verifiable is left, the answer is withheld.
    """
    kept: list[Citation] = []
    dropped: list[int] = []
    for citation in draft.citations:
        article_id = chunk_article.get(citation.chunk_id)
        text = article_text(article_id) if article_id else None
        if text is not None and citation.quote and text[citation.start : citation.end] == citation.quote:
            kept.append(citation.model_copy(update={"verified": True}))
        else:
            dropped.append(citation.marker)
    if not dropped:
        return Verified(draft.text, kept, [], draft.refused, declined_because=draft.declined_because)
    note = (
        f"{len(dropped)} citation(s) could not be verified against the stored source text and were removed "
        f"with the sentences they supported: [{'], ['.join(str(m) for m in dropped)}]."
    )
    if not kept:
        return Verified(f"{WITHHELD}\n\n(Note: {note})", [], [note], True, len(dropped), DeclineReason.UNVERIFIED)
    text = f"{_without_claims(draft.text, set(dropped))}\n\n(Note: {note})"
    return Verified(text, kept, [note], draft.refused, len(dropped), draft.declined_because)
