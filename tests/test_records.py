"""Feedback, saved conversations and the audit log: real SQLite beside a real index."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant import Answer, Assistant
from assistant.records import FEEDBACK_FIELDS, Records, RecordsError

QUESTION = "Who was behind the New Hampshire Biden robocalls?"


@pytest.fixture(scope="module")
def answer(bot: Assistant) -> Answer:
    return bot.ask(QUESTION)


def _staff_bot(index_dir: Path, data_dir: Path, **settings: object) -> Assistant:
    return Assistant(index_dir=index_dir, data_dir=data_dir, **settings)


def test_feedback_is_stored_with_its_answer_and_exported_by_the_cli(
    index_dir: Path, tmp_path: Path, answer: Answer
) -> None:
    bot = _staff_bot(index_dir, tmp_path)
    bot.feedback(answer, "down", "  missed the fine  ", conversation_id="c1")
    bot.feedback(answer, "up")
    stored = bot.records.feedback()
    assert [f.rating for f in stored] == ["down", "up"]
    assert stored[0].comment == "missed the fine" and stored[0].conversation_id == "c1"
    assert stored[0].answer.citations == answer.citations  # what was shown, quotes and offsets included

    briefing = str(Path(sys.executable).with_name("briefing"))
    env = {**os.environ, "BRIEFING_DATA_DIR": str(tmp_path)}
    jsonl = subprocess.run(
        [briefing, "feedback", "export", "--index", str(index_dir)], env=env, capture_output=True, text=True, check=True
    ).stdout
    rows = [json.loads(line) for line in jsonl.splitlines()]
    assert [r["rating"] for r in rows] == ["down", "up"]
    assert rows[0]["question"] == QUESTION and rows[0]["backend"] == answer.backend
    assert rows[0]["citations"][0]["quote"] == answer.citations[0].quote
    assert set(rows[0]) == set(FEEDBACK_FIELDS)

    out = tmp_path / "feedback.csv"
    subprocess.run(
        [briefing, "feedback", "export", "--index", str(index_dir), "--format", "csv", "--out", str(out)],
        env=env,
        check=True,
        capture_output=True,
    )
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["rating"] for r in table] == ["down", "up"]
    assert json.loads(table[0]["citations"])[0]["path"] == answer.citations[0].path


def test_a_bad_rating_is_refused(tmp_path: Path, answer: Answer) -> None:
    with pytest.raises(ValueError, match="rating"):
        Records(tmp_path / "r.sqlite", 30).add_feedback(answer, "meh")  # type: ignore[arg-type]


def test_conversations_are_saved_updated_listed_and_reopened(tmp_path: Path, bot: Assistant, answer: Answer) -> None:
    records = Records(tmp_path / "r.sqlite", 30)
    follow_up = bot.ask(
        "What penalty did the FCC impose on him?", history=[("user", QUESTION), ("assistant", answer.text)]
    )
    cid = records.save_conversation([answer])
    assert cid is not None
    assert records.save_conversation([answer, follow_up], cid) == cid  # the same conversation, updated
    listed = records.conversations()
    assert [(c.id, c.title, c.turns) for c in listed] == [(cid, QUESTION, 2)]
    reopened = records.conversation(cid)
    assert reopened is not None
    assert [a.question for a in reopened.answers] == [QUESTION, follow_up.question]
    assert reopened.answers[1].standalone_question == follow_up.standalone_question
    assert reopened.answers[1].citations == follow_up.citations
    records.delete_conversation(cid)
    assert records.conversations() == []


def test_history_older_than_the_retention_is_deleted(tmp_path: Path, answer: Answer) -> None:
    records = Records(tmp_path / "r.sqlite", 7)
    old_id = records.save_conversation([answer])
    records.log_answer(answer)
    long_ago = (datetime.now(UTC) - timedelta(days=8)).isoformat()
    with sqlite3.connect(records.path) as db:  # as if both were written eight days ago
        db.execute("UPDATE conversations SET updated = ?", (long_ago,))
        db.execute("UPDATE audit SET created = ?", (long_ago,))
    records.feedback()
    new_id = records.save_conversation([answer])
    records.log_answer(answer)
    assert [c.id for c in records.conversations()] == [new_id] and new_id != old_id
    assert len(records.audit()) == 1


def test_zero_days_keeps_no_history(index_dir: Path, tmp_path: Path, answer: Answer) -> None:
    bot = _staff_bot(index_dir, tmp_path, history_days=0)
    bot.ask(QUESTION)
    assert bot.records.save_conversation([answer]) is None
    assert bot.records.audit() == [] and bot.records.conversations() == []
    bot.feedback(answer, "up")  # feedback is sent on purpose, and kept
    assert len(bot.records.feedback()) == 1


def test_every_answer_is_in_the_audit_log(index_dir: Path, tmp_path: Path) -> None:
    bot = _staff_bot(index_dir, tmp_path)
    asked = bot.ask(QUESTION, conversation_id="c9")
    streamed = next(p for p in bot.stream("What is the capital of France?") if isinstance(p, Answer))
    entries = bot.records.audit()
    assert [(e.question, e.conversation_id) for e in entries] == [(streamed.question, None), (QUESTION, "c9")]
    assert entries[0].refused and not entries[1].refused
    assert entries[1].answer.citations == asked.citations and entries[1].backend == asked.backend


def test_an_unusable_data_dir_costs_the_log_not_the_answer(index_dir: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data directory should be")  # as unusable as a read-only folder, even to root
    answer = _staff_bot(index_dir, blocked).ask(QUESTION)
    assert answer.citations
    assert any("not written to the audit log" in n and "not-a-folder" in n for n in answer.notes)


def test_a_records_file_that_is_not_a_database_is_one_clear_error(tmp_path: Path, answer: Answer) -> None:
    path = tmp_path / "staff.sqlite"
    path.write_text("not a database")
    with pytest.raises(RecordsError, match=r"staff\.sqlite.*BRIEFING_DATA_DIR"):
        Records(path, 30).add_feedback(answer, "up")
    assert path.read_text() == "not a database"  # nothing is overwritten


def test_an_upload_is_kept_in_the_data_dir_and_a_bad_one_is_not(index_dir: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    shutil.copytree(index_dir, index)
    bot = _staff_bot(index, tmp_path / "data")
    text = b"Kestrel County moved its canvass to November 12 after a bomb threat at the counting centre.\n"
    report = bot.ingest_upload("../../etc/kestrel notice?.txt", text)
    assert len(report.added) == 1 and not report.failed
    kept = tmp_path / "data" / "uploads" / "kestrel notice_.txt"  # no folders, no odd characters
    assert kept.read_bytes() == text
    assert "November 12" in bot.ask("When was the Kestrel County canvass moved to?").text
    bad = bot.ingest_upload("scan.pdf", b"%PDF-1.4 not really")
    assert [f.path for f in bad.failed] and not (tmp_path / "data" / "uploads" / "scan.pdf").exists()
    # A broken file under the name of a good upload leaves the good one in place, indexed and on disk.
    broken = bot.ingest_upload("kestrel notice?.txt", b"\x00\x01 binary")
    assert broken.failed and kept.read_bytes() == text
    assert "November 12" in bot.ask("When was the Kestrel County canvass moved to?").text
