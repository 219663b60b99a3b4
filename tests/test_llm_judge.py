"""The LLM judge with a real model: LangChain's OpenAI client, over HTTP, to llama.cpp's server on 127.0.0.1.

The model (`local_llm`, see tests/llm_server.py) is Gemma 3 270M, a small base model: its verdicts are
noise, so these tests hold what is deterministic: the request reaches the model with our prompt and
reply cap, and every claim ends with a parsed verdict or a failure recorded in its reason, never an
exception that stops the run. Verdict parsing on fixed replies is in test_eval_metrics.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.chat_models import chat_model
from assistant.config import Settings
from assistant.errors import ConfigError
from eval.judges import Judgement, LLMJudge
from tests.conftest import GOLD
from tests.llm_server import CONTEXT_TOKENS, LocalLLM

EVIDENCE = ["The FCC imposed a $6 million fine on Steve Kramer on September 26, 2024."]
MAX_TOKENS = 24  # a verdict and a short reason; keeps each call to about a second


def settings(llm: LocalLLM, max_tokens: int = MAX_TOKENS) -> Settings:
    return Settings(llm_provider="openai", llm_model=llm.model, llm_base_url=llm.base_url, llm_max_tokens=max_tokens)


def recorded(verdict: Judgement) -> bool:
    """A verdict was parsed from the model's reply, or the reply holding none was recorded as such."""
    if verdict.reason.startswith("judge gave no verdict: "):
        return not verdict.supported and verdict.score == 0.0
    return verdict.score == (1.0 if verdict.supported else 0.0) and not verdict.reason.startswith("judge failed")


def test_the_model_writes_no_more_than_llm_max_tokens(local_llm: LocalLLM) -> None:
    # llama.cpp's server ignores `max_completion_tokens`, the name ChatOpenAI sends: without the
    # older `max_tokens` beside it, a base model writes on until its context is full.
    messages = [("system", "You write briefings."), ("human", "Describe the FCC fine on Steve Kramer in detail.")]
    reply = chat_model(settings(local_llm, max_tokens=5)).invoke(messages)
    assert reply.response_metadata["model_name"] == local_llm.model
    assert reply.response_metadata["finish_reason"] == "length"
    assert 0 < reply.response_metadata["token_usage"]["completion_tokens"] <= 5
    assert isinstance(reply.content, str) and reply.content


def test_llm_judge_with_a_real_model(local_llm: LocalLLM) -> None:
    judge = LLMJudge(chat_model(settings(local_llm)))
    verdicts = [
        judge.judge("The FCC fined Steve Kramer $6 million.", EVIDENCE),
        judge.judge("The FCC fined Walter Monk $6 million.", EVIDENCE),
    ]
    assert all(recorded(v) for v in verdicts), verdicts
    assert not judge.judge("anything", []).supported  # no evidence: no call


def test_a_failed_call_costs_one_verdict(local_llm: LocalLLM) -> None:
    # Evidence longer than the model's context: the server refuses the request, the judge records why.
    judge = LLMJudge(chat_model(settings(local_llm)))
    verdict = judge.judge("The FCC fined Steve Kramer $6 million.", EVIDENCE * (CONTEXT_TOKENS // 10))
    assert not verdict.supported and verdict.reason.startswith("judge failed: ")
    assert recorded(judge.judge("The FCC fined Steve Kramer $6 million.", EVIDENCE))  # the server serves on


def test_eval_with_the_llm_judge(
    local_llm: LocalLLM, index_dir: Path, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eval.cli import run_eval

    # One answerable question, answered from two bare chunks: the judge reads a few hundred tokens a
    # call (the model reads about 100 tokens/s here, so six passages with their windows take 30 s).
    gold = tmp_path / "one.jsonl"
    gold.write_text(next(line for line in GOLD.read_text().splitlines() if json.loads(line)["id"] == "dev-001"))
    values = {"PROVIDER": "openai", "MODEL": local_llm.model, "BASE_URL": local_llm.base_url, "MAX_TOKENS": "24"}
    for key, value in values.items():
        monkeypatch.setenv(f"BRIEFING_LLM_{key}", value)
    monkeypatch.setenv("BRIEFING_WINDOW", "0")
    assert run_eval(gold, corpus, index_dir, None, "llm", tmp_path / "out", 2) == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["judge"] == f"llm:openai:{local_llm.model}"
    assert 0.0 <= report["metrics"]["faithfulness"] <= 1.0
    reasons = report["questions"][0]["reasons"]["judge"]
    assert reasons and not [r for r in reasons if r["reason"].startswith("judge failed")], reasons


def test_llm_judge_needs_a_configured_model() -> None:
    with pytest.raises(ConfigError, match="BRIEFING_LLM_PROVIDER"):
        chat_model(Settings())
