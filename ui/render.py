"""How answers and their sources look in the chat. Source text is always escaped, never raw HTML."""

from __future__ import annotations

import re

import streamlit as st

from assistant.types import Answer, Citation

VERIFIED = "Verified: the quote stands at these offsets in the stored article."
NOT_VERIFIED = "NOT verified against the stored article."
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|$<>~])")


def escape(text: str) -> str:
    """Show text literally: Markdown, LaTeX ($...$) and HTML characters are escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def sources(answer: Answer) -> None:
    """The articles an answer quotes, each once; each opens to its quoted passages and where they stand."""
    if not answer.citations:
        return
    st.caption("Sources")
    by_article: dict[str, list[Citation]] = {}
    for c in answer.citations:
        by_article.setdefault(c.path, []).append(c)
    for quoted in by_article.values():
        first = quoted[0]
        markers = " ".join(f"[{c.marker}]" for c in quoted)
        when = f" · {first.published:%B %-d, %Y}" if first.published else ""
        with st.expander(f"{markers} {first.title}{when}"):
            for c in quoted:
                st.markdown(f"> {escape(c.quote)}")
                where = f"[{c.marker}] characters {c.start}–{c.end}" + (f", page {c.page}" if c.page else "")
                st.caption(f"{escape(c.path)} · {where}")
                st.caption(VERIFIED if c.verified else NOT_VERIFIED)
            planted = {
                text: reason
                for p in answer.retrieved
                if p.path == first.path
                for text, reason in p.flagged_texts()
            }
            for text, reason in planted.items():  # planted text is shown for what it is, never as a source
                st.warning(f"Flagged at ingest, never quoted ({reason}): {escape(text)}")
            if first.url:
                st.markdown(f"[Open the original]({first.url})")


def answer(answer: Answer) -> None:
    if answer.standalone_question:  # a follow-up: what was searched, so the reader can tell
        st.caption(f"Searched as: {escape(answer.standalone_question)}")
    st.markdown(escape(answer.text))
    sources(answer)
