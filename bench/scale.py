"""How ingest and warm asks grow with the index: a synthetic index of N chunks. Prints one JSON object.

    .venv/bin/python bench/scale.py --chunks 10000 [--json]
    .venv/bin/python bench/scale.py --table 1000 10000 100000   # each in a process of its own; a table

Articles are made of sentences drawn from a fixed pool (templated election-security sentences with
varied places, numbers and dates), so every chunk's text is distinct while the model embeds only the
pool: a chunk's vector is the normalised mean of its sentences' vectors (the one shortcut, so a
100,000-chunk index builds in minutes; retrieval, BM25, fusion and answering run as in production).
Warm asks are timed after one question has loaded everything; peak RSS is this process's.
Also timed: building the keyword (BM25) index from scratch, which every process did before it was kept
on disk (`keyword_rebuild_s`), and re-ingesting after one article changed (`edit_one_s`).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant import Assistant
from assistant.keyword import KeywordIndex

PLACES = [
    f"{a}{b}" for a in ("Ash", "Bel", "Cor", "Dun", "Elm", "Fal", "Gar", "Hol") for b in ("ford", "mere", "ton", "dale")
]
ACTORS = ["a Russian-linked group", "an Iranian operation", "a Chinese network", "unknown actors", "a criminal gang"]
KINDS = ["phishing emails", "fake websites", "bomb threats", "DDoS attacks", "deepfake robocalls", "leaked documents"]
TEMPLATES = [
    "Officials in {place} County said {actor} sent {n} {kind} to election workers in {month}.",
    "The {place} County clerk reported {n} {kind} linked to {actor} before the {month} primary.",
    "Investigators tied {n} {kind} in {place} County to {actor}, according to a {month} statement.",
    "{place} County reset {n} accounts after {kind} attributed to {actor} in {month}.",
    "State officials warned that {actor} could use {kind} against {place} County voters in {month}.",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]
QUESTIONS = [
    "How many phishing emails did officials in {place} County report?",
    "Who was behind the bomb threats in {place} County?",
    "What did the {place} County clerk report before the primary?",
]


def _pool(size: int, rng: random.Random) -> list[str]:
    found: set[str] = set()
    while len(found) < size:
        template = rng.choice(TEMPLATES)
        found.add(
            template.format(
                place=rng.choice(PLACES),
                actor=rng.choice(ACTORS),
                kind=rng.choice(KINDS),
                n=rng.randint(2, 900),
                month=rng.choice(MONTHS),
            )
        )
    return sorted(found)


class PooledEmbeddings(Embeddings):
    """The real model for questions and pool sentences; a chunk is the mean of its sentences' vectors."""

    def __init__(self, real: Embeddings, pool: list[str]) -> None:
        self.real = real
        self.vectors = dict(zip(pool, np.asarray(real.embed_documents(pool), dtype=np.float32), strict=True))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        out = []
        for text in texts:
            parts = [self.vectors[s] for s in re.split(r"(?<=\.)\s+", text.strip()) if s in self.vectors]
            if not parts:
                out.append(self.real.embed_query(text))
                continue
            mean = np.mean(parts, axis=0)
            out.append((mean / np.linalg.norm(mean)).tolist())
        return out

    def embed_query(self, text: str) -> list[float]:
        return self.real.embed_query(text)


def _table(sizes: list[int]) -> None:
    """One row per index size, each measured in a fresh process (its own peak memory), with the targets."""
    columns = [
        ("chunks", "chunks", ""),
        ("build_s", "build", ""),
        ("keyword_rebuild_s", "BM25 from scratch (was: every process)", ""),
        ("edit_one_s", "re-ingest, one article edited", ""),
        ("first_ask_s", "first ask, new process", ""),
        ("p50_s", "warm p50", " (<= 0.3 s)"),
        ("p95_s", "warm p95", " (<= 0.6 s)"),
        ("peak_rss_mb", "peak RSS MB", ""),
    ]
    print("| " + " | ".join(title + target for _, title, target in columns) + " |")
    print("|" + "---|" * len(columns))
    for size in sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--chunks", str(size)], capture_output=True, text=True, check=True
        )
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print("| " + " | ".join(f"{row[key]:,}" if key == "chunks" else str(row[key]) for key, _, _ in columns) + " |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chunks", type=int, default=1000)
    parser.add_argument("--pool", type=int, default=3000)
    parser.add_argument("--asks", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="(the output is always one JSON object)")
    parser.add_argument("--table", type=int, nargs="+", metavar="CHUNKS", help="Sizes to measure, as a table.")
    args = parser.parse_args()
    if args.table:
        _table(args.table)
        return
    rng = random.Random(12)
    pool = _pool(args.pool, rng)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        feed = work / "articles.jsonl"
        # About 12 sentences (~250 tokens) per article: two chunks of 200 tokens with 40 of overlap.
        articles = max(1, args.chunks // 2)
        with feed.open("w", encoding="utf-8") as out:
            for n in range(articles):
                text = " ".join(rng.sample(pool, 12))
                out.write(
                    json.dumps({"id": f"a{n}", "title": f"Report {n}", "text": text, "published": "2024-10-01"}) + "\n"
                )
        bot = Assistant(index_dir=work / "index")
        bot._embeddings = PooledEmbeddings(bot.embeddings, pool)
        started = time.perf_counter()
        report = bot.ingest([feed])
        build = time.perf_counter() - started
        shutil.rmtree(bot.settings.keyword_dir())
        started = time.perf_counter()
        KeywordIndex(bot.store()).current()
        rebuild = time.perf_counter() - started
        lines = feed.read_text(encoding="utf-8").splitlines()
        edited = json.loads(lines[0])
        edited["text"] = " ".join(rng.sample(pool, 12))
        feed.write_text("\n".join([json.dumps(edited), *lines[1:]]) + "\n", encoding="utf-8")
        started = time.perf_counter()
        bot.ingest([feed])
        edit_one = time.perf_counter() - started
        asker = Assistant(index_dir=work / "index")  # a fresh process's view: loads and builds what it needs
        started = time.perf_counter()
        asker.ask(QUESTIONS[0].format(place=PLACES[0]))
        first = time.perf_counter() - started
        times = []
        for n in range(args.asks):
            question = QUESTIONS[n % len(QUESTIONS)].format(place=PLACES[(n * 7) % len(PLACES)])
            started = time.perf_counter()
            asker.ask(question)
            times.append(time.perf_counter() - started)
        times.sort()
        result = {
            "chunks": asker.stats().chunks,
            "articles": len(report.added),
            "build_s": round(build, 1),
            "keyword_rebuild_s": round(rebuild, 2),
            "edit_one_s": round(edit_one, 2),
            "first_ask_s": round(first, 2),
            "p50_s": round(statistics.median(times), 3),
            "p95_s": round(times[int(0.95 * (len(times) - 1))], 3),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
