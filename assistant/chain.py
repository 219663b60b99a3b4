"""The answer chain as LCEL: retrieve -> generate (any backend) -> verify citations -> `Answer`."""

from __future__ import annotations

import re
import time
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda, RunnablePassthrough

from assistant.citations import verify
from assistant.extractive import Draft
from assistant.retrieval import HybridRetriever
from assistant.types import Answer, Filters

_FOLLOW_UP = re.compile(r"\b(it|its|they|them|their|he|him|his|she|her|that|this|those|these|then)\b", re.I)


def retrieval_query(question: str, history: list[tuple[str, str]] | None) -> str:
    """A follow-up ("and who charged them?") is searched together with the previous question."""
    previous = [text for role, text in (history or []) if role == "user"]
    if previous and (_FOLLOW_UP.search(question) or len(question.split()) < 6):
        return f"{previous[-1]} {question}"
    return question


def _timed(step: str, fn: Any) -> RunnableLambda[dict[str, Any], Any]:
    def run(x: dict[str, Any]) -> Any:
        started = time.perf_counter()
        result = fn(x)
        x["timings"][step] = round(time.perf_counter() - started, 4)
        return result

    return RunnableLambda(run, name=step)


def build_chain(
    retriever: HybridRetriever, generator: Runnable[dict[str, Any], Draft], backend: str
) -> Runnable[dict[str, Any], Answer]:
    """Input: {"question", "history", "filters", "k"}; output: a verified `Answer`."""
    store = retriever.store

    def retrieve(x: dict[str, Any]) -> Any:
        filters: Filters | None = x.get("filters")
        return retriever.passages(retrieval_query(x["question"], x.get("history")), k=x.get("k"), filters=filters)

    def finish(x: dict[str, Any]) -> Answer:
        started = time.perf_counter()
        draft: Draft = x["draft"]
        owners = {p.chunk_id: p.article_id for p in x["passages"]}
        checked = verify(draft, store.article_text, owners)
        x["timings"]["verify"] = round(time.perf_counter() - started, 4)
        return Answer(
            question=x["question"],
            text=checked.text,
            refused=checked.refused,
            citations=checked.citations,
            retrieved=x["passages"],
            backend=backend,
            notes=checked.notes,
            citations_dropped=checked.dropped,
            timings=x["timings"],
        )

    def prepare(x: dict[str, Any]) -> dict[str, Any]:
        return {"history": [], "filters": None, "k": None, **x, "timings": {}}

    return (
        RunnableLambda(prepare, name="prepare")
        | RunnablePassthrough.assign(passages=_timed("retrieve", retrieve))
        | RunnablePassthrough.assign(draft=_timed("generate", generator.invoke))
        | RunnableLambda(finish, name="verify")
    )
