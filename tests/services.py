"""Helpers for tests that start a real local service (a Chroma server, the Streamlit app)."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_listening(process: subprocess.Popen[bytes], port: int, name: str, seconds: float) -> None:
    """Return once 127.0.0.1:port accepts connections; fail the test if the process dies or is too slow."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"{name} exited with {process.returncode}")
            time.sleep(0.3)
    pytest.fail(f"{name} did not listen on port {port} within {seconds:.0f} s")


@contextmanager
def serving(
    command: list[str], port: int, name: str, seconds: float, **popen: Any
) -> Iterator[subprocess.Popen[bytes]]:
    """Run `command`, which listens on 127.0.0.1:port, for the block; stopped on the way out if still running."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **popen)
    try:
        wait_until_listening(process, port, name, seconds)
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)
