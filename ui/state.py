"""What one staff member's browser session holds: the conversation, its saved id, the filters.

Heavy objects live in `st.cache_resource` (one `Assistant` per server process); everything here is per
session. Conversations are kept through the core's records (`Assistant.records`), not in the UI.
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass, field

import streamlit as st

from assistant import Answer, Assistant
from assistant.errors import AssistantError
from assistant.types import Filters


@st.cache_resource(show_spinner="Loading the index and the embedding model…")
def get_assistant() -> Assistant:
    bot = Assistant()
    # Under the spinner, not in the first answer. A missing or unreachable index is shown by the page,
    # with its fix.
    with contextlib.suppress(AssistantError):
        bot.warm_up()
    return bot


@dataclass
class Chat:
    """The conversation on screen: the user's questions and the verified answers, in order."""

    answers: list[Answer] = field(default_factory=list)
    conversation_id: str | None = None
    # Widget keys of this chat's answers start with it, so a new conversation's first answer never
    # inherits the feedback or the opened chip of the last one's.
    uid: str = field(default_factory=lambda: uuid.uuid4().hex[:12])

    def key(self, number: int) -> str:
        return f"{self.uid}-{number}"

    def history(self) -> list[tuple[str, str]]:
        """Earlier turns as the API's `history` takes them."""
        turns: list[tuple[str, str]] = []
        for a in self.answers:
            turns += [("user", a.question), ("assistant", a.text)]
        return turns


def chat() -> Chat:
    if "chat" not in st.session_state:
        st.session_state.chat = Chat()
    found: Chat = st.session_state.chat
    return found


def new_conversation() -> None:
    st.session_state.chat = Chat()


def open_conversation(conversation_id: str) -> None:
    saved = get_assistant().records.conversation(conversation_id)
    if saved is not None:
        st.session_state.chat = Chat(answers=list(saved.answers), conversation_id=saved.id)


def save(current: Chat) -> None:
    """Keep the conversation (a no-op when history is not kept, BRIEFING_HISTORY_DAYS=0)."""
    try:
        current.conversation_id = get_assistant().records.save_conversation(current.answers, current.conversation_id)
    except AssistantError as exc:
        st.warning(f"The conversation could not be saved: {exc}")


def filters() -> Filters:
    """The sidebar's filters, for the next question (none set: an empty `Filters`)."""
    found = st.session_state.get("filters")
    return found if isinstance(found, Filters) else Filters()
