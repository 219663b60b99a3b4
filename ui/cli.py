"""`briefing serve`: the Streamlit chat, registered through the `briefing.commands` entry point."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

import click

from assistant.cli import index_option

APP = Path(__file__).resolve().parent / "app.py"
CONFIG = Path(__file__).resolve().parent / ".streamlit" / "config.toml"


def config_flags() -> list[str]:
    """The staff chat's Streamlit settings as `streamlit run` flags (it reads config files only from
    the working directory, and `briefing serve` may be started anywhere)."""
    flags: list[str] = []
    for section, values in tomllib.loads(CONFIG.read_text(encoding="utf-8")).items():
        for key, value in values.items():
            flags += [f"--{section}.{key}", str(value).lower() if isinstance(value, bool) else str(value)]
    return flags


@click.command("serve")
@index_option
@click.option("--port", type=int, default=8501, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
def serve(index: Path | None, port: int, host: str) -> None:
    """Start the Streamlit chat."""
    env = dict(os.environ)
    if index is not None:
        env["BRIEFING_INDEX_DIR"] = str(index.resolve())
    command = [sys.executable, "-m", "streamlit", "run", str(APP), *config_flags()]
    command += ["--server.port", str(port), "--server.address", host]
    # Become the server rather than start it as a child: a SIGTERM or SIGINT sent to `briefing serve`
    # (by systemd, a container runtime or a test) then stops the server itself and frees the port.
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, command, env)
