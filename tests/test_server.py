"""The same code against a real Chroma server (`chroma run` on 127.0.0.1), as users grow past one machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.errors import IndexNotFoundError
from tests.services import free_port, serving


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    chroma = str(Path(sys.executable).with_name("chroma"))
    command = [chroma, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)]
    with serving(command, port, "chroma run", 60):
        yield port


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


def test_a_second_machine_and_a_wiped_server_stay_consistent(chroma_server: int, tmp_path: Path, corpus: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ["seed.md", "doppelganger-domain-seizures.md"]:
        shutil.copy(corpus / name, folder / name)
    server = {"chroma_host": "127.0.0.1", "chroma_port": chroma_server, "collection": "shared"}
    machine_a = Assistant(index_dir=tmp_path / "a", **server)
    machine_a.ingest([folder])
    chunks = machine_a.stats().chunks

    # Machine B has its own (empty) ingest records; it updates one article on the same server.
    seed = folder / "seed.md"
    seed.write_text(seed.read_text().replace("Steven Cheung", "Spokesperson Q. Example"))
    machine_b = Assistant(index_dir=tmp_path / "b", **server)
    report = machine_b.ingest([folder])
    assert report.updated == [str(seed.resolve())]
    texts = machine_b.store().vectorstore.get(where={"path": str(seed.resolve())}, include=["documents"])["documents"]
    assert texts and not any("Steven Cheung" in (t or "") for t in texts)
    assert machine_b.stats().chunks == chunks

    # The server loses its data; machine A's records still list the chunks, yet a re-ingest restores them.
    store = machine_a.store()
    store.delete_chunks(store.chunk_texts())
    store.delete_articles([a.id for a in store.all_articles()])
    restored = Assistant(index_dir=tmp_path / "a", **server).ingest([folder])
    assert len(restored.added) == 2 and restored.chunks_written == chunks
    answer = Assistant(index_dir=tmp_path / "a", **server).ask("Which Russian companies ran Doppelganger?")
    assert not answer.refused and all(c.verified for c in answer.citations)


def test_two_machines_mounting_one_corpus_share_one_copy(chroma_server: int, tmp_path: Path, corpus: Path) -> None:
    # One shared folder as two machines see it: mounted at different paths (here two copies kept equal).
    mounts = {"a": tmp_path / "mnt" / "corpus", "b": tmp_path / "srv" / "elections"}
    for mount in mounts.values():
        (mount / "2024").mkdir(parents=True)
        shutil.copy(corpus / "seed.md", mount / "seed.md")
        for name in ["doppelganger-domain-seizures.md", "rt-tenet-media-indictment.md"]:
            shutil.copy(corpus / name, mount / "2024" / name)
    server = {"chroma_host": "127.0.0.1", "chroma_port": chroma_server, "collection": "mounted"}

    def machine(name: str) -> Assistant:
        return Assistant(index_dir=tmp_path / f"state-{name}", corpus_root=mounts[name], **server)

    first = machine("a").ingest([mounts["a"]])
    assert len(first.added) == 3 and first.ok
    chunks = machine("a").stats().chunks
    second = machine("b").ingest([mounts["b"]])
    assert len(second.unchanged) == 3 and second.added == [] and second.chunks_written == 0
    assert machine("b").stats().articles == 3 and machine("b").stats().chunks == chunks

    # The share loses one article; machine B prunes it although machine A wrote it, and only under the
    # folder B names.
    for mount in mounts.values():
        (mount / "2024" / "rt-tenet-media-indictment.md").unlink()
        (mount / "seed.md").unlink()
    pruned = machine("b").ingest([mounts["b"] / "2024"], prune=True)
    assert pruned.removed == [str((mounts["a"] / "2024" / "rt-tenet-media-indictment.md").resolve())]
    left = sorted(a.corpus_path for a in machine("a").store().all_articles())
    assert left == ["2024/doppelganger-domain-seizures.md", "seed.md"]
    answer = machine("a").ask("Which Russian companies ran Doppelganger?")
    assert not answer.refused and all(c.verified for c in answer.citations)


@pytest.fixture(scope="module")
def token_proxy(chroma_server: int) -> Iterator[int]:
    """`chroma run` behind a proxy that requires the token TOKEN (see tests/auth_proxy.py for why a proxy)."""
    port = free_port()
    command = [sys.executable, "-m", "tests.auth_proxy", "--upstream", str(chroma_server), "--port", str(port)]
    with serving([*command, "--token", TOKEN], port, "token proxy", 30, cwd=Path(__file__).parent.parent):
        yield port


TOKEN = "ballot-9f3e-token"


@pytest.mark.parametrize("header", ["Authorization", "X-Chroma-Token"])
def test_a_token_protected_server_takes_the_token_and_names_a_wrong_one(
    token_proxy: int, tmp_path: Path, corpus: Path, header: str
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(corpus / "fcc-ai-robocall-enforcement.md", folder / "fcc.md")
    server = {"chroma_host": "127.0.0.1", "chroma_port": token_proxy, "collection": f"secured-{header.lower()}"}
    bot = Assistant(index_dir=tmp_path / "state", chroma_token=TOKEN, chroma_token_header=header, **server)
    assert bot.ingest([folder]).added == [str((folder / "fcc.md").resolve())]
    answer = bot.ask("What fine did the FCC impose on Steve Kramer?")
    assert not answer.refused and all(c.verified for c in answer.citations)

    for token in ["wrong-token", None]:  # a wrong token, and none at all
        env = {**os.environ, "BRIEFING_CHROMA_HOST": "127.0.0.1", "BRIEFING_CHROMA_PORT": str(token_proxy)}
        env["BRIEFING_COLLECTION"] = server["collection"]
        env["BRIEFING_CHROMA_TOKEN_HEADER"] = header
        env.pop("BRIEFING_CHROMA_TOKEN", None)
        if token:
            env["BRIEFING_CHROMA_TOKEN"] = token
        briefing = str(Path(sys.executable).with_name("briefing"))
        done = subprocess.run(
            [briefing, "stats", "--index", str(tmp_path / "state")], capture_output=True, text=True, env=env
        )
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 1 and len(lines) == 1, done.stderr
        assert "refused access" in lines[0] and "BRIEFING_CHROMA_TOKEN" in lines[0]
        assert TOKEN not in done.stderr and "wrong-token" not in done.stderr
    assert (
        Assistant(index_dir=tmp_path / "state", chroma_token=TOKEN, chroma_token_header=header, **server)
        .stats()
        .articles
        == 1
    )


def test_an_unreachable_server_is_one_clear_error(tmp_path: Path) -> None:
    from assistant.errors import IndexUnavailableError

    with pytest.raises(IndexUnavailableError, match="cannot reach"):
        Assistant(chroma_host="127.0.0.1", chroma_port=free_port(), index_dir=tmp_path).ingest([tmp_path])
