"""`briefing serve`: the Streamlit chat, registered through the `briefing.commands` entry point."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from assistant.cli import index_option

APP = Path(__file__).resolve().parent / "app.py"


@click.command("serve")
@index_option
@click.option("--port", type=int, default=8501, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
def serve(index: Path | None, port: int, host: str) -> None:
    """Start the Streamlit chat."""
    env = dict(os.environ)
    if index is not None:
        env["BRIEFING_INDEX_DIR"] = str(index.resolve())
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.port",
        str(port),
        "--server.address",
        host,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    sys.exit(subprocess.call(command, env=env))
