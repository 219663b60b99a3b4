"""The sidebar: what the index holds, the filters for the next question, and saved conversations."""

from __future__ import annotations

from datetime import date

import streamlit as st

from assistant.errors import AssistantError
from assistant.types import Filters, IndexStats
from ui import state
from ui.render import escape
from ui.state import get_assistant


@st.cache_data(ttl=30, show_spinner=False)
def index_stats(generation: int) -> IndexStats:
    """Index figures, read again when the index changes (the generation) or after 30 s."""
    return get_assistant().stats()


def _figures() -> IndexStats | None:
    bot = get_assistant()
    try:
        found = index_stats(bot.store().generation())
    except AssistantError as exc:
        st.error(escape(str(exc)))
        return None
    span = f"{found.earliest:%b %-d, %Y} – {found.latest:%b %-d, %Y}" if found.earliest and found.latest else "no dates"
    left, right = st.columns(2)
    left.metric("Articles", f"{found.articles:,}")
    right.metric("Passages", f"{found.chunks:,}")
    st.caption(f"{span}  \nEmbedding model: {found.embedding_model}  \nAnswers: {bot.settings.backend} backend")
    problem = backend_problem(bot.settings.backend)
    if problem:
        st.warning(escape(problem), icon=":material/cloud_off:")
    return found


@st.cache_data(ttl=60, show_spinner=False)
def backend_problem(backend: str) -> str | None:
    """What is wrong with the answer backend, if anything (asked of its server at most once a minute)."""
    status = get_assistant().backend_status()
    if status.reachable:
        return None
    state = "unreachable" if status.configured else "not configured"
    return (
        f"The {backend} answer backend is {state}: {status.detail}. Answers quote the sources (offline) until it "
        "answers; check that its model server is running and the BRIEFING_LLM_* settings (`briefing backends`)."
    )


def _filters(found: IndexStats) -> None:
    st.subheader("Filters", divider="gray")
    st.caption("Apply to the next question.")
    since = st.date_input("Published on or after", value=None, key="filter_since", format="YYYY-MM-DD")
    until = st.date_input("Published on or before", value=None, key="filter_until", format="YYYY-MM-DD")
    sources = st.multiselect("Sources", found.sources, key="filter_sources")
    topics = st.multiselect("Topics", found.topics, key="filter_topics")
    prefer_official = st.toggle(
        "Prefer official sources",
        key="filter_official",
        help="Rank official sources ahead of others that match about as well.",
    )
    st.session_state.filters = Filters(
        since=since if isinstance(since, date) else None,
        until=until if isinstance(until, date) else None,
        sources=tuple(sources),
        topics=tuple(topics),
        prefer_official=prefer_official,
    )


def _conversations() -> None:
    st.subheader("Conversations", divider="gray")
    if st.button("New conversation", icon=":material/add_comment:", width="stretch"):
        state.new_conversation()
    bot = get_assistant()
    if bot.settings.history_days == 0:
        st.caption("Conversations are not kept (BRIEFING_HISTORY_DAYS=0).")
        return
    try:
        saved = bot.records.conversations()
    except AssistantError as exc:
        st.warning(escape(str(exc)))
        return
    current = state.chat().conversation_id
    for c in saved[:30]:
        label = c.title if len(c.title) <= 48 else c.title[:45] + "…"
        if st.button(
            label,
            key=f"open-{c.id}",
            help=f"{c.turns} question(s), last {c.updated:%Y-%m-%d %H:%M} UTC",
            type="primary" if c.id == current else "tertiary",
        ):
            state.open_conversation(c.id)
            st.rerun()


def show(on_chat: bool) -> None:
    with st.sidebar:
        found = _figures()
        if on_chat and found is not None:
            _filters(found)
        if on_chat:
            _conversations()
