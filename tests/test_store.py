"""What the store reports when something fails: an index failure names itself; a bug stays a bug."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from chromadb.errors import BatchSizeExceededError, DuplicateIDError, InternalError, InvalidArgumentError

from assistant import Assistant
from assistant.errors import IndexBusyError, IndexCorruptError, IndexNotFoundError, IndexUnavailableError
from assistant.failures import IndexPlace, index_error
from tests.services import free_port


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
    with pytest.raises((InvalidArgumentError, DuplicateIDError, ValueError)) as caught, store.translated():
        store.chunk_collection.upsert(ids=["same", "same"], embeddings=[[0.0] * 384, [0.0] * 384])
    assert isinstance(caught.value, InvalidArgumentError | DuplicateIDError)  # Chroma's, passed on as is


LOCAL = IndexPlace("the/index", "the/index/records.sqlite", server=False)
SERVER = IndexPlace("chroma server http://127.0.0.1:1", "records.sqlite", server=True)


def _sqlite_error(kind: type[sqlite3.Error], code: int, message: str) -> sqlite3.Error:
    failure = kind(message)
    failure.sqlite_errorcode = code  # type: ignore[attr-defined]
    return failure


def _raised_while_handling(handled: Exception, raised: Exception) -> Exception:
    try:
        try:
            raise handled
        except Exception:
            raise raised  # noqa: B904 - the point: raised during, not from
    except Exception as exc:
        return exc


@pytest.mark.parametrize(
    ("failure", "place", "expected", "where"),
    [
        (InternalError("database error: (code: 26) file is not a database"), LOCAL, IndexCorruptError, "the/index "),
        (InternalError("database error: (code: 5) database is locked"), LOCAL, IndexBusyError, "busy"),
        (_sqlite_error(sqlite3.DatabaseError, 11, "disk image is malformed"), LOCAL, IndexCorruptError, "records"),
        (_sqlite_error(sqlite3.OperationalError, 5, "database is locked"), LOCAL, IndexBusyError, "records"),
        (_sqlite_error(sqlite3.OperationalError, 14, "unable to open"), SERVER, IndexUnavailableError, "records"),
        (httpx.ConnectError("refused"), SERVER, IndexUnavailableError, "cannot reach"),
        (InternalError("server failed"), SERVER, IndexUnavailableError, "cannot reach"),
        (BatchSizeExceededError("too many"), LOCAL, None, ""),
        (TypeError("unsupported operand"), LOCAL, None, ""),
        (KeyError("published"), SERVER, None, ""),
        (ConnectionError("refused"), LOCAL, None, ""),  # a local index has no network to lose
        # A bug of ours raised while handling a Chroma error is still a bug.
        (_raised_while_handling(InternalError("(code: 26)"), TypeError("oops")), LOCAL, None, ""),
        # Only the exception's type counts, never words in its message.
        (ValueError("connection refused by the network"), SERVER, None, ""),
        (RuntimeError("timeout"), LOCAL, None, ""),
    ],
)
def test_only_chroma_httpx_and_sqlite_failures_become_index_errors(
    failure: Exception, place: IndexPlace, expected: type[Exception] | None, where: str
) -> None:
    error = index_error(failure, place)
    if expected is None:
        assert error is None
    else:
        assert isinstance(error, expected) and where in str(error) and "\n" not in str(error)
        assert ("move it aside" in str(error)) == (expected is IndexCorruptError)


def test_chromas_own_failure_to_reach_a_server_is_unavailable(tmp_path: Path) -> None:
    import chromadb

    with pytest.raises(ValueError) as caught:  # Chroma raises it while handling httpx's ConnectError
        chromadb.HttpClient(host="127.0.0.1", port=free_port())
    assert isinstance(index_error(caught.value, SERVER), IndexUnavailableError)


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
        "import sys; import chromadb; "
        "chromadb.Collection.count = lambda self: None + 1; "  # inside the guarded Store.count_chunks
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
