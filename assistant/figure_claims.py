"""A yes/no question that states a figure ("Was the archive Caldera Forensics examined 3.2 GB?", "Was he
sentenced to five years?", "Did the lures reach only 310 staff?") is answered "No" by a source that states
another figure of the same thing ("The archive examined by investigators was 2.3 GB", "He was sentenced to
four years", "In total, 1,140 staff received one of the lures").

The same thing: a figure of the same measure (assistant.measures: a length of time, an amount of data, a sum
in the same currency, a count of the same kind of thing) with a word of what the question says it is of
beside it. Not a figure a sentence gives as taken back ("An earlier version of this article said … 3.2 GB"),
corrects ("not the 38,000 first reported") or compares with ("lower than the 18,500 dollars stated…"), nor
one given as a bound ("more than 3,000 emails"). A "Yes" is left to assistant.verdicts, which reads whether
the sentence says the deed as fact: the same figure in "Ninefold claims it stole 140 GB" is no yes.

A question may bound its figure instead ("Did the vendor take more than three weeks to fix the flaw?"): a figure
of the same thing on the other side of the bound ("The vendor fixed it in 19 days") says no; one on its side is
left to assistant.verdicts, as the question's own figure would be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.measures import NUMBER, Measure, measures
from assistant.questions import key_numbers
from assistant.text import concept_terms, takes_back, verb_base_terms

# Before a figure: it is a bound ("more than 3,000"), said roughly ("about 2,000"), or compared with ("lower
# than the 18,500 dollars stated when…").
_BOUND = re.compile(
    r"\b(?:more|fewer|less|[a-z]+er)\s+than(?:\s+(?:the|a|an))?\s*$"
    r"|\b(?:over|under|above|below|at\s+least|at\s+most|up\s+to|as\s+many\s+as|as\s+much\s+as|upwards\s+of)\s*$",
    re.I,
)
# A bound the question puts on its figure, by the side of it the figure must lie on: "more than three weeks",
# "under 100 accounts". Inclusive only where the words say so ("at least"). "Up to" and "as many as" say how
# large something may have been, not on which side a stated figure falls: no bound.
_ABOVE = re.compile(
    r"\b(?:more|longer|larger|bigger|greater|higher)\s+than(?:\s+(?:the|a|an))?\s*$|\b(?:over|above|upwards\s+of)\s*$",
    re.I,
)
_BELOW = re.compile(
    r"\b(?:fewer|less|shorter|smaller|lower)\s+than(?:\s+(?:the|a|an))?\s*$|\b(?:under|below)\s*$", re.I
)
_AT_LEAST = re.compile(r"\bat\s+least\s*$", re.I)
_AT_MOST = re.compile(r"\bat\s+most\s*$", re.I)
_ROUGH = re.compile(r"\b(?:about|around|roughly|approximately|nearly|almost|some|an\s+estimated)\s*$", re.I)
_ROUGH_MARGIN = 0.25  # how far a rough figure must lie from the asked one to say it is another


def said_inexactly(before: str) -> bool:
    """Is a figure after these words given only roughly or as a bound ("about 2,000", "more than 3,000",
    "at most 40"), so that it states no exact number?"""
    return bool(_ROUGH.search(before) or _BOUND.search(before))


# "only 310 staff": a larger figure of it says no, even beside a source that repeats 310 as the first wave.
_ONLY = re.compile(r"\bonly\s*$", re.I)
# "all 312 accounts": "287 of the 312 accounts" says no.
_ALL = re.compile(r"\ball(?:\s+(?:the|of\s+the))?\s*$", re.I)
_PART_OF = re.compile(
    r"(?<![\w.,])(?P<part>\d[\d,]*)\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?P<whole>\d[\d,]*)\b"
)
# A number that is part of a name: "EPB-400", "HB 1187", "TallyBridge 4.3" (a capitalised word that does not
# open the question: "Were 38,000 records…" states a figure).
_OF_A_NAME = re.compile(r"(?:[-\w]|(?<=\S)\s+[A-Z][\w'’]*\s)$")
_DIMENSIONS = frozenset({"duration", "rate", "data", "money", "share", "count"})


@dataclass(frozen=True)
class Bound:
    """The side of its figure a question says something lies on: "more than" (above), "at most" (below,
    inclusive)."""

    said: str  # the question's words: "more than", "under"
    above: bool
    inclusive: bool = False

    def met_by(self, value: float, bound: float) -> bool:
        if value == bound:
            return self.inclusive
        return (value > bound) == self.above


@dataclass(frozen=True)
class ClaimedFigure:
    """The figure a yes/no question states of something, to be checked against what the sources state."""

    figure: Measure
    only: bool = False  # "only 310 staff": a larger figure says no
    all_of: bool = False  # "all 312 accounts": a part of them says no
    bound: Bound | None = None  # "more than three weeks": a figure on the other side says no

    @property
    def said(self) -> str:
        """The claim in the question's words: "3.2 GB", "more than three weeks"."""
        return self.figure.said if self.bound is None else f"{self.bound.said} {self.figure.said}"


@dataclass(frozen=True)
class StatedFigure:
    """What a sentence states of the claimed figure's thing: the figure, in its words, and whether it is the
    claimed one."""

    said: str
    same: bool
    part_of_whole: bool = False  # "287 of the 312": the question's own figure is the whole it is a part of


def claimed_figure(asked: str) -> ClaimedFigure | None:
    """The one figure the asked part of a yes/no question states ("3.2 GB", "five years", "310 staff", "more
    than three weeks"), or None: none, several, a rough one, a number of a name, or a bound that says no side
    ("up to 500 accounts")."""
    found = [m for m in measures(asked) if m.dimension in _DIMENSIONS]
    if len(found) != 1:
        return None
    figure = found[0]
    before = asked[: figure.start]
    # A sum of money is no number of a name: "pay Harborline Dialing $5,400".
    if _ROUGH.search(before) or (figure.dimension != "money" and _OF_A_NAME.search(before)):
        return None
    if figure.dimension == "count" and not figure.counts:
        return None
    bound = _bound(before)
    if bound is not None:
        return ClaimedFigure(figure, bound=bound)
    if _BOUND.search(before):
        return None
    return ClaimedFigure(figure, only=bool(_ONLY.search(before)), all_of=bool(_ALL.search(before)))


def _bound(before: str) -> Bound | None:
    """The bound the words before a figure put on it ("more than", "at least"), or None."""
    for pattern, above, inclusive in (
        (_ABOVE, True, False),
        (_BELOW, False, False),
        (_AT_LEAST, True, True),
        (_AT_MOST, False, True),
    ):
        found = pattern.search(before)
        if found is not None:
            return Bound(" ".join(found.group().split()), above, inclusive)
    return None


def figure_words(claim: ClaimedFigure, asked_terms: set[str]) -> set[str]:
    """The words that tie a sentence's figure to the question's: what the question puts beside its figure. A
    count's own words stand beside it in both ("310 staff", "1,140 staff"): another word must too, and not the
    bound's ("fewer than 300 staff")."""
    bound_words = set(concept_terms(claim.bound.said)) if claim.bound is not None else set()
    return set(claim.figure.near & asked_terms - claim.figure.counts - bound_words)


def stated_figure(claim: ClaimedFigure, sentence: str, asked_terms: set[str]) -> StatedFigure | None:
    """What the sentence states of the claimed figure's thing, or None when it states no figure of it (see
    the module's docstring). `asked_terms` are the question's concept terms: a figure is of the thing when a
    word of what the question puts beside its figure stands beside the sentence's."""
    if takes_back(sentence):
        return None
    if claim.all_of:
        for part in _PART_OF.finditer(sentence):
            whole, share = _value(part["whole"]), _value(part["part"])
            if whole == claim.figure.value and share < whole:
                return StatedFigure(part.group(), same=False, part_of_whole=True)
    beside = figure_words(claim, asked_terms)
    # Not a figure the sentence corrects: "held 11,640 records, not the roughly 8,000 it advertised". The words
    # beside it are read with their verbs' base forms: "held 11,640 records" is beside the question's "hold".
    held = [
        (m, len((m.near | verb_base_terms(m.near)) & beside))
        for m in measures(sentence)
        if m.compares_with(claim.figure, asked_terms)
        and not _BOUND.search(sentence[: m.start])
        and not CORRECTED.search(sentence[: m.start])
    ]
    # Of several, the one beside the most of those words speaks: "Turnout in District 4 was 34 percent, …,
    # compared with 46 percent across the island" of "Was turnout in Guam's District 4 primary above 40 percent?".
    most = max((n for _, n in held), default=0)
    if not most:
        return None
    stated = [m for m, n in held if n == most]
    if claim.bound is None and any(m.value == claim.figure.value for m in stated):
        if claim.only and any(m.value > claim.figure.value for m in stated):
            return StatedFigure(max(stated, key=lambda m: m.value).said, same=False)
        return StatedFigure(next(m.said for m in stated if m.value == claim.figure.value), same=True)
    # Several other figures of it ("2 hours on Monday and 5 on Tuesday"): which one answers is not told.
    if len({m.value for m in stated}) > 1:
        return None
    figure = stated[0]
    if _ROUGH.search(sentence[: figure.start]) and abs(figure.value - claim.figure.value) <= _ROUGH_MARGIN * max(
        figure.value, claim.figure.value
    ):
        return None
    if claim.only and figure.value < claim.figure.value:
        return None  # "only 310" is not gainsaid by a part of them
    if claim.bound is not None:  # "19 days" is not "more than three weeks"
        return StatedFigure(figure.said, same=claim.bound.met_by(figure.value, claim.figure.value))
    return StatedFigure(figure.said, same=False)


# A figure a sentence corrects: "the details of 57 poll workers were posted, not 38", "not the roughly 8,000".
CORRECTED = re.compile(r"\bnot\s+(?:the\s+)?(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+)?$", re.I)
_LEADING_NUMBER = re.compile(rf"(?:{NUMBER})", re.I)


def claimed_as_stated(claim: ClaimedFigure, stated: StatedFigure) -> str:
    """The claim in the words of the figure stated against it: "three polling stations" for the question's
    "three Tokelau polling stations" beside "four polling stations" (a count's words in a question may run
    into a name); the question's own words where the two do not both open on a number."""
    if claim.figure.dimension != "count":
        return claim.said
    asked, given = _LEADING_NUMBER.match(claim.figure.said), _LEADING_NUMBER.match(stated.said)
    if asked is None or given is None:
        return claim.said
    said = f"{asked.group()}{stated.said[given.end() :]}"
    return said if claim.bound is None else f"{claim.bound.said} {said}"


def _value(number: str) -> float:
    return float(number.replace(",", ""))


def bound_terms(question: str) -> set[str]:
    """The numbers the question sets as bounds ("did the review cost over 25,000 euros?": "25,000"), as its key
    terms hold them: a sentence that answers it states another figure ("27,400 euros"), never the bound."""
    return {
        number.group()
        for number in re.finditer(r"\d[\d,.]*\d|\d", question)
        if _BOUND.search(question[: number.start()].rstrip("$€£ "))
    }


def figure_terms(claim: ClaimedFigure) -> set[str]:
    """The numbers of the claimed figure itself ("3.2 GB": "3.2"), as the question's key terms hold them: a
    sentence stating another figure of the thing holds every key term but these."""
    return key_numbers(claim.figure.said)
