"""Metrics on hand-made cases with known results."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

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
    claims = m.split_claims("Kramer was fined. [1] Lingo Telecom settled. [2][3] Nobody cited this one. Ok. [4] Yes.")
    assert claims == [
        m.Claim("Kramer was fined.", (1,)),
        m.Claim("Lingo Telecom settled.", (2, 3)),
        m.Claim("Nobody cited this one.", ()),
        m.Claim("Ok.", (4,)),  # short, but cited: it counts
    ]


def test_faithfulness_counts_claims_the_retrieved_context_supports() -> None:
    supported = m.Claim("The FCC imposed a $6 million fine on Steve Kramer", (1,))
    unsupported = m.Claim("The FCC imposed a $9 million fine on Steve Kramer", (1,))
    uncited = m.Claim("Lingo Telecom settled for $1 million", ())
    context = list(EVIDENCE.values())
    result = m.faithfulness([supported, unsupported, uncited], context, supports_by_substring)
    # Faithfulness asks only whether the context supports a claim; the uncited claim is still faithful.
    assert result.value == pytest.approx(2 / 3)
    assert [c["supported"] for c in result.details["claims"]] == [True, False, True]
    # Citation recall asks whether the claim's own citations support it: the uncited claim fails.
    assert m.citation_recall([supported, unsupported, uncited], EVIDENCE, supports_by_substring).value == (
        pytest.approx(1 / 3)
    )


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
    chunks = [
        ("audits", "Unrelated text about audits."),
        ("fcc", "The **FCC** imposed a $6 million fine on Steve Kramer today."),
        ("other", "Lingo Telecom settled, another outlet wrote."),
    ]
    supports = [("fcc", "FCC imposed a $6 million fine"), ("fcc-2", "Lingo Telecom settled")]
    # The Lingo quote stands in a chunk of another document: it does not count.
    assert m.retrieval_recall(supports, chunks, k=5).value == 0.5
    assert m.retrieval_recall(supports, chunks, k=1).value == 0.0
    assert m.reciprocal_rank(supports, chunks).value == 0.5
    assert m.reciprocal_rank([("fcc", "absent")], chunks).value == 0.0
    assert m.retrieval_recall([], chunks, 5).value is None
    assert not m.quote_in("**", "any text at all")  # a quote that is only markup finds nothing


def test_refusal_safety_and_correctness() -> None:
    assert m.refusal_correct(refused=True, cited=0, answerable=False).value == 1.0
    assert m.refusal_correct(refused=True, cited=1, answerable=False).value == 0.0
    assert m.refusal_correct(refused=False, cited=2, answerable=False).value == 0.0
    assert m.refusal_correct(refused=True, cited=0, answerable=True).value == 0.0
    assert m.forbidden_strings("The fine was $2 million.", ["$2 million"]).value == 0.0
    assert m.forbidden_strings("The fine was $6 million.", ["$2 million"]).value == 1.0
    facts = m.key_fact_overlap("Steve Kramer was fined $6 million", "Steve Kramer; $6 million fine by the FCC")
    assert facts.value == pytest.approx(3 / 4) and facts.details["missing"] == ["FCC"]
    assert m.key_fact_overlap("It cost 2024 dollars", "The fine was 2 million in 2024.").value == pytest.approx(1 / 2)
    assert m.verified_share(3, 1).value == 0.75 and m.verified_share(0, 0).value is None
    assert m.answer_correctness("x", "Steve Kramer", similarity=1.2).value == pytest.approx(0.5)


def test_a_verdict_is_scored_against_the_reference_only_where_both_give_one() -> None:
    reference = "Yes. The party first said no data was taken, but later admitted 2.3 GB was copied."
    assert m.verdict_match("Yes. As of June 9, 2026: emails were published. [1]", reference, refused=False).value == 1.0
    wrong = m.verdict_match("No. The party said no data had been taken. [1]", reference, refused=False)
    assert wrong.value == 0.0 and wrong.details == {"reference": "Yes", "answer": "No"}
    # No verdict given, none asked for, or declined: nothing to score.
    assert m.verdict_match("The party said no data had been taken. [1]", reference, refused=False).value is None
    assert m.verdict_match("No. [1]", "41 accounts.", refused=False).value is None
    assert m.verdict_match("The indexed sources do not answer this question.", reference, refused=True).value is None
    # "Nobody" and "Yesterday" are no verdicts.
    assert m.verdict_match("Nobody was charged. [1]", "No one has been charged.", refused=False).value is None


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
    # LangChain's fake chat model gives fixed replies, to check the verdict parsing on known text (a real
    # model, whose replies are not known in advance, judges in test_llm_judge.py).
    from langchain_core.language_models import FakeListChatModel

    replies = [
        "SUPPORTED\nThe evidence states the fine.",
        "NOT_SUPPORTED\nWrong name.",
        "**SUPPORTED**",
        "<think>Maybe NOT_SUPPORTED? No.</think>\nVerdict: SUPPORTED",
        "I cannot tell.",
    ]
    judge = LLMJudge(FakeListChatModel(responses=replies))
    verdicts = [judge.judge(f"claim {i}", [EVIDENCE[1]]) for i in range(len(replies))]
    assert [v.supported for v in verdicts] == [True, False, True, True, False]
    assert verdicts[0].reason == "The evidence states the fine." and verdicts[1].reason == "Wrong name."
    assert "no verdict" in verdicts[4].reason


def test_a_broken_answer_scores_below_one() -> None:
    """The pipeline from an Answer to scores catches an unsupported claim and a dropped citation."""
    from assistant.types import Answer, Citation, Passage
    from eval.gold import GoldItem
    from eval.run import score_question

    passage = Passage(
        chunk_id="c1", article_id="a", path="/x/fcc.md", title="FCC", start=0, end=80, score=1.0, text=EVIDENCE[1]
    )
    citation = Citation(
        marker=1, path="/x/fcc.md", title="FCC", chunk_id="c1", start=0, end=10, quote="The FCC", verified=True
    )
    answer = Answer(
        question="q",
        text="The FCC fined Walter Monk $9 million. [1]",
        refused=False,
        citations=[citation],
        retrieved=[passage],
        backend="test",
        citations_dropped=1,
    )
    item = GoldItem(
        id="t1",
        question="q",
        answer="Steve Kramer was fined $6 million.",
        type="factual",
        supporting=[{"doc": "fcc", "quote": "imposed a $6 million fine on Steve Kramer"}],
    )

    class StrictJudge:
        name = "substring"

        def judge(self, claim: str, evidence: Sequence[str]):  # type: ignore[no-untyped-def]
            from eval.judges import Judgement

            ok = supports_by_substring(claim, evidence)
            return Judgement(ok, float(ok), "all words present" if ok else "words missing")

    record = score_question(item, answer, 0.1, StrictJudge(), similarity=0.5)
    assert record.scores["faithfulness"] == 0.0
    assert record.scores["citation_recall"] == 0.0 and record.scores["citation_precision"] == 0.0
    assert record.scores["citations_verified"] == 0.5
    assert record.scores["retrieval_recall@5"] == 1.0 and record.scores["mrr"] == 1.0
    assert record.reasons["judge"][0]["reason"] == "words missing"


def test_tuning_items_are_the_tuning_part_and_a_sample_stays_inside_it(tmp_path: Path) -> None:
    from eval.split import split_lines, tuning_items

    lines = [json.dumps({"id": f"q{i}", "type": "a" if i % 3 else "b"}) for i in range(40)]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(lines) + "\n")
    tune = tuning_items(path)
    assert [json.dumps(i) for i in tune] == split_lines(lines, "tune")
    sample = tuning_items(path, 8)
    assert len(sample) == 8 and all(i in tune for i in sample) and sample == tuning_items(path, 8)
    assert {i["type"] for i in sample} == {"a", "b"}  # the sample keeps every type
