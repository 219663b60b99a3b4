"""Streamlit chat for election-office staff: ask, read the cited answer, open each source passage.

Run with `briefing serve` (or `make run`). Layout only: answers come from `assistant.Assistant`.
"""

from __future__ import annotations

import contextlib

import streamlit as st

from assistant import Answer, Assistant
from assistant.errors import AssistantError
from ui import render


@st.cache_resource(show_spinner="Loading the index and the embedding model…")
def get_assistant() -> Assistant:
    bot = Assistant()
    # Under the spinner, not in the first answer. A missing index is shown, as one clear line, when
    # the first question is asked.
    with contextlib.suppress(AssistantError):
        bot.warm_up()
    return bot


st.set_page_config(page_title="Election-security briefing", page_icon="🗳️", layout="centered")
st.title("Election-security briefing")
st.caption("Answers come only from the indexed articles; every sentence links to the passage it quotes.")

if "messages" not in st.session_state:
    st.session_state.messages = []
get_assistant()

for message in st.session_state.messages:
    with st.chat_message(message["role"]):
        if isinstance(message["content"], Answer):
            render.answer(message["content"])
        else:
            st.markdown(render.escape(message["content"]))

question = st.chat_input("Ask about election threats, e.g. “Who was charged over the Trump campaign hack?”")
if question:
    history = [
        (m["role"], m["content"].text if isinstance(m["content"], Answer) else m["content"])
        for m in st.session_state.messages
    ]
    st.session_state.messages.append({"role": "user", "content": question})
    with st.chat_message("user"):
        st.markdown(render.escape(question))
    with st.chat_message("assistant"):
        try:
            shown = st.empty()
            draft = ""
            for piece in get_assistant().stream(question, history=history):
                if isinstance(piece, Answer):
                    # The verified answer replaces the draft: verification may have removed sentences.
                    with shown.container():
                        render.answer(piece)
                    st.session_state.messages.append({"role": "assistant", "content": piece})
                else:
                    draft += piece
                    shown.markdown(render.escape(draft))
        except AssistantError as exc:
            st.error(str(exc))
