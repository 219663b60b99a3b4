"""Figures with what they measure, so that two can be weighed: a length of time, a rate of traffic, an amount
of data, a sum of money, a share, or a count of something.

"Whose website was down longer, Hallowfield's or Wyckham's?" is settled by "unreachable for 3 hours and 40
minutes" against "lost its website for 55 minutes" only when each quote states one figure of what is
compared (or one that stands beside the words of what is asked), in units that compare: minutes with hours,
Gbps with Tbps, a sum with a sum in the same currency. Else which wins is left to the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lemminflect import getAllLemmas
from text_to_num import text2num

from assistant.choices import Choice
from assistant.sums import sums_in
from assistant.text import MONTH_WORDS, SCALE, STOPWORDS, concept_terms, dates_in, replaced_at, terms, words

_UNITS = "one two three four five six seven eight nine".split()
_NUMBER_WORDS = (
    _UNITS
    + (
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
        "twenty thirty forty fifty sixty seventy eighty ninety"
    ).split()
)
_NUMBER_WORD = rf"(?:{'|'.join(_NUMBER_WORDS[19:])})(?:[- ](?:{'|'.join(_UNITS)}))?|{'|'.join(_NUMBER_WORDS[:19])}"
_SCALES = r"thousand|million|billion|trillion"
# A number in figures or words, with its scale: "1,840", "2.3", "six", "twenty-one", "1.2 million".
NUMBER = (
    rf"(?:(?<![\w.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d,]*\d)|(?<![\w.,])\d+(?:\.\d+)?(?![\w.]\d|\.\d)"
    rf"|\b(?:{_NUMBER_WORD})\b)(?:\s+(?:{_SCALES})\b)?"
)

# Lengths of time, in minutes.
_MINUTES = {"s": 1 / 60, "m": 1.0, "h": 60.0, "d": 1440.0, "w": 10080.0, "mo": 43800.0, "y": 525600.0}
_TIME_UNIT = r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?"
_ONE_SPAN = rf"(?:(?P<n>{NUMBER})|(?P<half>half\s+an?|an?)(?=\s))[\s-]+(?P<u>{_TIME_UNIT})\b"
_SPAN = re.compile(_ONE_SPAN, re.I)
# "3 hours and 40 minutes", "6 hours 45 minutes", "two days, four hours": one length of time.
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and\s+)?", re.I)
# "three days after the election", "a 36-year-old", "every two weeks": not how long something lasted.
_NOT_LASTING_AFTER = re.compile(r"^(?:[\s-]*old\b|\s+(?:after|before|later|earlier|ago|early|late|prior|into)\b)", re.I)
# "extend voting by two hours", "delayed by three days": a change, not how long something lasted; "has taken
# up to three days": a bound.
_NOT_LASTING_BEFORE = re.compile(
    r"\b(?:every|each|per|within|by|up to)\s+(?:(?:about|around|roughly|nearly|some)\s+)?$", re.I
)
# Rates of traffic (bits per second) and amounts of data (bytes), by the letter of their scale.
_SCALE_LETTER = {"k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12, "p": 1e15}
_RATE = re.compile(
    rf"(?P<n>{NUMBER})\s*(?P<u>[kmgt](?:bps|b/s|bit/s)|(?:kilo|mega|giga|tera)bits?\s+per\s+second)(?![\w/])", re.I
)
_DATA = re.compile(rf"(?P<n>{NUMBER})\s*(?P<u>[kmgtp]i?b|(?:kilo|mega|giga|tera|peta)bytes?)(?![\w/])", re.I)
_SHARE = re.compile(rf"(?P<n>{NUMBER})\s*(?:%|per\s?cent\b)", re.I)
_COUNT = re.compile(NUMBER, re.I)
# Not a count: a year, a version ("version 5.7"), a number of a thing ("No. 4", "ward 17"), a time of day.
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NAMES_ONE = re.compile(
    r"\b(?:version|v|no|number|ward|district|precinct|route|article|section|chapter|page|room|unit|#)\.?\s*$", re.I
)
_TIME_OF_DAY = re.compile(r"^\s*(?:[ap]\.?m\b|[:.]\d\d)", re.I)
_COUNT_SKIP = frozenset(
    "of than more about some nearly almost roughly over under around up to at least most per each and or behind "
    "across against among between beyond within without toward towards whose".split()
)
_WINDOW = 6  # words either side of a figure that tell what it is of


@dataclass(frozen=True)
class Measure:
    """A figure a text states, in the base unit of what it measures (minutes, bits per second, bytes, the
    currency's units, percent, things counted)."""

    value: float
    dimension: str  # "duration", "rate", "data", "money", "share" or "count"
    unit: str  # what must match for two to compare: the currency of a sum ("$", "c$", "ksh"); else ""
    said: str  # the words that state it ("3 hours and 40 minutes", "14,000 compromised devices")
    start: int  # where they begin in the text
    near: frozenset[str]  # the terms within a few words of it: what it is a figure of
    counts: frozenset[str] = frozenset()  # of a count, what it counts ("compromised devices": compromis, devic)

    def compares_with(self, other: Measure, asked: set[str]) -> bool:
        """Do the two measure alike? Counts must count the same kind of thing, or both what is asked:
        "two district towns" does not weigh against "31,400 phone numbers", nor forwards against landlines."""
        if self.dimension != other.dimension or self.unit != other.unit:
            return False
        same_kind = bool(self.counts & other.counts) or bool(self.counts & asked and other.counts & asked)
        return self.dimension != "count" or same_kind


def _number(text: str) -> float:
    """The value of a number `NUMBER` matched: "1,840", "2.3 million", "twenty-one"."""
    found = re.fullmatch(rf"(?P<n>.+?)(?:\s+(?P<scale>{_SCALES}))?", text.strip(), re.I)
    assert found is not None  # any text matches
    number = found["n"].lower()
    value = float(number.replace(",", "")) if number[0].isdigit() else float(text2num(number, "en"))
    return value * SCALE.get((found["scale"] or "").lower(), 1.0)


def _near(text: str, start: int, end: int) -> frozenset[str]:
    before = words(text[:start])[-_WINDOW:]
    after = words(text[end:])[:_WINDOW]
    return frozenset(concept_terms(" ".join(before + after)))


def _durations(text: str) -> list[Measure]:
    found: list[Measure] = []
    spans = list(_SPAN.finditer(text))
    n = 0
    while n < len(spans):
        first = last = spans[n]
        minutes = _minutes(first)
        # Joined spans of falling units are one length of time: "2 hours and 15 minutes".
        while n + 1 < len(spans):
            joint = _JOINED.fullmatch(text, last.end(), spans[n + 1].start())
            if joint is None or _unit_minutes(spans[n + 1]["u"]) >= _unit_minutes(last["u"]):
                break
            n += 1
            last = spans[n]
            minutes += _minutes(last)
        n += 1
        if _NOT_LASTING_AFTER.match(text[last.end() :]) or _NOT_LASTING_BEFORE.search(text[: first.start()]):
            continue
        said = text[first.start() : last.end()]
        found.append(Measure(minutes, "duration", "", said, first.start(), _near(text, first.start(), last.end())))
    return found


def _unit_minutes(unit: str) -> float:
    unit = unit.lower()
    return _MINUTES["mo" if unit.startswith("mo") else unit[0]]


def _minutes(span: re.Match[str]) -> float:
    half = span["half"] is not None and span["half"].lower().startswith("half")
    count = _number(span["n"]) if span["n"] else 0.5 if half else 1.0
    return count * _unit_minutes(span["u"])


def _scaled(pattern: re.Pattern[str], dimension: str, text: str) -> list[Measure]:
    """Rates of traffic or amounts of data: the unit's first letter is its scale ("Gbps", "gigabytes")."""
    return [
        Measure(
            _number(m["n"]) * _SCALE_LETTER[m["u"][0].lower()],
            dimension,
            "",
            m.group(),
            m.start(),
            _near(text, m.start(), m.end()),
        )
        for m in pattern.finditer(text)
    ]


# A sum's number and its scale, in the words sums are scaled by (assistant.sums): "C$1.85 million", "₹1.5 crore".
_SUM_NUMBER = re.compile(rf"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>{_SCALES}|bn|m|crores?|lakhs?)?\b", re.I)
_SUM_SCALE = {"bn": 1e9, "m": 1e6, "crore": 1e7, "lakh": 1e5}


def _sums(text: str) -> list[Measure]:
    found = []
    for start, end in sums_in(text):
        said = text[start:end].rstrip(".,")
        number = _SUM_NUMBER.search(said)
        if number is None:
            continue
        scale = (number["scale"] or "").lower()
        value = float(number["n"].replace(",", "")) * _SUM_SCALE.get(scale.rstrip("s"), SCALE.get(scale, 1.0))
        currency = (said[: number.start()] + said[number.end() :]).strip().lower()
        found.append(Measure(value, "money", currency, said, start, _near(text, start, end)))
    return found


def _only_verb(word: str) -> bool:
    lemmas = getAllLemmas(word.lower())
    return bool(lemmas) and not {"NOUN", "ADJ"} & lemmas.keys()


def _counts(text: str, taken: list[tuple[int, int]]) -> list[Measure]:
    dated = [(d.start, d.end) for d in dates_in(text, date(2000, 1, 1))]
    found = []
    for m in _COUNT.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken + dated):
            continue
        number = m.group()
        if number.lower() == "one" or _YEAR.match(number) or _NAMES_ONE.search(text[: m.start()]):
            continue
        if _TIME_OF_DAY.match(text[m.end() :]):
            continue
        tail = text[m.end() : m.end() + 60]
        if tail[:1] == "-" or set(words(tail)[:1] + words(text[: m.start()])[-1:]) & MONTH_WORDS:
            continue  # "a 36-year-old", "5 October", "March 17": no count
        counted: list[re.Match[str]] = []
        for word in re.finditer(r"[A-Za-z][\w'’-]*", tail):
            between = tail[counted[-1].end() if counted else 0 : word.start()]
            if word.group().lower() in _COUNT_SKIP | STOPWORDS or between.strip() or len(counted) == 3:
                break
            if counted and _only_verb(word.group()):
                break  # "9,000 internet addresses took part": what is counted ends before the verb
            counted.append(word)
        if not counted or not terms(counted[0].group()) or _SPAN.match(f"1 {counted[0].group()}"):
            continue  # nothing counted, or a length of time ("11 days" is one, not a count of days)
        said = text[m.start() : m.end() + counted[-1].end()]
        counts = frozenset(concept_terms(" ".join(w.group() for w in counted)))
        found.append(Measure(_number(number), "count", "", said, m.start(), _near(text, m.start(), m.end()), counts))
    return found


def measures(text: str) -> list[Measure]:
    """Every figure the text states with what it measures; a figure it says it corrects ("63 minutes, not
    the 47 first reported": 47) is left out."""
    found = _durations(text) + _scaled(_RATE, "rate", text) + _scaled(_DATA, "data", text)
    found += _sums(text) + [
        Measure(_number(m["n"]), "share", "", m.group(), m.start(), _near(text, m.start(), m.end()))
        for m in _SHARE.finditer(text)
    ]
    found += _counts(text, [(f.start, f.start + len(f.said)) for f in found])
    replaced = replaced_at(text)
    return [f for f in found if f.start not in replaced]


# What a comparison by size means, by the words of what it asks: "bigger at its peak" is traffic, "more
# stolen data" bytes, "turnout" a share. "Bigger" alone is weighed by the first of these both quotes state.
_ASKS_DIMENSION = (
    ("rate", re.compile(r"\b(?:peak\w*|traffic|bandwidth|[gmt]bps|flood\w*)\b", re.I)),
    ("data", re.compile(r"\b(?:data|gigabytes?|terabytes?|megabytes?|[gmt]b)\b", re.I)),
    ("share", re.compile(r"\b(?:turnout|percent\w*|share|proportion)\b", re.I)),
    ("count", re.compile(r"\b(?:more|fewer|less)\s+(?!than\b)[a-z]", re.I)),
)
_ANY_SIZE = ("rate", "data", "count")


def _dimensions(choice: Choice) -> tuple[str, ...]:
    if choice.compared in ("duration", "money"):
        return (choice.compared,)
    if choice.compared == "date":
        return ()
    return next(((dimension,) for dimension, asks in _ASKS_DIMENSION if asks.search(choice.asked)), _ANY_SIZE)


def states_compared(choice: Choice, sentence: str) -> int:
    """How well the sentence states what the choice compares: higher for a figure of the likelier measure
    ("peaked at 38 Gbps" over "14,000 devices" for "bigger"), 0 for none."""
    dimensions = _dimensions(choice)
    stated = {m.dimension for m in measures(sentence)}
    return next((len(dimensions) - n for n, d in enumerate(dimensions) if d in stated), 0)


def _the_one(found: list[Measure], asked: set[str]) -> Measure | None:
    """The figure that stands for what is asked: the only one, or the one with most of the asked words
    near it, or none when that does not tell."""
    if len({f.value for f in found}) <= 1:
        return found[0] if found else None
    ranked = sorted(found, key=lambda f: len(f.near & asked), reverse=True)
    best = len(ranked[0].near & asked)
    leaders = {f.value for f in ranked if len(f.near & asked) == best}
    return ranked[0] if best and len(leaders) == 1 else None


def weighed(choice: Choice, first: str, second: str) -> tuple[Measure, Measure] | None:
    """The figures of what the choice compares that the sentence for each option states, when each states
    one (or one beside the asked words) in units that compare; None when they do not tell."""
    asked = set(concept_terms(choice.asked))
    in_first, in_second = measures(first), measures(second)
    for dimension in _dimensions(choice):
        a = _the_one([f for f in in_first if f.dimension == dimension], asked)
        b = _the_one([f for f in in_second if f.dimension == dimension], asked)
        if a is not None and b is not None:
            return (a, b) if a.compares_with(b, asked) else None
    return None


def summands(choice: Choice, first: str, second: str) -> tuple[Measure, Measure] | None:
    """The figure of what a total is asked of (choices.summed_choice) that each option's sentence states: the
    one with the asked words beside it or counting them ("the email accounts of 27 polling officials" and "58
    candidate accounts" for "how many accounts were compromised"), in units that add up; None when either
    sentence does not tell."""
    asked = set(concept_terms(choice.asked))
    dimension = "money" if choice.compared == "money" else "count"
    found = []
    for sentence in (first, second):
        of_it = [m for m in measures(sentence) if m.dimension == dimension and (m.near | m.counts) & asked]
        one = _the_one(of_it, asked)
        if one is None:
            return None
        found.append(one)
    a, b = found
    return (a, b) if a.unit == b.unit else None


def _plain_number(figure: Measure) -> re.Match[str] | None:
    """Where the figure's words give its value in digits alone ("$15,000"; not "$1.2 million", nor "twelve")."""
    found = _SUM_NUMBER.search(figure.said)
    plain = found is not None and not found["scale"] and float(found["n"].replace(",", "")) == figure.value
    return found if plain else None


def summed_figure(first: Measure, second: Measure) -> str | None:
    """The two figures' sum, in the first one's words: "85" of "27 … accounts" and "58 … accounts", "$19,500"
    of "$15,000" and "$4,500"; None for lengths of time and shares (no sum a source would state), or a
    figure not said in digits alone ("1.2 million"), whose words would not carry the sum."""
    if first.dimension not in ("count", "money") or first.unit != second.unit:
        return None
    at = _plain_number(first)
    if at is None or _plain_number(second) is None:
        return None
    total = first.value + second.value
    shown = f"{total:,.0f}" if total == int(total) else f"{total:,.2f}"
    return shown if first.dimension == "count" else f"{first.said[: at.start('n')]}{shown}{first.said[at.end('n') :]}"


def winner(choice: Choice, first: Measure, second: Measure) -> int | None:
    """Which option wins (0 or 1), or None for a tie."""
    if first.value == second.value:
        return None
    return int((second.value > first.value) != choice.smaller_wins)
