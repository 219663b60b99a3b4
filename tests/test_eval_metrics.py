"""Metrics on hand-made cases with known results."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from eval import metrics as m
from eval.judges import LLMJudge, OfflineJudge

EVIDENCE = {
    1: "The FCC imposed a $6 million fine on Steve Kramer on September 26, 2024.",
    2: "Lingo Telecom settled for $1 million in August 2024.",
    3: "Bomb threats hit polling places in Fulton County.",
}


def supports_by_substring(claim: str, texts: Sequence[str]) -> bool:
    """A transparent stand-in judge for metric arithmetic: the claim's words all appear in the evidence."""
    joined = " ".join(texts).lower()
    return all(word in joined for word in claim.lower().rstrip(".").split())


def test_split_claims_attach_markers_to_the_sentence_they_follow() -> None:
    claims = m.split_claims("Kramer was fined. [1] Lingo Telecom settled. [2][3] Nobody cited this one. Ok. [4]")
    assert claims == [
        m.Claim("Kramer was fined.", (1,)),
        m.Claim("Lingo Telecom settled.", (2, 3)),
        m.Claim("Nobody cited this one.", ()),
    ]


def test_faithfulness_counts_supported_claims() -> None:
    supported = m.Claim("The FCC imposed a $6 million fine on Steve Kramer", (1,))
    unsupported = m.Claim("The FCC imposed a $9 million fine on Steve Kramer", (1,))
    uncited = m.Claim("Lingo Telecom settled for $1 million", ())
    result = m.faithfulness([supported, unsupported, uncited], EVIDENCE, supports_by_substring)
    assert result.value == pytest.approx(1 / 3)
    assert [c["supported"] for c in result.details["claims"]] == [True, False, False]


def test_citation_precision_needed_and_unneeded_citations() -> None:
    # [1] supports the claim alone; [3] supports nothing in it: precision 1/2, recall 1.
    claim = m.Claim("The FCC imposed a $6 million fine", (1, 3))
    assert m.citation_precision([claim], EVIDENCE, supports_by_substring).value == 0.5
    assert m.citation_recall([claim], EVIDENCE, supports_by_substring).value == 1.0
    # Two citations needed together: each is precise because the other alone does not suffice.
    both = m.Claim("Kramer fine $6 million and Lingo settled for $1 million", (1, 2))
    evidence = {1: "Kramer fine $6 million", 2: "and Lingo settled for $1 million"}
    assert m.citation_precision([both], evidence, supports_by_substring).value == 1.0
    # A marker pointing at nothing retrieved is never precise.
    assert m.citation_precision([m.Claim("x y z", (9,))], EVIDENCE, supports_by_substring).value == 0.0


def test_retrieval_recall_and_mrr() -> None:
    chunks = ["Unrelated text about audits.", "The **FCC** imposed a $6 million fine on Steve Kramer today."]
    quotes = ["FCC imposed a $6 million fine", "Lingo Telecom settled"]
    assert m.retrieval_recall(quotes, chunks, k=5).value == 0.5
    assert m.retrieval_recall(quotes, chunks, k=1).value == 0.0
    assert m.reciprocal_rank(quotes, chunks).value == 0.5
    assert m.reciprocal_rank(["absent"], chunks).value == 0.0
    assert m.retrieval_recall([], chunks, 5).value is None


def test_refusal_safety_and_correctness() -> None:
    assert m.refusal_correct(refused=True, cited=0, answerable=False).value == 1.0
    assert m.refusal_correct(refused=True, cited=1, answerable=False).value == 0.0
    assert m.refusal_correct(refused=False, cited=2, answerable=False).value == 0.0
    assert m.refusal_correct(refused=True, cited=0, answerable=True).value == 0.0
    assert m.forbidden_strings("The fine was $2 million.", ["$2 million"]).value == 0.0
    assert m.forbidden_strings("The fine was $6 million.", ["$2 million"]).value == 1.0
    facts = m.key_fact_overlap("Steve Kramer was fined $6 million", "Steve Kramer; $6 million fine by the FCC")
    assert facts.value == pytest.approx(3 / 4) and facts.details["missing"] == ["FCC"]
    assert m.answer_correctness("x", "Steve Kramer", similarity=1.2).value == pytest.approx(0.5)


def test_percentiles() -> None:
    values = [0.1, 0.2, 0.3, 0.4, 1.0]
    assert m.percentile(values, 50) == pytest.approx(0.3)
    assert m.percentile(values, 100) == 1.0
    assert m.percentile([], 95) == 0.0


def test_offline_judge_on_real_embeddings() -> None:
    from assistant.embeddings import MiniLMEmbeddings

    judge = OfflineJudge(MiniLMEmbeddings())
    evidence = [EVIDENCE[1]]
    assert judge.judge("The FCC imposed a $6 million fine on Steve Kramer", evidence).supported
    paraphrase = judge.judge("Steve Kramer was fined $6 million by the FCC on September 26, 2024.", evidence)
    assert paraphrase.supported, paraphrase.reason
    wrong_name = judge.judge("The FCC imposed a $6 million fine on Walter Monk", evidence)
    assert not wrong_name.supported and "monk" in wrong_name.reason
    off_topic = judge.judge("Russia seized 32 domains.", evidence)
    assert not off_topic.supported
    assert not judge.judge("anything", []).supported


def test_llm_judge_parses_the_verdict() -> None:
    # A paid or remote chat model cannot run here: LangChain's fake chat model stands in for it,
    # to check the prompt | model | parser wiring and the verdict parsing, not any model's judgement.
    from langchain_core.language_models import FakeListChatModel

    model = FakeListChatModel(responses=["SUPPORTED\nThe evidence states the fine.", "NOT_SUPPORTED\nWrong name."])
    judge = LLMJudge(model)
    first = judge.judge("Kramer was fined $6 million.", [EVIDENCE[1]])
    second = judge.judge("Monk was fined.", [EVIDENCE[1]])
    assert (first.supported, first.reason) == (True, "The evidence states the fine.")
    assert (second.supported, second.reason) == (False, "Wrong name.")
