"""The LLM answer backend: a chat model writes, then every sentence is checked before it is shown.

The model gets the grounded prompt (assistant.prompts) and its words stream to the reader as they come.
Then its answer is verified sentence by sentence:
- a `[n]` marker that points at no passage is removed; a sentence left without a valid marker is
  unsourced and removed;
- each sentence is checked against the passages it cites (assistant.support: the local embedding model,
  content words, and every number, month and name of the sentence present in the cited text);
  an unsupported sentence is removed and a note says so;
- each citation quotes the passage sentence that supports its sentence best, with its offsets, so it
  can be highlighted and verified like any quote.
If no sentence survives, or the model says the passages do not answer, the offline extractive answer
is given instead, and a note says so (the extractive answerer declines when the sources are silent).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from langchain_core.output_parsers import StrOutputParser
from langchain_core.runnables import RunnableGenerator

from assistant.errors import ProviderError
from assistant.followups import standalone_question
from assistant.prompts import ANSWER, CONDENSE, NOT_IN_SOURCES, conversation, numbered_passages
from assistant.support import SupportCheck
from assistant.text import sentence_spans, terms
from assistant.types import Citation, Draft, Passage

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.runnables import Runnable

    from assistant.backends import Backend, GenerationInput
    from assistant.extractive import ExtractiveAnswerer

# "[2]", "[1, 3]", and "[Passage 2]" or "[source 2]" as some models write them.
_MARKERS = re.compile(r"\s*\[(?:(?:passage|source)s?\s*)?(\d+(?:\s*[,;]\s*\d+)*)\]", re.I)
_LEADING_MARKERS = re.compile(rf"(?:{_MARKERS.pattern})+", re.I)
_THINKING = re.compile(r"<think>.*?(?:</think>|$)", re.S)


def _numbers(markers: str) -> tuple[int, ...]:
    return tuple(int(n) for group in _MARKERS.findall(markers) for n in re.split(r"\s*[,;]\s*", group))


FELL_BACK = (
    "The language model's answer could not be verified against the sources, so the offline answer "
    "(sentences quoted from the sources) is shown instead."
)


@dataclass(frozen=True)
class Claim:
    text: str  # the sentence without its markers
    cited: tuple[int, ...]  # passage numbers, 1-based, as the model wrote them


def claims(written: str) -> list[Claim]:
    """The model's answer as sentences with the passage numbers each one cites."""
    written = _THINKING.sub("", written).strip()
    out: list[Claim] = []
    for a, b in sentence_spans(written):
        sentence = written[a:b]
        # "… in 2024. [1] DOJ charged …": markers opening a sentence close the one before it.
        lead = _LEADING_MARKERS.match(sentence)
        if lead and out:
            out[-1] = Claim(out[-1].text, out[-1].cited + _numbers(lead.group()))
            sentence = sentence[lead.end() :]
        cited = _numbers(sentence)
        text = _MARKERS.sub("", sentence).strip()
        if text:
            out.append(Claim(text=text, cited=cited))
    # A marker after the sentence's full stop ("… in 2024. [2]") belongs to the sentence before it.
    merged: list[Claim] = []
    for claim in out:
        if merged and not re.search(r"\w", claim.text) and claim.cited:
            merged[-1] = Claim(merged[-1].text, merged[-1].cited + claim.cited)
        else:
            merged.append(claim)
    return merged


class Verifier:
    """Turns a model's written answer into a `Draft` of supported, cited sentences."""

    def __init__(self, check: SupportCheck) -> None:
        self.check = check

    def __call__(self, written: str, passages: Sequence[Passage]) -> Draft:
        parts: list[str] = []
        citations: list[Citation] = []
        notes: list[str] = []
        unsourced = unsupported = bad_markers = 0
        texts = [p.unflagged_text() for p in passages]
        for claim in claims(written):
            cited = [n for n in dict.fromkeys(claim.cited) if 1 <= n <= len(passages)]
            bad_markers += len(set(claim.cited)) - len(cited)
            if not cited:
                unsourced += 1
                continue
            support = self.check.check(claim.text, [texts[n - 1] for n in cited])
            if not support.supported:
                unsupported += 1
                continue
            passage = passages[cited[support.evidence] - 1]
            start, end = passage.start + support.start, passage.start + support.end
            marker = len(citations) + 1
            citations.append(passage.cite(marker, start, end, support=support.score))
            parts.append(f"{claim.text} [{marker}]")
        if bad_markers:
            notes.append(f"{bad_markers} citation marker(s) pointed at no retrieved passage and were removed.")
        if unsourced:
            notes.append(f"{unsourced} sentence(s) of the model's answer cited no source and were removed.")
        if unsupported:
            notes.append(
                f"{unsupported} sentence(s) of the model's answer were not supported by the passages they cited "
                "and were removed."
            )
        return Draft(text=" ".join(parts), citations=tuple(citations), notes=tuple(notes), final=True)


def provider_error(exc: Exception, where: str) -> ProviderError:
    """One clear line for a failed model call: which backend, which server, what went wrong."""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return ProviderError(f"the llm backend ({where}) failed: {type(exc).__name__}{': ' + detail if detail else ''}")


def llm_backend(model: BaseChatModel, verifier: Verifier, fallback: ExtractiveAnswerer, where: str) -> Backend:
    """A chat model behind the backend contract: streams its words, then the verified draft.

    `where` names the model and its server in messages. A failed call (server down, bad key, timeout,
    rate limit after the client's retries) costs the model's answer, not the answer: the offline one
    is given, with a note that says why."""
    from assistant.backends import sentence_pieces

    writer: Runnable[dict[str, str], str] = ANSWER | model | StrOutputParser()

    def prompt(x: GenerationInput) -> dict[str, str]:
        return {"question": x["question"], "passages": numbered_passages(x["passages"])}

    def offline(x: GenerationInput, notes: tuple[str, ...]) -> Draft:
        draft = Draft()
        for piece in sentence_pieces(fallback(x["question"], x["passages"])):
            draft += piece
        return draft.model_copy(update={"final": True, "notes": notes})

    def finish(x: GenerationInput, written: str, failure: Exception | None = None) -> Draft:
        if failure is not None:
            return offline(x, (f"{provider_error(failure, where)}; the offline answer is shown.",))
        passages = x["passages"]
        declined = NOT_IN_SOURCES.lower() in written.lower()
        draft = verifier(written, passages) if passages and not declined else Draft(final=True)
        if draft.citations:
            return draft
        note = (
            "The language model found no answer in the sources; the offline answer is shown." if declined else FELL_BACK
        )
        return offline(x, (*draft.notes, note))

    def generate(inputs: Iterator[GenerationInput]) -> Iterator[Draft]:
        for x in inputs:
            written, failure = "", None
            try:
                if x["passages"]:
                    for token in writer.stream(prompt(x)):
                        written += token
                        yield Draft(text=token)
            except Exception as exc:  # any client library's failure: the reader gets the offline answer
                failure = exc
            yield finish(x, written, failure)

    async def agenerate(inputs: AsyncIterator[GenerationInput]) -> AsyncIterator[Draft]:
        import asyncio

        async for x in inputs:
            written, failure = "", None
            try:
                if x["passages"]:
                    async for token in writer.astream(prompt(x)):
                        written += token
                        yield Draft(text=token)
            except Exception as exc:
                failure = exc
            yield await asyncio.to_thread(finish, x, written, failure)

    return RunnableGenerator(generate, agenerate, name="llm")


_CONDENSE_TURNS = 6  # the last three exchanges are enough to know who "they" are
_CONDENSED_CHARS = 400


def plausible_rewrite(rewritten: str, question: str) -> bool:
    """Is a model's standalone version of a follow-up usable: one question, not far longer than the
    original, keeping most of its words? (A small model may ramble or answer instead of rewriting.)"""
    if not rewritten.endswith("?") or not 8 <= len(rewritten) <= max(_CONDENSED_CHARS, 3 * len(question)):
        return False
    own = set(terms(question))
    return not own or len(own & set(terms(rewritten))) >= len(own) / 2


def llm_condenser(model: BaseChatModel) -> Callable[[str, Sequence[tuple[str, str]]], str]:
    """Follow-ups made standalone by the chat model (the condense prompt), with the rule-based rewrite
    of assistant.followups whenever the question stands alone, the call fails or the rewrite is not
    plausible. Only follow-ups cost a model call."""
    rewrite: Runnable[dict[str, str], str] = CONDENSE | model.bind(stop=["\n"]) | StrOutputParser()

    def condense(question: str, history: Sequence[tuple[str, str]]) -> str:
        by_rule = standalone_question(question, history)
        if by_rule == question:
            return question
        try:
            written = rewrite.invoke({"history": conversation(history[-_CONDENSE_TURNS:]), "question": question})
        except Exception:  # the rule-based rewrite serves; the answer step reports a failing server
            return by_rule
        rewritten = " ".join(_THINKING.sub("", written).split())
        return rewritten if plausible_rewrite(rewritten, question) else by_rule

    return condense
