"""What a failure of Chroma, httpx or SQLite says about the index, as an error a user can act on.

Only those libraries' exception types count, found along the chain of causes (Chroma raises some of
its errors while handling an httpx one). Anything else is a bug of ours and propagates unchanged (the
CLI prints it with a pointer to `--debug`), so a bug never reads as a damaged index. Advice to rebuild
the index is kept for damage: a lock, a permission or a network fault says so instead.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import (
    AssistantError,
    DiskFullError,
    IndexAccessDeniedError,
    IndexBusyError,
    IndexChangingError,
    IndexCorruptError,
    IndexNotFoundError,
    IndexUnavailableError,
)

# Whose exceptions may stand for the failure they were raised while handling.
_LIBRARIES = frozenset({"chromadb", "httpx", "httpcore", "sqlalchemy", "sqlite3", "langchain_chroma"})
# SQLite's primary result codes: the database is locked by another writer; it may not be written or opened.
_BUSY = frozenset({5, 6})
_NO_ACCESS = frozenset({8, 14})
_SQLITE_FULL = 13
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
_NEARLY_FULL = 16 << 20  # bytes free below which a failed local write is taken for a full disk
_CHROMA_CODE = re.compile(r"\(code: (\d+)\)")  # how Chroma's database errors carry SQLite's code


@dataclass(frozen=True)
class IndexPlace:
    """Where the index lives, as the user knows it."""

    location: str  # the Chroma index: a folder, or a server and collection
    records: str  # the ingest record database (always local SQLite unless configured otherwise)
    server: bool


def _raised_in_library(exc: BaseException) -> bool:
    frame = exc.__traceback__
    if frame is None:
        return False
    while frame.tb_next is not None:
        frame = frame.tb_next
    return str(frame.tb_frame.f_globals.get("__name__", "")).split(".")[0] in _LIBRARIES


def causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception, what it was raised from, and what a library raised it while handling."""
    seen: BaseException | None = exc
    while seen is not None:
        yield seen
        if seen.__cause__ is not None:
            seen = seen.__cause__
        elif seen.__context__ is not None and not seen.__suppress_context__ and _raised_in_library(seen):
            seen = seen.__context__
        else:
            seen = None


def _reason(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def _sqlite_code(exc: BaseException) -> int | None:
    code: int | None = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        found = _CHROMA_CODE.search(str(exc))
        code = int(found.group(1)) if found else None
    return None if code is None else code & 0xFF  # an extended code's low byte is the primary one


# What embedded Chroma says when a read meets a write of another process half-applied (its vector and
# metadata segments disagree for a moment): a busy index, not a damaged one.
_CHANGING = ("Error finding id",)


def _disk_full(location: str, exc: BaseException, code: int | None) -> bool:
    """A write failed for want of room: SQLite or the OS says so or, for a failure Chroma's own storage
    words without a cause (a failed compaction), the writable filesystem under it is all but full."""
    if code == _SQLITE_FULL or any(isinstance(c, OSError) and c.errno in _FULL_ERRNOS for c in causes(exc)):
        return True
    if code is not None:  # SQLite named another cause
        return False
    folder = Path(location)
    folder = folder if folder.is_dir() else folder.parent
    try:  # a read-only filesystem (an image reports 0 bytes free) is no full disk
        return os.access(folder, os.W_OK) and shutil.disk_usage(folder).free < _NEARLY_FULL
    except OSError:  # not a local path (a server, a database URL), or gone
        return False


def _local(location: str, exc: BaseException) -> AssistantError:
    if any(marker in str(exc) for marker in _CHANGING):
        return IndexChangingError(location, _reason(exc))
    code = _sqlite_code(exc)
    if code in _BUSY:
        return IndexBusyError(location, _reason(exc))
    if code in _NO_ACCESS:
        return IndexUnavailableError(location, _reason(exc), server=False)
    if _disk_full(location, exc, code):
        return DiskFullError(location, _reason(exc))
    return IndexCorruptError(location, _reason(exc))


def _refused(exc: BaseException) -> bool:
    """A server's "who are you?" (401) or "not you" (403): Chroma's own errors for them, or a proxy's."""
    import httpx
    from chromadb import errors as chroma

    if isinstance(exc, chroma.AuthorizationError | chroma.ChromaAuthError):
        return True
    return isinstance(exc, httpx.HTTPStatusError) and exc.response.status_code in (401, 403)


def index_error(exc: BaseException, place: IndexPlace) -> AssistantError | None:
    """The error a failure means for the index, or None when it is no index failure (a bug of ours).

    Of Chroma's errors, those that reject a malformed request (a bad argument or filter, a duplicate
    id, an oversized batch) mean our code is wrong, not the index.
    """
    import httpx
    from chromadb import errors as chroma

    request_errors = (
        chroma.InvalidArgumentError,
        chroma.DuplicateIDError,
        chroma.IDAlreadyExistsError,
        chroma.UniqueConstraintError,
        chroma.InvalidUUIDError,
        chroma.BatchSizeExceededError,
    )
    network = (httpx.TransportError, ConnectionError, TimeoutError) if place.server else (httpx.TransportError,)
    for cause in causes(exc):
        if place.server and _refused(cause):
            response = getattr(cause, "response", None)
            said = f"HTTP {response.status_code} {response.reason_phrase}" if response is not None else _reason(cause)
            return IndexAccessDeniedError(place.location, said)
        if isinstance(cause, network):
            return IndexUnavailableError(place.location, _reason(cause), server=True)
        if isinstance(cause, request_errors):
            return None
        if isinstance(cause, chroma.NotFoundError):
            return IndexNotFoundError(place.location)
        if isinstance(cause, sqlite3.Error):  # only the record database is Python's SQLite
            return _local(place.records, cause)
        if isinstance(cause, chroma.ChromaError | httpx.HTTPError):
            if place.server:
                return IndexUnavailableError(place.location, _reason(cause), server=True)
            return _local(place.location, cause)
    return None
