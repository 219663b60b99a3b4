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
    """What a choice question asks of each option, and what is compared to settle it."""

    options: tuple[str, str]
    asked: str  # what the question asks of them: "website was down longer on count night"
    compared: str  # "date", "duration", "money" or "count"

    @property
    def kind(self) -> str:
        """The kind of fact asked for, as assistant.questions.asked_kind names it."""
        return {"date": "date", "money": "money"}.get(self.compared, "number")

    def parts(self) -> list[str]:
        """One part per option, to be answered by a sentence of its own: "Hallowfield's website was down
        longer on count night". (What states what is compared: assistant.questions.settles_choice.)"""
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
