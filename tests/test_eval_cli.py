"""`briefing eval`, `eval validate` and `eval compare` as a maintainer runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import GOLD, ROOT
from tests.test_cli import run


def _small_gold(tmp_path: Path) -> Path:
    wanted = {"dev-001", "dev-017", "dev-036"}  # factual, numeric, unanswerable
    lines = [line for line in GOLD.read_text().splitlines() if json.loads(line)["id"] in wanted]
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_validate_accepts_the_dev_set_and_names_bad_items(tmp_path: Path, corpus: Path) -> None:
    good = run("eval", "validate", str(GOLD), "--corpus", str(corpus))
    assert good.returncode == 0 and "40 items, 0 problem(s)" in good.stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps(
            {
                "id": "x1",
                "question": "q?",
                "answer": "a",
                "type": "factual",
                "supporting": [{"doc": "no-such-doc", "quote": "anything"}],
            }
        )
        + "\n"
        + json.dumps(
            {
                "id": "x2",
                "question": "q?",
                "answer": "a",
                "type": "factual",
                "supporting": [{"doc": "seed", "quote": "a sentence the seed never says"}],
            }
        )
        + "\n"
        + json.dumps({"id": "x2", "question": "q?", "answer": "", "type": "unanswerable", "supporting": []})
        + "\n"
        + json.dumps({"id": "x4", "question": "q?", "answer": "", "type": "opinion", "supporting": []})
        + "\n"
    )
    result = run("eval", "validate", str(bad), "--corpus", str(corpus))
    assert result.returncode == 1
    assert "unknown doc 'no-such-doc'" in result.stderr
    assert "quote not found in seed" in result.stderr
    assert "duplicate id" in result.stderr
    assert "bad.jsonl:4: type" in result.stderr


def test_eval_writes_three_reports_and_compare_reads_them(tmp_path: Path, corpus: Path, index_dir: Path) -> None:
    gold = _small_gold(tmp_path)
    result = run(
        "eval", "--gold", str(gold), "--corpus", str(corpus), "--index", str(index_dir), "--out", str(tmp_path / "a")
    )
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "a" / "report.json").read_text())
    for key in (
        "retrieval_recall@5",
        "mrr",
        "faithfulness",
        "citation_precision",
        "citation_recall",
        "answer_correctness",
        "refusal_accuracy",
    ):
        assert 0.0 <= report["metrics"][key] <= 1.0
    assert [q["id"] for q in report["questions"]] == ["dev-001", "dev-017", "dev-036"]
    assert report["questions"][2]["refused"] and report["metrics"]["refusal_accuracy"] == 1.0
    # Declines are counted by the decision that made them, the right ones apart from the wrong ones.
    reason = report["questions"][2]["declined_because"]
    assert report["declines"][reason]["unanswerable"] >= 1
    assert f"| {reason} |" in (tmp_path / "a" / "report.md").read_text()
    assert "judge" in report["questions"][0]["reasons"]
    page = (tmp_path / "a" / "report.html").read_text()
    assert page.count("<svg") >= 3 and "http" not in page.split("<body>")[0] and "<script" not in page
    assert "| faithfulness |" in (tmp_path / "a" / "report.md").read_text()

    # A second run with fewer passages, then the comparison question by question.
    again = run(
        "eval",
        "--gold",
        str(gold),
        "--corpus",
        str(corpus),
        "--index",
        str(index_dir),
        "--out",
        str(tmp_path / "b"),
        "-k",
        "1",
    )
    assert again.returncode == 0, again.stderr
    compared = run("eval", "compare", str(tmp_path / "a"), str(tmp_path / "b" / "report.json"))
    assert compared.returncode == 0
    assert compared.stdout.splitlines()[0].split() == ["metric", "A", "B", "change"]
    assert "question(s) changed" in compared.stdout


def test_eval_needs_gold_and_corpus_and_a_known_judge(tmp_path: Path, corpus: Path) -> None:
    missing = run("eval")
    assert missing.returncode == 2 and "--gold" in missing.stderr
    judge = run(
        "eval",
        "--gold",
        str(_small_gold(tmp_path)),
        "--corpus",
        str(corpus),
        "--judge",
        "oracle",
        "--index",
        str(tmp_path / "idx"),
    )
    assert judge.returncode == 1 and "unknown judge 'oracle'" in judge.stderr and "Traceback" not in judge.stderr


HELDOUT = ROOT / "eval" / "heldout"


@pytest.mark.parametrize(
    ("blind", "gold", "items"),
    [
        ("blind", "gold.jsonl", 72),
        ("blind2", "gold.jsonl", 80),
        ("blind2", "followups.jsonl", 8),
        ("blind3", "gold.jsonl", 80),
        ("blind3", "followups.jsonl", 8),
        ("blind4", "gold.jsonl", 80),
        ("blind4", "followups.jsonl", 8),
        ("blind5", "gold.jsonl", 70),
        ("blind5", "followups.jsonl", 6),
        ("blind6", "gold.jsonl", 70),
        ("blind6", "followups.jsonl", 6),
        ("blind7", "gold.jsonl", 70),
        ("blind7", "followups.jsonl", 6),
        ("blind8", "gold.jsonl", 70),
        ("blind8", "followups.jsonl", 6),
        ("blind9", "gold.jsonl", 70),
        ("blind9", "followups.jsonl", 6),
        ("blind10", "gold.jsonl", 70),
        ("blind10", "followups.jsonl", 6),
        ("blind11", "gold.jsonl", 70),
        ("blind11", "followups.jsonl", 6),
        ("blind12", "gold.jsonl", 70),
        ("blind12", "followups.jsonl", 6),
        ("blind13", "gold.jsonl", 70),
        ("blind13", "followups.jsonl", 6),
        ("blind14", "gold.jsonl", 70),
        ("blind14", "followups.jsonl", 6),
        ("blind15", "gold.jsonl", 70),
        ("blind15", "followups.jsonl", 6),
        ("blind16", "gold.jsonl", 70),
        ("blind16", "followups.jsonl", 6),
        ("blind17", "gold.jsonl", 70),
        ("blind17", "followups.jsonl", 6),
        ("blind18", "gold.jsonl", 70),
        ("blind18", "followups.jsonl", 6),
        ("blind19", "gold.jsonl", 70),
        ("blind19", "followups.jsonl", 6),
        ("blind20", "gold.jsonl", 70),
        ("blind20", "followups.jsonl", 6),
        ("blind21", "gold.jsonl", 70),
        ("blind21", "followups.jsonl", 6),
        ("blind22", "gold.jsonl", 70),
        ("blind22", "followups.jsonl", 6),
        ("blind23", "gold.jsonl", 70),
        ("blind23", "followups.jsonl", 6),
        ("blind24", "gold.jsonl", 70),
        ("blind24", "followups.jsonl", 6),
        ("blind25", "gold.jsonl", 70),
        ("blind25", "followups.jsonl", 6),
        ("blind26", "gold.jsonl", 70),
        ("blind26", "followups.jsonl", 6),
        ("blind27", "gold.jsonl", 70),
        ("blind27", "followups.jsonl", 6),
        ("blind28", "gold.jsonl", 70),
        ("blind28", "followups.jsonl", 6),
        ("blind29", "gold.jsonl", 70),
        ("blind29", "followups.jsonl", 6),
        ("blind30", "gold.jsonl", 70),
        ("blind30", "followups.jsonl", 6),
        ("blind31", "gold.jsonl", 70),
        ("blind31", "followups.jsonl", 6),
        ("blind32", "gold.jsonl", 70),
        ("blind32", "followups.jsonl", 6),
        ("blind33", "gold.jsonl", 70),
        ("blind33", "followups.jsonl", 6),
        ("blind34", "gold.jsonl", 70),
        ("blind34", "followups.jsonl", 6),
        ("blind35", "gold.jsonl", 70),
        ("blind35", "followups.jsonl", 6),
        ("blind36", "gold.jsonl", 70),
        ("blind36", "followups.jsonl", 6),
        ("blind37", "gold.jsonl", 70),
        ("blind37", "followups.jsonl", 6),
        ("blind38", "gold.jsonl", 70),
        ("blind38", "followups.jsonl", 6),
    ],
)
def test_the_blind_sets_are_valid_over_their_articles_and_the_sample_ones(
    corpus: Path, blind: str, gold: str, items: int
) -> None:
    folder = ROOT / "eval" / blind
    checked = run("eval", "validate", str(folder / gold), "--corpus", str(corpus), "--corpus", str(folder / "articles"))
    assert checked.returncode == 0 and f"{items} items, 0 problem(s)" in checked.stdout


def test_a_held_out_set_is_scored_with_the_sample_articles_as_distractors(tmp_path: Path, corpus: Path) -> None:
    """`--corpus` repeats: the held-out questions are asked of one index holding their own articles and
    the sample corpus. Whatever the scores, a planted line is never repeated and every citation verifies
    (a planted sentence of a held-out article was once quoted)."""
    checked = run(
        "eval", "validate", str(HELDOUT / "gold.jsonl"), "--corpus", str(corpus), "--corpus", str(HELDOUT / "articles")
    )
    assert checked.returncode == 0 and "48 items, 0 problem(s)" in checked.stdout
    wrong = run("eval", "validate", str(GOLD), "--corpus", str(HELDOUT / "articles"))
    assert wrong.returncode == 1 and "unknown doc" in wrong.stderr
    out = tmp_path / "report"
    result = run(
        "eval",
        "--gold",
        str(HELDOUT / "gold.jsonl"),
        "--corpus",
        str(corpus),
        "--corpus",
        str(HELDOUT / "articles"),
        "--index",
        str(tmp_path / "index"),
        "--split",
        "report",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert "34 added" in result.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["corpus"] == f"{corpus}, {HELDOUT / 'articles'}"
    assert len(report["questions"]) == 24
    assert report["metrics"]["safety"] == 1.0 and report["metrics"]["citations_verified"] == 1.0
