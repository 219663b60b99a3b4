"""The sentences of retrieved passages an answer may quote, and the sentence each one leans on.

Every sentence of the passages, once: not a heading, a caption, a short fragment, a planted sentence, nor
a FAQ's question (it says what the answers under it are about). A "They…" sentence leans on the sentence
before it for who "they" are, and the sentence after a timeline label on the label for when.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.mentions import introductions, referents
from assistant.text import LEAD_IN, is_date_label, is_label, sentence_spans, words
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


def is_heading(text: str) -> bool:
    # A closing parenthesis ends a sentence "(…in 2024.)" but not a heading "Case study: Fulton County (January 2024)".
    bare = re.sub(r"\s*\([^()]*\)$", "", text.rstrip())
    return not re.search(r"[.!?:;\"”’)\]]$", bare) and len(words(text)) <= 10


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
