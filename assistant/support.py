"""Does a passage support a claim? The offline check that LLM answers are verified with before they are
shown, and that the eval's offline judge reuses.

A claim is supported when it stands verbatim in the evidence, or when one evidence sentence is
semantically close to it (the local embedding model), the evidence holds nearly all of its content words,
and every number, date and name of the claim appears in the evidence (so a changed figure or a
swapped name is caught even when the wording is close). The check also says which evidence sentence
supports the claim best, so a citation can quote it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.questions import months_in, names, numbers_in
from assistant.text import sentence_spans, terms, words
from ingest.markdown import markdown_to_text

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings


@dataclass(frozen=True)
class Support:
    supported: bool
    score: float  # 1.0 verbatim; else the lower of closest-sentence similarity and content-word coverage
    reason: str
    evidence: int = -1  # which evidence text holds the best sentence (-1: no evidence)
    start: int = 0  # the best sentence's offsets in that text
    end: int = 0


def normalize(text: str) -> str:
    """Compare text as a reader sees it: Markdown markup, case and white space do not count."""
    return " ".join(markdown_to_text(text).split()).lower()


def specifics_missing(claim: str, evidence: str) -> list[str]:
    """The numbers, months and names of the claim that the evidence does not hold."""
    missing = sorted(numbers_in(claim) - numbers_in(evidence))
    have = set(words(evidence))
    missing += [m for m in months_in(claim) if m.lower() not in have]
    missing += [n for n in names(claim) if not set(words(n)) <= have]
    return missing


class SupportCheck:
    def __init__(self, embeddings: Embeddings, min_similarity: float = 0.72, min_terms: float = 0.8) -> None:
        self.embeddings = embeddings
        self.min_similarity = min_similarity
        self.min_terms = min_terms

    def check(self, claim: str, evidence: Sequence[str]) -> Support:
        if not evidence:
            return Support(False, 0.0, "no evidence cited")
        sentences = [(n, a, b) for n, text in enumerate(evidence) for a, b in sentence_spans(text)]
        sentences = sentences or [(n, 0, len(text)) for n, text in enumerate(evidence)]
        wanted = normalize(claim)
        joined = " ".join(evidence)
        verbatim = bool(wanted) and wanted in normalize(joined)
        if verbatim:  # the sentence that holds it, if one does (a quote may run across two)
            for n, a, b in sentences:
                if wanted in normalize(evidence[n][a:b]):
                    return Support(True, 1.0, "the claim is quoted verbatim in the cited passage", n, a, b)
        claim_terms = set(terms(claim))
        present = claim_terms & set(terms(joined))
        coverage = len(present) / len(claim_terms) if claim_terms else 0.0
        vectors = np.asarray(self.embeddings.embed_documents([claim, *(evidence[n][a:b] for n, a, b in sentences)]))
        similarities = vectors[1:] @ vectors[0]
        best = int(np.argmax(similarities))
        similarity = float(similarities[best])
        n, a, b = sentences[best]
        if verbatim:
            return Support(True, 1.0, "the claim is quoted verbatim in the cited passage", n, a, b)
        missing = specifics_missing(claim, joined)
        supported = similarity >= self.min_similarity and coverage >= self.min_terms and not missing
        absent = sorted(claim_terms - present)
        reason = (
            f"closest evidence sentence similarity {similarity:.2f} (needs {self.min_similarity}); "
            f"{coverage:.0%} of the claim's content words in the evidence (needs {self.min_terms:.0%})"
            + (f"; missing: {', '.join(absent[:6])}" if absent else "")
            + (f"; not in the evidence: {', '.join(missing[:6])}" if missing else "")
        )
        return Support(supported, round(min(similarity, coverage), 4), reason, n, a, b)
