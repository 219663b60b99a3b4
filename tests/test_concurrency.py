"""Load, for real, with subprocesses: askers while an ingest writes, and two ingests into one index."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Assistant

BRIEFING = str(Path(sys.executable).with_name("briefing"))
PLACES = [
    f"{a}{b}"
    for a in ("Ash", "Bel", "Cor", "Dun", "Elm", "Fal", "Gar", "Hol", "Ives")
    for b in ("ford", "mere", "wick", "ton", "bury", "dale", "field", "holm", "stead", "worth")
]


def _articles(folder: Path, count: int) -> list[tuple[str, int]]:
    """`count` short Markdown articles, one county each, every one with its own number to ask about."""
    folder.mkdir(parents=True)
    made = []
    for n, place in enumerate(PLACES[:count]):
        emails = 100 + 7 * n
        (folder / f"{place.lower()}.md").write_text(
            f"---\ntitle: {place} County reports phishing aimed at poll workers\npublished: 2024-10-{1 + n % 28:02d}\n"
            f"source: County Wire\n---\n\n"
            f"Election officials in {place} County said {emails} phishing emails targeted poll workers in October. "
            f"The messages impersonated the state election office and asked for passwords. "
            f"{place} County reported the campaign to CISA and reset the accounts of 12 staff members.\n",
            encoding="utf-8",
        )
        made.append((place, emails))
    return made


def _catalog(index: Path) -> tuple[list[tuple[str, str]], int]:
    bot = Assistant(index_dir=index)
    found = sorted((r.title, r.fingerprint) for r in bot.articles())
    return found, bot.store().count_chunks()


@pytest.fixture()
def base_index(index_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    return copy


def test_askers_keep_answering_while_an_ingest_writes_90_articles(
    base_index: Path, tmp_path: Path, corpus: Path
) -> None:
    made = _articles(tmp_path / "new", 90)
    rng = random.Random(7)
    askers = []
    for n in range(3):
        questions = tmp_path / f"questions-{n}.jsonl"
        picked = rng.sample(made, 12)
        lines = [
            {"id": p, "question": f"How many phishing emails targeted poll workers in {p} County?"} for p, _ in picked
        ]
        lines += [
            {"id": f"base-{i}", "question": "Who was behind the New Hampshire Biden robocalls?"} for i in range(3)
        ]
        questions.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
        askers.append(questions)
    ingest = subprocess.Popen(
        [BRIEFING, "ingest", str(tmp_path / "new"), "--index", str(base_index), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    running = [
        subprocess.Popen(
            [BRIEFING, "ask", "--json", "--questions", str(q), "--index", str(base_index)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for q in askers
    ]
    outputs = [p.communicate(timeout=600) for p in running]
    written, ingest_err = ingest.communicate(timeout=600)
    assert ingest.returncode == 0, ingest_err
    assert len(json.loads(written)["added"]) == 90
    emails = dict(made)
    for process, (out, err) in zip(running, outputs, strict=True):
        assert process.returncode == 0, err
        records = [json.loads(line) for line in out.splitlines()]
        assert len(records) == 15 and not [r for r in records if "error" in r]
        for r in records:
            # A half-written article (chunks without their article, or the reverse) would show as a
            # citation that fails verification, or as a withheld answer.
            assert r["citations_dropped"] == 0 and all(c["verified"] for c in r["citations"]), r
            if r["id"] in emails and not r["refused"]:
                assert str(emails[r["id"]]) in r["answer"]

    clean = tmp_path / "clean"
    fresh = Assistant(index_dir=clean)
    fresh.ingest([corpus])
    fresh.ingest([tmp_path / "new"])
    assert _catalog(base_index) == _catalog(clean)


def test_two_ingests_into_one_index_are_serialized_with_a_message(tmp_path: Path) -> None:
    _articles(tmp_path / "new", 40)
    index = tmp_path / "index"
    both = [
        subprocess.Popen(
            [BRIEFING, "ingest", str(tmp_path / "new"), "--index", str(index)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [p.communicate(timeout=600) for p in both]
    assert [p.returncode for p in both] == [0, 0], results
    waited = [err for _, err in results if "another ingest is writing to the index" in err]
    assert len(waited) == 1, results
    summaries = sorted(out.strip() for out, _ in results)
    assert summaries[0].startswith("0 added, 0 updated, 40 unchanged")  # the second found the work done
    assert summaries[1].startswith("40 added")
    clean = tmp_path / "clean"
    Assistant(index_dir=clean).ingest([tmp_path / "new"])
    assert _catalog(index) == _catalog(clean)
