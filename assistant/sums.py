"""Sums of money in a sentence, and whether one is of the kind a question asks for.

"How much was the ransom?" is not answered by the fine a court imposed, nor "How much was Kramer paid?"
by what a campaign cost: the word nearest to a sum says what kind of sum it is.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.currencies import SYMBOLS_AFTER, SYMBOLS_BEFORE, currency_codes, currency_nouns
from assistant.text import word_at, word_starts

# Kinds of sums, by the word nearest to a sum (a few words at most) that says what it is. A fine does not
# say what someone was paid, nor a reward what a campaign cost. A question that names no kind ("how much
# money") takes any sum.
_COMPENSATION, _OUTLAY, _PENALTY, _RANSOM, _DAMAGES, _REWARD, _BAIL, _ASKED = range(8)
_MONEY_WORDS = (
    (_COMPENSATION, r"paid|salar(?:y|ies)|fees?|wages?|compensat\w*|contracts?|receiv\w*|earn\w*"),
    (
        _OUTLAY,
        r"pa(?:y|ys|ying|yments?)|spen(?:d|ds|t|ding)|costs?|budgets?|pric(?:e|es|ed)|invest\w*|fund(?:s|ed|ing)?|"
        r"financ\w*|grants?|donat\w*|contribut\w*|raised|put",
    ),
    (_PENALTY, r"fines?|fined|penalt(?:y|ies)|forfeit\w*|settle\w*"),
    (_RANSOM, r"ransom\w*|demand\w*|extort\w*"),
    (_DAMAGES, r"damages|award\w*"),
    (_REWARD, r"rewards?"),
    (_BAIL, r"bail|sureties|surety"),
    # What someone asked for ("How much did the hackers want?"): a ransom, damages sued for, a sum sought.
    (_ASKED, r"want(?:s|ed)?|ask(?:s|ed|ing)? for|sought|seek(?:s|ing)?"),
)
_MONEY_WORD = re.compile("|".join(rf"(?P<k{kind}>\b(?:{pattern})\b)" for kind, pattern in _MONEY_WORDS), re.I)
# What a question asks to be paid to someone: "How much was Kramer (being) paid?", "… did he receive?".
_ASKS_COMPENSATION = re.compile(
    r"\b(?:was|were|is|are|be|being|been|get|gets|got)\s+(?:[\w'’.-]+\s+){0,3}?paid\b"
    r"|\b(?:receiv\w*|earn\w*|salar(?:y|ies)|wages?|compensat\w*|fees?)\b",
    re.I,
)
# The kinds of sum that answer a question of each kind: what someone pays may be a fine, a ransom or damages.
_ANSWERED_BY = {
    _COMPENSATION: {_COMPENSATION},
    _OUTLAY: {_COMPENSATION, _OUTLAY, _PENALTY, _RANSOM, _DAMAGES},
    _PENALTY: {_PENALTY},
    _RANSOM: {_RANSOM},
    _DAMAGES: {_DAMAGES},
    _REWARD: {_REWARD},
    _BAIL: {_BAIL},
    _ASKED: {_OUTLAY, _RANSOM, _DAMAGES, _ASKED},  # a budget asked for is one to spend
}
# Every currency sign Unicode knows ("$", "₹", "₱", the "₵" of "GH₵"), and how sums are scaled.
_CURRENCY_SIGNS = "".join(sorted({chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) == "Sc"}))
_SCALE = r"(?:\s*(?:thousand|million|billion|trillion|crores?|lakhs?|bn|m)\b)"
_CURRENCY_CODES = "|".join(sorted(currency_codes()))
_CURRENCY_NOUNS = "|".join(sorted(currency_nouns(), key=len, reverse=True))
_SYMBOLS_BEFORE = "|".join(re.escape(s) for s in sorted(SYMBOLS_BEFORE, key=len, reverse=True))
_SYMBOLS_AFTER = "|".join(re.escape(s) for s in SYMBOLS_AFTER)
_SUM = re.compile(
    # "$6 million", "₹1.5 crore", "GH₵1.9 million", "R$ 3 million", "NZ$400": a sign, perhaps after
    # letters that say whose.
    rf"(?:\b[A-Z]{{1,3}})?[{re.escape(_CURRENCY_SIGNS)}]\s?\d[\d,.]*{_SCALE}?"
    # "450,000 US dollars", "2 million Moldovan lei", "3.5 million tenge": the country may stand between.
    r"|\b\d[\d,.]*\s*(?:million|billion|crores?|lakhs?)?\s*"
    # Not "5 Democrats won": after capitalised words, "won" is a verb unless Korean.
    r"(?:(?:(?:U\.S\.|[A-Z][\w-]*)\s+){1,3}(?!won\b)|(?:South\s+)?Korean\s+(?=won\b))?"
    rf"(?:{_CURRENCY_NOUNS})(?![\w'’-])"
    # "COP 1.2 billion", "KSh 52 million", "R2.4 million", "zł 3.6 million", "K400,000": a currency's code
    # or symbol before a sum that is scaled or written in thousands (a bare "R2" or "K9" may be anything).
    rf"|\b(?:{_CURRENCY_CODES}|{_SYMBOLS_BEFORE})\s?(?:\d[\d,.]*{_SCALE}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?)"
    # "USD 2,000", "3.6 million zł", "500 Ft".
    rf"|\b\d[\d,.]*\s?(?:{_CURRENCY_CODES})\b|\b\d[\d,.]*{_SCALE}?\s?(?:{_SYMBOLS_AFTER})(?![\w'’-])"
)


def _money_kinds(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """(word index, kind) of each word in the text that says what kind a sum is (`starts`: its words')."""
    return [
        (word_at(starts, m.start()), int(next(k for k, v in m.groupdict().items() if v)[1:]))
        for m in _MONEY_WORD.finditer(text)
    ]


def says_kind_of_sum(word: str) -> bool:
    """Is the word one that says what kind a sum is ("ransom", "fine", "fee")?"""
    return _MONEY_WORD.fullmatch(word) is not None


def holds_sum(text: str) -> bool:
    """Does the text state a sum of money, in any currency ("$6 million", "2.1 million lei", "25 bitcoin")?"""
    return _SUM.search(text) is not None


def sums_in(text: str) -> list[tuple[int, int]]:
    """Where the text states sums of money (start and end of each)."""
    return [m.span() for m in _SUM.finditer(text)]


def sum_of_kind(sentence: str, question: str, undated: str | None = None) -> bool:
    """Does the sentence state a sum of a kind that answers the question: is the word nearest to it (within
    a few words) that says what it is one such kind? A question that names no kind takes any sum. Sums are
    sought in `undated`, the sentence with its dates blanked out (same length), when given."""
    sums = [m.span() for m in _SUM.finditer(sentence if undated is None else undated)]
    asked_kinds = {kind for _, kind in _money_kinds(question, word_starts(question))}
    if _ASKS_COMPENSATION.search(question):
        asked_kinds = {_COMPENSATION} | (asked_kinds - {_OUTLAY})
    if not sums or not asked_kinds:
        return bool(sums)
    answering = set().union(*(_ANSWERED_BY[kind] for kind in asked_kinds))
    starts = word_starts(sentence)
    said = _money_kinds(sentence, starts)
    for a, b in sums:
        first, last = word_at(starts, a), word_at(starts, b - 1)
        # The nearest money word says what the sum is, beside it or, when none is, anywhere in the sentence
        # ("estimated the cost of emergency measures, including backup connectivity and extra staff, at
        # GH₵1.9 million").
        nearest = min(((max(first - at, at - last, 0), kind) for at, kind in said), default=None)
        if nearest is not None and nearest[1] in answering:
            return True
    return False
