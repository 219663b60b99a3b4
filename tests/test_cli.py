"""The `briefing` command line, run as a user runs it (a real subprocess on the real index)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant import Assistant

BRIEFING = str(Path(sys.executable).with_name("briefing"))
# pytest-socket guards this process only: as root, the CLI runs in a network namespace of its own
# with no network at all, so these tests prove the command line works offline too.
OFFLINE = ["unshare", "--net"] if os.geteuid() == 0 and shutil.which("unshare") else []


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*OFFLINE, BRIEFING, *args], capture_output=True, text=True, timeout=300, env=env)


def _without_timings(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "timings"}


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("ingest", "ask", "chat", "serve", "stats"):
        assert command in result.stdout


def test_ask_json_is_exactly_the_api_answer(index_dir: Path, bot: Assistant) -> None:
    question = "How many internet domains did the Justice Department seize in its Doppelganger action?"
    result = run("ask", question, "--index", str(index_dir), "--json", "-k", "5")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert _without_timings(printed) == _without_timings(bot.ask(question, k=5).to_json_dict())
    for key in ("question", "answer", "refused", "citations", "retrieved"):
        assert key in printed
    citation = printed["citations"][0]
    assert set(citation) >= {
        "marker",
        "path",
        "title",
        "published",
        "url",
        "chunk_id",
        "start",
        "end",
        "quote",
        "verified",
    }
    assert set(printed["retrieved"][0]) >= {"chunk_id", "path", "title", "score", "text"}


def test_ask_questions_file_writes_one_line_per_id(index_dir: Path, tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        json.dumps({"id": "a", "question": "Who was behind the New Hampshire Biden robocalls?"})
        + "\n\n"
        + json.dumps({"id": "b", "question": "What is the capital of France?"})
        + "\n"
        + json.dumps({"id": "c", "question": " "})
        + "\nnot json\n"
        + json.dumps({"id": "e", "question": 5})
        + "\n"
    )
    result = run("ask", "--json", "--questions", str(questions), "--index", str(index_dir))
    assert result.returncode == 1, "a failed line makes the batch exit non-zero"
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b", "c", 5, "e"]
    assert "empty" in lines[2]["error"] and "Expecting value" in lines[3]["error"] and "question" in lines[4]["error"]
    assert result.stderr.count("failed:") == 3 and "Traceback" not in result.stderr
    assert not lines[0]["refused"] and lines[0]["citations"]
    assert lines[1]["refused"] and lines[1]["citations"] == [] and lines[1]["declined_because"]
    assert lines[0]["declined_because"] is None


def test_a_questions_line_with_history_is_asked_as_a_follow_up(index_dir: Path, tmp_path: Path) -> None:
    """A line's `history` (the gold format's: the earlier questions) is asked first, each answered in
    turn, and the follow-up after it, as in the chat: "him" is whom the first answer named."""
    robocalls = "Who ran the robocalls urging New Hampshire voters to save their vote for November?"
    penalty = "What penalty did the FCC finally impose on him?"
    questions = tmp_path / "followups.jsonl"
    questions.write_text(
        json.dumps({"id": "fu", "question": penalty, "history": [robocalls]})
        + "\n"
        + json.dumps({"id": "alone", "question": penalty})
        + "\n"
        + json.dumps({"id": "bad", "question": penalty, "history": robocalls})
        + "\n"
    )
    result = run("ask", "--json", "--questions", str(questions), "--index", str(index_dir))
    follow_up, alone, bad = (json.loads(line) for line in result.stdout.splitlines())
    assert follow_up["standalone_question"].startswith(f"{penalty} (following up: {robocalls}; answered: ")
    assert not follow_up["refused"] and "$6 million" in follow_up["answer"]
    assert alone["standalone_question"] is None  # no history: the question as it stands
    assert "history" in bad["error"] and result.returncode == 1


def test_ask_text_output_and_filters(index_dir: Path) -> None:
    result = run(
        "ask",
        "What did Microsoft report about Iranian hackers?",
        "--index",
        str(index_dir),
        "--since",
        "2024-08-01",
        "--until",
        "2024-08-31",
        "--topic",
        "iran",
    )
    assert result.returncode == 0, result.stderr
    assert "Sources:" in result.stdout and "[1]" in result.stdout


def test_ask_text_lists_each_quoted_article_once_with_all_its_quotes(index_dir: Path) -> None:
    # The indictment article is quoted twice (the charge, then the defendants' list): one source, as in the chat.
    result = run("ask", "Who was charged over the Trump campaign hack?", "--index", str(index_dir))
    assert result.returncode == 0, result.stderr
    answer, listed = result.stdout.split("\nSources:\n")
    heads = [line for line in listed.splitlines() if re.match(r"  \[\d+\] ", line)]
    titles = [re.sub(r"^  \[\d+\] ", "", h) for h in heads]
    assert len(titles) == len(set(titles)), listed
    assert [int(re.match(r"  \[(\d+)\]", h)[1]) for h in heads] == list(range(1, len(heads) + 1))
    assert set(map(int, re.findall(r"\[(\d+)\]", answer))) == set(range(1, len(heads) + 1))
    assert listed.count('      "') > len(heads), "the defendants' list and the charge, quoted from one article"


def test_a_quote_over_several_lines_stays_under_its_source(capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import print_answer
    from assistant.types import Answer, Citation

    quote = "Defendants\n\n- Masoud Jalili, 36\n- Yaser Balaghi, 37"
    cited = Citation(
        marker=2, path="doj.md", title="Indictment", chunk_id="doj.md:0", start=0, end=len(quote), quote=quote
    )
    print_answer(
        Answer(
            question="What were their names?",
            standalone_question="What were the names of the men charged over the Trump campaign hack?",
            text="Defendants: Masoud Jalili, 36; Yaser Balaghi, 37 [2]",
            refused=False,
            citations=[cited],
            retrieved=[],
            backend="extractive",
        )
    )
    shown = capsys.readouterr().out
    assert shown.startswith("(searched as: What were the names of the men charged")
    assert "Yaser Balaghi, 37 [1]" in shown and "  [1] Indictment\n" in shown
    assert '      "Defendants\n\n       - Masoud Jalili, 36\n       - Yaser Balaghi, 37"\n      doj.md' in shown


def test_errors_are_one_line_with_exit_code_1(tmp_path: Path, index_dir: Path) -> None:
    missing = run("ask", "Who hacked the campaign?", "--index", str(tmp_path / "nowhere"))
    assert missing.returncode == 1
    assert missing.stderr.strip().count("\n") == 0 and "briefing ingest" in missing.stderr
    assert "Traceback" not in missing.stderr
    empty = run("ask", "  ", "--index", str(index_dir))
    assert empty.returncode == 1 and "empty" in empty.stderr and "Traceback" not in empty.stderr
    bad_date = run("ask", "x", "--since", "yesterday")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    bad_setting = run("stats", env={**os.environ, "BRIEFING_K": "0"})
    assert bad_setting.returncode == 1 and "BRIEFING_K" in bad_setting.stderr and "Traceback" not in bad_setting.stderr
    no_chat = run("chat", "--index", str(tmp_path / "nowhere"))
    assert no_chat.returncode == 1 and "briefing ingest" in no_chat.stderr


def test_ingest_reports_failures_and_exits_nonzero(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.md").write_text("---\ntitle: Drill\n---\nCounty staff ran a tabletop exercise on ransomware.")
    (folder / "bad.md").write_bytes(b"\xff\xfe\x00\x00")
    result = run("ingest", str(folder), "--index", str(tmp_path / "index"))
    assert result.returncode == 1
    assert "1 added" in result.stdout and "1 failed" in result.stdout
    assert "bad.md" in result.stderr and "binary" in result.stderr
    stats = run("stats", "--index", str(tmp_path / "index"), "--json")
    assert stats.returncode == 0 and json.loads(stats.stdout)["articles"] == 1


def test_chat_answers_in_the_terminal(index_dir: Path) -> None:
    result = subprocess.run(
        [*OFFLINE, BRIEFING, "chat", "--index", str(index_dir)],
        input="Which Russian companies ran the Doppelganger campaign?\nexit\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Social Design Agency" in result.stdout and "Sources:" in result.stdout


def test_the_command_line_loads_no_heavy_library_until_a_command_runs() -> None:
    # `briefing --help` must answer at once: importing the CLI pulls in none of the model or index stack.
    probe = (
        "import sys; import assistant.cli; assistant.cli.add_registered_commands(); "
        "heavy = {'torch', 'chromadb', 'sentence_transformers', 'langchain_core', 'streamlit', 'tantivy'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stdout + result.stderr


def test_a_broken_command_package_leaves_the_others_working(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.metadata

    from assistant import cli

    broken = importlib.metadata.EntryPoint("broken", "no_such_package.cli:main", cli.COMMANDS_ENTRY_POINT)
    real = list(importlib.metadata.entry_points(group=cli.COMMANDS_ENTRY_POINT))
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: [broken, *real])
    monkeypatch.setattr(cli.main, "commands", dict(cli.main.commands))
    cli.add_registered_commands()
    assert "command 'broken' is unavailable" in capsys.readouterr().err
    assert {"eval", "serve", "ask"} <= set(cli.main.commands) and "broken" not in cli.main.commands
