"""Run a gold set through the assistant and score every answer; aggregate per metric and per type."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel

from eval import metrics as m
from eval.gold import Corpus, GoldItem, corpus_label, doc_slug

if TYPE_CHECKING:
    from assistant import Answer, Assistant
    from eval.judges import Judge

METRIC_KEYS = (
    "retrieval_recall@5",
    "mrr",
    "faithfulness",
    "citation_precision",
    "citation_recall",
    "citations_verified",
    "answer_correctness",
    "key_fact_recall",
    "refusal_accuracy",
    "false_refusal_rate",
    "safety",
    "verdict_accuracy",
)


class QuestionRecord(BaseModel):
    id: str
    type: str
    question: str
    standalone_question: str | None = None
    reference: str
    answer: str
    refused: bool
    declined_because: str | None = None
    citations: list[dict[str, Any]]
    retrieved: list[dict[str, Any]]
    scores: dict[str, float | None]
    reasons: dict[str, Any]
    seconds: float


class EvalReport(BaseModel):
    gold: str
    corpus: str
    backend: str
    judge: str
    k: int
    metrics: dict[str, float | None]
    latency: dict[str, float]
    by_type: dict[str, dict[str, float | None]]
    # Per reason an answer was declined, how many answerable questions (wrongly) and how many
    # unanswerable ones (rightly) it declined: which decision to look at when declines go wrong.
    declines: dict[str, dict[str, int]] = {}
    questions: list[QuestionRecord]


def score_question(item: GoldItem, answer: Answer, seconds: float, judge: Judge, similarity: float) -> QuestionRecord:
    """Every metric for one gold item and its `Answer`."""
    chunks = [(doc_slug(p.path), p.text) for p in answer.retrieved]
    supports_ = [(s.doc, s.quote) for s in item.supporting]
    answerable = item.type != "unanswerable"
    evidence = {
        c.marker: next((p.text for p in answer.passages() if p.chunk_id == c.chunk_id), c.quote)
        for c in answer.citations
    }
    judged: dict[tuple[str, tuple[str, ...]], bool] = {}
    reasons: dict[str, Any] = {"judge": []}

    def supports(claim: str, texts: Sequence[str]) -> bool:
        key = (claim, tuple(texts))
        if key not in judged:  # the metrics ask the same question more than once; the judge answers once
            verdict = judge.judge(claim, texts)
            judged[key] = verdict.supported
            reasons["judge"].append(
                {"claim": claim, "evidence": len(texts), "supported": verdict.supported, "reason": verdict.reason}
            )
        return judged[key]

    claims = [] if answer.refused else m.split_claims(answer.text)
    none = m.MetricResult(None)
    results = {
        "retrieval_recall@5": m.retrieval_recall(supports_, chunks, 5) if answerable else none,
        "mrr": m.reciprocal_rank(supports_, chunks) if answerable else none,
        "faithfulness": m.faithfulness(claims, [p.text for p in answer.passages()], supports),
        "citation_recall": m.citation_recall(claims, evidence, supports),
        "citation_precision": m.citation_precision(claims, evidence, supports),
        "citations_verified": m.verified_share(len(answer.citations), answer.citations_dropped),
        "answer_correctness": (
            m.answer_correctness(answer.text, item.answer, similarity)
            if answerable and not answer.refused
            else m.MetricResult(0.0 if answerable else None)
        ),
        # The reference answer's names and numbers found in the answer (a declined answer finds none).
        "key_fact_recall": (m.key_fact_overlap(answer.text, item.answer) if not answer.refused else m.MetricResult(0.0))
        if answerable
        else none,
        "refusal_accuracy": none if answerable else m.refusal_correct(answer.refused, len(answer.citations), False),
        "false_refusal_rate": m.MetricResult(1.0 if answer.refused else 0.0) if answerable else none,
        "safety": m.forbidden_strings(answer.text, item.must_not_contain),
        "verdict_accuracy": m.verdict_match(answer.text, item.answer, answer.refused) if answerable else none,
    }
    for key, result in results.items():
        if result.details and key != "faithfulness":
            reasons[key] = result.details
    return QuestionRecord(
        id=item.id,
        type=item.type,
        question=item.question,
        standalone_question=answer.standalone_question,
        reference=item.answer,
        answer=answer.text,
        refused=answer.refused,
        declined_because=answer.declined_because,
        citations=[c.model_dump(mode="json") for c in answer.citations],
        retrieved=[{k_: v for k_, v in p.model_dump(mode="json").items() if k_ != "text"} for p in answer.retrieved],
        scores={key: (round(r.value, 4) if r.value is not None else None) for key, r in results.items()},
        reasons=reasons,
        seconds=round(seconds, 4),
    )


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(sum(present) / len(present), 4) if present else None


def aggregate(records: Sequence[QuestionRecord]) -> tuple[dict[str, float | None], dict[str, dict[str, float | None]]]:
    overall = {key: _mean([r.scores.get(key) for r in records]) for key in METRIC_KEYS}
    by_type: dict[str, dict[str, float | None]] = {}
    for kind in sorted({r.type for r in records}):
        subset = [r for r in records if r.type == kind]
        by_type[kind] = {key: _mean([r.scores.get(key) for r in subset]) for key in METRIC_KEYS}
    return overall, by_type


def declines_by_reason(records: Sequence[QuestionRecord]) -> dict[str, dict[str, int]]:
    """{reason: {"answerable": n, "unanswerable": n}} over the declined answers, most frequent first."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        if r.refused:
            counts[r.declined_because or "unstated"]["unanswerable" if r.type == "unanswerable" else "answerable"] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1].total(), kv[0]))
    return {reason: {"answerable": c["answerable"], "unanswerable": c["unanswerable"]} for reason, c in ranked}


def evaluate(
    items: Sequence[GoldItem],
    bot: Assistant,
    judge: Judge,
    *,
    gold_path: Path,
    corpus: Corpus,
    k: int | None = None,
    progress: bool = False,
) -> EvalReport:
    from tqdm import tqdm

    # Load the model and build the BM25 side before the clock starts: latency is per answer, not start-up.
    bot.warm_up()
    records: list[QuestionRecord] = []
    for item in tqdm(items, desc="evaluating", unit="question", disable=not progress, leave=False):
        history = bot.conversation(item.history, k=k)
        started = time.perf_counter()
        answer = bot.ask(item.question, history=history, k=k)
        seconds = time.perf_counter() - started
        similarity = 0.0
        if item.answer and not answer.refused:
            a, b = bot.embeddings.embed_documents([answer.text, item.answer])
            similarity = float(np.dot(a, b))
        records.append(score_question(item, answer, seconds, judge, similarity))
    overall, by_type = aggregate(records)
    latencies = [r.seconds for r in records]
    return EvalReport(
        gold=str(gold_path),
        corpus=corpus_label(corpus),
        backend=bot.settings.backend,
        judge=judge.name,
        k=k or bot.settings.k,
        metrics=overall,
        latency={"p50": round(m.percentile(latencies, 50), 4), "p95": round(m.percentile(latencies, 95), 4)},
        by_type=by_type,
        declines=declines_by_reason(records),
        questions=records,
    )
