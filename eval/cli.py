"""The work behind `briefing eval`: build or reuse the corpus index, answer, score, write reports."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from assistant.errors import ProviderError

if TYPE_CHECKING:
    from assistant.api import Assistant
    from assistant.config import Settings
    from eval.judges import Judge


def default_index(corpus: Path, settings: Settings) -> Path:
    """One reusable index per corpus folder, beside the default index."""
    key = hashlib.sha256(str(corpus.resolve()).encode()).hexdigest()[:12]
    return settings.index_dir.parent / "eval-indexes" / f"{corpus.resolve().name}-{key}"


def make_judge(name: str, bot: Assistant) -> Judge:
    """`offline`: local embeddings plus lexical evidence; `llm`: the configured chat model."""
    from eval.judges import LLMJudge, OfflineJudge

    if name == "offline":
        return OfflineJudge(bot.embeddings)
    if name == "llm":
        from assistant.chat_models import chat_model

        s = bot.settings
        return LLMJudge(chat_model(s), name=f"llm:{s.llm_provider}:{s.llm_model}")
    raise ProviderError(f"unknown judge {name!r}; available: offline, llm (the chat model of BRIEFING_LLM_*)")


def run_eval(
    gold: Path, corpus: Path, index: Path | None, backend: str | None, judge_name: str, out: Path, k: int | None
) -> int:
    from assistant.api import Assistant
    from eval.gold import load_gold, validate
    from eval.report import write_reports
    from eval.run import evaluate

    items, problems = load_gold(gold)
    problems += validate(items, corpus, gold)
    if problems:
        for problem in problems:
            click.secho(f"{problem.where}: {problem.reason}", fg="red", err=True)
        click.secho(f"error: {gold} has {len(problems)} problem(s); fix them first", fg="red", err=True)
        return 1
    from assistant.backends import BACKENDS

    base = Assistant()  # the user's settings (backend, chat model); a bad one fails here, clearly
    name = backend or base.settings.backend
    if name not in BACKENDS:
        raise ProviderError(f"unknown answer backend {name!r}; available: {', '.join(BACKENDS)}")
    # The eval index is the corpus's own, always embedded: it never writes into the user's index or server.
    overrides = {"backend": name, "chroma_host": None, "record_manager_url": None, "collection": "briefing"}
    settings = base.settings.model_copy(
        update={"index_dir": index or default_index(corpus, base.settings), **overrides}
    )
    bot = Assistant(**settings.model_dump())
    judge = make_judge(judge_name, bot)
    report = bot.ingest([corpus], prune=True, progress=sys.stderr.isatty())
    click.echo(f"index: {report.summary()}", err=True)
    result = evaluate(items, bot, judge, gold_path=gold, corpus=corpus, k=k, progress=sys.stderr.isatty())
    paths = write_reports(result, out)
    width = max(len(key) for key in result.metrics)
    for key, value in result.metrics.items():
        click.echo(f"{key:<{width}}  {'–' if value is None else f'{value:.3f}'}")
    click.echo(f"latency p50 {result.latency['p50']:.2f} s, p95 {result.latency['p95']:.2f} s")
    click.echo("wrote " + ", ".join(str(p) for p in paths))
    return 0
