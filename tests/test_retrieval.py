"""Hybrid retrieval on the real index: filters on both sides, and LangChain's own standard suites."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from langchain_tests.integration_tests import EmbeddingsIntegrationTests, RetrieversIntegrationTests

from assistant import Assistant, Filters
from assistant.embeddings import MiniLMEmbeddings
from assistant.retrieval import HybridRetriever, rrf


def test_finds_the_supporting_article_for_a_gold_question(bot: Assistant) -> None:
    passages = bot.retriever.passages("How many internet domains did the Justice Department seize from Doppelganger?")
    assert "doppelganger-domain-seizures" in passages[0].path
    assert len(passages) == bot.settings.k and len({p.chunk_id for p in passages}) == len(passages)
    # MMR brings in more than one article, not six overlapping chunks of the best one.
    assert len({p.article_id for p in passages}) > 1


def test_date_filters_apply_to_dense_and_bm25_sides(bot: Assistant) -> None:
    window = Filters(since=date(2024, 9, 1), until=date(2024, 9, 30))
    query = "Iranian hackers Trump campaign"
    retriever = bot.retriever
    dense = bot.store().dense_search(bot.embeddings.embed_query(query), 50, window)
    sparse = retriever.bm25().search(query, 50, window)
    assert dense and sparse
    passages = [*dense, *bot.store().passages([chunk_id for chunk_id, _ in sparse]).values()]
    assert len(passages) == len(dense) + len(sparse)
    for passage in passages:
        assert passage.published is not None and window.since <= passage.published <= window.until  # type: ignore[operator]
    for passage in retriever.passages(query, filters=window):
        assert passage.published is not None and window.since <= passage.published <= window.until  # type: ignore[operator]


def test_source_and_topic_filters(bot: Assistant) -> None:
    seed_only = bot.retriever.passages("Iran hack", filters=Filters(sources=("Seed Article",)))
    assert seed_only and {p.source for p in seed_only} == {"seed article"}
    russia = bot.retriever.passages("election interference", k=8, filters=Filters(topics=("russia",)))
    assert russia and all("russia" in p.topics for p in russia)  # each passage carries its article's topics
    nothing = bot.retriever.passages("election interference", filters=Filters(topics=("no-such-topic",)))
    assert nothing == []


def test_rrf_rewards_agreement() -> None:
    fused = rrf([["a", "b", "c"], ["b", "a", "d"]], k=60)
    assert max(fused, key=fused.__getitem__) in {"a", "b"}
    assert fused["a"] == fused["b"] > fused["c"] > 0 and fused["d"] == fused["c"]


class TestHybridRetrieverStandard(RetrieversIntegrationTests):
    """LangChain's standard retriever suite, run against our retriever over the real index."""

    @pytest.fixture(autouse=True)
    def _index(self, bot: Assistant) -> None:
        self._store = bot.store()

    @property
    def retriever_constructor(self) -> type[BaseRetriever]:
        return HybridRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return {"store": self._store}

    @property
    def retriever_query_example(self) -> str:
        return "Which Russian companies ran the Doppelganger campaign?"


class TestMiniLMEmbeddingsStandard(EmbeddingsIntegrationTests):
    """LangChain's standard embeddings suite against the packaged all-MiniLM-L6-v2."""

    @property
    def embeddings_class(self) -> type[Embeddings]:
        return MiniLMEmbeddings

    @property
    def embedding_model_params(self) -> dict[str, Any]:
        return {"batch_size": 16}


def test_weighted_fusion_lets_the_heavier_side_lead() -> None:
    even = rrf([["a", "b"], ["b", "a"]], 60)
    assert even["a"] == even["b"]
    sparse_first = rrf([["a", "b"], ["b", "a"]], 60, [1.0, 2.0])
    assert sparse_first["b"] > sparse_first["a"]


def test_a_term_is_mentioned_when_a_chunk_an_acronym_or_a_title_holds_it(bot: Assistant) -> None:
    side = bot.retriever.bm25()
    assert side.df("ag") == 0 and side.mentions("ag")  # "Attorney General" spelled out
    assert side.df("dni") == 0 and side.mentions("dni")  # "Director of National Intelligence"
    assert not side.mentions("zzqx")
    assert side.df("lesson") == 0 and side.mentions("lesson")  # only a title says it ("phishing and MFA lessons")
    assert side.df("deepfak") == 0 and side.mentions("deepfak")  # only a topic tags it ("deepfake")


def test_a_passage_is_its_chunk_widened_to_whole_sentences_around_it(bot: Assistant) -> None:
    question = "How many internet domains did the Justice Department seize from Doppelganger?"
    narrow = HybridRetriever(store=bot.store(), window=0).passages(question)
    wide = HybridRetriever(store=bot.store(), window=600).passages(question)
    assert [p.chunk_id for p in narrow] == [p.chunk_id for p in wide]
    for small, big in zip(narrow, wide, strict=True):
        article = bot.store().article_text(big.article_id)
        assert article is not None and article[big.start : big.end] == big.text
        assert big.start <= small.start and big.end >= small.end and small.text in big.text
        assert big.start <= max(0, small.start - 600) + 400 and big.end >= min(len(article), small.end + 600) - 400
    assert sum(len(p.text) for p in wide) > sum(len(p.text) for p in narrow)
