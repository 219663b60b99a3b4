"""The sources page: browse and search the indexed articles, open one, remove one."""

from __future__ import annotations

import streamlit as st

from assistant.errors import AssistantError
from assistant.export import safe_url
from assistant.text import long_date
from assistant.types import ArticleRecord
from ui.render import escape, index_problem
from ui.state import get_assistant


def _matches(article: ArticleRecord, needle: str) -> bool:
    haystack = " ".join([article.title, article.source, article.path, article.url, *article.topics]).lower()
    return all(word in haystack for word in needle.lower().split())


def _open(article: ArticleRecord) -> None:
    bot = get_assistant()
    st.subheader(escape(article.title))
    when = long_date(article.published)
    st.caption(" · ".join(escape(x) for x in [article.source or "no source", when, article.path] if x))
    if article.topics:
        st.caption("Topics: " + ", ".join(escape(t) for t in article.topics))
    link = safe_url(article.url)
    if link:
        st.link_button("Open the original", link)
    text = bot.article_text(article.id) or ""
    for flag in article.flags:  # planted text, flagged at ingest: shown for what it is, never quoted
        st.warning(f"Flagged at ingest, never quoted ({escape(flag.reason)}): {escape(text[flag.start : flag.end])}")
    with st.container(height=420):
        for paragraph in text.split("\n\n"):
            if paragraph.strip():
                st.markdown(escape(paragraph.strip()))
    with st.expander("Remove from the index"):
        st.caption("Its passages stop being searched and quoted. Ingesting its file again adds it back.")
        if st.button("Remove this article", type="primary", key=f"remove-{article.id}"):
            try:
                chunks = bot.remove([article.id])
            except AssistantError as exc:
                st.error(escape(str(exc)))
                return
            st.session_state.removed = f"Removed “{article.title}” ({chunks} passages)."
            st.session_state.pop("open_article", None)
            st.rerun()


def page() -> None:
    st.title("Indexed sources")
    if "removed" in st.session_state:
        st.success(escape(st.session_state.pop("removed")))
    try:
        articles = get_assistant().articles()
    except AssistantError as exc:
        index_problem(exc)
        return
    needle = st.text_input("Search titles, sources, paths and topics", key="source_search")
    shown = [a for a in articles if _matches(a, needle)] if needle else articles
    st.caption(f"{len(shown)} of {len(articles)} article(s), newest first.")
    table = [
        {
            "published": a.published,
            "title": a.title,
            "source": a.source,
            "topics": ", ".join(a.topics),
            "flagged": len(a.flags),
            "path": a.path,
        }
        for a in shown
    ]
    picked = st.dataframe(
        table, hide_index=True, on_select="rerun", selection_mode="single-row", key="source_table", height=320
    )
    rows = picked.selection.rows if picked else []  # type: ignore[attr-defined]
    by_label = {f"{a.title} ({a.path})": a for a in shown}
    choice = st.selectbox(
        "Open an article",
        list(by_label),
        index=rows[0] if rows else None,
        placeholder="Pick a row above or choose here",
        key="open_article",
    )
    if choice in by_label:
        _open(by_label[choice])


page()
