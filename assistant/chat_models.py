"""A LangChain chat model from the settings: an OpenAI-compatible endpoint or Ollama.

Used by the LLM judge of the eval suite, and the place LLM answer backends get their model from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.errors import ConfigError

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

_EXTRA = "install the LLM extra: pip install 'election-briefing[llm]'"


def chat_model(settings: Settings) -> BaseChatModel:
    if settings.llm_provider is None or not settings.llm_model:
        raise ConfigError(
            "no chat model is configured: set BRIEFING_LLM_PROVIDER (openai or ollama) and BRIEFING_LLM_MODEL, "
            "and BRIEFING_LLM_BASE_URL for a local or self-hosted endpoint"
        )
    if settings.llm_provider == "openai":
        try:
            from langchain_openai import ChatOpenAI
        except ImportError:
            raise ConfigError(f"BRIEFING_LLM_PROVIDER=openai needs langchain-openai; {_EXTRA}") from None
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
        # ChatOpenAI sends the cap as `max_completion_tokens` (its `max_tokens` field too), OpenAI's
        # current name, which some OpenAI-compatible servers ignore: llama-cpp-python's server then
        # writes until its context is full. A self-hosted endpoint is sent the older `max_tokens` as well.
        extra = {"max_tokens": settings.llm_max_tokens} if settings.llm_base_url else None
        return ChatOpenAI(
            model=settings.llm_model,
            base_url=settings.llm_base_url,
            api_key=key,  # type: ignore[arg-type]
            temperature=settings.llm_temperature,
            max_completion_tokens=settings.llm_max_tokens,
            extra_body=extra,
            timeout=settings.llm_timeout,
            max_retries=2,  # the client backs off between tries: connection errors, 429, 5xx
        )
    try:
        from langchain_ollama import ChatOllama
    except ImportError:
        raise ConfigError(f"BRIEFING_LLM_PROVIDER=ollama needs langchain-ollama; {_EXTRA}") from None
    return ChatOllama(
        model=settings.llm_model,
        base_url=settings.llm_base_url,
        temperature=settings.llm_temperature,
        num_predict=settings.llm_max_tokens,
        client_kwargs={"timeout": settings.llm_timeout},
    )
