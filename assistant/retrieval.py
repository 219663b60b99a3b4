"""Hybrid retrieval: dense (Chroma) and BM25 (assistant/keyword.py), fused by reciprocal rank, diversified by MMR.

Filters (date range, source, topic) apply to both sides: as a Chroma `where` on the dense side and as
the same predicate over chunk metadata on the BM25 side, before ranking, so neither side wastes its
candidates on passages the filter would drop.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, PrivateAttr

from assistant.keyword import KeywordIndex
from assistant.store import Store
from assistant.text import sentence_spans
from assistant.tiers import tier_rules
from assistant.types import Filters, Passage

# "Prefer official sources": an official passage's fused score counts this much more. Enough to lift it
# a few places past others about as relevant, not past a passage that matches clearly better.
OFFICIAL_BOOST = 1.5


def rrf(rankings: list[list[str]], k: int, weights: list[float] | None = None) -> dict[str, float]:
    """Reciprocal rank fusion: each list adds weight / (k + rank) to the ids it ranks (weight 1 each
    unless given)."""
    fused: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings), strict=True):
        for rank, chunk_id in enumerate(ranking, start=1):
            fused[chunk_id] = fused.get(chunk_id, 0.0) + weight / (k + rank)
    return fused


def mmr(ids: list[str], relevance: dict[str, float], vectors: dict[str, np.ndarray], k: int, lam: float) -> list[str]:
    """Maximal marginal relevance over fused relevance (scaled to [0, 1]) and chunk cosine similarity.
    A chunk without a vector counts as redundant with nothing."""
    if not ids:
        return []
    top = max(relevance[i] for i in ids) or 1.0
    chosen: list[str] = []
    pool = list(ids)
    while pool and len(chosen) < k:

        def score(cid: str) -> float:
            similar = [float(vectors[cid] @ vectors[c]) for c in chosen if cid in vectors and c in vectors]
            return lam * relevance[cid] / top - (1 - lam) * max(similar, default=0.0)

        best = max(pool, key=score)  # the first of equals, as the ranking had them
        chosen.append(best)
        pool.remove(best)
    return chosen


class HybridRetriever(BaseRetriever):
    """LangChain retriever over the index; `passages()` is the typed entry point the answerer uses."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: Store
    k: int = 6
    fetch_k: int = 30
    rrf_k: int = 60
    mmr_lambda: float = 0.9
    sparse_weight: float = 2.0  # BM25's weight in the fusion; the dense side's is 1
    window: int = 600  # characters of the article's text added on each side of a retrieved chunk
    filters: Filters | None = None
    _bm25: KeywordIndex | None = PrivateAttr(default=None)

    def bm25(self) -> KeywordIndex:
        """The keyword side, synced with the index: every ingest that changes the index bumps its
        generation, in this process or any other."""
        if self._bm25 is None:
            self._bm25 = KeywordIndex(self.store)
        return self._bm25.current()

    def keywords(self) -> KeywordIndex:
        """The keyword side as the last search synced it, for the answerer's many term lookups per
        question (each `bm25()` asks the store for its generation)."""
        return self._bm25 if self._bm25 is not None else self.bm25()

    def passages(self, query: str, *, k: int | None = None, filters: Filters | None = None) -> list[Passage]:
        k = k or self.k
        filters = filters if filters is not None else self.filters
        fetch = max(self.fetch_k, k)
        query_vector = self.store.embeddings.embed_query(query)
        dense = {p.chunk_id: p for p in self.store.dense_search(query_vector, fetch, filters)}
        sparse = self.bm25().search(query, fetch, filters)
        fused = rrf([list(dense), [i for i, _ in sparse]], self.rrf_k, [1.0, self.sparse_weight])
        pool = sorted(fused, key=lambda i: -fused[i])[: max(3 * k, 12)]
        found = {**self.store.passages([i for i in pool if i not in dense]), **dense}
        rules = tier_rules()
        if filters is not None and filters.prefer_official:
            fused = {
                i: s * (OFFICIAL_BOOST if i in found and found[i].tier == "official" else 1.0) for i, s in fused.items()
            }
        # Equal scores go to the stronger source (official, then threat intelligence, news, community).
        candidates = sorted(
            pool, key=lambda i: (-fused[i], rules.rank(found[i].tier) if i in found else len(rules.tier))
        )
        vectors = self.store.chunk_vectors(candidates)
        chosen = mmr(candidates, fused, vectors, k, self.mmr_lambda)
        passages = [found[i].model_copy(update={"score": round(fused[i], 6)}) for i in chosen if i in found]
        return [self._widened(p) for p in passages] if self.window else passages

    def _widened(self, passage: Passage) -> Passage:
        """The chunk with the whole sentences around it, out to `window` characters on each side
        (small-to-big: matched small, read wide)."""
        text = self.store.article_text(passage.article_id)
        if text is None:
            return passage
        low, high = max(0, passage.start - self.window), min(len(text), passage.end + self.window)
        margin = 400  # room to find where the sentences at the edges begin and end
        spans = sentence_spans(text[max(0, low - margin) : high + margin], base=max(0, low - margin))
        start = min([s for s, e in spans if e > low] + [passage.start])
        end = max([e for s, e in spans if s < high] + [passage.end])
        # The flags over the wider text come along: a planted sentence next to the chunk stays flagged.
        around = {f for f in self.store.article_flags(passage.article_id) if f.overlaps(start, end)}
        flags = tuple(sorted(around | set(passage.flags), key=lambda f: (f.start, f.end)))
        return passage.model_copy(update={"start": start, "end": end, "text": text[start:end], "flags": flags})

    def whole_article(self, passage: Passage) -> Passage | None:
        """The passage's whole article, with all its flags: where the answerer looks for a sentence the
        passage leans on but does not hold (the names of "three Iranian men")."""
        text = self.store.article_text(passage.article_id)
        if text is None:
            return None
        flags = self.store.article_flags(passage.article_id)
        return passage.model_copy(update={"start": 0, "end": len(text), "text": text, "flags": flags})

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, **kwargs: Any
    ) -> list[Document]:
        """LangChain entry point; `k` and `filters` may be passed per call (`invoke(q, k=3)`)."""
        filters = kwargs.get("filters")
        return [
            Document(
                page_content=p.text,
                id=p.chunk_id,
                metadata=p.model_dump(mode="json", exclude={"text"}),
            )
            for p in self.passages(query, k=kwargs.get("k"), filters=filters)
        ]
