"""Briefings on the offline default: a dated, cited digest of a topic or a period, built extractively.

Every line of a briefing is a verbatim sentence of an indexed article, checked at its offsets in the
stored text like an answer's quotes. How it is put together:
1. The articles in scope: published inside the window, from the asked-for sources, tagged with the
   topic (or, when no article carries that tag, matching it as words), and, with a query, the
   articles hybrid retrieval finds for it.
2. Their sentences that stand alone (no heading, no "They…" leaning on the sentence before, no
   sentence flagged as planted), each dated: by the date it states where it states one ("On September
   27, 2024, …"), else by its article's date.
3. A cheap lexical and informational score keeps the best few hundred; the embedding model reads those,
   and they are scored by closeness to the query (or topic) and grouped by matter: near copies in
   different articles are one development with several citations.
4. The timeline is the best developments inside the window in date order; "what changed" pairs a later
   statement with the earlier one it supersedes (a different figure for the same thing, a "no one has
   been charged" followed by charges, or a later statement that says it updates an earlier date's);
   conflicts are sources giving different figures for the same thing, or one saying not so where
   another says so (within half a year; a source's own later figure is a change, another source's is
   a conflict, never settled by date);
   open questions are sentences about what is not known (investigations without outcome, what a
   statement left out) that nothing later in scope answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Literal

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.questions import names
from assistant.sentences import BOILERPLATE, DANGLING, is_heading
from assistant.text import (
    NEUTRAL_LABEL,
    Figure,
    ProseDate,
    dates_in,
    figures,
    lead_length,
    long_date,
    sentence_spans,
    terms,
    words,
)
from assistant.tiers import tier_rules
from assistant.types import (
    ArticleRecord,
    Briefing,
    BriefRequest,
    BriefSource,
    Change,
    Citation,
    Conflict,
    Filters,
    SourceGroup,
    Statement,
    page_at,
)
from assistant.verdicts import denied_terms, negated

if TYPE_CHECKING:
    from assistant.retrieval import HybridRetriever
    from assistant.store import Store

Progress = Callable[[str, int, int], object]  # (what is being done, done, total)

_PRESELECT = 400  # sentences the embedding model reads: enough for a week of news, fast at 1,000 articles
_MENTION_HITS = 5000  # keyword hits that name the articles a topic given as words may be in
_QUERY_PASSAGES = 40  # passages a query retrieves; their articles are the brief's scope
_TIMELINE = 12
_PER_ARTICLE = 3  # timeline lines from one article at most
_BOTTOM_LINE = 3
_NEAR_COPY = 0.85  # cosine above which two sentences of different articles report one development
_SAME_MATTER = 0.6  # ... above which they are about one matter (an update or a conflict may follow)
_REFERS_BACK = 0.45  # ... a later sentence that names an earlier date must be this close to that date's line
_FIGURES_REACH = 180  # days: figures (or claims) further apart than this are not set against each other
_SAME_CLAIM = 0.75  # cosine above which a sentence and its negation are one claim gainsaid
_MIN_WORDS, _MAX_WORDS = 6, 80
_IN_YEAR = re.compile(r"\b(?:in|during)\s+$", re.I)
_SUMMARY_LABEL = re.compile(r"^(?:bottom line|in short|summary|key takeaways?|the upshot|tl;?dr)$", re.I)
# What the sources say is not known yet: announced investigations, what a statement left out.
_OPEN = re.compile(
    r"\b(?:(?:is|are|was|were|remains?|remained) (?:still )?(?:under (?:investigation|review)|unclear|unknown|"
    r"ongoing|pending)|(?:would|will) (?:keep|continue) investigating|investigation (?:is|was) (?:ongoing|continuing)|"
    r"(?:did|does|has|have|had) not (?:yet )?(?:say|said|describe|described|disclose|disclosed|name|named|identify|"
    r"identified|explain|explained|confirm|confirmed|been charged|been identified)|not yet (?:known|clear|charged)|"
    r"no one (?:has|had) (?:yet )?been (?:publicly )?(?:charged|identified|arrested)|declined to (?:comment|say|"
    r"name|identify)|it is not (?:known|clear)|left out|open question)\b",
    re.I,
)
# A later sentence saying it updates an earlier one ("updated their August 19 attribution").
_UPDATES = re.compile(
    r"\b(?:updat\w*|revis\w*|follow-up|follow up|added|superseded|corrected|raised|lowered|"
    r"since|now|changed|later|increased|decreased|second)\b",
    re.I,
)


@dataclass
class _Sentence:
    record: ArticleRecord
    start: int  # offsets in the stored article text
    end: int
    text: str
    when: date | None  # the date it states, else its article's
    dated_by: Literal["event", "published"]
    date_label: str
    summary: bool  # it follows a "Bottom line:" label
    lexical: float = 0.0
    cheap: float = 0.0
    relevance: float = 0.0
    vector: np.ndarray | None = None
    figures: list[Figure] = field(default_factory=list)
    negated: bool = False
    open: bool = False


@dataclass
class _Development:
    members: list[_Sentence]

    @property
    def lead(self) -> _Sentence:
        return self.members[0]

    @property
    def when(self) -> date | None:
        """The date the lead states, else the day it was first reported."""
        if self.lead.dated_by == "event":
            return self.lead.when
        return min((m.when for m in self.members if m.when), default=None)

    @property
    def relevance(self) -> float:
        return self.lead.relevance


def _sentences(record: ArticleRecord, text: str) -> list[_Sentence]:
    out: list[_Sentence] = []
    for start, end in sentence_spans(text):
        raw = text[start:end]
        neutral = NEUTRAL_LABEL.match(raw)
        summary = neutral is not None and _SUMMARY_LABEL.match(neutral.group("label")) is not None
        start += lead_length(raw)
        raw = text[start:end]
        count = len(words(raw))
        if (
            raw.endswith(":")
            or not _MIN_WORDS <= count <= _MAX_WORDS
            or is_heading(raw)
            or BOILERPLATE.match(raw)
            or DANGLING.match(raw)
        ):
            continue
        if any(f.overlaps(start, end) for f in record.flags):  # planted: data about its article, never a line
            continue
        published = record.published
        # A date it states, not after its article's; a bare year of the article's own is vaguer than that.
        found = dates_in(raw, published)
        if published is not None and any(d.value > published and d.precision != "year" for d in found):
            # It tells of days after its article's date: a look back added later, or what lies ahead.
            # Dated either way it would mislead (an August article's "on September 27 … charged").
            continue
        stated = [d for d in found if _dates_the_sentence(d, raw, published)]
        if stated:  # the most precise date it states, the first of equals
            best = min(stated, key=lambda d: ("day", "month", "year").index(d.precision))
            out.append(_Sentence(record, start, end, raw, best.value, "event", best.label(), summary))
        else:
            label = long_date(record.published) if record.published else "undated"
            out.append(_Sentence(record, start, end, raw, record.published, "published", label, summary))
    return out


def _dates_the_sentence(stated: ProseDate, sentence: str, published: date | None) -> bool:
    """Whether a date the sentence states is when what it reports happened: not after its article's
    date, and a bare year only as "in 2016" or "during 2020" ("since before 2020" says no when), and
    not the article's own year (its date says more)."""
    if published is not None and stated.value > published:
        return False
    if stated.precision != "year":
        return True
    same_year = published is not None and stated.value.year == published.year
    return not same_year and _IN_YEAR.search(sentence[: stated.start]) is not None


def _in_window(when: date | None, request: BriefRequest) -> bool:
    if when is None:
        return request.since is None and request.until is None
    return (request.since is None or when >= request.since) and (request.until is None or when <= request.until)


def _figures_differ(a: _Sentence, b: _Sentence) -> bool:
    """A figure of one for a kind of thing the other counts too, with no equal figure beside it."""
    return any(
        fa.comparable(fb) and not any(f.comparable(fa) and f.value == fa.value for f in b.figures)
        for fa in a.figures
        for fb in b.figures
    )


def _gainsays(a: _Sentence, b: _Sentence) -> bool:
    """One says not so what the other says is so: a word a negation of one bears on stands in the
    other, which negates nothing ("was not breached" beside "hackers breached"; not "no plans for
    cyberattacks" beside "its capabilities are defensive", which agree)."""
    if a.negated == b.negated:
        return False
    denying, saying = (a, b) if a.negated else (b, a)
    said = set(terms(saying.text))
    return any(reach & said for reach in denied_terms(denying.text))


def _agree(a: _Sentence, b: _Sentence) -> bool:
    """Near copies that say the same: no figure differs, and neither says not so where the other says so."""
    return not _figures_differ(a, b) and not _figures_differ(b, a) and a.negated == b.negated


def _sources(development: _Development) -> set[str]:
    """Who reports it: the publishers of its reports (an article without one stands for itself)."""
    return {m.record.source.strip().lower() or m.record.path for m in development.members}


def _same_time(a: _Sentence, b: _Sentence) -> bool:
    """Two reports of one development: the same stated date, or no stated date in one of them (the
    same news reported on different days)."""
    return a.when == b.when or "published" in (a.dated_by, b.dated_by)


def _cos(a: _Sentence, b: _Sentence) -> float:
    assert a.vector is not None and b.vector is not None
    return float(a.vector @ b.vector)


def _refers_back(later: _Sentence, earlier: date) -> bool:
    """The later sentence names the earlier date and says it updates it ("updated their August 19
    attribution")."""
    return _UPDATES.search(later.text) is not None and any(
        d.value == earlier for d in dates_in(later.text, later.record.published)
    )


class BriefBuilder:
    """Builds a `Briefing` from the index: `store` reads articles, `retriever` serves a query's scope."""

    def __init__(self, store: Store, retriever: HybridRetriever, embeddings: Embeddings) -> None:
        self.store = store
        self.retriever = retriever
        self.embeddings = embeddings
        self.article_ids: dict[str, str] = {}  # path -> id of the articles in the last brief's scope

    # --- scope ------------------------------------------------------------------------------
    def _scope(self, request: BriefRequest, notes: list[str]) -> list[ArticleRecord]:
        wanted_sources = {s.lower() for s in request.sources}
        scope = [
            r
            for r in self.store.all_articles()
            if _in_window(r.published, request) and (not wanted_sources or r.source.lower() in wanted_sources)
        ]
        topic = re.sub(r"\s+", "-", request.topic.strip().lower())  # "tenet media" is the tag tenet-media
        tagged = [r for r in scope if topic in r.topics] if topic else []
        if topic and tagged:
            scope = tagged
        elif topic:
            notes.append(f"No article in scope is tagged {request.topic!r}; articles that mention it are used.")
            scope = self._mentioning(request.topic, scope)
        if request.query.strip() and scope:
            filters = Filters(
                since=request.since,
                until=request.until,
                sources=request.sources,
                topics=(topic,) if tagged else (),  # the search stays inside the tagged articles
            )
            found = self.retriever.passages(request.query, k=_QUERY_PASSAGES, filters=filters)
            relevant = {p.article_id for p in found}
            scope = [r for r in scope if r.id in relevant]
        return scope

    def _mentioning(self, words_: str, scope: list[ArticleRecord]) -> list[ArticleRecord]:
        """The articles of the scope whose title and text hold every word: the keyword index names the
        candidates, so only their texts are read."""
        wanted = set(terms(words_))
        if not wanted:
            return []
        hits = self.retriever.bm25().search(words_, _MENTION_HITS, None)
        candidates = {p.article_id for p in self.store.passages([chunk for chunk, _ in hits]).values()}
        # The keyword index searches article text; a title is checked here.
        kept = [r for r in scope if r.id in candidates or wanted <= set(terms(r.title))]
        texts = self.store.article_texts([r.id for r in kept])
        return [r for r in kept if wanted <= set(terms(r.title + " " + texts.get(r.id, "")))]

    # --- the brief --------------------------------------------------------------------------
    def build(self, request: BriefRequest, progress: Progress | None = None) -> Briefing:
        tell = progress or (lambda *_: None)
        notes: list[str] = []
        tell("Finding the articles in scope", 0, 1)
        scope = self._scope(request, notes)
        self.article_ids = {r.path: r.id for r in scope}
        texts = self.store.article_texts([r.id for r in scope])
        pool: list[_Sentence] = []
        for n, record in enumerate(scope, start=1):
            text = texts.get(record.id)
            if text is not None:
                pool.extend(_sentences(record, text))
            if n % 50 == 0 or n == len(scope):
                tell("Reading the articles", n, len(scope))
        if not pool:
            notes.append("No indexed article in scope has a sentence to brief from.")
            return self._briefing(request, scope, [], [], [], [], [], texts, notes)
        focus = " ".join(x for x in (request.query, request.topic) if x.strip())
        self._score_cheaply(pool, focus)
        pool.sort(key=lambda s: -s.cheap)
        kept = pool[:_PRESELECT] + [s for s in pool[_PRESELECT:] if s.open][:50]
        tell("Reading the sentences", 0, len(kept))
        vectors = np.asarray(self.embeddings.embed_documents([s.text for s in kept]), dtype=np.float32)
        tell("Reading the sentences", len(kept), len(kept))
        for s, v in zip(kept, vectors, strict=True):
            s.vector = v / (np.linalg.norm(v) or 1.0)
        # The focus, or with no topic or query, what the period's sentences have most in common.
        q = np.asarray(self.embeddings.embed_query(focus), dtype=np.float32) if focus else vectors.mean(axis=0)
        q = q / (np.linalg.norm(q) or 1.0)
        for s in kept:
            assert s.vector is not None
            s.relevance = float(s.vector @ q) + 0.3 * s.lexical + 0.1 * (s.dated_by == "event") + 0.1 * s.summary
        tell("Grouping by matter", 0, 1)
        developments = self._group(sorted(kept, key=lambda s: -s.relevance))
        inside = [d for d in developments if _in_window(d.when, request)]
        timeline = self._timeline(inside)
        changed, conflicts = self._changes(inside)
        open_questions = self._open_questions(kept, inside, request)
        bottom = self._bottom_line(inside)
        tell("Grouping by matter", 1, 1)
        return self._briefing(request, scope, bottom, timeline, changed, conflicts, open_questions, texts, notes)

    def _score_cheaply(self, pool: list[_Sentence], focus: str) -> None:
        """A first score without the embedding model: the focus's words the sentence holds (idf-weighted),
        and whether it states a date, a figure and a name."""
        keywords = self.retriever.keywords()
        focus_terms = set(terms(focus))
        weights = {t: keywords.idf(t) for t in focus_terms}
        total = sum(weights.values()) or 1.0
        titles: dict[str, set[str]] = {}  # an article's title terms, once for all its sentences
        for s in pool:
            title = titles.get(s.record.id)
            if title is None:
                title = titles[s.record.id] = set(terms(s.record.title))
            held = set(terms(s.text)) | title
            s.lexical = sum(w for t, w in weights.items() if t in held) / total if focus_terms else 0.0
            s.figures = figures(s.text)
            s.negated = negated(s.text)
            s.open = _OPEN.search(s.text) is not None
            informative = 0.3 * (s.dated_by == "event") + 0.2 * bool(s.figures) + 0.2 * bool(names(s.text))
            s.cheap = s.lexical + informative + 0.3 * s.summary + 0.2 * s.open

    @staticmethod
    def _group(ranked: list[_Sentence]) -> list[_Development]:
        """Near copies in different articles that agree become one development (best first)."""
        developments: list[_Development] = []
        for s in ranked:
            home = next(
                (
                    d
                    for d in developments
                    if _cos(d.lead, s) >= _NEAR_COPY and _agree(d.lead, s) and _same_time(d.lead, s)
                ),
                None,
            )
            if home is None:
                developments.append(_Development([s]))
            elif all(m.record.id != s.record.id for m in home.members):
                home.members.append(s)
        return developments

    @staticmethod
    def _timeline(inside: list[_Development]) -> list[_Development]:
        chosen: list[_Development] = []
        per_article: dict[str, int] = {}
        for d in inside:
            if len(chosen) == _TIMELINE:
                break
            if d.lead.open or per_article.get(d.lead.record.id, 0) >= _PER_ARTICLE:
                continue
            per_article[d.lead.record.id] = per_article.get(d.lead.record.id, 0) + 1
            chosen.append(d)
        return sorted(chosen, key=lambda d: (d.when or date.min, -d.relevance))

    @staticmethod
    def _changes(
        inside: list[_Development],
    ) -> tuple[list[tuple[_Development, _Development]], list[list[_Development]]]:
        """(earlier, later) pairs where the later supersedes, and groups of sources that disagree."""
        top = inside[:80]
        changed: list[tuple[_Development, _Development]] = []
        conflicts: list[list[_Development]] = []
        for i, a in enumerate(top):
            for b in top[i + 1 :]:
                if a.lead.record.id == b.lead.record.id:
                    continue
                if a.when is None or b.when is None:
                    continue
                earlier, later = (a, b) if a.when <= b.when else (b, a)
                early, late = earlier.when, later.when
                assert early is not None and late is not None
                similar = _cos(a.lead, b.lead)
                if similar < _REFERS_BACK:
                    continue
                differ = (
                    similar >= _SAME_MATTER
                    and (late - early).days <= _FIGURES_REACH
                    and (_figures_differ(a.lead, b.lead) or _figures_differ(b.lead, a.lead))
                )
                # One says not so where the other says so, about the very same thing ("was not breached"
                # beside "was breached").
                gainsaid = similar >= _SAME_CLAIM and _gainsays(a.lead, b.lead)
                differ = differ or (gainsaid and (late - early).days <= _FIGURES_REACH)
                same_source = bool(_sources(a) & _sources(b))
                stated_update = early != late and _refers_back(later.lead, early)
                if differ and not same_source and not stated_update:
                    # Two sources at odds, whichever came later: shown side by side, never settled.
                    joined = next((g for g in conflicts if a in g or b in g), None)
                    if joined is None:
                        conflicts.append([a, b])
                    else:  # three sources at odds are one conflict of three claims
                        joined.extend(d for d in (a, b) if d not in joined)
                elif early == late:
                    continue
                elif (
                    differ  # a source's own later figure
                    or stated_update
                    or (similar >= _SAME_MATTER and earlier.lead.open and not later.lead.open)
                ):
                    # A source's new figure, a later statement that says it updates the earlier date's,
                    # or what was not known then said now.
                    changed.append((earlier, later))
        return changed[:6], conflicts[:6]

    @staticmethod
    def _open_questions(kept: list[_Sentence], inside: list[_Development], request: BriefRequest) -> list[_Sentence]:
        """What the sources say is not known, unless something later in scope on the same matter says it."""
        found: list[_Sentence] = []
        for s in sorted((s for s in kept if s.open and _in_window(s.when, request)), key=lambda s: -s.relevance):
            answered = any(
                d.when is not None
                and s.when is not None
                and d.when > s.when
                and not d.lead.open
                and not d.lead.negated
                and _cos(d.lead, s) >= _SAME_MATTER
                for d in inside
            )
            if not answered and not any(_cos(s, f) >= _NEAR_COPY for f in found):
                found.append(s)
            if len(found) == 4:
                break
        return found

    @staticmethod
    def _bottom_line(inside: list[_Development]) -> list[_Development]:
        """The two or three developments that matter most now: relevant, labelled as a summary, recent."""
        dated = sorted({d.when for d in inside if d.when})
        recency = {when: i / max(len(dated) - 1, 1) for i, when in enumerate(dated)}

        def weight(d: _Development) -> float:
            return d.relevance + 0.2 * d.lead.summary + 0.2 * recency.get(d.when, 0.0) if d.when else d.relevance

        ranked = sorted((d for d in inside[:40] if not d.lead.open), key=weight, reverse=True)
        chosen: list[_Development] = []
        for d in ranked:  # one line an article, unless there are too few articles for two lines
            if all(c.lead.record.id != d.lead.record.id for c in chosen):
                chosen.append(d)
            if len(chosen) == _BOTTOM_LINE:
                break
        for d in ranked:
            if len(chosen) >= 2:
                break
            if d not in chosen:
                chosen.append(d)
        return sorted(chosen, key=lambda d: d.when or date.min, reverse=True)

    # --- citations, verified ----------------------------------------------------------------
    def _briefing(
        self,
        request: BriefRequest,
        scope: Sequence[ArticleRecord],
        bottom: list[_Development],
        timeline: list[_Development],
        changed: list[tuple[_Development, _Development]],
        conflicts: list[list[_Development]],
        open_questions: list[_Sentence],
        texts: dict[str, str],
        notes: list[str],
    ) -> Briefing:
        numbers: dict[str, int] = {}
        records: dict[str, ArticleRecord] = {}
        unverified = 0

        def cite(s: _Sentence) -> Citation | None:
            nonlocal unverified
            stored = self.store.article_text(s.record.id)  # the ground truth, read again
            if stored is None or stored[s.start : s.end] != s.text:
                unverified += 1
                return None
            number = numbers.setdefault(s.record.path, len(numbers) + 1)
            records[s.record.path] = s.record
            return Citation(
                marker=number,
                path=s.record.path,
                title=s.record.title,
                published=s.record.published,
                url=s.record.url,
                chunk_id="",
                start=s.start,
                end=s.end,
                quote=s.text,
                verified=True,
                support=1.0,
                tier=s.record.tier,
                page=page_at(s.record.page_starts, s.start),
            )

        def statement(members: list[_Sentence]) -> Statement | None:
            """The development as a line: the text of its best report that verifies, every report cited."""
            cited = [(m, c) for m in members if (c := cite(m)) is not None]
            if not cited:
                return None
            lead = first = cited[0][0]
            if lead.dated_by == "published":  # dated by the day it was first reported
                first = min((m for m, _ in cited if m.when), key=lambda m: m.when or date.max, default=lead)
            return Statement(
                date=first.when,
                date_label=first.date_label,
                dated_by=lead.dated_by,
                text=lead.text,
                citations=tuple(c for _, c in cited),
            )

        bottom_line = [s for s in (statement(d.members) for d in bottom) if s]
        lines = [s for s in (statement(d.members) for d in timeline) if s]
        changes: list[Change] = []
        for earlier, later in changed:
            old, new = statement(earlier.members), statement(later.members)
            if old and new:
                changes.append(Change(**new.model_dump(), supersedes=old))
        disagreements: list[Conflict] = []
        for group in conflicts:
            claims = [s for s in (statement(d.members) for d in group) if s]
            if len(claims) < 2:
                continue
            latest = max((c.date for c in claims if c.date), default=None)
            disagreements.append(
                Conflict(
                    date=latest,
                    date_label=long_date(latest) if latest else "undated",
                    dated_by="event" if all(c.dated_by == "event" for c in claims) else "published",
                    text=f"{len(claims)} sources disagree on this; none is preferred.",
                    citations=tuple(c for claim in claims for c in claim.citations),
                    claims=tuple(claims),
                )
            )
        opens = [s for s in (statement([o]) for o in open_questions) if s]
        if unverified:
            notes.append(f"{unverified} sentence(s) no longer matched the stored article text and were left out.")
        rules = tier_rules()
        groups: list[SourceGroup] = []
        for tier in rules.names():
            members = [
                BriefSource(
                    number=numbers[path],
                    path=path,
                    title=r.title,
                    published=r.published,
                    url=r.url,
                    source=r.source,
                    tier=r.tier,
                )
                for path, r in records.items()
                if r.tier == tier
            ]
            if members:
                groups.append(
                    SourceGroup(
                        tier=tier, label=rules.label(tier), sources=tuple(sorted(members, key=lambda m: m.number))
                    )
                )
        return Briefing(
            request=request,
            generated=datetime.now(UTC),
            articles_in_scope=len(scope),
            bottom_line=bottom_line,
            timeline=lines,
            changed=changes,
            conflicts=disagreements,
            open_questions=opens,
            sources=groups,
            notes=notes,
        )
