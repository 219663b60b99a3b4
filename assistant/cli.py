"""`briefing`: a thin command line over `Assistant`. Heavy imports wait until a command runs.

The core commands live here. Other packages add theirs through the `briefing.commands` entry point
(`eval` from the eval package, `serve` from the UI), so this package depends on neither.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from assistant.errors import AssistantError, IndexChangingError, QuestionError

if TYPE_CHECKING:
    from assistant.api import Assistant
    from assistant.types import Answer, Filters


def fail(message: str) -> NoReturn:
    click.secho(f"error: {message}", fg="red", err=True)
    sys.exit(1)


def assistant_for(index: Path | None, **settings: Any) -> Assistant:
    from assistant.api import Assistant

    try:
        return Assistant(index_dir=index, **{k: v for k, v in settings.items() if v is not None})
    except AssistantError as exc:  # a bad BRIEFING_* setting
        fail(str(exc))


def _filters(
    since: date | None,
    until: date | None,
    source: tuple[str, ...],
    topic: tuple[str, ...],
    prefer_official: bool = False,
) -> Filters | None:
    from assistant.types import Filters

    found = Filters(since=since, until=until, sources=source, topics=topic, prefer_official=prefer_official)
    return None if found.is_empty() and not prefer_official else found


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _emit(text: str, out: Path | None, what: str) -> bool:
    """Print the text, or write it to `out` (True: written); a file that cannot be written is one line."""
    if out is None:
        click.echo(text, nl=False)
        return False
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{out}: cannot write {what} ({exc.strerror or exc})")
    return True


index_option = click.option(
    "--index",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Index directory (default: setting BRIEFING_INDEX_DIR, else ~/.local/share/briefing/index).",
)


_DEBUG = False


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected failure.")
def main(debug: bool) -> None:
    """Election-security briefing assistant: answers from indexed articles, every claim cited."""
    global _DEBUG
    _DEBUG = debug


COMMANDS_ENTRY_POINT = "briefing.commands"


def add_registered_commands() -> None:
    """Commands that other packages register under the `briefing.commands` entry point."""
    from importlib.metadata import entry_points

    for entry in entry_points(group=COMMANDS_ENTRY_POINT):
        if entry.name in main.commands:
            continue
        try:
            main.add_command(entry.load(), entry.name)
        except Exception as exc:  # one broken package must not take the other commands down with it
            click.secho(f"warning: command {entry.name!r} is unavailable ({type(exc).__name__}: {exc})", err=True)


def run() -> None:
    """The `briefing` entry point: any failure is one line on stderr and exit code 1, not a traceback."""
    try:
        add_registered_commands()
        main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (click.Abort, KeyboardInterrupt):
        click.echo("interrupted", err=True)
        sys.exit(130)
    except AssistantError as exc:
        fail(str(exc))
    except Exception as exc:
        if _DEBUG:
            raise
        fail(f"unexpected {type(exc).__name__}: {exc} (run `briefing --debug ...` for the traceback)")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@index_option
@click.option("--prune", is_flag=True, help="Remove indexed articles whose files under PATHS are gone.")
@click.option(
    "--corpus-root",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The folder the corpus is mounted at: articles under it are known by their path inside it, the same "
    "on every machine that shares the index (default: setting BRIEFING_CORPUS_ROOT; unset: absolute paths).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def ingest(paths: tuple[str, ...], index: Path | None, prune: bool, corpus_root: Path | None, as_json: bool) -> None:
    """Index articles (Markdown, text, HTML, JSON Lines, PDF, folders) incrementally."""
    try:
        report = assistant_for(index, corpus_root=corpus_root).ingest(
            list(paths),
            prune=prune,
            progress=sys.stderr.isatty() and not as_json,
            on_wait=lambda message: click.secho(message, fg="yellow", err=True),
        )
    except AssistantError as exc:
        fail(str(exc))
        return
    if as_json:
        click.echo(json.dumps(report.model_dump(mode="json")))
    else:
        click.echo(report.summary())
        for flagged in report.flagged:
            click.secho(f"  flagged: {flagged.path}: {flagged.text!r} ({flagged.reason})", fg="yellow", err=True)
        for failure in report.failed:
            click.secho(f"  failed: {failure.path}: {failure.reason}", fg="red", err=True)
    if report.failed:
        sys.exit(1)


@main.command()
@index_option
@click.option("--json", "as_json", is_flag=True)
def stats(index: Path | None, as_json: bool) -> None:
    """What the index holds."""
    try:
        found = assistant_for(index).stats()
    except AssistantError as exc:
        fail(str(exc))
        return
    if as_json:
        click.echo(json.dumps(found.model_dump(mode="json")))
        return
    span = f"{found.earliest} to {found.latest}" if found.earliest else "no dates"
    click.echo(
        f"articles: {found.articles}\nchunks: {found.chunks}\nsources: {', '.join(found.sources) or '-'}\n"
        f"dates: {span}\nembedding model: {found.embedding_model}\nindex: {found.location}"
    )


def print_answer(answer: Answer) -> None:
    """The answer, then each article it quotes once, with every sentence quoted from it (as the chat and
    the exports number them: two quotes of one article are one source)."""
    from assistant.export import sources, text_by_source

    if answer.standalone_question:  # a follow-up, searched as the question it stands for
        click.secho(f"(searched as: {answer.standalone_question})", dim=True)
    click.echo(text_by_source(answer))
    found = sources(answer)
    if found:
        click.echo("\nSources:")
    for source in found:
        when = f", {source.published}" if source.published else ""
        tier = f" [{source.tier_label}]" if source.tier_label else ""
        click.echo(f"  [{source.number}] {source.title}{when}{tier}")
        for c in source.citations:
            page = f" (p. {c.page})" if c.page else ""
            # A quote keeps its line breaks (it is verbatim); its later lines stay under its first.
            first, *rest = c.quote.splitlines() or [""]
            quote = "\n".join([first, *(f"       {line}" if line else "" for line in rest)])
            click.echo(f'      "{quote}"{page}')
        click.echo(f"      {source.url or source.path}")


@main.command()
@click.argument("question", required=False)
@index_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (a line per question with --questions).")
@click.option("-k", "k", type=click.IntRange(1, 50), default=None, help="Passages to retrieve.")
@click.option("--since", callback=_date, help="Only sources published on or after this date.")
@click.option("--until", callback=_date, help="Only sources published on or before this date.")
@click.option("--source", multiple=True, help="Only this source (repeatable).")
@click.option("--topic", multiple=True, help="Only this topic (repeatable).")
@click.option("--prefer-official", is_flag=True, help="Rank official sources ahead of others that match about as well.")
@click.option(
    "--questions",
    type=click.Path(path_type=Path, dir_okay=False),
    help="JSON Lines file with 'id' and 'question' per line (and 'history', the earlier questions a "
    "follow-up is asked after); answers one line each.",
)
def ask(
    question: str | None,
    index: Path | None,
    as_json: bool,
    k: int | None,
    since: date | None,
    until: date | None,
    source: tuple[str, ...],
    topic: tuple[str, ...],
    prefer_official: bool,
    questions: Path | None,
) -> None:
    """Answer QUESTION from the index, with numbered sources."""
    filters = _filters(since, until, source, topic, prefer_official)
    bot = assistant_for(index)
    try:
        if questions is not None:
            _ask_many(bot, questions, k, filters)
            return
        if question is None:
            fail("give a QUESTION, or --questions FILE")
            return
        answer = bot.ask(question, k=k, filters=filters)
    except AssistantError as exc:
        fail(str(exc))
        return
    if as_json:
        click.echo(json.dumps(answer.to_json_dict(), ensure_ascii=False))
    else:
        print_answer(answer)


def _ask_many(bot: Assistant, path: Path, k: int | None, filters: Filters | None) -> None:
    """One JSON line per question, in order. A bad line or question becomes a line with "error";
    the batch goes on, and the exit code is 1 when any line failed."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{path}: cannot read ({exc})")
        return
    failed: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record: dict[str, Any] = {"id": number}
        try:
            item = json.loads(line)
            if isinstance(item, dict):
                record = {"id": item.get("id", number)}
            if not isinstance(item, dict) or not isinstance(item.get("question"), str):
                raise ValueError("each line must be a JSON object with a 'question' string")
            earlier = item.get("history", [])
            if not isinstance(earlier, list) or not all(isinstance(q, str) for q in earlier):
                raise ValueError("'history' must be a list of the earlier questions, as strings")
            # A follow-up is asked after its earlier questions, each answered in turn, as in the chat.
            history = bot.conversation(earlier, k=k, filters=filters)
            record.update(bot.ask(item["question"], history=history, k=k, filters=filters).to_json_dict())
        except (ValueError, QuestionError, IndexChangingError) as exc:  # JSONDecodeError is a ValueError
            record["error"] = str(exc)
            failed.append(f"{path}:{number}: {exc}")
        click.echo(json.dumps(record, ensure_ascii=False))
    for failure in failed:
        click.secho(f"failed: {failure}", fg="red", err=True)
    if failed:
        sys.exit(1)


@main.command()
@index_option
@click.option(
    "--topic", default="", help="An article topic (tag), e.g. iran; articles that mention it if none is tagged."
)
@click.option("--query", default="", help="What the briefing is about, in words (searched like a question).")
@click.option("--since", callback=_date, help="Only what happened (or was published) on or after this date.")
@click.option("--until", callback=_date, help="Only what happened (or was published) on or before this date.")
@click.option("--source", multiple=True, help="Only this source (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True)
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), help="Write to FILE instead of stdout.")
def brief(
    index: Path | None,
    topic: str,
    query: str,
    since: date | None,
    until: date | None,
    source: tuple[str, ...],
    fmt: str,
    out: Path | None,
) -> None:
    """A dated, cited briefing: bottom line, timeline, what changed, conflicts, open questions, sources by tier."""
    from tqdm import tqdm

    from assistant import export

    bot = assistant_for(index)
    bars: dict[str, tqdm[Any]] = {}

    def progress(what: str, done: int, total: int) -> None:  # on stderr, only where someone watches
        bar = bars.get(what)
        if bar is None:
            bar = bars[what] = tqdm(total=total, desc=what, unit="", leave=False, disable=not sys.stderr.isatty())
        bar.update(done - bar.n)

    try:
        found = bot.brief(topic, query, since=since, until=until, sources=source, progress=progress)
    except AssistantError as exc:
        fail(str(exc))
        return
    finally:
        for bar in bars.values():
            bar.close()
    if fmt == "json":
        text = json.dumps(found.to_json_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = export.brief_markdown(found) if fmt == "md" else export.brief_page(found)
    if _emit(text, out, "the briefing"):
        click.echo(f"wrote {out}", err=True)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per backend, a line each.")
def backends(as_json: bool) -> None:
    """The answer backends: which one is chosen, whether each is configured and its server answers."""
    from dataclasses import asdict

    from assistant.backends import BACKENDS, backend_status

    settings = assistant_for(None).settings
    for name in BACKENDS:
        status = backend_status(name, settings)
        if as_json:
            click.echo(json.dumps({**asdict(status), "chosen": name == settings.backend}))
            continue
        state = "ready" if status.reachable else "unreachable" if status.configured else "not configured"
        chosen = " (chosen)" if name == settings.backend else ""
        click.echo(f"{name}{chosen}: {state} - {status.detail}")


@main.command()
@index_option
def chat(index: Path | None) -> None:
    """A terminal chat on the same engine (Ctrl-D or 'exit' to leave)."""
    bot = assistant_for(index)
    try:
        bot.stats()  # a missing or damaged index ends the chat before the first question
    except AssistantError as exc:
        fail(str(exc))
        return
    history: list[tuple[str, str]] = []
    click.echo("Ask about election threats in the indexed articles. Ctrl-D to leave.")
    while True:
        try:
            question = input("\n> ").strip()
        except (EOFError, KeyboardInterrupt):
            click.echo()
            return
        if question.lower() in {"exit", "quit"}:
            return
        if not question:
            continue
        try:
            answer = bot.ask(question, history=history)
        except QuestionError as exc:
            click.secho(f"error: {exc}", fg="red", err=True)
            continue
        except KeyboardInterrupt:
            click.echo("\n(interrupted)")
            continue
        print_answer(answer)
        history += [("user", question), ("assistant", answer.text)]


@main.group()
def feedback() -> None:
    """Feedback staff gave on answers (thumbs up or down, with an optional comment)."""


@feedback.command("export")
@index_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="jsonl", show_default=True)
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), help="Write to FILE instead of stdout.")
def feedback_export(index: Path | None, fmt: str, out: Path | None) -> None:
    """Every piece of feedback with its question, answer, citations, backend and time."""
    records = assistant_for(index).records
    try:
        text = records.export_feedback("csv" if fmt == "csv" else "jsonl")
    except AssistantError as exc:
        fail(str(exc))
    if _emit(text, out, "the feedback"):
        click.echo(f"{len(records.feedback())} feedback record(s) written to {out}", err=True)


@main.command("export")
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
@index_option
def export_index(out: Path, index: Path | None) -> None:
    """Write every indexed article with its metadata to OUT (JSON Lines): `briefing ingest OUT` into an
    empty index rebuilds the same articles and chunks (a backup; a move between embedded and server)."""
    try:
        count = assistant_for(index).export(out)
    except AssistantError as exc:
        fail(str(exc))
    click.echo(f"{count} article(s) written to {out}", err=True)
