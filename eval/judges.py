"""Judges decide whether evidence supports a claim, with a reason.

- `OfflineJudge` (default): the local embedding model plus lexical evidence. A claim is supported when
  it stands verbatim in the evidence, or when one evidence sentence is semantically close to it and the
  evidence holds nearly all of its content words (so a changed name or number is caught).
- `LLMJudge`: any LangChain chat model, asked for SUPPORTED / NOT_SUPPORTED and a reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from assistant.support import SupportCheck

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings
    from langchain_core.language_models import BaseChatModel


@dataclass(frozen=True)
class Judgement:
    supported: bool
    score: float
    reason: str


class Judge(Protocol):
    name: str

    def judge(self, claim: str, evidence: Sequence[str]) -> Judgement: ...


class OfflineJudge:
    """The answer verifier's own support check (assistant.support), as a judge."""

    name = "offline"

    def __init__(self, embeddings: Embeddings, min_similarity: float = 0.72, min_terms: float = 0.8) -> None:
        self.check = SupportCheck(embeddings, min_similarity, min_terms)

    def judge(self, claim: str, evidence: Sequence[str]) -> Judgement:
        support = self.check.check(claim, evidence)
        return Judgement(support.supported, support.score, support.reason)


_PROMPT_SYSTEM = (
    "You check claims against evidence for an election-security briefing. Answer on the first line with "
    "exactly SUPPORTED or NOT_SUPPORTED, then one short sentence of reason. A claim is SUPPORTED only if "
    "the evidence states it; names, numbers and dates must match."
)


class LLMJudge:
    """A chat model as judge, through LCEL (prompt | model | parser)."""

    def __init__(self, model: BaseChatModel, name: str = "llm") -> None:
        from langchain_core.output_parsers import StrOutputParser
        from langchain_core.prompts import ChatPromptTemplate

        self.name = name
        prompt = ChatPromptTemplate.from_messages(
            [("system", _PROMPT_SYSTEM), ("human", "Evidence:\n{evidence}\n\nClaim: {claim}")]
        )
        self.chain = prompt | model | StrOutputParser()

    def judge(self, claim: str, evidence: Sequence[str]) -> Judgement:
        if not evidence:
            return Judgement(False, 0.0, "no evidence cited")
        try:
            reply = self.chain.invoke({"claim": claim, "evidence": "\n---\n".join(evidence)})
        except Exception as exc:  # one failed call costs one verdict, not the whole run
            return Judgement(False, 0.0, f"judge failed: {type(exc).__name__}: {exc}")
        # Reasoning models think aloud first; the verdict is the last SUPPORTED / NOT_SUPPORTED word.
        reply = re.sub(r"<think>.*?</think>", "", reply, flags=re.S).strip()
        found = re.findall(r"\b(NOT[_ ]SUPPORTED|SUPPORTED)\b", reply.upper())
        if not found:
            return Judgement(False, 0.0, f"judge gave no verdict: {reply[:200]!r}")
        supported = found[-1] == "SUPPORTED"
        lines = [line.strip() for line in reply.splitlines() if line.strip()]
        reason = " ".join(lines[1:]) if len(lines) > 1 else lines[0]
        return Judgement(supported, 1.0 if supported else 0.0, reason)
