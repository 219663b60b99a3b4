"""Answer generators by name. Each builds an LCEL runnable with one contract:

input  {"question": str, "passages": list[Passage], "history": list[tuple[str, str]]}
output `Draft` (answer text with [n] markers, and the citations those markers stand for).

Adding a backend (an OpenAI-compatible endpoint, Ollama, llama.cpp through a LangChain chat model) is
adding a factory here; the chain around it (retrieval, verification, the `Answer`) stays the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from assistant.errors import ProviderError
from assistant.extractive import Draft, ExtractiveAnswerer
from assistant.retrieval import HybridRetriever


@dataclass(frozen=True)
class BackendContext:
    """What a backend may use to build itself."""

    retriever: HybridRetriever


def _extractive(context: BackendContext) -> Runnable[dict[str, Any], Draft]:
    retriever = context.retriever

    def known(term: str) -> bool:
        return retriever.bm25().df[term] > 0

    answerer = ExtractiveAnswerer(retriever.store.embeddings, idf=lambda t: retriever.bm25().idf(t), known_term=known)
    return RunnableLambda(lambda x: answerer(x["question"], x["passages"]), name="extractive")


BACKENDS: dict[str, Callable[[BackendContext], Runnable[dict[str, Any], Draft]]] = {
    "extractive": _extractive,
}


def build_backend(name: str, context: BackendContext) -> Runnable[dict[str, Any], Draft]:
    try:
        factory = BACKENDS[name]
    except KeyError:
        raise ProviderError(
            f"unknown answer backend {name!r} (setting BRIEFING_BACKEND); available: {', '.join(BACKENDS)}"
        ) from None
    return factory(context)
