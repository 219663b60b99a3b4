"""What "the contractor" or "the platform" in a sentence stands for: the name its article introduced it by.

News names an organisation once and then calls it by what it is: "…run by Steppe Data Systems, a
contractor that processes register updates…" and, two sentences on, "The regulator has fined the
contractor 3.5 million tenge." Read alone, the second sentence never names whom it fined, so a question
about Steppe Data Systems would find it holds none of its names. An introduction is a name with an
apposition ("Steppe Data Systems, a contractor…"; "Lumenfold Labs, a Vienna-based digital forensics
firm"), a noun just before the name ("the short-video platform Chirpa") or a noun and what it is called ("a
group that researchers call Slate Cormorant"); a later "the <noun>" in the
same passage refers to the latest name introduced by that noun.
"""

from __future__ import annotations

import re

# Nouns that say what kind of organisation a name is.
ORGANISATION_NOUNS = frozenset(
    "company firm group platform provider maker vendor supplier lab laboratory outfit crew gang network "
    "agency organisation organization business contractor operator consultancy service website app startup "
    "insurer registrar host hacktivists hacktivist hackers collective team broadcaster outlet paper newspaper "
    "site channel party campaign developer manufacturer regulator institute foundation".split()
)
# The people a court or police report names once and then calls by their part in the case: "The court
# found the defendant, Ondřej K., guilty…", then "the defendant paid Kč 9,500 to rent a botnet".
PARTY_NOUNS = frozenset("defendant accused suspect".split())
# What a company's name ends with that later mentions leave out: "Lumenfold Labs" is then "Lumenfold".
CORPORATE_SUFFIXES = frozenset(
    "labs lab systems networks network services group inc ltd llc pty corp corporation company co "
    "technologies technology solutions holdings".split()
)
# A name: capitalised words in a row, with "of", "de", "for" or "the" between them ("Bank of America").
NAME = re.compile(r"[A-Z][\w'’&.-]*[\w&](?:\s+(?:(?:of|de|for|the)\s+)?[A-Z][\w'’&.-]*[\w&])*")
_NOUN = rf"(?P<noun>{'|'.join(sorted(ORGANISATION_NOUNS | PARTY_NOUNS, key=len, reverse=True))})"
_BETWEEN = r"(?:[\w'’-]+\s+){0,4}?"  # describing words: "a Vienna-based digital forensics firm"
# Not "Siobhan Kearney, the party's general secretary": the noun is what the name is, not whose.
_NAMED_THEN_SAID = re.compile(rf"(?P<name>{NAME.pattern}),\s+(?:an?|the)\s+{_BETWEEN}{_NOUN}\b(?!['’])")
_SAID_THEN_NAMED = re.compile(rf"\b(?:[Aa]n?|[Tt]he|its|their)\s+{_BETWEEN}{_NOUN},?\s+(?P<name>{NAME.pattern})")
# "a group that researchers call Slate Cormorant", "a group known as Lantern Spider", "the group, dubbed Grey
# Heron": the noun, then what it is called.
_CALLED_THEN_NAMED = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+{_BETWEEN}{_NOUN},?\s+(?:(?:that|which|whom)\s+)?"
    r"(?:(?:[\w'’-]+\s+){0,2}?(?:call|calls|called|dub|dubs|dubbed|track|tracks|tracked)(?:\s+as)?|known\s+as|"
    r"calling\s+itself|calls\s+itself|going\s+by|goes\s+by|named)"
    rf"\s+(?P<name>{NAME.pattern})"
)
_MENTION = re.compile(rf"\b[Tt]he\s+{_NOUN}\b")


def introductions(text: str) -> list[tuple[int, str, str]]:
    """(offset, noun, name) for each name the text introduces with a noun, in order."""
    found = [
        (match.start(), match["noun"], match["name"])
        for pattern in (_NAMED_THEN_SAID, _SAID_THEN_NAMED, _CALLED_THEN_NAMED)
        for match in pattern.finditer(text)
    ]
    return sorted(found)


def referents(sentence: str, before: list[tuple[int, str, str]], at: int) -> list[str]:
    """The names "the <noun>" in the sentence stands for: the latest introduced by that noun before
    offset `at` (where the sentence begins), from `introductions` of the text it stands in."""
    names: list[str] = []
    for match in _MENTION.finditer(sentence):
        latest = [name for offset, noun, name in before if offset < at and noun == match["noun"]]
        if latest and latest[-1] not in names and latest[-1] not in sentence:
            names.append(latest[-1])
    return names
