"""How answers and their sources look in the chat. Source text is always escaped, never raw HTML."""

from __future__ import annotations

import re

import streamlit as st

from assistant.types import Answer

VERIFIED = "Verified: the quote stands at these offsets in the stored article."
NOT_VERIFIED = "NOT verified against the stored article."
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|$<>~])")


def escape(text: str) -> str:
    """Show text literally: Markdown, LaTeX ($...$) and HTML characters are escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def sources(answer: Answer) -> None:
    """Numbered sources under an answer; each opens to the quoted passage and where it stands."""
    if not answer.citations:
        return
    st.caption("Sources")
    for c in answer.citations:
        when = f" · {c.published:%B %-d, %Y}" if c.published else ""
        with st.expander(f"[{c.marker}] {c.title}{when}"):
            st.markdown(f"> {escape(c.quote)}")
            where = f"characters {c.start}–{c.end}" + (f", page {c.page}" if c.page else "")
            st.caption(f"{escape(c.path)} · {where}")
            st.caption(VERIFIED if c.verified else NOT_VERIFIED)
            if c.url:
                st.markdown(f"[Open the original]({c.url})")


def answer(answer: Answer) -> None:
    st.markdown(escape(answer.text))
    sources(answer)
