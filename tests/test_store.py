"""What the store reports when something fails: an index failure names itself; a bug stays a bug."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from chromadb.errors import InternalError, InvalidArgumentError

from assistant import Assistant
from assistant.errors import IndexCorruptError, IndexNotFoundError, IndexUnavailableError
from assistant.store import index_error


def test_a_bug_inside_a_store_call_is_not_reported_as_a_damaged_index(
    bot: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = bot.store()

    def buggy_get(**kwargs: Any) -> Any:
        return kwargs["include"] + 1  # a TypeError of our own making, deep inside a store call

    monkeypatch.setattr(store.vectorstore, "get", buggy_get)
    with pytest.raises(TypeError):
        store.chunk_texts()


def test_a_malformed_request_to_chroma_is_ours_not_the_index(bot: Assistant) -> None:
    store = bot.store()
    with pytest.raises((InvalidArgumentError, ValueError)) as caught, store.translated():
        store.vectorstore.get(where={"published_key": {"$between": [1, 2]}})
    assert not isinstance(caught.value, IndexCorruptError | IndexUnavailableError)


def _connect_failure() -> ValueError:
    """What Chroma's HttpClient raises for a server that is not there: a ValueError during an httpx error."""
    failure = ValueError("Could not connect to a Chroma server. Are you sure it is running?")
    failure.__context__ = httpx.ConnectError("[Errno 111] Connection refused")
    return failure


@pytest.mark.parametrize(
    ("failure", "server", "expected"),
    [
        (InternalError("error returned from database: (code: 26) file is not a database"), False, IndexCorruptError),
        (sqlite3.DatabaseError("database disk image is malformed"), False, IndexCorruptError),
        (httpx.ConnectError("refused"), True, IndexUnavailableError),
        (_connect_failure(), True, IndexUnavailableError),
        (InternalError("server failed"), True, IndexUnavailableError),
        (TypeError("unsupported operand"), False, None),
        (KeyError("published"), True, None),
        # Only the exception's type counts, never words in its message.
        (ValueError("connection refused by the network"), True, None),
        (RuntimeError("timeout"), False, None),
    ],
)
def test_only_chroma_httpx_and_sqlite_failures_become_index_errors(
    failure: Exception, server: bool, expected: type[Exception] | None
) -> None:
    error = index_error(failure, "somewhere", server=server)
    if expected is None:
        assert error is None
    else:
        assert isinstance(error, expected)


def test_a_damaged_record_database_is_named_and_loses_nothing(tmp_path: Path, corpus: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "seed.md").write_text((corpus / "seed.md").read_text())
    bot = Assistant(index_dir=tmp_path / "index")
    bot.ingest([folder])
    (tmp_path / "index" / "records.sqlite").write_bytes(b"not a database" * 100)
    (folder / "seed.md").write_text((corpus / "seed.md").read_text() + "\nOne more sentence.\n")
    with pytest.raises(IndexCorruptError, match="cannot be read"):
        Assistant(index_dir=tmp_path / "index").ingest([folder])
    assert Assistant(index_dir=tmp_path / "index").stats().articles == 1  # what was indexed is still there


def test_an_unexpected_error_points_at_debug_not_at_the_index(index_dir: Path) -> None:
    # A programming error reaching the command line: one line that names its type and points at --debug.
    probe = (
        "import sys; import assistant.store as s; "
        "s.Store.count_chunks = lambda self: None + 1; "
        "from assistant.cli import run; sys.argv = ['briefing', 'stats', '--index', sys.argv[1]]; run()"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(index_dir)], capture_output=True, text=True)
    assert result.returncode == 1
    line = result.stderr.strip()
    assert "\n" not in line and "unexpected TypeError" in line and "--debug" in line
    assert "move it aside" not in line


def test_a_collection_gone_from_under_the_index_is_a_missing_index(tmp_path: Path) -> None:
    bot = Assistant(index_dir=tmp_path / "index")
    bot.ingest([Path(__file__).resolve().parent.parent / "samples" / "articles" / "cisa-established-2018.md"])
    bot.store().client.delete_collection("briefing_chunks")
    with pytest.raises(IndexNotFoundError):
        Assistant(index_dir=tmp_path / "index").stats()
