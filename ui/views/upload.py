"""The upload page: drop article files, index them with a progress bar and a result per file."""

from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

from assistant.errors import AssistantError
from ui.render import escape
from ui.state import get_assistant

TYPES = ["md", "markdown", "txt", "html", "htm", "jsonl", "pdf"]


def uploads_dir() -> Path:
    """Uploaded files are kept beside the records, so their citations keep pointing at a real file and
    a re-upload of the same name updates the article instead of adding a copy."""
    return get_assistant().settings.records_path().parent / "uploads"


def _safe_name(name: str) -> str:
    name = Path(name).name  # no folders from the browser
    return re.sub(r"[^A-Za-z0-9._ -]", "_", name).strip() or "upload"


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
    folder = uploads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    progress = st.progress(0.0, text="Indexing…")
    for number, upload in enumerate(files, start=1):
        path = folder / _safe_name(upload.name)
        progress.progress((number - 1) / len(files), text=f"Indexing {escape(upload.name)} ({number} of {len(files)})…")
        existed = path.exists()
        try:
            path.write_bytes(upload.getvalue())
            report = bot.ingest([path])
        except (OSError, AssistantError) as exc:
            st.error(f"{escape(upload.name)}: {escape(str(exc))}")
            continue
        if report.failed and not existed:
            path.unlink(missing_ok=True)  # nothing of it was indexed: keep no file that cites nothing
        for failure in report.failed:
            st.error(f"{escape(upload.name)}: {escape(failure.reason)}")
        done = report.added + report.updated
        if done:
            st.success(
                f"{escape(upload.name)}: {len(done)} article(s) indexed ({report.chunks_written} passages); "
                "ask about them now."
            )
        elif report.unchanged:
            st.info(f"{escape(upload.name)}: already indexed, unchanged.")
        for flagged in report.flagged:
            st.warning(
                f"{escape(upload.name)}: flagged at ingest, never quoted ({escape(flagged.reason)}): "
                f"{escape(flagged.text)}"
            )
    progress.progress(1.0, text=f"Done: {len(files)} file(s).")


page()
