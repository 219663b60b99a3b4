"""Gold question sets: load, and validate against a corpus (unknown document, quote not found)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.support import normalize

QuestionType = Literal["factual", "numeric", "comparison", "multi_hop", "temporal", "unanswerable", "adversarial"]


class Support(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    doc: str = Field(min_length=1)
    quote: str = Field(min_length=1)


class GoldItem(BaseModel):
    # extra="forbid": a misspelt field (must_not_contains) must not silently switch a check off.
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    answer: str
    supporting: list[Support]
    type: QuestionType
    must_not_contain: list[Annotated[str, Field(min_length=1)]] = []
    # Earlier user questions of the conversation, oldest first: the question is a follow-up to them.
    history: list[Annotated[str, Field(min_length=1)]] = []


class GoldProblem(BaseModel):
    where: str  # "file:line" or "file:line (id)"
    reason: str


def load_gold(path: Path) -> tuple[list[GoldItem], list[GoldProblem]]:
    """Items that parse, and a problem for each line that does not (or repeats an id)."""
    items: list[GoldItem] = []
    problems: list[GoldProblem] = []
    seen: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [GoldProblem(where=str(path), reason=f"cannot read: {exc}")]
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            item = GoldItem.model_validate(json.loads(line))
        except json.JSONDecodeError as exc:
            problems.append(GoldProblem(where=where, reason=f"invalid JSON: {exc.msg}"))
            continue
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "item"
            problems.append(GoldProblem(where=where, reason=f"{field}: {first['msg']}"))
            continue
        if item.id in seen:
            problems.append(GoldProblem(where=f"{where} ({item.id})", reason="duplicate id"))
            continue
        if item.type == "unanswerable" and item.supporting:
            problems.append(
                GoldProblem(where=f"{where} ({item.id})", reason="unanswerable item lists supporting quotes")
            )
        if item.type != "unanswerable" and not item.supporting:
            problems.append(GoldProblem(where=f"{where} ({item.id})", reason="answerable item has no supporting quote"))
        if item.type != "unanswerable" and not item.answer.strip():
            problems.append(GoldProblem(where=f"{where} ({item.id})", reason="answerable item has no reference answer"))
        problems.extend(
            GoldProblem(where=f"{where} ({item.id})", reason=f"quote {s.quote!r} has no text once markup is removed")
            for s in item.supporting
            if not normalize(s.quote)
        )
        seen.add(item.id)
        items.append(item)
    if not items and not problems:
        problems.append(GoldProblem(where=str(path), reason="no gold items"))
    return items, problems


def doc_slug(path: str) -> str:
    """How gold files name a document: the file name without suffix; "feed#a1" for line a1 of feed.jsonl."""
    line = re.match(r"^(.*\.jsonl)#(.+)$", path)
    if line:
        return f"{Path(line.group(1)).stem}#{line.group(2)}"
    return Path(path).stem


Corpus = Path | Sequence[Path]  # one folder or file of articles, or several (a held-out set with its distractors)


def corpus_paths(corpus: Corpus) -> list[Path]:
    return [corpus] if isinstance(corpus, Path) else list(corpus)


def corpus_label(corpus: Corpus) -> str:
    return ", ".join(str(p) for p in corpus_paths(corpus))


def corpus_texts(corpus: Corpus) -> tuple[dict[str, str], list[str]]:
    """Article text by document slug, as the loaders read it, and slugs that more than one article claims."""
    from ingest.loaders import discover, load_file

    files, _ = discover(corpus_paths(corpus))
    texts: dict[str, str] = {}
    clashes: list[str] = []
    for file in files:
        for article in load_file(file).articles:
            slug = doc_slug(article.path)
            if slug in texts:
                clashes.append(slug)
            texts[slug] = article.text
    return texts, clashes


def validate(items: list[GoldItem], corpus: Corpus, source: Path) -> list[GoldProblem]:
    """Problems of items against the corpus: a document that is not there, a quote not in it."""
    raw, clashes = corpus_texts(corpus)
    texts = {slug: normalize(text) for slug, text in raw.items()}
    used = {s.doc for item in items for s in item.supporting}
    problems = [
        GoldProblem(
            where=corpus_label(corpus), reason=f"more than one document is named {slug!r}; quotes cannot be placed"
        )
        for slug in sorted(set(clashes) & used)
    ]
    for item in items:
        for support in item.supporting:
            where = f"{source} ({item.id})"
            if support.doc not in texts:
                problems.append(
                    GoldProblem(where=where, reason=f"unknown doc {support.doc!r} in {corpus_label(corpus)}")
                )
            elif normalize(support.quote) not in texts[support.doc]:
                problems.append(
                    GoldProblem(where=where, reason=f"quote not found in {support.doc}: {support.quote[:60]!r}")
                )
    return problems
