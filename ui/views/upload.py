"""The upload page: drop article files, index them with a progress bar and a result per file."""

from __future__ import annotations

import streamlit as st

from assistant.errors import AssistantError
from ui.render import escape
from ui.state import get_assistant

TYPES = ["md", "markdown", "txt", "html", "htm", "jsonl", "pdf"]


def page() -> None:
    st.title("Add articles")
    st.caption(
        "Markdown (with front matter), text, HTML, JSON Lines or PDF. Each file is checked on its own: a bad "
        "file gets its reason, and the others go in."
    )
    files = st.file_uploader("Article files", type=TYPES, accept_multiple_files=True, key="upload_files")
    if not st.button("Add to the index", type="primary", icon=":material/upload:", disabled=not files) or not files:
        return
    bot = get_assistant()
    progress = st.progress(0.0, text="Indexing…")
    for number, upload in enumerate(files, start=1):
        name = escape(upload.name)
        progress.progress((number - 1) / len(files), text=f"Indexing {name} ({number} of {len(files)})…")
        try:
            report = bot.ingest_upload(upload.name, upload.getvalue(), on_wait=lambda m: st.info(escape(m)))
        except AssistantError as exc:
            st.error(escape(str(exc)))
            continue
        for failure in report.failed:
            st.error(f"{name}: {escape(failure.reason)}")
        done = report.added + report.updated
        if done:
            passages = report.chunks_written
            st.success(f"{name}: {len(done)} article(s) indexed ({passages} passages); ask about them now.")
        elif report.unchanged:
            st.info(f"{name}: already indexed, unchanged.")
        for flagged in report.flagged:
            st.warning(f"{name}: flagged at ingest, never quoted ({escape(flagged.reason)}): {escape(flagged.text)}")
    progress.progress(1.0, text=f"Done: {len(files)} file(s).")


page()
