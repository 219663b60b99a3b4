"""The bundled sample corpus and its gold set: every article loads, every gold quote is in its article."""

from __future__ import annotations

from pathlib import Path

from eval.gold import load_gold, validate
from ingest.loaders import discover, load_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"
SAMPLES_GOLD = ROOT / "eval" / "gold" / "samples.jsonl"


def test_bundled_articles_load_with_full_front_matter() -> None:
    files, failures = discover([SAMPLES])
    assert not failures and len(files) >= 10
    for file in files:
        result = load_file(file)
        assert not result.failures, result.failures
        article = result.articles[0]
        assert article.title and article.published and article.topics and article.url.startswith("https://")


def test_samples_gold_set_is_valid_against_the_bundled_corpus() -> None:
    items, problems = load_gold(SAMPLES_GOLD)
    assert not problems
    assert not validate(items, SAMPLES, SAMPLES_GOLD)
    assert {item.type for item in items} >= {"factual", "numeric", "multi_hop", "temporal", "unanswerable"}
