"""A choice between things the question names, settled by a figure or a date each: "Whose website was
down longer on count night, Hallowfield's or Wyckham's?", "Which happened first, the email dump or the
portal outage?", "Puerto Almendro's registry vs Datavale: who got their systems back sooner?"

Such a question is answered by one sentence per option that holds what is compared ("unreachable for 3
hours and 40 minutes", "lost its website for 55 minutes"), so the reader can weigh them. It asks for no
name, though it begins "which" or "whose": the options are named already. Which option wins is said only
when each quote states one figure of what is compared, in units that compare (assistant.measures); else
it is left to the reader. A yes/no question may compare two things it names the same way ("Was the attack
on Dominica's portal larger at its peak than the one on Hungary's site?"): its verdict is which wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text import SUBJECT_START

# What is compared, by the word that compares: a point in time ("first", "sooner"), a length of time
# ("down longer"), or a count ("reached more people"), which may be of money.
_BY_DATE = r"first|earlier|earliest|sooner|soonest|later|latest"
_BY_DURATION = r"longer|longest|shorter|shortest"
# The words by which the smaller figure, or the earlier date, wins.
_SMALLER_WINS = frozenset(
    """first earlier earliest sooner soonest shorter shortest fewer fewest less least lower lowest smaller
    smallest""".split()
)
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
    smaller_wins: bool = False  # "shorter", "fewer", "sooner": the smaller figure (or earlier date) wins
    # "Across A and B, how many accounts were compromised in total?": no winner, the sum of the two figures.
    summed: bool = False
    # "How many days passed between A and B?": no winner, the days from one date to the other.
    elapsed: bool = False

    @property
    def kind(self) -> str:
        """The kind of fact asked for, as assistant.questions.asked_kind names it."""
        return {"date": "date", "money": "money"}.get(self.compared, "number")

    def parts(self) -> list[str]:
        """One part per option, to be answered by a sentence of its own: "Hallowfield's website was down
        longer on count night". (What states what is compared: assistant.questions.settles_choice.)"""
        if self.summed:
            return [f"{self.asked} in {option}" for option in self.options]
        if self.elapsed:
            return [f"when {option}" for option in self.options]
        return [f"{option} {self.asked}" for option in self.options]


# A total over two things the question names, before or after what it counts: "Across the Turkmenistan
# phishing campaign and the Ethiopian portal attack, how many accounts were compromised in total?", "how many
# results devices has Corvane put out across Ghana and Kenya combined".
_TOTAL = re.compile(r"\b(?:in total|in all|altogether|all told|combined|put together|together)\b", re.I)
_OVER_THEN_ASK = re.compile(
    r"^\W*(?:across|between|for|in|from)\s+(?P<first>[^,?]+?)\s+and\s+(?P<second>[^,?]+?)\s*,\s*"
    r"(?P<ask>how (?:many|much)\b[^?]*?)\s*\?*\s*$",
    re.I,
)
_ASK_THEN_OVER = re.compile(
    r"(?P<ask>\bhow (?:many|much)\b[^?]*?)\s+(?:across|between|in|for)\s+(?P<first>[^,?]+?)\s+and\s+"
    r"(?P<second>[^,?]+?)\s*,?\s*(?:combined|together|altogether|in total|put together|in all)\s*\?*\s*$"
    # "How many emails were sent in total in the Tokelau hoaxes and the Anse Lumignon scheme?": the total first.
    r"|(?P<ask2>\bhow (?:many|much)\b[^?]*?)\s+(?:in total|in all|altogether|combined)\s+(?:across|between|in|for)\s+"
    r"(?P<first2>[^,?]+?)\s+and\s+(?P<second2>[^,?]+?)\s*\?*\s*$",
    re.I,
)


# "How many days passed between Talvora detecting the ransomware and the PollPad failures…?"
_DAYS_BETWEEN = re.compile(
    r"^\W*how many days\s+(?:(?:have\s+|had\s+)?(?:passed|elapsed|went by|go by|were there|separated?)\s+)?"
    r"between\s+(?P<first>[^?]+?)\s+and\s+(?P<second>[^?]+?)\s*\?*\s*$",
    re.I,
)


# "How many days after the USB sticks were discovered was the technician charged?", "How many days before the
# referendum did officials say the site was back?": the event named, then the one asked of, from the first
# auxiliary with a subject after it ("was the technician", "did officials"): the first event may have its own
# ("were discovered").
_DAYS_AFTER = re.compile(
    r"^\W*how many days\s+(?:after|before)\s+(?P<first>.+?)\s+(?:was|were|did|had|has|have|is|are)\s+"
    rf"(?P<second>{SUBJECT_START}[^?]*?)\s*\?*\s*$",
    re.I,
)


def elapsed_choice(question: str) -> Choice | None:
    """The two events a question asks the days between ("How many days passed between A and B?", "How many
    days after A was B done?"), as a choice settled by their dates; None when it asks none."""
    match = _DAYS_BETWEEN.match(question) or _DAYS_AFTER.match(question)
    if match is None:
        return None
    return Choice((match["first"].strip(" ,"), match["second"].strip(" ,")), "days between", "date", elapsed=True)


def summed_choice(question: str) -> Choice | None:
    """The total a question asks over two things it names ("Across A and B, how many … in total?"), as a
    choice whose options are summed; None when it asks none (a total of one thing: "How many … in total?")."""
    match = _OVER_THEN_ASK.match(question) or _ASK_THEN_OVER.search(question)
    if match is None or not _TOTAL.search(question):
        return None
    ask, first, second = (
        (match["ask"], match["first"], match["second"]) if match["ask"] else match.group("ask2", "first2", "second2")
    )
    asked = " ".join(_TOTAL.sub(" ", ask).split())
    compared = "money" if re.match(r"how much\b", asked, re.I) or _OF_MONEY.search(asked) else "count"
    options = (first.strip(" ,"), second.strip(" ,"))
    return Choice(options, asked, compared, summed=True)


def asked_choice(question: str) -> Choice | None:
    """The choice the question asks between two options it names, settled by a figure or a date, or the
    total it asks over two (summed_choice), or the days between two (elapsed_choice); None when it asks none:
    "Which county … ?", "Did A or B …?"."""
    match = _ASK_THEN_OPTIONS.match(question) or _OPTIONS_THEN_ASK.match(question)
    if match is None:
        return summed_choice(question) or elapsed_choice(question)
    compares = _COMPARES.search(match["ask"])
    if compares is None:
        return None
    asked = re.sub(
        r"^\W*(?:which|whose|who)\s+(?:of\s+(?:the|these|those)\s+(?:two\s+)?)?", "", match["ask"], flags=re.I
    )
    options = (match["first"].strip(" ,"), match["second"].strip(" ,"))
    return _choice(options, asked.strip(), compares, match["ask"])


def _choice(options: tuple[str, str], asked: str, compares: re.Match[str], words: str) -> Choice:
    """The choice, with what is compared read from the word that compares (and the words of money in
    what is asked, `words`)."""
    compared = next(kind for kind in ("date", "duration", "count") if compares[kind])
    if compared == "count" and _OF_MONEY.search(words):
        compared = "money"
    return Choice(options, asked, compared, smaller_wins=compares.group().lower() in _SMALLER_WINS)


# "Was the attack on Dominica's portal larger at its peak than the one on Hungary's site?", "Were the
# Comorian authority's systems out of action longer than Grenada's?": a yes/no question that compares
# what it names first, up to the comparing word, with what it names after "than".
_FIRST_THAN_SECOND = re.compile(
    r"^\W*(?:was|were|is|are|did|does|do|has|have|had)\s+(?P<first>[^?]+?)\s+than\s+(?P<second>[^?]+?)\s*\?*\s*$",
    re.I,
)
# What an article suggests or reports of two things ("Does the Fortune article suggest that the film was less
# successful than…?") is a reading of it, which figures do not settle.
_WHAT_IS_SAID = re.compile(r"\b(?:suggest|impl(?:y|ie)|indicate|report|state|claim|say)(?:s|ed)?\b", re.I)
# A name: a capitalised word after the first ("Hungary's", "Burkina").
_NAMED = re.compile(r"(?<!^)\b[A-Z][\w'’-]*")


def compared_by_figures(question: str) -> Choice | None:
    """The two things a yes/no question compares, and by what, as a choice whose first option winning
    answers "Yes" (None when it compares none, or compares something with itself at another time:
    "Is Guyana checking more stations than it did in 2025?", whose second part names nothing new)."""
    match = _FIRST_THAN_SECOND.match(question)
    if match is None or _WHAT_IS_SAID.search(question):
        return None
    first, second = match["first"], match["second"]
    compares = None
    for found in _COMPARES.finditer(first):
        compares = found  # the last comparing word before "than" is the one "than" completes
    if compares is None or compares.start() == 0:
        return None  # "Did more X than Y …?" would need where Y ends: left as it is
    if re.search(r"\d", second):
        return None  # "…worth more than AUD 500,000?" compares with a figure it gives: no choice
    names = {n.lower() for n in _NAMED.findall(first)}
    if not {n.lower() for n in _NAMED.findall(f" {second}")} - names:
        return None
    options = (first[: compares.start()].strip(" ,"), second.strip(" ,"))
    return _choice(options, first[compares.start() :].strip(), compares, first)
