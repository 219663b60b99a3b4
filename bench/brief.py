"""How long a briefing takes over 1,000 articles on the offline default (target: under a minute). Prints a table.

    .venv/bin/python bench/brief.py [--multihop-index DIR]

The 1,000 articles: the 609 MultiHop-RAG news articles (real text, about 10,000 characters each) and 391
shorter election reports made of bench/scale.py's templated sentences, dated across 2023, in a copy of
the multi-hop index (built first when DIR does not exist yet: several minutes). Each brief runs in
this one process after a warm-up question, beside a plain `ask` for scale, so the ratios hold on a
noisy machine.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Assistant  # noqa: E402
from bench.scale import _pool  # noqa: E402

MULTIHOP = ROOT.parent / "shared" / "corpus" / "multihop" / "articles.jsonl"
TARGET_S = 60.0


def _reports(count: int, feed: Path) -> None:
    rng = random.Random(13)
    pool = _pool(3000, rng)
    with feed.open("w", encoding="utf-8") as out:
        for n in range(count):
            published = date(2023, 1 + n % 12, 1 + n % 28).isoformat()
            text = " ".join(rng.sample(pool, 12))
            out.write(json.dumps({"id": f"r{n}", "title": f"County report {n}", "text": text, "published": published}))
            out.write("\n")


def _timed(what: str, run: Callable[[], object]) -> tuple[str, float, object]:
    started = time.perf_counter()
    result = run()
    return what, time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--multihop-index", type=Path, default=ROOT / ".briefing" / "bench" / "multihop")
    args = parser.parse_args()
    if not (args.multihop_index / "chroma.sqlite3").exists():
        print(f"building the multi-hop index at {args.multihop_index} (several minutes)", file=sys.stderr)
        assert Assistant(index_dir=args.multihop_index).ingest([MULTIHOP]).ok
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "index"
        shutil.copytree(args.multihop_index, index)
        bot = Assistant(index_dir=index)
        articles = len(bot.articles())
        feed = Path(tmp) / "reports.jsonl"
        _reports(1000 - articles, feed)
        assert bot.ingest([feed]).ok
        bot = Assistant(index_dir=index)  # a fresh process's view
        total = len(bot.articles())
        bot.ask("warm-up: who ran the phishing campaign?")
        rows = [
            _timed("ask (for scale)", lambda: bot.ask("Who was behind the bomb threats in Ashford County?")),
            _timed("brief, every article", lambda: bot.brief()),
            _timed("brief, query", lambda: bot.brief(query="fraud trial of a cryptocurrency founder")),
            _timed("brief, one month", lambda: bot.brief(since=date(2023, 10, 1), until=date(2023, 10, 31))),
            _timed("brief, topic as words", lambda: bot.brief("phishing emails")),
        ]
    reference = rows[0][1]
    print(f"\nBriefings over {total:,} articles, offline default (target: under {TARGET_S:.0f} s)\n")
    print("| run | seconds | x ask | articles in scope | timeline lines | under target |")
    print("|---|---|---|---|---|---|")
    for what, seconds, result in rows:
        scope = getattr(result, "articles_in_scope", "")
        lines = len(getattr(result, "timeline", [])) if hasattr(result, "timeline") else ""
        ok = "yes" if seconds < TARGET_S else "NO"
        print(f"| {what} | {seconds:.2f} | {seconds / reference:.1f} | {scope} | {lines} | {ok} |")


if __name__ == "__main__":
    main()
