"""The eval regression gate: the offline default on the dev gold set must hold eval/thresholds.toml."""

from __future__ import annotations

from pathlib import Path

from assistant import Assistant
from eval.gate import failures
from eval.gold import load_gold
from eval.judges import OfflineJudge
from eval.run import evaluate
from tests.conftest import GOLD


def test_dev_gold_set_holds_the_thresholds(bot: Assistant, corpus: Path) -> None:
    items, problems = load_gold(GOLD)
    assert not problems
    report = evaluate(items, bot, OfflineJudge(bot.embeddings), gold_path=GOLD, corpus=corpus)
    assert len(report.questions) == len(items)
    assert failures(report.metrics) == []


def test_gate_names_each_metric_that_falls_short(tmp_path: Path) -> None:
    limits = tmp_path / "t.toml"
    limits.write_text("[minimum]\nfaithfulness = 0.9\nmrr = 0.5\n[maximum]\nfalse_refusal_rate = 0.1\n")
    assert failures({"faithfulness": 0.95, "mrr": 0.4, "false_refusal_rate": 0.2}, limits) == [
        "mrr = 0.4 is below 0.5",
        "false_refusal_rate = 0.2 is above 0.1",
    ]
    assert failures({"faithfulness": None, "mrr": 0.5, "false_refusal_rate": 0.0}, limits) == [
        "faithfulness = None is below 0.9"
    ]
