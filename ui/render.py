"""How answers and their sources look in the chat. Article and model text is always shown as text:
escaped, never raw HTML, never an active link (only an article's own url is one)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import streamlit as st

from assistant import export
from assistant.errors import AssistantError, IndexNotFoundError
from assistant.export import Source, escape_markdown, safe_url, sources, text_by_source
from assistant.text import long_date
from assistant.types import Answer, Citation, Passage

escape = escape_markdown  # the one Markdown escaper, in the core (exports use it too)

VERIFIED = "Verified: the quote stands at these offsets in the stored article."
NOT_VERIFIED = "NOT verified against the stored article."
TIER_COLORS: dict[str, Literal["blue", "violet", "green", "orange", "gray"]] = {
    "official": "blue",
    "industry": "violet",
    "news": "green",
    "community": "orange",
}
CONTEXT = 350  # characters of the passage shown on each side of the quoted sentences


def index_problem(exc: AssistantError) -> None:
    """Why a page cannot read the index, with the fix where there is one."""
    if isinstance(exc, IndexNotFoundError):
        st.error(f"{escape(str(exc))}. Or add articles on the *Add articles* page.")
    else:
        st.error(escape(str(exc)))


def chip(source: Source) -> str:
    title = source.title if len(source.title) <= 60 else source.title[:57] + "…"
    badge = f" · {source.tier_label}" if source.tier_label else ""
    return f"[{source.number}] {title}{badge}"


def _highlighted(passage: Passage, quoted: list[Citation]) -> str:
    """The passage around its quoted sentences, escaped, with the quotes highlighted."""
    spans = sorted(
        (c.start - passage.start, c.end - passage.start)
        for c in quoted
        if passage.start <= c.start
        and c.end <= passage.end
        and passage.text[c.start - passage.start : c.end - passage.start] == c.quote
    )
    if not spans:
        return ""
    low, high = max(0, spans[0][0] - CONTEXT), min(len(passage.text), spans[-1][1] + CONTEXT)
    out, cursor = ["…" if low else ""], low
    for start, end in spans:
        if start < cursor:  # overlapping quotes: the first highlight covers both
            continue
        out += [escape(passage.text[cursor:start]), f":orange-background[{escape(passage.text[start:end])}]"]
        cursor = end
    out += [escape(passage.text[cursor:high]), "…" if high < len(passage.text) else ""]
    return "".join(out).replace("\n", " ")


def source_panel(source: Source, answer: Answer) -> None:
    """One cited article: where it is from, and each passage it was quoted from with the quotes marked."""
    st.markdown(f"**{escape(source.title)}**")
    if source.tier_label:
        st.badge(source.tier_label, color=TIER_COLORS.get(source.tier, "gray"))
    details = [long_date(source.published), escape(source.path)]
    publisher = next((p.source for p in answer.retrieved if p.path == source.path and p.source), "")
    if publisher:
        details.insert(0, escape(publisher))
    st.caption(" · ".join(details))
    link = safe_url(source.url)
    if link:
        st.link_button("Open the original", link)
    passages = {p.chunk_id: p for p in answer.passages()}
    by_passage: dict[str, list[Citation]] = {}
    for c in source.citations:
        by_passage.setdefault(c.chunk_id, []).append(c)
    for chunk_id, quoted in by_passage.items():
        passage = passages.get(chunk_id)
        shown = _highlighted(passage, quoted) if passage else ""
        st.markdown(shown or "\n\n".join(f"> {escape(c.quote)}" for c in quoted))
        for c in quoted:
            page = f", page {c.page}" if c.page else ""
            support = "" if c.support in (None, 1.0) else f" · support {c.support:.2f}"
            st.caption(
                f"[{source.number}] characters {c.start}–{c.end}{page}{support} · "
                + (VERIFIED if c.verified else NOT_VERIFIED)
            )
    planted = {text: reason for p in answer.retrieved if p.path == source.path for text, reason in p.flagged_texts()}
    for text, reason in planted.items():  # planted text is shown for what it is, never as a source
        st.warning(f"Flagged at ingest, never quoted ({reason}): {escape(text)}")


def _not_cited(answer: Answer) -> None:
    cited = {c.path for c in answer.citations}
    others = [p for p in answer.retrieved if p.path not in cited]
    if not others:
        return
    with st.expander(f"Retrieved but not cited ({len(others)})"):
        for p in others:
            st.markdown(f"**{escape(p.title)}** · {long_date(p.published)} · score {p.score:.3f}")
            text = p.text if len(p.text) <= 600 else p.text[:600] + "…"
            st.caption(escape(text.replace("\n", " ")))


def answer(answer: Answer, key: str, extra: Callable[[Answer, str], None] | None = None) -> None:
    """A verified answer: what was searched, the text, what verification removed, the sources."""
    if answer.standalone_question:  # a follow-up, a description or a typo: what was searched, so the reader can tell
        st.caption(f"Searched as: {escape(answer.standalone_question)}")
    text = escape(text_by_source(answer))
    if answer.refused:
        st.info(text, icon=":material/block:")
    else:
        st.markdown(text)
    if answer.citations_dropped:
        st.warning(
            f"{answer.citations_dropped} citation(s) failed verification against the stored articles; "
            "the sentences they supported were removed.",
            icon=":material/gpp_maybe:",
        )
    for note in answer.notes:
        if "citation(s) could not be verified" not in note:  # said above
            st.caption(escape(note))
    found = sources(answer)
    if found:
        labels = {chip(s): s for s in found}
        picked = st.pills("Sources", list(labels), key=f"chips-{key}", help="Open a source to check its quotes")
        if picked:
            with st.container(border=True):
                source_panel(labels[picked], answer)
    _not_cited(answer)
    if extra is not None:
        extra(answer, key)


def downloads(answers: list[Answer], key: str, label: str, *, stacked: bool = False) -> None:
    """Markdown and HTML exports, ready to paste into a memo (stacked: one under the other, for the
    narrow sidebar)."""
    places = (st.container(), st.container()) if stacked else st.columns(2)
    formats = [("Markdown", export.markdown, "md", "text/markdown"), ("HTML", export.page, "html", "text/html")]
    for place, (name, write, suffix, mime) in zip(places, formats, strict=True):
        place.download_button(
            f"{label} as {name}",
            write(answers),
            file_name=f"briefing.{suffix}",
            mime=mime,
            key=f"{suffix}-{key}",
            icon=":material/download:",
        )
