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

import numpy as np

from assistant.text import sentence_spans, terms
from eval.gold import normalize

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
    name = "offline"

    def __init__(self, embeddings: Embeddings, min_similarity: float = 0.72, min_terms: float = 0.8) -> None:
        self.embeddings = embeddings
        self.min_similarity = min_similarity
        self.min_terms = min_terms

    def judge(self, claim: str, evidence: Sequence[str]) -> Judgement:
        if not evidence:
            return Judgement(False, 0.0, "no evidence cited")
        joined = " ".join(evidence)
        if normalize(claim) in normalize(joined):
            return Judgement(True, 1.0, "the claim is quoted verbatim in the cited passage")
        claim_terms = set(terms(claim))
        present = claim_terms & set(terms(joined))
        coverage = len(present) / len(claim_terms) if claim_terms else 0.0
        sentences = [text[a:b] for text in evidence for a, b in sentence_spans(text)] or list(evidence)
        vectors = np.asarray(self.embeddings.embed_documents([claim, *sentences]))
        similarity = float(np.max(vectors[1:] @ vectors[0]))
        supported = similarity >= self.min_similarity and coverage >= self.min_terms
        missing = sorted(claim_terms - present)
        reason = (
            f"closest evidence sentence similarity {similarity:.2f} (needs {self.min_similarity}); "
            f"{coverage:.0%} of the claim's content words in the evidence (needs {self.min_terms:.0%})"
            + (f"; missing: {', '.join(missing[:6])}" if missing else "")
        )
        return Judgement(supported, round(min(similarity, coverage), 4), reason)


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
