"""A choice between things the question names, settled by a figure or a date each: "Whose website was
down longer on count night, Hallowfield's or Wyckham's?", "Which happened first, the email dump or the
portal outage?", "Puerto Almendro's registry vs Datavale: who got their systems back sooner?"

Such a question is answered by one sentence per option that holds what is compared ("unreachable for 3
hours and 40 minutes", "lost its website for 55 minutes"), so the reader can weigh them. It asks for no
name, though it begins "which" or "whose": the options are named already. Which option wins is left to
the reader: the quotes may measure different things ("viewed" against "forwarded"), which words cannot
tell apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What is compared, by the word that compares: a point in time ("first", "sooner"), a length of time
# ("down longer"), or a count ("reached more people"), which may be of money.
_BY_DATE = r"first|earlier|earliest|sooner|soonest|later|latest"
_BY_DURATION = r"longer|longest|shorter|shortest"
_BY_COUNT = (
    r"more|most|fewer|fewest|less|least|bigger|biggest|larger|largest|higher|highest|lower|lowest|greater|greatest|"
    r"wider|widest"
)
_COMPARES = re.compile(rf"\b(?:(?P<date>{_BY_DATE})|(?P<duration>{_BY_DURATION})|(?P<count>{_BY_COUNT}))\b", re.I)
# ... and a count of money: "the larger response bill", "cost more", "paid more".
_OF_MONEY = re.compile(
    r"\b(?:bills?|costs?|cost|costlier|spent|spend|paid|pay|ransoms?|money|budgets?|fines?|damages|price|expensive)\b",
    re.I,
)

_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_NUMBER = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_TIME_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b"
_DATE = re.compile(rf"\b{_MONTHS}\b(?:\s+\d{{1,2}})?|\b\d{{1,2}}\s+{_MONTHS}\b|\b(?:19|20)\d\d\b")
# A sum: "$2.3 million", "KSh 52 million", "₹1.5 crore", "£350,000", "C$400,000", "12 million rand".
_SUM = re.compile(
    r"[$€£¥₦₹]\s?\d|\b(?:[A-Z]{1,3}\$|KSh|Ksh|COP|R|Rs\.?|USD|EUR|GBP|CAD|AUD|NZD|KES|ZAR|INR|NGN)\s?\d"
    r"|\d[\d,.]*\s*(?:million|billion|crore|lakh)?\s*(?:dollars|euros|pounds|rand|shillings|rupees|naira|pesos)\b"
)
_DURATION = re.compile(rf"\b{_NUMBER}(?:\s+|-){_TIME_UNIT}", re.I)
# A count: a number that is no year, no time of day ("8.05pm", "11:50 p.m."), no day of a month and no
# length of time.
_COUNT = re.compile(
    rf"(?<![\d:.])\b\d(?:[\d,.]*\d)?\b(?!\s*(?:[ap]\.?m\b|[:.]\d|%|(?:\s+|-){_TIME_UNIT}|\s+{_MONTHS}))", re.I
)
# "Which/Whose/Who … <comparative> …, A or B?" with a colon, comma or dash before the options.
_ASK_THEN_OPTIONS = re.compile(
    r"^\W*(?P<ask>(?:which|whose|who)\b[^:,—–?]*?)\s*(?:[:,]|\s[—–-])\s*(?P<first>[^?]+?),?\s+or\s+(?P<second>[^?]+?)\s*\?*\s*$",
    re.I,
)
# "A vs B: who … <comparative> …?"
_OPTIONS_THEN_ASK = re.compile(
    r"^\W*(?P<first>[^:?]+?)\s+(?:vs\.?|versus)\s+(?P<second>[^:?]+?)\s*:\s*(?P<ask>(?:which|whose|who)\b[^?]*?)\s*\?*\s*$",
    re.I,
)


@dataclass(frozen=True)
class Choice:
    """What a choice question asks of each option, and the kind of fact ("number" or "date") that
    settles it."""

    options: tuple[str, str]
    asked: str  # what the question asks of them: "website was down longer on count night"
    compared: str  # "date", "duration", "money" or "count"

    @property
    def kind(self) -> str:
        """The kind of fact asked for, as assistant.questions.asked_kind names it."""
        return {"date": "date", "money": "money"}.get(self.compared, "number")

    def settled_by(self, sentence: str) -> bool:
        """Does the sentence state what is compared: a date, a length of time, a sum of money, a count
        (not a year, a time of day nor a date)?"""
        if self.compared == "date":
            return bool(_DATE.search(sentence))
        if self.compared == "money":
            return bool(_SUM.search(sentence))
        if self.compared == "duration":
            return bool(_DURATION.search(sentence))
        return any(not re.fullmatch(r"(?:19|20)\d\d", m.group()) for m in _COUNT.finditer(_DATE.sub(" ", sentence)))

    def parts(self) -> list[str]:
        """One part per option, to be answered by a sentence of its own: "Hallowfield's website was down
        longer on count night"."""
        return [f"{option} {self.asked}" for option in self.options]


def asked_choice(question: str) -> Choice | None:
    """The choice the question asks between two options it names, settled by a figure or a date (None
    when it asks none: "Which county … ?", "Did A or B …?")."""
    match = _ASK_THEN_OPTIONS.match(question) or _OPTIONS_THEN_ASK.match(question)
    if match is None:
        return None
    compares = _COMPARES.search(match["ask"])
    if compares is None:
        return None
    asked = re.sub(
        r"^\W*(?:which|whose|who)\s+(?:of\s+(?:the|these|those)\s+(?:two\s+)?)?", "", match["ask"], flags=re.I
    )
    options = (match["first"].strip(" ,"), match["second"].strip(" ,"))
    compared = next(kind for kind in ("date", "duration", "count") if compares[kind])
    if compared == "count" and _OF_MONEY.search(match["ask"]):
        compared = "money"
    return Choice(options=options, asked=asked.strip(), compared=compared)
