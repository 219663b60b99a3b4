"""What crosses a module boundary: articles, chunks, retrieved passages, citations, answers, reports.

Pydantic models, frozen where they are values; the CLI prints their `model_dump(mode="json")`.
"""

from __future__ import annotations

import datetime as _dt
import json
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from assistant.text import long_date


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True)


def page_at(page_starts: tuple[int, ...], offset: int) -> int | None:
    """The 1-based PDF page holding character `offset`, given where each page starts (None: not paged)."""
    if not page_starts:
        return None
    return max(1, sum(1 for start in page_starts if start <= offset))


class Flag(_Value):
    """A sentence of an article flagged at ingest as planted (written for machines, not readers): never
    quoted as an answer, shown as flagged. Offsets point into the article text."""

    start: int
    end: int
    reason: str

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def flags_json(flags: tuple[Flag, ...]) -> str:
    """Flags as one metadata value (Chroma metadata holds no lists)."""
    return "[" + ",".join(f.model_dump_json() for f in flags) + "]"


def flags_from_json(value: object) -> tuple[Flag, ...]:
    if not value:
        return ()
    return tuple(Flag.model_validate(f) for f in json.loads(str(value)))


class Article(_Value):
    """One article as loaded from a file: its readable text and what we know about it."""

    id: str
    path: str  # what citations show: the file, or "file.jsonl#id" for one line of a JSON Lines file
    file: str  # the file it came from (for --prune)
    # The file's path inside the corpus root, where one is set: the same on every machine that mounts
    # the corpus; the article's id is derived from it (else from `path`).
    corpus_path: str = ""
    text: str
    title: str
    source: str = ""
    source_type: str = ""  # front matter's word for the kind of source ("official", "news"); see assistant/tiers.py
    url: str = ""
    published: date | None = None
    topics: tuple[str, ...] = ()
    content_hash: str
    # For PDFs: the character offset at which each page starts in `text` (page 1 first).
    page_starts: tuple[int, ...] = ()
    flags: tuple[Flag, ...] = ()  # planted sentences (ingest.planted)

    def page_at(self, offset: int) -> int | None:
        return page_at(self.page_starts, offset)


class Chunk(_Value):
    """A token-sized span of an article; `text == article.text[start:end]`."""

    article_id: str
    index: int
    text: str
    start: int
    end: int


class Filters(_Value):
    """Restrictions applied to both sides of hybrid retrieval (and one preference)."""

    since: date | None = None
    until: date | None = None
    sources: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    # Not a restriction: official sources rank ahead of others that match about as well.
    prefer_official: bool = False

    def is_empty(self) -> bool:
        return not (self.since or self.until or self.sources or self.topics)


class Passage(_Value):
    """A retrieved chunk, with the article facts a citation needs."""

    chunk_id: str
    article_id: str
    path: str
    title: str
    published: date | None = None
    url: str = ""
    source: str = ""
    tier: str = "unrated"  # official, industry, news, community or unrated (assistant/tiers.py)
    start: int
    end: int
    score: float
    text: str
    page: int | None = None
    # Where each PDF page starts in the article text, so a quote's own page can be found.
    page_starts: tuple[int, ...] = Field(default=(), exclude=True)
    flags: tuple[Flag, ...] = ()  # planted sentences of its article that overlap this passage
    # What its article is said to be about (lower-cased): a question's "Indonesian" is met by an article
    # on a regency in Indonesia whose text never names the country.
    topics: tuple[str, ...] = Field(default=(), exclude=True)

    def flagged(self, start: int, end: int) -> Flag | None:
        """The flag over any part of [start, end) of the article text, if one is."""
        return next((f for f in self.flags if f.overlaps(start, end)), None)

    def unflagged_text(self) -> str:
        """The passage text with its planted sentences blanked out (offsets kept), for a model to read."""
        text = self.text
        for f in self.flags:
            if f.overlaps(self.start, self.end):
                a, b = max(f.start, self.start) - self.start, min(f.end, self.end) - self.start
                text = text[:a] + " " * (b - a) + text[b:]
        return text

    def cite(self, marker: int, start: int, end: int, support: float) -> Citation:
        """The citation of [start, end) of the article text, which lies inside this passage."""
        return Citation(
            marker=marker,
            path=self.path,
            title=self.title,
            published=self.published,
            url=self.url,
            tier=self.tier,
            chunk_id=self.chunk_id,
            start=start,
            end=end,
            quote=self.text[start - self.start : end - self.start],
            page=page_at(self.page_starts, start),
            support=support,
        )

    def flagged_texts(self) -> list[tuple[str, str]]:
        """(text, reason) of each flagged sentence, as far as it lies inside this passage."""
        return [
            (self.text[max(f.start, self.start) - self.start : min(f.end, self.end) - self.start], f.reason)
            for f in self.flags
            if f.overlaps(self.start, self.end)
        ]


class Citation(_Value):
    """One `[n]` marker of an answer: the exact sentence quoted and where it stands in its article."""

    marker: int
    path: str
    title: str
    published: date | None = None
    url: str = ""
    chunk_id: str
    start: int
    end: int
    quote: str
    verified: bool = False
    page: int | None = None
    # How well the quote supports the sentence that cites it (assistant.support): 1.0 for a verbatim
    # quote; an LLM backend's paraphrase scores lower. None: not checked.
    support: float | None = None
    tier: str = "unrated"  # of the cited article (assistant/tiers.py)


REFUSAL = "The indexed sources do not answer this question."  # how a declined answer begins


class DeclineReason(StrEnum):
    """Why an answer was declined, for scripts and reports to count (the answer's text says it in words)."""

    UNKNOWN_NAME = "unknown_name"  # the question names something no indexed source mentions
    OTHER_SOURCE = "other_source"  # it asks what a publication reported, and no indexed article is from it
    NOTHING_TO_QUOTE = "nothing_to_quote"  # retrieval brought no sentence to quote
    NO_SENTENCE_OF_KIND = "no_sentence_of_kind"  # none holds the kind of fact asked for (a number, a name…)
    OTHER_PLACE = "other_place"  # what they say of that kind is of another place than the one asked about
    ONLY_SET_ASIDE = "only_set_aside"  # they say it only of what the question sets aside ("other than X")
    OTHER_YEAR = "other_year"  # what they say is of another year than the one asked about
    DOER_NOT_TIED = "doer_not_tied"  # nothing they say of it names the one the question says did it
    THING_NOT_MENTIONED = "thing_not_mentioned"  # what they say never mentions the thing asked for ("motive")
    NO_FINDING = "no_finding"  # asked what an inquiry found, they report no finding of it (one only to come)
    ONLY_TO_COME = "only_to_come"  # asked whether something was done, they say only that it was to be
    NOT_KNOWN = "not_known"  # the best sentence says what was asked is not known ("for reasons not known")
    UNNAMED = "unnamed"  # asked which one, the best sentence speaks of it without its name ("a registrar")
    WEAK_EVIDENCE = "weak_evidence"  # the decline model: the best sentences match the question too little
    UNVERIFIED = "unverified"  # no quote could be verified against the stored sources


class Draft(_Value):
    """An answer before verification: text with [n] markers and the citations they stand for.

    What every answer backend returns. A backend that streams yields drafts that add up (`a + b`) to
    the whole, as LangChain's message chunks do: text concatenates, citations accumulate, and a piece
    that declines makes the whole answer declined.
    """

    text: str = ""
    refused: bool = False
    declined_because: DeclineReason | None = None  # set with `refused`
    citations: tuple[Citation, ...] = ()
    notes: tuple[str, ...] = ()  # what the reader should know about how the answer was made
    # Passages the backend read beyond those retrieved and quotes from (the part of an article that
    # names the "three Iranian men" a retrieved sentence counts): `Answer.read`.
    read: tuple[Passage, ...] = ()
    # A final piece replaces the text and citations streamed so far: an LLM backend streams the model's
    # words as they come, then the checked answer that is to be shown instead.
    final: bool = False

    def __add__(self, other: Draft) -> Draft:
        if other.final:
            return other.model_copy(update={"notes": self.notes + other.notes})
        return Draft(
            text=self.text + other.text,
            refused=self.refused or other.refused,
            declined_because=self.declined_because or other.declined_because,
            citations=self.citations + other.citations,
            notes=self.notes + other.notes,
            read=self.read + other.read,
        )


class Answer(BaseModel):
    """The result of a question. Its JSON is exactly what `briefing ask --json` prints; the answer text
    is `text` in Python and "answer" in JSON, and either name reads back in."""

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)

    question: str
    # A follow-up as it was searched and answered, with the earlier questions it leans on (else None).
    standalone_question: str | None = None
    text: str = Field(validation_alias=AliasChoices("text", "answer"), serialization_alias="answer")
    refused: bool
    declined_because: DeclineReason | None = None  # why, when refused (None for an answer)
    citations: list[Citation]
    retrieved: list[Passage]  # what retrieval returned, best first
    backend: str
    notes: list[str] = []
    # Citations the generator made that failed verification and were removed (with their sentences).
    citations_dropped: int = 0
    timings: dict[str, float] = {}
    # Passages the answer quotes beyond those retrieved (the names a retrieved sentence only counts,
    # read from the rest of its article): not retrieval results, so kept apart from `retrieved`.
    read: list[Passage] = []

    def passages(self) -> list[Passage]:
        """Every passage the answer could quote: the retrieved ones, then those read beyond them."""
        return [*self.retrieved, *self.read]

    def to_json_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json")


class AnswerChunk(_Value):
    """One piece of the answer chain's stream. The pieces before the last carry answer text as the
    backend writes it, before verification; the last carries the finished, verified `Answer`, whose
    text is what to show (verification may have removed sentences the earlier pieces held).
    Chunks add up (`a + b`), so the chain's `invoke` is the sum of its `stream`."""

    text: str = ""
    answer: Answer | None = None

    def __add__(self, other: AnswerChunk) -> AnswerChunk:
        return AnswerChunk(text=self.text + other.text, answer=other.answer or self.answer)


class ArticleRecord(_Value):
    """What the index's catalog holds about one article, its text aside."""

    id: str
    path: str
    file: str
    title: str
    corpus_path: str = ""  # see Article.corpus_path
    source: str = ""
    source_type: str = ""
    tier: str = "unrated"  # worked out from source_type and url when read (assistant/tiers.py)
    url: str = ""
    published: date | None = None
    fingerprint: str = ""  # what the article was indexed from (content and chunking); see ingest.index
    content_hash: str = ""
    flags: tuple[Flag, ...] = ()
    topics: tuple[str, ...] = ()  # lower-cased, as filters match them
    page_starts: tuple[int, ...] = Field(default=(), exclude=True)  # for PDFs, see Article.page_starts


ArticleStatus = Literal["added", "updated", "unchanged", "removed", "failed"]


class IngestFailure(_Value):
    path: str
    reason: str


class FlaggedText(_Value):
    """A planted sentence found at ingest, for the report."""

    path: str
    text: str
    reason: str


class IngestReport(BaseModel):
    """What an ingest run did, per article, plus the files that failed and why."""

    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    removed: list[str] = []
    # Unchanged articles stored again under a new id (a corpus root was set), with the vectors they had.
    renamed: list[str] = []
    failed: list[IngestFailure] = []
    flagged: list[FlaggedText] = []  # planted sentences in the articles written by this run
    chunks_written: int = 0
    chunks_embedded: int = 0  # distinct chunk texts the model embedded (the rest had vectors already)
    chunks_deleted: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed, "
            + (f"{len(self.renamed)} renamed, " if self.renamed else "")
            + f"{len(self.failed)} failed; "
            f"{self.chunks_written} chunks written in {self.seconds:.1f} s"
            + (f"; {len(self.flagged)} planted sentence(s) flagged, never quoted" if self.flagged else "")
        )


class IndexStats(BaseModel):
    articles: int
    chunks: int
    sources: list[str]
    topics: list[str] = []
    earliest: date | None
    latest: date | None
    embedding_model: str
    location: str


# --- briefings (assistant/brief.py) ----------------------------------------------------------------
class BriefRequest(_Value):
    """What a briefing covers: a topic (an article tag), a query, a date window, sources."""

    topic: str = ""
    query: str = ""
    since: date | None = None
    until: date | None = None
    sources: tuple[str, ...] = ()

    def title(self) -> str:
        about = self.topic or self.query or "all indexed sources"
        if self.since or self.until:
            start = long_date(self.since) if self.since else "the start"
            span = f"{start} to {long_date(self.until) if self.until else 'now'}"
            return f"Briefing: {about}, {span}"
        return f"Briefing: {about}"


class Statement(_Value):
    """One line of a briefing: a verbatim sentence of a source, its date and its verified citations (a
    development reported by several articles cites each)."""

    date: _dt.date | None = None
    date_label: str = ""  # as a reader sees it: "September 27, 2024", "June 2024"
    dated_by: Literal["event", "published"] = "published"  # the sentence states its date, or its article's date
    text: str
    citations: tuple[Citation, ...]


class Change(Statement):
    """A later statement and the earlier one it supersedes (both dated)."""

    supersedes: Statement


class Conflict(Statement):
    """Sources that give different figures for one thing: each claim with its date and tier, none preferred."""

    claims: tuple[Statement, ...]


class BriefSource(_Value):
    number: int  # what the briefing's [n] markers point at
    path: str
    title: str
    published: date | None = None
    url: str = ""
    source: str = ""
    tier: str = "unrated"


class SourceGroup(_Value):
    tier: str
    label: str
    sources: tuple[BriefSource, ...]


class Briefing(BaseModel):
    """A dated, cited digest. Its JSON is exactly what `briefing brief --format json` prints."""

    request: BriefRequest
    generated: datetime
    backend: str = "extractive"
    articles_in_scope: int
    bottom_line: list[Statement]
    timeline: list[Statement]  # in date order
    changed: list[Change]
    conflicts: list[Conflict]
    open_questions: list[Statement]
    sources: list[SourceGroup]  # strongest tier first
    notes: list[str] = []

    @property
    def title(self) -> str:
        return self.request.title()

    def statements(self) -> list[Statement]:
        """Every quoted line of every section: each change with the line it supersedes, each side of each
        conflict (a conflict's own text says only that its sides disagree)."""
        found: list[Statement] = [*self.bottom_line, *self.timeline, *self.open_questions]
        for change in self.changed:
            found += [change, change.supersedes]
        for conflict in self.conflicts:
            found += conflict.claims
        return found

    def to_json_dict(self) -> dict[str, object]:
        return {"title": self.title, **self.model_dump(mode="json")}
