"""The sentences of retrieved passages an answer may quote, and the sentence each one leans on.

Every sentence of the passages, once: not a heading, a caption, a short fragment, a planted sentence, nor
a FAQ's question (it says what the answers under it are about). A "They…" sentence leans on the sentence
before it for who "they" are, and the sentence after a timeline label on the label for when. What a
sentence is read with: the one it leans on, the items of the list it introduces, its paragraph.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.mentions import introductions, referents
from assistant.text import BULLET, LEAD_IN, is_date_label, is_label, sentence_spans, words
from assistant.types import Passage


@dataclass(frozen=True)
class Candidate:
    """A sentence of a retrieved passage that an answer may quote."""

    passage: Passage
    start: int  # offsets in the article text
    end: int
    text: str
    listed: bool = False  # a line that introduces a list, and the list's items
    # The question a FAQ answer stands under ("Where can I check that I am registered?"): it says what the
    # answer is about, as a title does, and is no answer itself.
    asked: str = ""
    # The names its "the contractor" or "the platform" stands for (assistant.mentions): whom it speaks of.
    refers: str = ""
    # A label that opens its paragraph, the paragraph's first sentence after it on its line ("Kessler County,
    # Oregon (special election, 9 June 2026). About 9,300 calls used a voice…"): it says what the paragraph
    # is about and answers nothing; the sentence after it leans on it for that.
    label: bool = False


BOILERPLATE = re.compile(r"^(image|photo|photograph)\b.*\b(created|credit|courtesy)\b", re.I)
# A plain-text article's header line, which the loader reads for its title, source and date ("Title: Inspector's
# review: Kuwait portal outage lasted 11 hours…", "Source: Gulfline Civic Report"): the article's card says
# it, and as a quote it reads as a label, not as what the story reports.
_HEADER_LINE = re.compile(
    r"^(?:title|headline|source|publisher|date|published|updated|posted|url|link|author)\s*:\s", re.I
)


def _in_header(passage: Passage, start: int) -> bool:
    """Does the text at `start` stand among the header lines an article opens with? Only there: a phishing
    email's "Subject: …" or a "Source: …" line quoted in the story is what it reports."""
    if passage.start != 0:
        return False
    return all(not line.strip() or _HEADER_LINE.match(line) for line in passage.text[:start].splitlines())


def is_heading(text: str) -> bool:
    # A closing parenthesis ends a sentence "(…in 2024.)" but not a heading "Case study: Fulton County (January 2024)".
    bare = re.sub(r"\s*\([^()]*\)$", "", text.rstrip())
    return not re.search(r"[.!?:;\"”’)\]]$", bare) and len(words(text)) <= 10


_ENDS_STATEMENT = re.compile(r"[.!][\"'”’)\]]*$")  # not "?": a headline may ask
# Lines before a story that are none of it: a header or a label ("Date: 2026-11-09", "Title: …", "Key
# points:"), a note ("Correction (2026-02-19): An earlier version …", "Updated 20 November 2026.",
# "Published 3 July 2026 by the …", "Editor's note: …"), a caption or a byline ("Photo: …", "By Ana Ruiz").
_NOT_STORY = re.compile(
    r"^\W*(?:[A-Za-z][\w '’]{0,24}:\s"
    r"|(?:corrections?|clarifications?|updated?|last updated|editors?['’]?s?\s+note|published|posted|issued|released|"
    r"compiled|prepared|photo|image|picture|caption|credit|by)\b)",
    re.I,
)


@lru_cache(maxsize=256)
def lede(text: str) -> str:
    """An article's opening sentence, where a news story sets its scene ("The full voter roll held by
    Kiribati's Registry of Island Electors was accessible…"). Headings, headers, notes, captions and list
    items before the story are passed over; the story's first line gives it, or nothing where that line's
    first statement does not end on it (a line that opens a list with ":", a wrapped line of a PDF)."""
    for line in text.split("\n"):
        if not line.strip() or _NOT_STORY.match(line) or BULLET.match(line.lstrip()) or is_heading(line):
            continue
        sentences = [line[a:b] for a, b in sentence_spans(line)]
        first = next((x for x in sentences if not is_label(x)), "")
        # A statement from its start ("went down on Monday." is the end of a wrapped one).
        return first if _ENDS_STATEMENT.search(first) and re.match(r"\W*[A-Z0-9]", first) else ""
    return ""


# A sentence that asks ("Where can I check that I am registered?", "**What happened?**") answers nothing;
# the sentences after it, up to this many, answer it.
_FAQ_QUESTION = re.compile(r"\?[*_\"”’)\s]*$")


_FAQ_ANSWER_SENTENCES = 3


def candidates(passages: Sequence[Passage]) -> list[Candidate]:
    """Every sentence of the passages, once (overlapping chunks repeat sentences)."""
    seen: set[tuple[str, int]] = set()
    out: list[Candidate] = []
    for passage in passages:
        asked, answers = "", 0
        introduced = introductions(passage.text)
        for start, end in sentence_spans(passage.text, base=passage.start):
            text = passage.text[start - passage.start : end - passage.start]
            if _FAQ_QUESTION.search(text):
                # A planted question is no context either.
                asked, answers = ("", 0) if passage.flagged(start, end) else (text, _FAQ_ANSWER_SENTENCES)
                continue
            if is_heading(text) or answers == 0:
                asked = ""
            answers -= 1
            key = (passage.article_id, start)
            # A short timeline label ("May 23: charges.") stays: it dates the sentence after it.
            short = len(words(text)) < 4 and not is_date_label(text)
            if key in seen or short or BOILERPLATE.match(text) or is_heading(text):
                continue
            if _HEADER_LINE.match(text) and _in_header(passage, start):
                continue
            if passage.flagged(start, end):  # a planted sentence is data about its article, never an answer
                continue
            seen.add(key)
            refers = "; ".join(referents(text, introduced, start - passage.start))
            rest_of_line = passage.text[end - passage.start :].split("\n", 1)[0]
            label = bool(rest_of_line.strip()) and is_label(text)
            out.append(
                Candidate(passage=passage, start=start, end=end, text=text, asked=asked, refers=refers, label=label)
            )
    return out


# A sentence that leans on the one before it for who or what it is about (and the first sentence after a
# timeline item's date label, for when: see antecedents). Pronouns only: a definite
# noun phrase ("The report…") is usually named in its article's title, and the sentence before it may
# well be about something else (and bring in a figure it supersedes).
# "According to the indictment, they…" leans on it as much as "They…" does.
DANGLING = re.compile(rf"{LEAD_IN}(?:it|its|they|their|them|he|his|she|her|both)\b", re.I)


_ANTECEDENT_GAP = 200  # characters: the sentence before, or one past a heading or a short line


Antecedents = dict[tuple[str, int], Candidate]  # by (article id, start) of the sentence that leans


def antecedents(pool: list[Candidate]) -> Antecedents:
    """For each "They…" or "It…" sentence, the sentence it leans on: the one before it in its article,
    when that was retrieved too and stands close enough. The sentence right after a timeline item's label
    ("May 23, 2024: charges and proposed fines.") leans on the label, which says when it happened. One
    pass over the pool in article order."""
    found: Antecedents = {}
    ordered = sorted(pool, key=lambda c: (c.passage.article_id, c.start))
    for before, c in itertools.pairwise(ordered):
        if before.passage.article_id != c.passage.article_id or not 0 <= c.start - before.end <= _ANTECEDENT_GAP:
            continue
        if DANGLING.match(c.text) or ((is_date_label(before.text) or before.label) and _same_line(before, c)):
            found[(c.passage.article_id, c.start)] = before
    return found


def _same_line(before: Candidate, c: Candidate) -> bool:
    """Do the two sentences of one article stand on one line ("May 23, 2024: charges. Kramer was indicted…")?"""
    text, offset = c.passage.text, c.passage.start
    if before.end < offset:  # the sentence before lies outside this passage: read from its own
        text, offset = before.passage.text, before.passage.start
        if c.start > offset + len(text):
            return False
    return "\n" not in text[before.end - offset : c.start - offset]


_LIST_ITEMS = 5  # items of a list quoted under the line that introduces it
LIST_BREAK = re.compile(r"[ \t]*\n\s*(?:[-*•]|\d{1,2}[.)])?[ \t]*")  # between two items of a list


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def paragraph(c: Candidate) -> str:
    """The paragraph of its passage the sentence stands in (a list's lines are one paragraph), read with
    the heading over it ("2021 review") and, for a list, the paragraph that introduces it ("The review
    found:")."""
    text, at = c.passage.text, c.start - c.passage.start
    spans: list[tuple[int, int]] = []
    begin = 0
    for blank in _BLANK_LINE.finditer(text):
        spans.append((begin, blank.start()))
        begin = blank.end()
    spans.append((begin, len(text)))
    own = next((k for k, (_, end) in enumerate(spans) if at < end), len(spans) - 1)
    earlier = [text[a:b] for a, b in spans[:own]]
    read = [text[slice(*spans[own])]]
    if earlier and BULLET.match(read[0].lstrip()):
        read.insert(0, earlier[-1])
    heading = next((p for p in reversed(earlier) if p.strip() and is_heading(p.strip())), None)
    if heading is not None:
        read.insert(0, heading)
    return " ".join(read)


def sentence_before(c: Candidate) -> str:
    """The sentence before the candidate on its line in its passage ("" when it opens its line), as
    sentence_spans splits the line."""
    line = c.passage.text[: c.start - c.passage.start]
    line = line[line.rfind("\n") + 1 :]
    spans = sentence_spans(line)
    return line[slice(*spans[-1])] if spans else ""


def sentence_key(c: Candidate) -> tuple[str, int, int]:
    """The sentence a candidate is: its article and offsets (its passage may be another chunk of it)."""
    return (c.passage.article_id, c.start, c.end)


def as_retrieved(c: Candidate, pool: list[Candidate]) -> Candidate:
    """The retrieved candidate for the same sentence, if retrieval brought it: quoted from its passage."""
    return next((p for p in pool if sentence_key(p) == sentence_key(c)), c)


def leaned_on(c: Candidate, leans_on: Antecedents) -> Candidate | None:
    return leans_on.get((c.passage.article_id, c.start))


def leaned_on_text(c: Candidate, leans_on: Antecedents) -> str:
    antecedent = leaned_on(c, leans_on)
    return antecedent.text if antecedent else ""


def read_with(c: Candidate, leans_on: Antecedents) -> list[Candidate]:
    """The sentence and the one it leans on, if any: "They took part…" says who with the names before it."""
    antecedent = leaned_on(c, leans_on)
    return [c] if antecedent is None else [c, antecedent]


def list_items(c: Candidate, pool: list[Candidate]) -> list[Candidate]:
    """The items of the list a sentence introduces (it ends with ':'): the retrieved lines right after it
    in its article, each on a line of its own (a bullet or a number may open it), at most _LIST_ITEMS."""
    if not c.text.rstrip().endswith(":"):
        return []
    following = sorted(
        (p for p in pool if p.passage.article_id == c.passage.article_id and p.start > c.start), key=lambda p: p.start
    )
    items: list[Candidate] = []
    before = c
    for item in following[:_LIST_ITEMS]:
        text = before.passage.text
        offset = before.passage.start
        if item.start > offset + len(text) or not LIST_BREAK.fullmatch(text[before.end - offset : item.start - offset]):
            break
        items.append(item)
        before = item
    return items


def with_antecedents(picked: list[Candidate], leans_on: Antecedents) -> list[Candidate]:
    """A quote that begins "They…" or "It…" comes after the sentence before it in its article, so the
    reader knows who or what it is about, and so on up a chain of them (that sentence moves up if it was
    picked for itself, later)."""
    out: list[Candidate] = []
    for c in picked:
        chain: list[Candidate] = []  # what it leans on, what that leans on, …: "They…" after "It…"
        antecedent = leaned_on(c, leans_on)
        while antecedent is not None and antecedent not in out and antecedent not in chain:
            chain.append(antecedent)
            antecedent = leaned_on(antecedent, leans_on)
        out.extend(reversed(chain))
        if c not in out:
            out.append(c)
    return out


def one_line(listed: str) -> str:
    head, *items = LIST_BREAK.split(listed)
    return f"{head.rstrip(':')}: {'; '.join(items)}"
