"""The same code against a real Chroma server (`chroma run` on 127.0.0.1), as users grow past one machine."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.errors import IndexNotFoundError


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    port = _free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    chroma = str(Path(sys.executable).with_name("chroma"))
    process = subprocess.Popen(
        [chroma, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"chroma run exited with {process.returncode}")
                time.sleep(0.3)
        else:
            pytest.fail("chroma run did not listen within 60 s")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_ingest_and_ask_through_a_chroma_server(chroma_server: int, tmp_path: Path, corpus: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ["nh-biden-deepfake-robocall.md", "fcc-ai-robocall-enforcement.md", "seed.md"]:
        shutil.copy(corpus / name, folder / name)
    settings = {"chroma_host": "127.0.0.1", "chroma_port": chroma_server, "index_dir": tmp_path / "state"}

    with pytest.raises(IndexNotFoundError):
        Assistant(**settings).ask("Who was behind the robocalls?")

    first = Assistant(**settings).ingest([folder])
    assert len(first.added) == 3 and first.ok
    again = Assistant(**settings).ingest([folder])
    assert len(again.unchanged) == 3 and again.chunks_written == 0

    bot = Assistant(**settings)
    answer = bot.ask("What fine did the FCC impose on Steve Kramer?")
    assert not answer.refused and "$6 million" in answer.text
    assert all(c.verified for c in answer.citations)
    stats = bot.stats()
    assert stats.articles == 3 and stats.location.startswith("chroma server http://127.0.0.1")
