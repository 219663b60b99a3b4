"""The briefing page: a dated, cited digest of a topic or a period, with its sources by tier."""

from __future__ import annotations

import json
from datetime import date

import streamlit as st

from assistant import export
from assistant.errors import AssistantError
from assistant.tiers import tier_rules
from assistant.types import Briefing, Change, Conflict, Statement
from ui.render import TIER_COLORS, escape, index_problem
from ui.sidebar import index_stats
from ui.state import get_assistant

VERIFIED = ":material/verified: verified at its offsets in the stored article"


def _line(s: Statement, lead: str = "") -> None:
    markers = "".join(f"[{n}]" for n in sorted({c.marker for c in s.citations}))
    st.markdown(f"{lead}**{escape(s.date_label)}**: {escape(s.text)} {markers}")
    if s.citations and s.text != s.citations[0].quote:  # a model's sentence: the quotes it was checked against
        for c in s.citations:
            st.markdown(f"> {escape(c.quote)} [{c.marker}]")
    tiers = dict.fromkeys(c.tier for c in s.citations if c.tier != "unrated")
    caption = [f"{c.title} · characters {c.start}–{c.end}" for c in s.citations]
    with st.container(horizontal=True):
        for tier in tiers:
            st.badge(tier_rules().label(tier), color=TIER_COLORS.get(tier, "gray"))
        st.caption(escape(" · ".join(caption)) + (" · " + VERIFIED if all(c.verified for c in s.citations) else ""))


def show(brief: Briefing) -> None:
    st.subheader(escape(brief.title))
    st.caption(f"{brief.articles_in_scope} article(s) in scope. {escape(export.BRIEF_ABOUT)}")
    for note in brief.notes:
        st.info(escape(note))
    sections: list[tuple[str, list[Statement]]] = [
        ("Bottom line", brief.bottom_line),
        ("Key developments", brief.timeline),
        ("What changed", list(brief.changed)),
        ("Conflicts", list(brief.conflicts)),
        ("Open questions", brief.open_questions),
    ]
    for name, statements in sections:
        st.markdown(f"#### {name}")
        if not statements:
            st.caption("None found in the sources.")
        for s in statements:
            if isinstance(s, Change):
                _line(s.supersedes, lead="Earlier, ")
                _line(s, lead="Later, ")
            elif isinstance(s, Conflict):
                st.markdown(escape(s.text))
                for claim in s.claims:
                    _line(claim, lead="· ")
            elif name == "Open questions":
                _line(s, lead="As of ")
            else:
                _line(s)
    st.markdown("#### Sources")
    for group in brief.sources:
        st.badge(group.label, color=TIER_COLORS.get(group.tier, "gray"))
        for src in group.sources:
            st.markdown(f"{src.number}. **{escape(src.title)}** · {escape(str(src.published or 'undated'))}")
    columns = st.columns(3)
    downloads = [
        ("Markdown", export.brief_markdown(brief), "md", "text/markdown"),
        ("HTML", export.brief_page(brief), "html", "text/html"),
        ("JSON", json.dumps(brief.to_json_dict(), ensure_ascii=False, indent=2), "json", "application/json"),
    ]
    for place, (name, data, suffix, mime) in zip(columns, downloads, strict=True):
        place.download_button(
            f"Download as {name}", data, file_name=f"briefing.{suffix}", mime=mime, key=f"brief-{suffix}"
        )


def page() -> None:
    st.title("Briefing")
    st.caption("A dated digest of a topic or a period: every line quotes a source and is verified.")
    try:
        stats = index_stats(get_assistant().store().generation())
    except AssistantError as exc:
        index_problem(exc)
        return
    with st.form("brief"):
        left, right = st.columns(2)
        topic = left.selectbox("Topic", ["", *stats.topics], key="brief_topic", help="An article tag; empty: any")
        query = right.text_input("About (optional)", key="brief_query", placeholder="e.g. hack-and-leak operations")
        since = left.date_input("Since", value=None, key="brief_since", format="YYYY-MM-DD")
        until = right.date_input("Until", value=None, key="brief_until", format="YYYY-MM-DD")
        sources = st.multiselect("Sources", stats.sources, key="brief_sources")
        asked = st.form_submit_button("Build the briefing", type="primary")
    if asked:
        bar = st.progress(0.0, text="Starting")

        def progress(what: str, done: int, total: int) -> None:
            bar.progress(min(done / total, 1.0) if total else 0.0, text=what)

        try:
            st.session_state.briefing = get_assistant().brief(
                topic=topic or "",
                query=query,
                since=since if isinstance(since, date) else None,
                until=until if isinstance(until, date) else None,
                sources=tuple(sources),
                progress=progress,
            )
        except AssistantError as exc:
            st.error(escape(str(exc)))
            return
        finally:
            bar.empty()
    found = st.session_state.get("briefing")
    if isinstance(found, Briefing):
        show(found)


page()
