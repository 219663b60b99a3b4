"""Questions that name what they ask about only by description, resolved before retrieval.

"The company that built the EAC results page — what was it fined in Kazakhstan?" asks about a company
the question never names, and the article that says what it was fined never mentions the page. Searched
as it is, the question finds the page and not the fine. Resolved in two hops, as a reader would: first
the description is searched on its own ("Which company built the EAC results page") and the name it
stands for is read from a sentence that matches it well and says the name is of the kind described ("…
built in 2022 by Steppe Data Systems, an Almaty-based software contractor…"); then what is asked of the
name is searched ("what was Steppe Data Systems fined in Kazakhstan?") and answered, and the answer also
quotes the sentence the name was read from. The question as resolved is returned in the `Answer`, as a
follow-up's is: "Which company built the EAC results page, and what was Steppe Data Systems fined…?".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.mentions import CORPORATE_SUFFIXES, NAME, ORGANISATION_NOUNS
from assistant.places import demonym_place, is_place, names_place
from assistant.text import CALENDAR_WORDS, STOPWORDS, concept_terms, sentence_spans, words
from assistant.types import Passage

# "The company that built the EAC results page — what was it fined…?": a description that opens the
# question (the noun it describes, in lower case, then what it says of it), then, after a dash, a colon or
# a full stop, what is asked of it, pointing back with a pronoun. Not "The FCC fined Lingo Telecom: how
# much did it pay?", which names whom it speaks of.
_DESCRIBED = re.compile(
    r"^\s*(?P<description>(?:The|That)\s+(?:[\w'’-]+\s+){0,3}?(?P<head>[a-z][\w'’-]*)\s+"
    r"(?:that|who|which|whose|behind|the|a|an|in|on|at|from|with|for|by|of)\s+.+?)"
    r"\s*(?:—|–|\s-\s|:|\.(?=\s+[A-Z]))\s*(?P<asked>.+)$",
    re.S,
)
# The pronoun the asked part points back with, and what stands for the name in its place.
_POINTS_BACK = re.compile(r"\b(?:it|its|they|their|them|he|his|him|she|her)\b", re.I)
_POSSESSIVE = frozenset({"its", "their", "his", "her"})
_RELATIVE = re.compile(r"\s+(?:that|who|which)\s+")
# Descriptions of people and of places: their names are checked against what they describe.
_PERSON_WORDS = frozenset(
    "person man woman director official officer clerk secretary candidate mayor councillor spokesperson "
    "spokesman spokeswoman minister chair chairman chairwoman commissioner analyst researcher reporter "
    "journalist consultant lawyer attorney judge prosecutor executive founder head chief leader".split()
)
_PLACE_WORDS = frozenset("county city town township village state country region district municipality parish".split())
_NEAR = 6  # words between a name and the noun that says what it is ("the hacktivist group NoiseHarbor")
_MATCHED = 0.5  # share of the description's words (weighted by rarity) a sentence must hold to name it


@dataclass(frozen=True)
class Described:
    """A question that asks about something it names only by description."""

    description: str  # "The company that built the EAC results page"
    head: str  # the noun described: "company"
    asked: str  # "what was it fined in Kazakhstan?"

    @property
    def as_question(self) -> str:
        """The description asked on its own: "Which company built the EAC results page"."""
        which = re.sub(r"^\s*(?:The|That)\s+", "Which ", self.description)
        return _RELATIVE.sub(" ", which, count=1)


def described(question: str) -> Described | None:
    """The description a question opens with and what it asks of it, or None for any other question."""
    match = _DESCRIBED.match(question)
    if match is None or not _POINTS_BACK.search(match["asked"]) or match["description"].rstrip().endswith("?"):
        return None
    return Described(match["description"].strip(), match["head"].lower(), match["asked"].strip())


@dataclass(frozen=True)
class Resolved:
    """A described question with the name read for its description."""

    question: str  # the question asked of the name, with the description as its first part
    asked: str  # what is asked of the name: "what was Steppe Data Systems fined in Kazakhstan?"
    name: str
    naming: Passage  # the passage whose sentence the name was read from
    start: int  # that sentence, as offsets in its article's text
    end: int


def _candidates(sentence: str, question: str, head: str, named_inside: set[str]) -> list[str]:
    """Names in a sentence that the question does not already hold and that a word beside them says are
    of the kind its description asks for: "the hacktivist group NoiseHarbor", "Lumenfold Labs, a
    Vienna-based digital forensics firm", "Fulton County" for "the county". A name nothing beside says
    the kind of is passed over: in a sentence that matches the description well, "The report, prepared
    by Harborlight Forensics, …" names the firm that wrote the report, not the crew that claimed the attack."""
    asked = set(words(question))
    found: list[str] = []
    for match in NAME.finditer(sentence):
        name = re.sub(r"^(?:The|A|An|In|On|At|After|Before|By)\s+", "", match.group()).rstrip(".")
        said = words(name)
        if not said or all(w in asked or w in STOPWORDS or w in CALENDAR_WORDS for w in said):
            continue
        # A sentence's first word is capitalised anyway: a name only if it is capitalised inside one too.
        if match.start() == 0 and len(said) == 1 and name not in named_inside:
            continue
        if re.search(r"-[a-z]+$", name) or demonym_place(name) or name in {"U.S", "UK", "EU"}:  # "Vienna-based"
            continue
        beside = words(sentence[: match.start()])[-_NEAR:] + words(sentence[match.end() :])[:_NEAR]
        says_organisation = any(w in ORGANISATION_NOUNS or w in (head, head.rstrip("s")) for w in beside)
        says_person = any(w in _PERSON_WORDS for w in beside)
        place = is_place(name) or names_place(sentence, match.start(), match.end())
        if head in _PLACE_WORDS:
            of_kind = said[-1].startswith(head[:4])
        elif head in _PERSON_WORDS:
            of_kind = not place and len(said) >= 2 and not says_organisation and (says_person or head in beside)
        else:  # "Meridian Disinformation Research Laboratory", "Steppe Data Systems": says it of itself
            of_kind = not place and (says_organisation or said[-1] in ORGANISATION_NOUNS | CORPORATE_SUFFIXES)
        if of_kind:
            found.append(name)
    return found


def resolve(question: str, search: Callable[[str], Sequence[Passage]], idf: Callable[[str], float]) -> Resolved | None:
    """The question asked of the name its description stands for, or None when it has no description or
    no retrieved sentence clearly names what the description describes."""
    found = described(question)
    if found is None:
        return None
    # Not the noun described: "the crew that claimed the attack" is "the ransomware group Grey Lantern,
    # which claimed the attack"; what the name is said to be is checked apart (_candidates).
    weights = {t: idf(t) for t in set(concept_terms(found.as_question)) - set(concept_terms(found.head))}
    total = sum(weights.values()) or 1.0
    scored: dict[str, float] = {}
    where: dict[str, tuple[Passage, int, int]] = {}
    for passage in search(found.as_question):
        held = set(concept_terms(passage.title))
        for start, end in sentence_spans(passage.text):
            if passage.flagged(passage.start + start, passage.start + end):  # planted text names nothing
                continue
            sentence = passage.text[start:end]
            share = sum(w for t, w in weights.items() if t in held | set(concept_terms(sentence))) / total
            if share > scored.get(sentence, -1.0):
                scored[sentence], where[sentence] = share, (passage, passage.start + start, passage.start + end)
    named_inside = {m.group() for s in scored for m in NAME.finditer(s) if m.start() > 0}
    best: tuple[float, str, str] | None = None
    for sentence, share in scored.items():
        if share < _MATCHED:
            continue
        for name in _candidates(sentence, question, found.head, named_inside):
            if best is None or share > best[0]:  # the first retrieved of equals
                best = (share, name, sentence)
    if best is None:
        return None
    _, name, sentence = best
    asked = _asked_of(found, name)
    naming, start, end = where[sentence]
    return Resolved(f"{found.as_question}, and {asked}", asked, name, naming, start, end)


def _asked_of(found: Described, name: str) -> str:
    """What is asked of the name: "what was Steppe Data Systems fined…?"."""

    def named(match: re.Match[str]) -> str:
        if match.group().lower() not in _POSSESSIVE:
            return name
        return f"{name}'" if name.endswith("s") else f"{name}'s"

    asked = _POINTS_BACK.sub(named, found.asked, count=1)
    first = asked.split(maxsplit=1)[0]
    if first.lower() in STOPWORDS:  # "What was…", "Did…": not a name, which keeps its capital
        asked = first.lower() + asked[len(first) :]
    return asked
