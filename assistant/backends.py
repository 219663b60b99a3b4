"""Answer generators by name: the one place that knows which backends exist.

Each backend is an LCEL runnable with one contract:
input  `GenerationInput` (question, retrieved passages, chat history);
output `Draft` (answer text with [n] markers, and the citations those markers stand for). A backend
that streams yields `Draft` pieces that add up to the whole; the chain shows their text as it comes.

Adding a backend (an OpenAI-compatible endpoint, Ollama, llama.cpp through a LangChain chat model) is
adding a factory to `BACKENDS`; the chain around it (retrieval, verification, the `Answer`) stays the same.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NotRequired, TypedDict

from langchain_core.runnables import Runnable, RunnableGenerator

from assistant.errors import ProviderError
from assistant.types import Draft, Passage

if TYPE_CHECKING:
    from assistant.bridges import Resolved
    from assistant.config import Settings
    from assistant.decline import DeclineModel
    from assistant.extractive import ExtractiveAnswerer
    from assistant.retrieval import HybridRetriever


class GenerationInput(TypedDict):
    question: str  # standalone: a follow-up comes with the earlier questions it leans on
    passages: list[Passage]
    history: list[tuple[str, str]]
    # A question that named what it asks about only by description, with the name read for it: the
    # passages were searched for what is asked of the name.
    bridge: NotRequired[Resolved | None]


@dataclass(frozen=True)
class BackendContext:
    """What a backend may use to build itself."""

    retriever: HybridRetriever
    settings: Settings


Backend = Runnable[GenerationInput, Draft]
# (question, history) -> the question as it reads on its own, what is searched and answered.
Condenser = Callable[[str, Sequence[tuple[str, str]]], str]


def sentence_pieces(draft: Draft) -> Iterator[Draft]:
    """A finished draft as a stream: its text sentence by sentence (each with its marker), then the
    citations and the verdict. The pieces add up to the draft."""
    for piece in re.split(r"(?<=\]\s)", draft.text):
        if piece:
            yield Draft(text=piece)
    yield Draft(
        refused=draft.refused, declined_because=draft.declined_because, citations=draft.citations, read=draft.read
    )


def extractive_answerer(retriever: HybridRetriever, decline: DeclineModel | None = None) -> ExtractiveAnswerer:
    """The offline answerer over this retriever's index (BM25 tells it which words are rare, or unknown)."""
    from assistant.extractive import ExtractiveAnswerer

    return ExtractiveAnswerer(
        retriever.store.embeddings,
        idf=lambda t: retriever.keywords().idf(t),
        known_term=lambda t: retriever.keywords().mentions(t),
        from_source=lambda name: retriever.keywords().from_source(name),
        decline=decline,
        whole_article=retriever.whole_article,
    )


def _extractive(context: BackendContext) -> Backend:
    answerer = extractive_answerer(context.retriever)

    def generate(inputs: Iterator[GenerationInput]) -> Iterator[Draft]:
        for x in inputs:
            yield from sentence_pieces(answerer(x["question"], x["passages"], x.get("bridge")))

    async def agenerate(inputs: AsyncIterator[GenerationInput]) -> AsyncIterator[Draft]:
        async for x in inputs:
            drafted = await asyncio.to_thread(answerer, x["question"], x["passages"], x.get("bridge"))
            for piece in sentence_pieces(drafted):
                yield piece

    return RunnableGenerator(generate, agenerate, name="extractive")


def _llm(context: BackendContext) -> Backend:
    from assistant.chat_models import chat_model
    from assistant.llm import Verifier, llm_backend
    from assistant.support import SupportCheck

    return llm_backend(
        chat_model(context.settings),
        Verifier(SupportCheck(context.retriever.store.embeddings)),
        fallback=extractive_answerer(context.retriever),
        where=model_location(context.settings),
    )


def _base_url(settings: Settings) -> str:
    """Where the chat model is asked: the configured URL, else the provider's own default."""
    default = "https://api.openai.com/v1" if settings.llm_provider == "openai" else "http://127.0.0.1:11434"
    return (settings.llm_base_url or default).rstrip("/")


def model_location(settings: Settings) -> str:
    """The chat model and the server it is asked on, as messages name them."""
    return f"{settings.llm_provider}:{settings.llm_model} at {_base_url(settings)}"


BACKENDS: dict[str, Callable[[BackendContext], Backend]] = {
    "extractive": _extractive,
    # A chat model (BRIEFING_LLM_PROVIDER, _MODEL, _BASE_URL, _API_KEY), every sentence verified.
    "llm": _llm,
}


@dataclass(frozen=True)
class BackendStatus:
    name: str
    configured: bool
    reachable: bool | None  # None: not tried (not configured)
    detail: str


_PROBE_SECONDS = 3.0


def backend_status(name: str, settings: Settings) -> BackendStatus:
    """Is the backend configured, and does its model server answer one short request?"""
    if name == "extractive":
        return BackendStatus(name, True, True, "offline: quotes the sources, no model server")
    if settings.llm_provider is None or not settings.llm_model:
        return BackendStatus(name, False, None, "set BRIEFING_LLM_PROVIDER (openai or ollama) and BRIEFING_LLM_MODEL")
    import httpx

    headers = {}
    if settings.llm_provider == "openai":
        url = f"{_base_url(settings)}/models"
        if settings.llm_api_key:
            headers["Authorization"] = f"Bearer {settings.llm_api_key.get_secret_value()}"
    else:
        url = f"{_base_url(settings)}/api/tags"
    model = f"{settings.llm_provider}:{settings.llm_model}"
    try:
        response = httpx.get(url, headers=headers, timeout=_PROBE_SECONDS)
    except httpx.HTTPError as exc:
        return BackendStatus(name, True, False, f"{model} at {url}: {type(exc).__name__}: {exc}")
    if response.status_code != 200:
        return BackendStatus(name, True, False, f"{model} at {url}: HTTP {response.status_code}")
    return BackendStatus(name, True, True, f"{model} at {url}")


def _llm_condenser(context: BackendContext) -> Condenser:
    from assistant.chat_models import chat_model
    from assistant.llm import llm_condenser

    return llm_condenser(chat_model(context.settings))


# How each backend makes a follow-up standalone; a backend not listed uses the rule-based rewrite.
CONDENSERS: dict[str, Callable[[BackendContext], Condenser]] = {"llm": _llm_condenser}


def build_condenser(name: str, context: BackendContext) -> Condenser:
    from assistant.followups import standalone_question

    factory = CONDENSERS.get(check_backend(name))
    return factory(context) if factory else standalone_question


def check_backend(name: str) -> str:
    """The name, if a backend of that name exists; else a `ProviderError` listing those that do."""
    if name not in BACKENDS:
        raise ProviderError(
            f"unknown answer backend {name!r}; available: {', '.join(BACKENDS)} "
            "(chosen by the setting BRIEFING_BACKEND, or --backend)"
        )
    return name


def build_backend(name: str, context: BackendContext) -> Backend:
    return BACKENDS[check_backend(name)](context)
