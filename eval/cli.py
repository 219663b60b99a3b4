"""`briefing eval`: build or reuse the corpus index, answer, score, write reports; `validate`, `compare`.

Registered with the `briefing` command line through the `briefing.commands` entry point.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from assistant.cli import fail, index_option
from assistant.errors import AssistantError, ProviderError
from eval.split import Part, assign

if TYPE_CHECKING:
    from assistant.api import Assistant
    from assistant.config import Settings
    from eval.gold import Corpus
    from eval.judges import Judge


def default_index(corpus: Corpus, settings: Settings) -> Path:
    """One reusable index per corpus (folder, or folders together), beside the default index."""
    from eval.gold import corpus_paths

    paths = [p.resolve() for p in corpus_paths(corpus)]
    key = hashlib.sha256("\n".join(str(p) for p in paths).encode()).hexdigest()[:12]
    return settings.index_dir.parent / "eval-indexes" / f"{'+'.join(p.name for p in paths)}-{key}"


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
    gold: Path,
    corpus: Corpus,
    index: Path | None,
    backend: str | None,
    judge_name: str,
    out: Path,
    k: int | None,
    part: Part | None = None,
) -> int:
    """Answer and score the gold set (or one part of its fixed split); 1 when the gold file is bad."""
    from assistant.api import Assistant
    from eval.gold import corpus_paths, load_gold, validate
    from eval.report import write_reports
    from eval.run import evaluate

    items, problems = load_gold(gold)
    problems += validate(items, corpus, gold)
    if part is not None:
        parts = assign((item.id, item.type) for item in items)
        items = [item for item in items if parts[item.id] == part]
    if problems:
        for problem in problems:
            click.secho(f"{problem.where}: {problem.reason}", fg="red", err=True)
        click.secho(f"error: {gold} has {len(problems)} problem(s); fix them first", fg="red", err=True)
        return 1
    from assistant.backends import check_backend

    base = Assistant()  # the user's settings (backend, chat model); a bad one fails here, clearly
    name = check_backend(backend or base.settings.backend)  # before the corpus is ingested
    # The eval index is the corpus's own, always embedded: it never writes into the user's index or server.
    overrides = {"backend": name, "chroma_host": None, "record_manager_url": None, "collection": "briefing"}
    settings = base.settings.model_copy(
        update={"index_dir": index or default_index(corpus, base.settings), **overrides}
    )
    bot = Assistant(**settings.model_dump())
    judge = make_judge(judge_name, bot)
    report = bot.ingest(corpus_paths(corpus), prune=True, progress=sys.stderr.isatty())
    click.echo(f"index: {report.summary()}", err=True)
    result = evaluate(items, bot, judge, gold_path=gold, corpus=corpus, k=k, progress=sys.stderr.isatty())
    paths = write_reports(result, out)
    width = max(len(key) for key in result.metrics)
    for key, value in result.metrics.items():
        click.echo(f"{key:<{width}}  {'–' if value is None else f'{value:.3f}'}")
    click.echo(f"latency p50 {result.latency['p50']:.2f} s, p95 {result.latency['p95']:.2f} s")
    click.echo("wrote " + ", ".join(str(p) for p in paths))
    return 0


@click.group("eval", invoke_without_command=True)
@click.option("--gold", type=click.Path(path_type=Path, dir_okay=False, exists=True), help="Gold JSON Lines file.")
@click.option(
    "--corpus",
    type=click.Path(path_type=Path, exists=True),
    multiple=True,
    help="Folder (or file) of the articles; repeat it to index several together (a held-out set and its distractors).",
)
@index_option
@click.option("--backend", default=None, help="Answer backend (default: setting BRIEFING_BACKEND).")
@click.option("--judge", "judge_name", default="offline", show_default=True, help="Claim judge.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=Path("eval-report"), show_default=True)
@click.option("-k", "k", type=click.IntRange(1, 50), default=None, help="Passages to retrieve.")
@click.option(
    "--split",
    "part",
    type=click.Choice(["tune", "report"]),
    default=None,
    help="Only this part of the gold set's fixed split (tune on `tune`, report on `report`).",
)
@click.pass_context
def eval_group(
    ctx: click.Context,
    gold: Path | None,
    corpus: tuple[Path, ...],
    index: Path | None,
    backend: str | None,
    judge_name: str,
    out: Path,
    k: int | None,
    part: Part | None,
) -> None:
    """Score answers to a gold set: retrieval, faithfulness, citations, correctness, refusals."""
    if ctx.invoked_subcommand is not None:
        return
    if gold is None or not corpus:
        raise click.UsageError("give --gold FILE and --corpus DIR (or a subcommand: validate, compare)")
    try:
        code = run_eval(gold, list(corpus), index, backend, judge_name, out, k, part)
    except AssistantError as exc:
        fail(str(exc))
    sys.exit(code)


@eval_group.command("validate")
@click.argument("gold", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--corpus", type=click.Path(path_type=Path, exists=True), required=True, multiple=True)
def validate_command(gold: Path, corpus: tuple[Path, ...]) -> None:
    """Check a gold file: parse errors, unknown documents, quotes not found."""
    from eval.gold import load_gold, validate

    items, problems = load_gold(gold)
    problems += validate(items, list(corpus), gold)
    for problem in problems:
        click.secho(f"{problem.where}: {problem.reason}", fg="red", err=True)
    click.echo(f"{len(items)} items, {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


@eval_group.command("compare")
@click.argument("a", type=click.Path(path_type=Path, exists=True))
@click.argument("b", type=click.Path(path_type=Path, exists=True))
def compare_command(a: Path, b: Path) -> None:
    """Changes from run A to run B (report.json files or their folders), question by question."""
    from eval.report import compare
    from eval.run import EvalReport

    def load(path: Path) -> EvalReport:
        file = path / "report.json" if path.is_dir() else path
        try:
            return EvalReport.model_validate_json(file.read_text())
        except (OSError, ValueError) as exc:
            fail(f"{file}: not an eval report ({str(exc).splitlines()[0]})")

    click.echo(compare(load(a), load(b)))


@eval_group.command("split")
@click.argument("questions", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--part", type=click.Choice(["tune", "report"]), required=True, help="Which part to print.")
@click.option("--seed", default=None, help="Split seed (default: the project's fixed seed).")
@click.option("--share", type=click.FloatRange(0.0, 1.0), default=None, help="Share of each type that reports.")
def split_command(questions: Path, part: Part, seed: str | None, share: float | None) -> None:
    """Print the tuning or the reporting part of a JSON Lines question file (a fixed, seeded split).

    Tune on `--part tune`; report figures on `--part report` only."""
    from eval.split import REPORT_SHARE, SEED, split_lines

    try:
        lines = questions.read_text(encoding="utf-8").splitlines()
        chosen = split_lines(lines, part, seed or SEED, share or REPORT_SHARE)
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:
        fail(f"{questions}: cannot split ({exc})")
    click.echo("\n".join(chosen))
