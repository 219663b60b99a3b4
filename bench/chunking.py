"""Chunk size and overlap, measured side by side on the dev gold set. Prints a table.

    .venv/bin/python bench/chunking.py [--gold ../shared/corpus/gold/dev.jsonl] [--corpus ../shared/corpus/articles]

For each setting it builds a fresh index of the corpus and answers every gold question, then reports
document recall@5, quote recall@5 (the supporting quote lies inside a top-5 chunk), refusals, the ingest
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

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = [(100, 20), (150, 30), (200, 40), (256, 48), (320, 64), (400, 80)]


def norm(text: str) -> str:
    return " ".join(text.replace("*", "").split()).lower()


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
            docs = docs_hit = quotes = quotes_hit = unans = unans_ok = ans = ans_refused = 0
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
                docs_hit += len(wanted & {Path(p.path).stem for p in top5})
                for support in item["supporting"]:
                    quotes += 1
                    quotes_hit += any(norm(support["quote"])[:60] in norm(p.text) for p in top5)
            rows.append(
                (
                    tokens,
                    overlap,
                    bot.stats().chunks,
                    docs_hit / docs,
                    quotes_hit / quotes,
                    unans_ok / unans,
                    ans_refused / ans,
                    report.seconds,
                    statistics.median(latencies),
                )
            )
    base_ingest, base_latency = rows[0][7], rows[0][8]
    print(
        f"{'tokens':>6} {'overlap':>7} {'chunks':>6} {'doc@5':>6} {'quote@5':>7} {'refuse':>6} "
        f"{'false-ref':>9} {'ingest':>7} {'ingest×':>7} {'p50 ask':>8} {'ask×':>5}"
    )
    for t, o, n, d, q, r, f, ing, lat in rows:
        print(
            f"{t:>6} {o:>7} {n:>6} {d:>6.3f} {q:>7.3f} {r:>6.2f} {f:>9.3f} {ing:>6.1f}s "
            f"{ing / base_ingest:>7.2f} {lat * 1000:>6.0f}ms {lat / base_latency:>5.2f}"
        )


if __name__ == "__main__":
    main()
