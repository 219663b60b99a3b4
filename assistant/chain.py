"""The answer chain as LCEL: retrieve -> generate (any backend) -> verify citations -> `Answer`.

It streams: `chain.stream(...)` yields `AnswerChunk`s with the draft text as the backend writes it
(an LLM backend's tokens, the extractive backend's sentences), then one with the verified `Answer`.
`chain.invoke(...)` is the sum of that stream. Each step returns its own timing with its result.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from langchain_core.runnables import Runnable, RunnableGenerator, RunnableLambda, RunnablePassthrough

from assistant.backends import GenerationInput
from assistant.citations import verify
from assistant.retrieval import HybridRetriever
from assistant.types import Answer, AnswerChunk, Draft, Filters, Passage

_FOLLOW_UP = re.compile(r"\b(it|its|they|them|their|he|him|his|she|her|that|this|those|these|then)\b", re.I)


def retrieval_query(question: str, history: list[tuple[str, str]] | None) -> str:
    """A follow-up ("and who charged them?") is searched together with the previous question."""
    previous = [text for role, text in (history or []) if role == "user"]
    if previous and (_FOLLOW_UP.search(question) or len(question.split()) < 6):
        return f"{previous[-1]} {question}"
    return question


@dataclass(frozen=True)
class Retrieved:
    passages: list[Passage]
    seconds: float


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 4)


def build_chain(
    retriever: HybridRetriever, generator: Runnable[GenerationInput, Draft], backend: str
) -> Runnable[dict[str, Any], AnswerChunk]:
    """Input: {"question", "history", "filters", "k"}; output: `AnswerChunk`s ending in the `Answer`."""
    store = retriever.store

    def prepare(x: dict[str, Any]) -> dict[str, Any]:
        return {"history": [], "filters": None, "k": None, **x}

    def retrieve(x: dict[str, Any]) -> Retrieved:
        started = time.perf_counter()
        filters: Filters | None = x.get("filters")
        query = retrieval_query(x["question"], x.get("history"))
        return Retrieved(retriever.passages(query, k=x.get("k"), filters=filters), _since(started))

    def generate_and_verify(chunks: Iterator[dict[str, Any]]) -> Iterator[AnswerChunk]:
        x: dict[str, Any] = {}
        for chunk in chunks:  # `assign` streams the passed-through keys and the retrieval apart
            x.update(chunk)
        retrieved: Retrieved = x["retrieved"]
        started = time.perf_counter()
        draft = Draft()
        request: GenerationInput = {"question": x["question"], "passages": retrieved.passages, "history": x["history"]}
        for piece in generator.stream(request):
            draft += piece
            if piece.text:
                yield AnswerChunk(text=piece.text)
        generated = _since(started)
        started = time.perf_counter()
        checked = verify(draft, store.article_text, {p.chunk_id: p.article_id for p in retrieved.passages})
        answer = Answer(
            question=x["question"],
            text=checked.text,
            refused=checked.refused,
            citations=checked.citations,
            retrieved=retrieved.passages,
            backend=backend,
            notes=checked.notes,
            citations_dropped=checked.dropped,
            timings={"retrieve": retrieved.seconds, "generate": generated, "verify": _since(started)},
        )
        yield AnswerChunk(answer=answer)

    return (
        RunnableLambda(prepare, name="prepare")
        | RunnablePassthrough.assign(retrieved=RunnableLambda(retrieve, name="retrieve"))
        | RunnableGenerator(generate_and_verify, name="generate-and-verify")
    )
