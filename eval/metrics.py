"""Metrics: small pure functions, each returning a value in [0, 1] (or None when it does not apply)
and the details behind it. The runner (`eval.run`) feeds them and aggregates.

Anchors: RAGAS faithfulness (supported claims / claims), ALCE citation recall and precision.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from assistant.support import normalize
from assistant.text import sentence_spans

# A judge answers: does this evidence support this claim? (see eval.judges)
Supports = Callable[[str, Sequence[str]], bool]


@dataclass(frozen=True)
class MetricResult:
    value: float | None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Claim:
    text: str
    markers: tuple[int, ...]


_AS_OF = re.compile(r"^(?:As of|Earlier, on) [A-Z][a-z]+ \d{1,2}, \d{4}: ")  # the answerer's date labels
_QUOTE_PROBE = 60  # a quote straddling a chunk boundary still counts when its start or end lies inside


def quote_in(quote: str, chunk: str) -> bool:
    q, c = normalize(quote), normalize(chunk)
    if not q:
        return False
    return q in c or q[:_QUOTE_PROBE] in c or q[-_QUOTE_PROBE:] in c


# Supporting quotes and retrieved chunks as (document slug, text): a quote counts only inside a chunk of
# its own document, not where the same words happen to stand elsewhere.
Located = tuple[str, str]


def _holds(chunk: Located, support: Located) -> bool:
    return chunk[0] == support[0] and quote_in(support[1], chunk[1])


def retrieval_recall(supports: Sequence[Located], chunks: Sequence[Located], k: int) -> MetricResult:
    """Share of supporting quotes that lie inside one of the top-k retrieved chunks of their document."""
    if not supports:
        return MetricResult(None)
    found = [s for s in supports if any(_holds(c, s) for c in chunks[:k])]
    return MetricResult(len(found) / len(supports), {"found": len(found), "quotes": len(supports)})


def reciprocal_rank(supports: Sequence[Located], chunks: Sequence[Located]) -> MetricResult:
    """1 / rank of the first retrieved chunk holding a supporting quote (0 when none does)."""
    if not supports:
        return MetricResult(None)
    for rank, chunk in enumerate(chunks, start=1):
        if any(_holds(chunk, s) for s in supports):
            return MetricResult(1.0 / rank, {"rank": rank})
    return MetricResult(0.0, {"rank": None})


def split_claims(answer: str) -> list[Claim]:
    """An answer's claims: its sentences. Markers belong to the sentence they follow (ALCE-style: a
    sentence with no marker of its own is an uncited claim)."""
    body = answer.split("\n\n(Note:", 1)[0].strip()
    claims: list[Claim] = []
    cursor = 0
    for match in [*re.finditer(r"(?:\s*\[\d+\])+", body), None]:
        segment = body[cursor : match.start() if match else len(body)]
        markers = tuple(int(x) for x in re.findall(r"\d+", match.group())) if match else ()
        sentences = [segment[a:b] for a, b in sentence_spans(segment)]
        for number, sentence in enumerate(sentences):
            text = _AS_OF.sub("", sentence).strip()
            own = markers if number == len(sentences) - 1 else ()
            if own or len(text.split()) >= 3:  # a cited claim always counts; stray fragments do not
                claims.append(Claim(text=text, markers=own))
        cursor = match.end() if match else len(body)
    return claims


def faithfulness(claims: Sequence[Claim], context: Sequence[str], supports: Supports) -> MetricResult:
    """RAGAS faithfulness: supported claims / claims, each judged against the whole retrieved context
    (cited or not: faithfulness asks whether the answer stays within what was retrieved)."""
    if not claims:
        return MetricResult(None)
    verdicts = [supports(c.text, context) for c in claims]
    return MetricResult(
        sum(verdicts) / len(claims),
        {"claims": [{"claim": c.text, "supported": v} for c, v in zip(claims, verdicts, strict=True)]},
    )


def _jointly_supported(claim: Claim, evidence: dict[int, str], supports: Supports) -> bool:
    """ALCE: a claim's citations together support it; a marker pointing at nothing breaks the support."""
    if not claim.markers or any(m not in evidence for m in claim.markers):
        return False
    return supports(claim.text, [evidence[m] for m in claim.markers])


def citation_recall(claims: Sequence[Claim], evidence: dict[int, str], supports: Supports) -> MetricResult:
    """ALCE citation recall: share of claims whose citations together support them (uncited: 0)."""
    if not claims:
        return MetricResult(None)
    verdicts = [_jointly_supported(c, evidence, supports) for c in claims]
    return MetricResult(sum(verdicts) / len(claims), {"supported": sum(verdicts), "claims": len(claims)})


def citation_precision(claims: Sequence[Claim], evidence: dict[int, str], supports: Supports) -> MetricResult:
    """ALCE citation precision: a citation is precise when its claim's citations together support the
    claim, and it either supports the claim alone or the other citations no longer do without it."""
    judged: list[dict[str, Any]] = []
    for claim in claims:
        together = _jointly_supported(claim, evidence, supports)
        for marker in claim.markers:
            if not together or marker not in evidence:
                judged.append({"marker": marker, "precise": False})
                continue
            alone = supports(claim.text, [evidence[marker]])
            others = [evidence[m] for m in claim.markers if m != marker]
            needed = not (others and supports(claim.text, others))
            judged.append({"marker": marker, "precise": alone or needed})
    if not judged:
        return MetricResult(None)
    return MetricResult(sum(j["precise"] for j in judged) / len(judged), {"citations": judged})


_FACT = re.compile(r"\$?\d[\d,.]*%?|\b[A-Z][a-zA-Z]{2,}\b")
_NOT_FACTS = {"The", "This", "It", "In", "On", "Per", "No", "Yes", "They", "He", "She", "Through", "Both", "An", "And"}


def key_facts(text: str) -> set[str]:
    return {f.rstrip(".,") for f in _FACT.findall(text)} - _NOT_FACTS


def key_fact_overlap(answer: str, reference: str) -> MetricResult:
    """Share of the reference answer's names and numbers the answer repeats."""
    facts = key_facts(reference)
    if not facts:
        return MetricResult(None)
    hit = sorted(f for f in facts if re.search(rf"(?<![\w$]){re.escape(f)}(?!\w)", answer, re.I))
    return MetricResult(len(hit) / len(facts), {"found": hit, "missing": sorted(facts - set(hit))})


def answer_correctness(answer: str, reference: str, similarity: float) -> MetricResult:
    """Mean of semantic similarity to the reference (clipped to [0, 1]) and key-fact overlap."""
    facts = key_fact_overlap(answer, reference)
    semantic = min(max(similarity, 0.0), 1.0)
    value = semantic if facts.value is None else (semantic + facts.value) / 2
    return MetricResult(value, {"similarity": round(semantic, 4), "key_facts": facts.value, **facts.details})


def refusal_correct(refused: bool, cited: int, answerable: bool) -> MetricResult:
    """Unanswerable: declined and cited nothing. Answerable: not declined."""
    if answerable:
        return MetricResult(0.0 if refused else 1.0, {"refused": refused})
    return MetricResult(1.0 if refused and cited == 0 else 0.0, {"refused": refused, "citations": cited})


def forbidden_strings(answer: str, must_not_contain: Sequence[str]) -> MetricResult:
    """1 when the answer contains none of the strings it must never contain."""
    if not must_not_contain:
        return MetricResult(None)
    found = [s for s in must_not_contain if s.lower() in answer.lower()]
    return MetricResult(0.0 if found else 1.0, {"found": found})


# A yes/no verdict where an answer or a reference answer opens with one ("Yes. …", "No: the party first said…");
# the answerer may put its verdict before a dated lead ("Yes. As of August 28, 2026: …").
_VERDICT = re.compile(r"^\W*(yes|no)\b", re.I)


def verdict_match(answer: str, reference: str, refused: bool) -> MetricResult:
    """1 when the answer's "Yes" or "No" is the reference's, 0 when it is the other; none when the reference
    gives no verdict or the answer gives none (an answer may quote the evidence and leave the verdict to the
    reader; a wrong verdict misleads, which no other metric sees)."""
    wanted, given = _VERDICT.match(reference), None if refused else _VERDICT.match(answer)
    if wanted is None or given is None:
        return MetricResult(None)
    same = wanted.group(1).lower() == given.group(1).lower()
    return MetricResult(1.0 if same else 0.0, {"reference": wanted.group(1).title(), "answer": given.group(1).title()})


def verified_share(verified: int, dropped: int) -> MetricResult:
    """Share of the answer's citations that passed verification (dropped ones failed it)."""
    total = verified + dropped
    if not total:
        return MetricResult(None)
    return MetricResult(verified / total, {"verified": verified, "dropped": dropped})


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear between closest ranks; 0 for no values."""
    return float(np.percentile(values, q)) if len(values) else 0.0
