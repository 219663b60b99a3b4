"""Retrieval settings side by side on the tuning parts only: does the top 5 hold the passage with the answer?

    .venv/bin/python bench/retrieval.py --dev-index DIR --multihop-index DIR [--sample 400]

Rows: dense only and BM25 only (the textbook pipelines), then the hybrid retriever (reciprocal rank
fusion of both) at several MMR strengths (lambda 1.0 is no MMR) and BM25 weights in the fusion.
Columns, on the tuning part of the dev gold set with eval/gold/tuning.jsonl (our own tuning questions
over the same articles): supporting quote inside a top-5 passage; on a seeded sample of the tuning
part of the MultiHop-RAG queries: an evidence sentence inside a top-5 passage (Hits@5, the benchmark's
own relevance rule) and the share of evidence sentences found in the top 5. Reporting parts are never
read here: choose on these figures, then report on the reporting parts. An index that does not exist
yet is built from its corpus (the multi-hop one takes several minutes).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from assistant import Assistant
from assistant.types import Passage
from eval import metrics
from eval.gold import doc_slug
from eval.split import SEED, read_items, tuning_items

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
K = 5
LAMBDAS = (0.5, 0.75, 0.9, 1.0)
SPARSE_WEIGHTS = (1.5, 2.0, 3.0)  # BM25's weight in the fusion (the dense side's is 1), at MMR lambda 0.75 and 0.9

Retrieve = Callable[[Assistant, str], list[Passage]]


def _answerable(items: list[dict[str, object]]) -> list[dict[str, object]]:
    return [i for i in items if i["type"] not in {"unanswerable", "null_query"}]


def _bot(index: Path, corpus: Path) -> Assistant:
    bot = Assistant(index_dir=index)
    if not (index / "chroma.sqlite3").exists():
        bot.ingest([corpus])
    return bot


def _squeezed(text: str) -> str:
    return "".join(text.split())


def dev_quote_recall(bot: Assistant, items: list[dict[str, object]], retrieve: Retrieve) -> float:
    found = total = 0
    for item in items:
        top = retrieve(bot, str(item["question"]))[:K]
        supports = [(str(s["doc"]), str(s["quote"])) for s in item["supporting"]]  # type: ignore[attr-defined]
        recall = metrics.retrieval_recall(supports, [(doc_slug(p.path), p.text) for p in top], K)
        found += recall.details["found"]
        total += recall.details["quotes"]
    return found / max(total, 1)


def multihop_hits(bot: Assistant, items: list[dict[str, object]], retrieve: Retrieve) -> tuple[float, float]:
    hits = found = total = 0
    for item in items:
        top = [_squeezed(p.text) for p in retrieve(bot, str(item["question"]))[:K]]
        facts = [_squeezed(str(e["fact"])) for e in item["evidence"]]  # type: ignore[attr-defined]
        inside = [any(f in t for t in top) for f in facts]
        hits += any(inside)
        found += sum(inside)
        total += len(facts)
    return hits / max(len(items), 1), found / max(total, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-index", type=Path, required=True)
    parser.add_argument("--multihop-index", type=Path, required=True)
    parser.add_argument("--sample", type=int, default=400, help="Multi-hop tuning queries to use.")
    args = parser.parse_args()
    own = read_items(ROOT / "eval" / "gold" / "tuning.jsonl")
    dev = _answerable(tuning_items(SHARED / "gold" / "dev.jsonl") + own)
    multihop = _answerable(tuning_items(SHARED / "multihop" / "queries-dev.jsonl", args.sample, f"{SEED}-bench"))
    dev_bot = _bot(args.dev_index, SHARED / "articles")
    mh_bot = _bot(args.multihop_index, SHARED / "multihop" / "articles.jsonl")

    def dense(bot: Assistant, q: str) -> list[Passage]:
        return bot.store().dense_search(bot.embeddings.embed_query(q), K, None)

    def bm25(bot: Assistant, q: str) -> list[Passage]:
        ids = [i for i, _ in bot.retriever.bm25().search(q, K, None)]
        found = bot.store().passages(ids)
        return [found[i] for i in ids if i in found]

    def hybrid(lam: float, sparse_weight: float = 1.0) -> Retrieve:
        def retrieve(bot: Assistant, q: str) -> list[Passage]:
            bot.retriever.mmr_lambda = lam
            bot.retriever.sparse_weight = sparse_weight
            return bot.retriever.passages(q, k=K)

        return retrieve

    rows: list[tuple[str, Retrieve]] = [("dense only", dense), ("BM25 only", bm25)]
    rows += [(f"hybrid, MMR lambda {lam}", hybrid(lam)) for lam in LAMBDAS]
    rows += [(f"hybrid, BM25 x{w}, lambda {lam}", hybrid(lam, w)) for w in SPARSE_WEIGHTS for lam in (0.75, 0.9)]
    print(f"Tuning data only: {len(dev)} answerable election items, {len(multihop)} multi-hop queries; top {K}.")
    print(f"| {'retriever':32} | election quote@5 | multihop Hits@5 | multihop evidence@5 |")
    print(f"|{'-' * 34}|------------------|-----------------|---------------------|")
    for name, retrieve in rows:
        quote = dev_quote_recall(dev_bot, dev, retrieve)
        hits, evidence = multihop_hits(mh_bot, multihop, retrieve)
        print(f"| {name:32} | {quote:16.3f} | {hits:15.3f} | {evidence:19.3f} |")


if __name__ == "__main__":
    main()
