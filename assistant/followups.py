"""Follow-up questions made standalone before retrieval, on the offline default (no model needed).

A question that leans on the conversation ("What were their names?", "How did he lose his job?",
"And in 2020?") is searched and answered together with the question it follows up, itself made
standalone first, so the topic of every earlier turn carries forward. The rewrite is returned in the
`Answer` so the reader sees what was searched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lemminflect import getAllLemmas

from assistant.bridges import described
from assistant.citations import MARKER
from assistant.mentions import introductions
from assistant.places import names_place
from assistant.questions import ANSWERED, FOLLOWING_UP, names, proper_nouns
from assistant.text import CALENDAR_WORDS, STOPWORDS, terms, words
from assistant.types import REFUSAL
from assistant.unsaid import asked_to_name, forms

# Words that point back at something the question itself does not name.
_REFERS_BACK = re.compile(r"\b(?:it|they|them|their|theirs|he|him|his|she|her|hers|those|these)\b", re.I)
# "The men", "those emails", "its analysis work": a reference back only when the question names nothing of its
# own ("What did Microsoft say in its August report?" stands alone).
_DEFINITE = re.compile(
    r"\b(?:that|this|the|these|those) (?:group|groups|company|companies|men|women|people|operation|operations|"
    r"hackers|actors|defendants)\b|\bits\b",
    re.I,
)
# "How much of that is the vendor covering?", "What caused this?", "Who heads threat intel there?": a
# demonstrative or "there" standing for something an earlier turn named. Not "that" before a noun ("that
# firm", which _DEFINITE reads), nor a relative "that" ("the firm that was hired"), nor "is there".
_POINTS_BACK = re.compile(
    r"\b(?:of|about|for|after|before|from|behind|over|on|to|with|into|is|was|did|does|caused?)\s+(?:that|this)"
    r"(?=\s*[?.!,]|\s*$|\s+(?:is|was|are|were|has|had|happen\w*|mean\w*|cost\w*|amount\w*|go|went|come|came)\b)"
    r"|(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)\bthere\s*[?.!]?\s*$",
    re.I,
)
# "Was that figure later corrected?", "Who paid for those ads?": a demonstrative before a noun points at what an
# earlier turn named (not "that" opening a clause: "said that the count…", "the firm that was hired"), unless it
# points at now ("this year").
_DEMONSTRATIVE = re.compile(r"\b(?:that|this|these|those)\s+(?P<noun>[a-z][a-z-]*)(?:\s+(?P<head>[a-z][a-z-]*))?", re.I)
_NOW = frozenset("year week month morning afternoon evening weekend time season summer winter spring autumn".split())
# "And in 2020?", "What about Russia?": the rest of the question is implied by the turn before.
_ELLIPTIC = re.compile(r"^\s*(?:and|but|also|what about|how about|same for)\b", re.I)
_FEW_TERMS = 2  # content words: a question this short that names nothing leans on the turn before
_THREAD = 4  # a question and at most three it follows up
_ANSWER_NAMES = 2


def is_follow_up(question: str) -> bool:
    """Does the question lean on an earlier turn to be understood?"""
    if described(question) is not None:  # "The firm that… — what did it find?": "it" is that firm
        return False
    if _REFERS_BACK.search(question) or _POINTS_BACK.search(question) or _ELLIPTIC.match(question):
        return True
    if (_DEFINITE.search(question) or _points_at_earlier(question)) and not proper_nouns(question):
        return True
    return len(terms(question)) <= _FEW_TERMS and not proper_nouns(question)


def _points_at_earlier(question: str) -> bool:
    """Does a demonstrative stand before a noun ("that figure", or "that polling day", whose first word is no noun
    but the second is), not before a clause or a time that is now?"""
    for match in _DEMONSTRATIVE.finditer(question):
        noun, head = match["noun"].lower(), (match["head"] or "").lower()
        if noun in STOPWORDS or (match.group().lower().startswith("this") and _NOW & {noun, head}):
            continue
        if "NOUN" in getAllLemmas(noun) or (head and head not in STOPWORDS and "NOUN" in getAllLemmas(head)):
            return True
    return False


def _thread(question: str, history: Sequence[tuple[str, str]]) -> list[str]:
    """The question and the earlier user questions it follows up, latest first (at most _THREAD)."""
    asked = [text.strip() for role, text in history if role == "user"]
    thread = [question.strip()]
    while asked and is_follow_up(thread[-1]) and len(thread) < _THREAD:
        thread.append(asked.pop())
    return thread


def standalone_question(question: str, history: Sequence[tuple[str, str]]) -> str:
    """The question as it reads on its own: a follow-up gains the earlier questions it leans on
    ("What were their names? (following up: Which Iranian group hacked the Trump campaign?)");
    any other question is returned as it is."""
    first, *earlier = _thread(question, history)
    if not earlier:
        return question
    carried = "; ".join(earlier)
    # Who "he", "they" or "that company" is may be a name only the answer gave ("Who heads that company?"
    # after "Who ran the network?" answered "…operated by Velmora Media Group, a marketing company…").
    refers = _REFERS_BACK.search(first) or _DEFINITE.search(first)
    given = _answer_names(history, [first, *earlier]) if refers else []
    return f"{first}{FOLLOWING_UP}{carried}{ANSWERED + ', '.join(given) if given else ''})"


def _answer_names(history: Sequence[tuple[str, str]], asked: list[str]) -> list[str]:
    """The names the latest answer led with that no question gave: who "he" or "they" are once
    "Which Georgia official…?" was answered "Georgia Secretary of State Brad Raffensperger…"."""
    answers = [text for role, text in history if role == "assistant"]
    if not answers or answers[-1].lstrip().startswith(REFUSAL):
        return []
    lead = MARKER.split(answers[-1], maxsplit=1)[0]  # the first cited sentence answers the question
    known = set(words(" ".join(asked)))
    # "President Donald Trump" is no news after a question about Trump: a name's last word is its head. Unless
    # the head is what a question asked to be named: "Tamarisk Audio Forensics Lab" answers "Which lab…?".
    wanted = set().union(*(forms(noun) for q in asked if (noun := asked_to_name(q)) is not None))
    named = names(lead)
    heads = [words(n)[-1] for n in named]
    # ... or it is introduced as what was asked for: "Bluewater Reach, a marketing company" answers "Which company…?".
    introduced = {name for _, noun, name in introductions(lead) if noun in wanted}
    first = [n for n, head in zip(named, heads, strict=True) if head in wanted or n in introduced]
    given = first + [n for n, head in zip(named, heads, strict=True) if head not in known and n not in first]
    if given or named:
        return given[:_ANSWER_NAMES]
    # A sentence that names no one in full may call a person the article named before by the last name
    # alone ("Prosecutors told the court that Camilleri sent the phishing email"): a capitalised word inside
    # it, not a month, a day or a place (nor a word after "in", "at", "of"…).
    alone = [
        m.group()
        for m in re.finditer(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b", lead)
        if m.group().lower() not in known | CALENDAR_WORDS
        and not names_place(lead, m.start(), m.end())
        and not re.search(r"\b(?:in|at|of|from|near|to)\s+$", lead[: m.start()])
    ]
    return list(dict.fromkeys(alone))[:_ANSWER_NAMES]
