"""Streamlit app for election-office staff: the chat, the indexed sources, and uploads.

Run with `briefing serve` (or `make run`). Layout only: answers, articles, feedback and saved
conversations all come from `assistant.Assistant`.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui import sidebar
from ui.state import get_assistant

HERE = Path(__file__).resolve().parent

st.set_page_config(page_title="Election-security briefing", page_icon="🗳️", layout="wide")
get_assistant()
page = st.navigation(
    [
        st.Page(HERE / "views" / "chat.py", title="Ask", icon=":material/forum:", default=True),
        st.Page(HERE / "views" / "briefing.py", title="Briefing", icon=":material/summarize:"),
        st.Page(HERE / "views" / "sources.py", title="Sources", icon=":material/library_books:"),
        st.Page(HERE / "views" / "upload.py", title="Add articles", icon=":material/upload_file:"),
    ]
)
sidebar.show(on_chat=page.title == "Ask")
page.run()
