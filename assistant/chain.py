"""The answer chain as LCEL: retrieve -> generate (any backend) -> verify citations -> `Answer`.

It streams: `chain.stream(...)` yields `AnswerChunk`s with the draft text as the backend writes it
(an LLM backend's tokens, the extractive backend's sentences), then one with the verified `Answer`.
`chain.invoke(...)` is the sum of that stream. Each step returns its own timing with its result.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

from langchain_core.runnables import Runnable, RunnableGenerator, RunnableLambda, RunnablePassthrough

from assistant.backends import Condenser, GenerationInput
from assistant.bridges import Resolved, resolve
from assistant.citations import verify
from assistant.followups import standalone_question
from assistant.questions import distributed_questions
from assistant.retrieval import HybridRetriever
from assistant.spelling import corrected
from assistant.types import Answer, AnswerChunk, Draft, Filters, Passage


@dataclass(frozen=True)
class Retrieved:
    question: str  # as answered: made standalone, its opening description resolved to a name
    passages: list[Passage]
    seconds: float
    bridge: Resolved | None = None


_FIRST_HOP = 6  # passages searched for the name a question's description stands for
_APART = 3  # passages searched for each of two things a question asks of (assistant.questions.distributed_questions)


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 4)


def build_chain(
    retriever: HybridRetriever,
    generator: Runnable[GenerationInput, Draft],
    backend: str,
    condense: Condenser = standalone_question,
) -> Runnable[dict[str, Any], AnswerChunk]:
    """Input: {"question", "history", "filters", "k"}; output: `AnswerChunk`s ending in the `Answer`."""
    store = retriever.store

    def prepare(x: dict[str, Any]) -> dict[str, Any]:
        x = {"history": [], "filters": None, "k": None, **x}
        # A follow-up is searched and answered as the standalone question it stands for.
        return {**x, "standalone": condense(x["question"], x["history"])}

    def retrieve(x: dict[str, Any]) -> Retrieved:
        started = time.perf_counter()
        filters: Filters | None = x.get("filters")
        # A misspelt word ("scaners") is searched as the corpus word it was meant to be.
        question: str = corrected(x["standalone"], retriever.keywords().df)
        # "The company that built the page — what was it fined?": the company named first (a search of
        # its own), then the question asked of that name.
        # Lazily: most questions have no description, and need neither hop nor word weights here.
        resolved = resolve(
            question,
            lambda q: retriever.passages(q, k=_FIRST_HOP, filters=filters),
            lambda term: retriever.keywords().idf(term),
        )
        if resolved is None:
            passages = retriever.passages(question, k=x.get("k"), filters=filters)
            # A question asked of two named things: each searched for too, what that finds anew handed over after
            # the rest (one search may bring sentences on one of them only). Not the options of a choice ("Was A
            # more expensive than B?"): searched apart, on tuning data they brought figures of other things and
            # lost more verdicts than they won.
            things = distributed_questions(question)
            seen = {p.chunk_id for p in passages}
            for thing in things if len(things) > 1 else []:
                found = [p for p in retriever.passages(thing, k=_APART, filters=filters) if p.chunk_id not in seen]
                passages += found
                seen.update(p.chunk_id for p in found)
            return Retrieved(question, passages, _since(started))
        # Searched for what is asked of the name. The passage the name was read from leads: it holds the
        # answer to the description, which the answer quotes first, so the reader can check the name.
        asked = retriever.passages(resolved.asked, k=x.get("k"), filters=filters)
        passages = [resolved.naming, *(p for p in asked if p.chunk_id != resolved.naming.chunk_id)]
        return Retrieved(resolved.question, passages, _since(started), resolved)

    def request(x: dict[str, Any]) -> GenerationInput:
        retrieved: Retrieved = x["retrieved"]
        return {
            "question": retrieved.question,
            "passages": retrieved.passages,
            "history": x["history"],
            "bridge": retrieved.bridge,
        }

    def finish(x: dict[str, Any], draft: Draft, generated: float) -> AnswerChunk:
        started = time.perf_counter()
        retrieved: Retrieved = x["retrieved"]
        ids = {p.chunk_id for p in retrieved.passages}
        read = [p for p in draft.read if p.chunk_id not in ids]
        checked = verify(draft, store.article_text, {p.chunk_id: p.article_id for p in [*retrieved.passages, *read]})
        answer = Answer(
            question=x["question"],
            standalone_question=retrieved.question if retrieved.question != x["question"] else None,
            text=checked.text,
            refused=checked.refused,
            declined_because=checked.declined_because,
            citations=checked.citations,
            retrieved=retrieved.passages,
            read=read,
            backend=backend,
            notes=[*draft.notes, *checked.notes],
            citations_dropped=checked.dropped,
            # While streaming, "generate" includes the time the reader took between pieces.
            timings={"retrieve": retrieved.seconds, "generate": generated, "verify": _since(started)},
        )
        return AnswerChunk(answer=answer)

    def generate_and_verify(chunks: Iterator[dict[str, Any]]) -> Iterator[AnswerChunk]:
        x: dict[str, Any] = {}
        for chunk in chunks:  # `assign` streams the passed-through keys and the retrieval apart
            x.update(chunk)
        started = time.perf_counter()
        draft = Draft()
        for piece in generator.stream(request(x)):
            draft += piece
            if piece.text and not piece.final:
                yield AnswerChunk(text=piece.text)
        yield finish(x, draft, _since(started))

    async def agenerate_and_verify(chunks: AsyncIterator[dict[str, Any]]) -> AsyncIterator[AnswerChunk]:
        x: dict[str, Any] = {}
        async for chunk in chunks:
            x.update(chunk)
        started = time.perf_counter()
        draft = Draft()
        async for piece in generator.astream(request(x)):
            draft += piece
            if piece.text and not piece.final:
                yield AnswerChunk(text=piece.text)
        generated = _since(started)
        yield await asyncio.to_thread(finish, x, draft, generated)  # verification reads the store

    return (
        RunnableLambda(prepare, name="prepare")
        | RunnablePassthrough.assign(retrieved=RunnableLambda(retrieve, name="retrieve"))
        | RunnableGenerator(generate_and_verify, agenerate_and_verify, name="generate-and-verify")
    )
