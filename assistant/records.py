"""What staff keep beside the index: feedback on answers, saved conversations and the audit log.

One SQLite file in the data directory (`Settings.records_path`). Every write is one transaction, so a
crash leaves either the old row or the new one, never half of it. Conversations and the audit log are
history and follow the retention setting (`BRIEFING_HISTORY_DAYS`; 0 keeps nothing); feedback is
something staff chose to send, and is kept until it is exported and deleted by hand.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from assistant.errors import AssistantError
from assistant.types import Answer

Rating = Literal["up", "down"]
# The columns of `briefing feedback export --format csv` (in JSON Lines, the same keys).
FEEDBACK_FIELDS = (
    "id",
    "created",
    "rating",
    "comment",
    "question",
    "answer",
    "refused",
    "backend",
    "conversation_id",
    "citations",
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT '',
    conversation_id TEXT,
    answer TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    answers TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    conversation_id TEXT,
    question TEXT NOT NULL,
    backend TEXT NOT NULL,
    refused INTEGER NOT NULL,
    answer TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_created ON audit (created);
CREATE INDEX IF NOT EXISTS conversations_updated ON conversations (updated);
"""


class RecordsError(AssistantError):
    """The records database cannot be read or written."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"cannot use the records database {path} ({reason}); check that its folder is writable "
            "(BRIEFING_DATA_DIR chooses another)"
        )


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class Feedback(_Record):
    """A thumbs up or down on one answer, with the answer as it was shown."""

    id: int
    created: datetime
    rating: Rating
    comment: str = ""
    conversation_id: str | None = None
    answer: Answer

    def export_row(self) -> dict[str, object]:
        """One flat row: what a spreadsheet or a script reads (`briefing feedback export`)."""
        return {
            "id": self.id,
            "created": self.created.isoformat(timespec="seconds"),
            "rating": self.rating,
            "comment": self.comment,
            "question": self.answer.question,
            "answer": self.answer.text,
            "refused": self.answer.refused,
            "backend": self.answer.backend,
            "conversation_id": self.conversation_id or "",
            "citations": [
                {
                    "marker": c.marker,
                    "path": c.path,
                    "title": c.title,
                    "published": c.published.isoformat() if c.published else None,
                    "url": c.url,
                    "quote": c.quote,
                    "start": c.start,
                    "end": c.end,
                    "verified": c.verified,
                }
                for c in self.answer.citations
            ],
        }


class ConversationSummary(_Record):
    id: str
    title: str
    created: datetime
    updated: datetime
    turns: int


class Conversation(_Record):
    """A saved chat: its answers in order (each carries its question and, for a follow-up, how it was
    searched)."""

    id: str
    title: str
    created: datetime
    updated: datetime
    answers: tuple[Answer, ...] = ()


class AuditEntry(_Record):
    id: int
    created: datetime
    conversation_id: str | None
    question: str
    backend: str
    refused: bool
    answer: Answer


def _now() -> datetime:
    return datetime.now(UTC)


def _with_answer(row: sqlite3.Row) -> dict[str, object]:
    """A row as its model's fields: the stored JSON answer parsed (pydantic reads the ISO times)."""
    return {**dict(row), "answer": json.loads(row["answer"])}


def _answers_json(answers: Sequence[Answer]) -> str:
    return json.dumps([a.to_json_dict() for a in answers], ensure_ascii=False)


class Records:
    """The records database of one data directory. Cheap to create; each call opens its own connection,
    so one `Records` serves every Streamlit session and thread."""

    def __init__(self, path: Path, history_days: int) -> None:
        self.path = path
        self.history_days = history_days
        self._schema_ready = False  # created once per instance, not on every answer logged

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=30)
        except (OSError, sqlite3.Error) as exc:
            raise RecordsError(self.path, str(exc)) from exc
        connection.row_factory = sqlite3.Row  # rows by column name, read straight into the models
        try:
            if not self._schema_ready:
                connection.executescript(_SCHEMA)
                self._schema_ready = True
            with connection:  # one transaction: committed whole, or rolled back whole
                yield connection
        except sqlite3.Error as exc:
            raise RecordsError(self.path, str(exc)) from exc
        finally:
            connection.close()

    def _cutoff(self) -> str:
        return (_now() - timedelta(days=self.history_days)).isoformat()

    def purge(self) -> None:
        """Drop the history older than the retention period (all of it when history_days is 0)."""
        if not self.path.exists():
            return
        with self._connection() as db:
            cutoff = self._cutoff()
            db.execute("DELETE FROM audit WHERE created <= ?", (cutoff,))
            db.execute("DELETE FROM conversations WHERE updated <= ?", (cutoff,))

    # --- audit log ----------------------------------------------------------------------------
    def log_answer(self, answer: Answer, conversation_id: str | None = None) -> None:
        """Record an answer staff were shown (nothing when the retention is 0 days)."""
        if self.history_days == 0:
            if not self._schema_ready:  # once: drop what a longer retention kept before
                self.purge()
            return
        with self._connection() as db:
            db.execute(
                "INSERT INTO audit (created, conversation_id, question, backend, refused, answer) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    _now().isoformat(),
                    conversation_id,
                    answer.question,
                    answer.backend,
                    int(answer.refused),
                    # The passages' text is the index's to keep: the log holds what was shown.
                    answer.model_copy(update={"retrieved": []}).model_dump_json(),
                ),
            )
            db.execute("DELETE FROM audit WHERE created <= ?", (self._cutoff(),))

    def audit(self, limit: int | None = None) -> list[AuditEntry]:
        """The audit log, newest first."""
        if not self.path.exists():
            return []
        with self._connection() as db:
            rows = db.execute(
                "SELECT id, created, conversation_id, question, backend, refused, answer FROM audit "
                "ORDER BY id DESC LIMIT ?",
                (-1 if limit is None else limit,),
            ).fetchall()
        return [AuditEntry.model_validate(_with_answer(r)) for r in rows]

    # --- feedback -----------------------------------------------------------------------------
    def add_feedback(
        self, answer: Answer, rating: Rating, comment: str = "", conversation_id: str | None = None
    ) -> Feedback:
        if rating not in ("up", "down"):
            raise ValueError(f"rating must be 'up' or 'down', not {rating!r}")
        created = _now()
        with self._connection() as db:
            cursor = db.execute(
                "INSERT INTO feedback (created, rating, comment, conversation_id, answer) VALUES (?, ?, ?, ?, ?)",
                (
                    created.isoformat(),
                    rating,
                    comment.strip(),
                    conversation_id,
                    json.dumps(answer.to_json_dict(), ensure_ascii=False),
                ),
            )
            row_id = cursor.lastrowid
        assert row_id is not None
        return Feedback(
            id=row_id,
            created=created,
            rating=rating,
            comment=comment.strip(),
            conversation_id=conversation_id,
            answer=answer,
        )

    def feedback(self) -> list[Feedback]:
        """Every piece of feedback, oldest first."""
        if not self.path.exists():
            return []
        with self._connection() as db:
            rows = db.execute(
                "SELECT id, created, rating, comment, conversation_id, answer FROM feedback ORDER BY id"
            ).fetchall()
        return [Feedback.model_validate(_with_answer(r)) for r in rows]

    def export_feedback(self, fmt: Literal["csv", "jsonl"]) -> str:
        """All feedback as CSV (citations as one JSON cell) or as JSON Lines."""
        rows = [f.export_row() for f in self.feedback()]
        if fmt == "jsonl":
            return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(FEEDBACK_FIELDS), lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({**r, "citations": json.dumps(r["citations"], ensure_ascii=False)})
        return out.getvalue()

    # --- conversations ------------------------------------------------------------------------
    def save_conversation(self, answers: Sequence[Answer], conversation_id: str | None = None) -> str | None:
        """Save (or update) a conversation; returns its id, or None when history is not kept."""
        if self.history_days == 0 or not answers:
            return conversation_id
        conversation_id = conversation_id or uuid.uuid4().hex
        now = _now().isoformat()
        title = answers[0].question[:120]
        with self._connection() as db:
            db.execute(
                "INSERT INTO conversations (id, title, created, updated, answers) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET updated = excluded.updated, answers = excluded.answers",
                (conversation_id, title, now, now, _answers_json(answers)),
            )
            db.execute("DELETE FROM conversations WHERE updated <= ?", (self._cutoff(),))
        return conversation_id

    def conversations(self) -> list[ConversationSummary]:
        """Saved conversations, most recently updated first."""
        if not self.path.exists():
            return []
        with self._connection() as db:
            rows = db.execute(
                "SELECT id, title, created, updated, json_array_length(answers) AS turns FROM conversations "
                "WHERE updated > ? ORDER BY updated DESC",
                (self._cutoff(),),
            ).fetchall()
        return [ConversationSummary.model_validate(dict(r)) for r in rows]

    def conversation(self, conversation_id: str) -> Conversation | None:
        if not self.path.exists():
            return None
        with self._connection() as db:
            row = db.execute(
                "SELECT id, title, created, updated, answers FROM conversations WHERE id = ?", (conversation_id,)
            ).fetchone()
        if row is None:
            return None
        return Conversation.model_validate({**dict(row), "answers": json.loads(row["answers"])})

    def delete_conversation(self, conversation_id: str) -> None:
        with self._connection() as db:
            db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))
