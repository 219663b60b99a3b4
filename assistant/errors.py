"""Errors a caller can act on. Each message names the file or setting and the remedy."""

from __future__ import annotations


class AssistantError(Exception):
    """Root of every error the briefing assistant raises on purpose."""


class ConfigError(AssistantError):
    """A setting is missing or invalid."""


class IngestError(AssistantError):
    """One input file could not be turned into articles."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class IndexNotFoundError(AssistantError):
    """No index exists where one was expected."""

    def __init__(self, location: str) -> None:
        super().__init__(f'no index at {location} — run "briefing ingest PATH" first')
        self.location = location


class IndexCorruptError(AssistantError):
    """The index exists but cannot be read."""

    def __init__(self, location: str, reason: str) -> None:
        super().__init__(
            f'the index at {location} cannot be read ({reason}); move it aside and run "briefing ingest PATH" again'
        )


class IndexUnavailableError(AssistantError):
    """The Chroma server cannot be reached, or a local index cannot be opened or written."""

    def __init__(self, location: str, reason: str, *, server: bool = True) -> None:
        if server:
            message = f"cannot reach the {location} ({reason}); is `chroma run` up, and are host and port right?"
        else:
            message = f"cannot open the index at {location} ({reason}); check that it is readable and writable"
        super().__init__(message)


class DiskFullError(IndexUnavailableError):
    """The disk holding the index (or its records) has no room for a write."""

    def __init__(self, location: str, reason: str) -> None:
        AssistantError.__init__(
            self,
            f"the disk holding {location} is full ({reason}); free some space there and run the command again "
            "(what was stored before is kept; an interrupted ingest completes when run again)",
        )


class IndexAccessDeniedError(IndexUnavailableError):
    """The Chroma server (or the proxy in front of it) refused our credentials."""

    def __init__(self, location: str, reason: str) -> None:
        AssistantError.__init__(
            self,
            f"the {location} refused access ({reason}); set BRIEFING_CHROMA_TOKEN to the server's token "
            "(and BRIEFING_CHROMA_TOKEN_HEADER=X-Chroma-Token if it expects that header)",
        )


class IndexBusyError(AssistantError):
    """Another process holds the index's database locked."""

    def __init__(self, location: str, reason: str) -> None:
        super().__init__(
            f"the index at {location} is busy ({reason}): another process is writing to it; "
            "try again when it has finished"
        )


class IndexChangingError(IndexBusyError):
    """The index changed under a read (another process was writing to it): try again."""

    def __init__(self, location: str, reason: str) -> None:
        AssistantError.__init__(
            self,
            f"the index at {location} changed while it was read ({reason}): another process is writing to it; "
            "try again in a moment (the index is not damaged)",
        )


class QuestionError(AssistantError):
    """The question is empty or too long."""


class ModelIntegrityError(AssistantError):
    """A packaged model file does not match its pinned checksum."""


class ProviderError(AssistantError):
    """An answer backend is unknown or failed."""
