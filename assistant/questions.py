"""What a question asks for: the kind of fact (a number, a sum of money, a person) and what about.

The extractive answerer uses this to decline rather than quote a sentence that is on topic but does not
hold the asked-for fact (Fulton County's count when the question is about Michigan's).
"""

from __future__ import annotations

import re

from assistant.text import terms, words

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?"
)
_ASKS_NUMBER = re.compile(
    r"\bhow (?:many|much|large|big|long|often)\b"
    r"|\bwhat (?:share|percentage|percent|proportion|number|amount|fraction)\b",
    re.I,
)
_ASKS_MONEY = re.compile(
    r"\bhow much\b.*\b(?:money|ransom|cash|fund\w*|fine[ds]?|penalt(?:y|ies)|paid|pay|cost|spen[dt]|dollars)\b", re.I
)
_ASKS_PERSON = re.compile(
    r"\bwho(?:m|se)?\b|\bname of\b|\bwhat (?:is|was) (?:his|her|the) name\b|\bwhat (?:are|were) (?:their|the) names\b",
    re.I,
)
_CALENDAR = frozenset(
    """january february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday""".split()
)


FOLLOWING_UP = " (following up: "  # how a standalone follow-up carries the questions it leans on


def asked_part(question: str) -> str:
    """What the question itself asks, without the earlier questions a follow-up carries along."""
    return question.split(FOLLOWING_UP, 1)[0]


def proper_nouns(question: str) -> list[str]:
    """Capitalised words inside the question (not its first word): names the corpus must know."""
    tokens = re.findall(r"[A-Za-z][A-Za-z0-9'’.\-]*", question)
    return [t for t in tokens[1:] if t[0].isupper() and t.lower().rstrip(".") not in _CALENDAR]


def key_terms(question: str) -> set[str]:
    """The question's names and numbers, as search terms: the constraints an answer must meet."""
    asked = asked_part(question)
    return set(terms(" ".join(proper_nouns(asked)))) | set(re.findall(r"\d[\d,.]*\d|\d", asked))


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b(?:{_MONTHS})(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\b(?:19|20)\d\d\b")
_QUANTITY = re.compile(rf"[$€£]?\d[\d,.]*%?|\b(?:{_NUMBER_WORDS})\b", re.I)
_PERSON = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)+\b")
_NOT_PERSON = re.compile(
    r"\b(?:Department|Agency|Committee|Corps|Center|Group|Council|Office|Court|County|Bureau|Party|"
    r"Act|Commission|Service|House|Senate|States|Media|Company|Security|Intelligence|Guard|Day)\b"
)
_FOCUS_STOP = frozenset(
    "did do does was were is are has have had in on at of for to by from that which who with about the a an".split()
)
_WINDOW = 8  # words between an asked-for value and the question's focus words


def focus_terms(question: str) -> set[str]:
    """Stemmed words naming what a numeric or 'name of the ...' question asks about."""
    question = asked_part(question)
    match = re.search(
        r"\b(?:how (?:many|much)|what (?:share|percentage|proportion|number) of|name of the)\s+(.*)", question, re.I
    )
    if not match:
        return set()
    focus: list[str] = []
    for word in words(match.group(1)):
        if word in _FOCUS_STOP:
            break
        focus.append(word)
        if len(focus) == 5:
            break
    return set(terms(" ".join(focus)))


def _near_focus(sentence: str, spans: list[tuple[int, int]], focus: set[str]) -> bool:
    """Some span lies within _WINDOW words of a focus word (no focus words: anywhere will do)."""
    if not spans:
        return False
    if not focus:
        return True
    positions = [m.start() for m in re.finditer(r"\S+", sentence)]

    def word_index(offset: int) -> int:
        return sum(1 for p in positions if p <= offset) - 1

    focus_at = [word_index(m.start()) for m in re.finditer(r"\S+", sentence) if set(terms(m.group())) & focus]
    return any(
        abs(word_index(a) - f) <= _WINDOW or abs(word_index(b - 1) - f) <= _WINDOW for a, b in spans for f in focus_at
    )


def fits_question_type(sentence: str, question: str) -> bool:
    """Does the sentence hold the kind of fact asked for, next to what the question asks about?"""
    focus = focus_terms(question)
    known = {w.lower() for w in words(question)}  # names the conversation already gave are no answer
    question = asked_part(question)
    undated = _DATE.sub(lambda m: " " * len(m.group()), sentence)  # dates are not quantities
    asked = set(re.findall(r"\d[\d,.]*", question))
    if _ASKS_MONEY.search(question):
        spans = [
            m.span()
            for m in re.finditer(
                r"[$€£]\s?\d[\d,.]*(?:\s*(?:million|billion))?|\b\d[\d,.]*\s*(?:million|billion)?\s*dollars\b", undated
            )
        ]
        return bool(spans)
    if _ASKS_NUMBER.search(question):
        spans = [m.span() for m in _QUANTITY.finditer(undated) if m.group().strip("$€£%") not in asked]
        return _near_focus(sentence, spans, focus)
    if _ASKS_PERSON.search(question):
        spans = [
            m.span()
            for m in _PERSON.finditer(sentence)
            if not _NOT_PERSON.search(m.group())
            and not all(w.lower() in known or w.lower() in _CALENDAR for w in m.group().split())
        ]
        return _near_focus(sentence, spans, focus)
    return True
