"""The LCEL answer chain streams: a backend's pieces reach the caller as they are written."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from langchain_core.runnables import RunnableGenerator

from assistant import Answer, Assistant
from assistant.backends import GenerationInput
from assistant.chain import build_chain
from assistant.types import AnswerChunk, Draft


def test_a_streaming_backend_streams_through_the_chain(bot: Assistant) -> None:
    # A stand-in for an LLM backend (the real one needs a model server): it writes three pieces.
    written: list[str] = []

    def generate(inputs: Iterator[GenerationInput]) -> Iterator[Draft]:
        for request in inputs:
            assert request["passages"]  # retrieval ran first
            for word in ["Alpha ", "beta ", "gamma."]:
                written.append(word)
                yield Draft(text=word)

    chain = build_chain(bot.retriever, RunnableGenerator(generate), "pieces")
    seen: list[tuple[str, int]] = []
    final: Answer | None = None
    for chunk in chain.stream({"question": "Who hacked the Trump campaign?"}):
        if chunk.answer is None:
            seen.append((chunk.text, len(written)))
        else:
            final = chunk.answer
    # Each piece arrived before the backend wrote the next one; the verified answer came last.
    assert seen == [("Alpha ", 1), ("beta ", 2), ("gamma.", 3)]
    assert final is not None and final.text == "Alpha beta gamma." and final.backend == "pieces"
    assert set(final.timings) == {"retrieve", "generate", "verify"}


def test_invoke_is_the_sum_of_the_stream(bot: Assistant) -> None:
    # Two parts, a sentence each: the answer streams in several pieces.
    question = {
        "question": "Which Russian companies ran the Doppelganger campaign, and how many domains did the Justice "
        "Department seize?"
    }
    chunks = list(bot.chain.stream(question))
    assert len(chunks) > 2 and all(c.answer is None for c in chunks[:-1])
    total = sum(chunks[1:], chunks[0])
    assert isinstance(total, AnswerChunk) and total.answer is not None
    invoked = bot.chain.invoke(question)
    assert invoked.text == total.text == total.answer.text
    assert invoked.answer is not None and invoked.answer.citations == total.answer.citations


async def test_the_chain_answers_asynchronously_too(bot: Assistant) -> None:
    question = {"question": "Which Russian companies ran the Doppelganger campaign?"}
    pieces = [chunk async for chunk in bot.chain.astream(question)]
    final = pieces[-1].answer
    invoked = (await bot.chain.ainvoke(question)).answer
    assert final is not None and invoked is not None
    assert final.model_copy(update={"timings": {}}) == invoked.model_copy(update={"timings": {}})
    assert "".join(p.text for p in pieces[:-1]) == final.text and all(c.verified for c in final.citations)


def test_a_misspelt_option_is_an_error_not_ignored(bot: Assistant) -> None:
    with pytest.raises(TypeError, match="filter"):
        bot.ask("Who fined Steve Kramer?", filter={"since": "2024-01-01"})  # type: ignore[call-arg]


def test_each_of_two_things_a_question_asks_of_is_searched_for_too(bot: Assistant) -> None:
    """One search for the whole question may find sentences on one of the two things only: each is searched
    for on its own too, and what that finds anew is handed over after the whole question's passages."""
    handed: list[list[str]] = []

    def generate(inputs: Iterator[GenerationInput]) -> Iterator[Draft]:
        for request in inputs:
            handed.append([p.chunk_id for p in request["passages"]])
            yield Draft(text="Noted.")

    question = "Who was charged over the hack of the Trump campaign and the DNC?"
    list(build_chain(bot.retriever, RunnableGenerator(generate), "recorder").stream({"question": question, "k": 2}))
    whole = [p.chunk_id for p in bot.retriever.passages(question, k=2)]
    apart = [
        p.chunk_id
        for part in (
            "Who was charged over the hack of the Trump campaign?",
            "Who was charged over the hack of the DNC?",
        )
        for p in bot.retriever.passages(part, k=3)
    ]
    anew = list(dict.fromkeys(c for c in apart if c not in whole))
    assert anew, "the parts' searches find passages the whole question's does not"
    assert handed == [whole + anew]
