"""The chat page: ask, watch the answer stream, check every citation, rate the answer, export it."""

from __future__ import annotations

from collections.abc import Iterator

import streamlit as st

from assistant import Answer
from assistant.errors import AssistantError, IndexNotFoundError
from ui import render, state
from ui.render import escape
from ui.state import get_assistant

EXAMPLE = "Ask about election threats, e.g. “Who was charged over the Trump campaign hack?”"


def feedback(answer: Answer, key: str) -> None:
    """Thumbs up or down and an optional comment, stored with the answer (Assistant.feedback)."""
    sent = st.session_state.setdefault("feedback_sent", set())
    if key in sent:
        st.caption("Thank you: your feedback is stored.")
        return
    with st.form(f"feedback-{key}", border=False):
        rating = st.feedback("thumbs", key=f"rating-{key}")
        comment = st.text_input("Comment (optional)", key=f"comment-{key}", placeholder="What was wrong or missing?")
        if st.form_submit_button("Send feedback"):
            if rating is None:
                st.warning("Choose thumbs up or down first.")
                return
            try:
                get_assistant().feedback(
                    answer, "up" if rating == 1 else "down", comment or "", state.chat().conversation_id
                )
            except AssistantError as exc:
                st.error(escape(str(exc)))
                return
            sent.add(key)
            st.caption("Thank you: your feedback is stored.")


def _extras(answer: Answer, key: str) -> None:
    rate, share = st.columns([3, 1], vertical_alignment="bottom")
    with rate:
        feedback(answer, key)
    with share, st.popover("Export", icon=":material/ios_share:"):
        render.downloads([answer], key, "This answer")


def _ask(question: str) -> None:
    chat = state.chat()
    bot = get_assistant()
    with st.chat_message("user"):
        st.markdown(escape(question))
    with st.chat_message("assistant"):
        status = st.status("Searching the indexed articles…", expanded=False)
        shown = st.empty()
        final: list[Answer] = []

        def pieces() -> Iterator[str]:
            for piece in bot.stream(
                question,
                history=chat.history(),
                filters=state.filters(),
                conversation_id=chat.conversation_id,
            ):
                if isinstance(piece, Answer):
                    final.append(piece)
                    status.update(label="Checking every citation against the stored articles…")
                else:
                    status.update(label="Writing the answer…")
                    yield escape(piece)

        try:
            with shown.container():
                st.write_stream(pieces())
        except IndexNotFoundError as exc:
            status.update(label="No index", state="error")
            shown.error(f"{escape(str(exc))}. Or add articles on the *Add articles* page.")
            return
        except AssistantError as exc:
            status.update(label="The question could not be answered", state="error")
            shown.error(escape(str(exc)))
            return
        answer = final[-1]
        verified = sum(c.verified for c in answer.citations)
        label = (
            "Declined: the sources do not answer this"
            if answer.refused
            else f"{verified} quote(s) verified in {len({c.path for c in answer.citations})} source(s)"
        )
        status.update(label=label, state="complete")
        chat.answers.append(answer)
        state.save(chat)
        with shown.container():  # the verified answer replaces the draft: verification may have cut sentences
            render.answer(answer, chat.key(len(chat.answers) - 1), _extras)


def page() -> None:
    chat = state.chat()
    st.title("Election-security briefing")
    st.caption("Answers come only from the indexed articles; every sentence links to the passage it quotes.")
    for number, answer in enumerate(chat.answers):
        with st.chat_message("user"):
            st.markdown(escape(answer.question))
        with st.chat_message("assistant"):
            render.answer(answer, chat.key(number), _extras)
    question = st.chat_input(EXAMPLE)
    if question:
        _ask(question)
    if chat.answers:
        with st.sidebar:
            st.subheader("Export", divider="gray")
            render.downloads(chat.answers, "conversation", "Conversation", stacked=True)


page()
