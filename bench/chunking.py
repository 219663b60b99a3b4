"""Chunk size and overlap, measured side by side on the dev gold set. Prints a table.

    .venv/bin/python bench/chunking.py [--gold ../shared/corpus/gold/dev.jsonl] [--corpus ../shared/corpus/articles]

For each setting it builds a fresh index of the corpus and answers every gold question, then reports
document recall@5, quote recall@5 (the supporting quote lies inside a top-5 chunk), refusals, key facts
of the reference answer found in the answer, the ingest
time and the answer latency. Times are relative to the first row: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from assistant import Assistant
from eval import metrics
from eval.gold import doc_slug

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = [(100, 20), (150, 30), (200, 40), (256, 48), (320, 64), (400, 80)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared/corpus/gold/dev.jsonl")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/articles")
    args = parser.parse_args()
    gold = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    rows = []
    for tokens, overlap in SETTINGS:
        with tempfile.TemporaryDirectory() as tmp:
            bot = Assistant(index_dir=tmp, chunk_tokens=tokens, chunk_overlap=overlap)
            bot.embeddings.embed_query("warm up")  # model load is not ingest time
            report = bot.ingest([args.corpus])
            docs = docs_hit = quotes = quotes_hit = unans = unans_ok = ans = ans_refused = facts = facts_hit = 0
            latencies = []
            for item in gold:
                started = time.perf_counter()
                answer = bot.ask(item["question"])
                latencies.append(time.perf_counter() - started)
                top5 = answer.retrieved[:5]
                if item["type"] == "unanswerable":
                    unans += 1
                    unans_ok += answer.refused
                    continue
                ans += 1
                ans_refused += answer.refused
                wanted = {s["doc"] for s in item["supporting"]}
                docs += len(wanted)
                docs_hit += len(wanted & {doc_slug(p.path) for p in top5})
                supports = [(s["doc"], s["quote"]) for s in item["supporting"]]
                recall = metrics.retrieval_recall(supports, [(doc_slug(p.path), p.text) for p in top5], 5)
                quotes += recall.details["quotes"]
                quotes_hit += recall.details["found"]
                shared = metrics.key_fact_overlap(answer.text, item["answer"])  # not `overlap`: the setting
                facts += len(shared.details.get("found", [])) + len(shared.details.get("missing", []))
                facts_hit += len(shared.details.get("found", []))
            rows.append(
                {
                    "tokens": tokens,
                    "overlap": overlap,
                    "chunks": bot.stats().chunks,
                    "doc@5": docs_hit / docs,
                    "quote@5": quotes_hit / quotes,
                    "refused": unans_ok / unans,
                    "false-ref": ans_refused / ans,
                    "keyfacts": facts_hit / facts,
                    "ingest s": report.seconds,
                    "p50 ask ms": 1000 * statistics.median(latencies),
                }
            )
    base = rows[0]
    for row in rows:  # times as ratios to the first row, measured in this same run
        row["ingest×"] = row["ingest s"] / base["ingest s"]
        row["ask×"] = row["p50 ask ms"] / base["p50 ask ms"]
    columns = list(rows[0])
    print(" ".join(f"{c:>10}" for c in columns))
    for row in rows:
        print(" ".join(f"{row[c]:>10.3f}" if isinstance(row[c], float) else f"{row[c]:>10}" for c in columns))


if __name__ == "__main__":
    main()
