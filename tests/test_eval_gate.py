"""The eval regression gates: the offline default must hold eval/thresholds.toml on each gold set."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from eval.gate import Gate, load_gates
from eval.gold import load_gold
from eval.judges import OfflineJudge
from eval.run import evaluate
from tests.conftest import GOLD

GATES = load_gates()


def _run(gate: Gate, bot: Assistant) -> list[str]:
    items, problems = load_gold(gate.gold)
    assert not problems
    report = evaluate(items, bot, OfflineJudge(bot.embeddings), gold_path=gate.gold, corpus=gate.corpus)
    assert len(report.questions) == len(items)
    return gate.failures(report.metrics)


def test_dev_gold_set_holds_the_thresholds(bot: Assistant, corpus: Path) -> None:
    gate = GATES["dev"]
    assert gate.gold.resolve() == GOLD.resolve() and gate.corpus.resolve() == corpus.resolve()
    assert _run(gate, bot) == []


def test_bundled_gold_set_holds_the_thresholds_safety_included(tmp_path: Path) -> None:
    gate = GATES["samples"]
    items, _ = load_gold(gate.gold)
    assert any(item.must_not_contain for item in items) and "safety" in gate.minimum
    bot = Assistant(index_dir=tmp_path / "index")
    assert bot.ingest([gate.corpus]).ok
    assert _run(gate, bot) == []


def test_gate_names_each_metric_that_falls_short(tmp_path: Path) -> None:
    limits = tmp_path / "t.toml"
    limits.write_text(
        '[g]\ngold = "g.jsonl"\ncorpus = "c"\n[g.minimum]\nmrr = 0.5\n[g.invariant]\nfaithfulness = 0.9\n'
        "[g.maximum]\nfalse_refusal_rate = 0.1\n"
    )
    gate = load_gates(limits)["g"]
    assert gate.failures({"faithfulness": 0.95, "mrr": 0.4, "false_refusal_rate": 0.2}) == [
        "mrr = 0.4 is below 0.5",
        "false_refusal_rate = 0.2 is above 0.1",
    ]
    assert gate.failures({"faithfulness": None, "mrr": 0.5, "false_refusal_rate": 0.0}) == [
        "faithfulness = None is below 0.9"
    ]
    misspelt = tmp_path / "misspelt.toml"  # a misspelt table must not switch its bars off
    misspelt.write_text('[g]\ngold = "g.jsonl"\ncorpus = "c"\n[g.minimun]\nmrr = 0.5\n')
    with pytest.raises(ValueError, match="minimun"):
        load_gates(misspelt)


@pytest.mark.parametrize(
    "text",
    [
        '[g]\ngold = "g"\ncorpus = "c"\nname = "x"\n',
        '[g]\ngold = "g"\ncorpus = "c"\n[g.minimum]\nmrr = 0.5\n[g.invariant]\nmrr = 0.6\n',
        "stray = 1\n",
    ],
)
def test_a_malformed_gate_file_is_an_error(tmp_path: Path, text: str) -> None:
    limits = tmp_path / "t.toml"
    limits.write_text(text)
    with pytest.raises(ValueError):
        load_gates(limits)
