"""Citation verification: a quote must stand verbatim at its offsets in the stored article text."""

from __future__ import annotations

from collections.abc import Callable

from assistant.extractive import Draft
from assistant.types import Citation


def verify(
    draft: Draft, article_text: Callable[[str], str | None], chunk_article: dict[str, str]
) -> tuple[str, list[Citation], list[str]]:
    """Check every citation of a draft against the stored article text.

    Returns the answer text, the citations (each with `verified` set; failures dropped) and notes for
    the reader. A dropped citation's marker is removed from the text and the answer says so.
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
    answer = draft.text
    notes: list[str] = []
    if dropped:
        for marker in dropped:
            answer = answer.replace(f" [{marker}]", "").replace(f"[{marker}]", "")
        notes.append(
            f"{len(dropped)} citation(s) could not be verified against the stored source text and were "
            f"removed: [{'], ['.join(str(m) for m in dropped)}]."
        )
        answer = f"{answer}\n\n(Note: {notes[-1]})"
    return answer, kept, notes
