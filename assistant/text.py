"""Shared text handling: search terms (for BM25 and answer scoring), sentence spans, dates in prose."""

from __future__ import annotations

import bisect
import contextlib
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

import Stemmer
from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS
from lemminflect import getAllLemmas, getLemma

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*")
BULLET = re.compile(r"^(?:[-*•]|\d{1,2}[.)])\s+")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves according said say says""".split()
)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """Lower-cased word tokens, possessives dropped ("Iran's" -> "iran")."""
    out = []
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        out.append(word.strip("'-"))
    return [w for w in out if w]


def word_starts(text: str) -> list[int]:
    """Where each word (run of non-space) of the text starts."""
    return [m.start() for m in re.finditer(r"\S+", text)]


def word_at(starts: list[int], offset: int) -> int:
    """The index of the word an offset falls in (or the space after it)."""
    return bisect.bisect_right(starts, offset) - 1


def terms(text: str) -> list[str]:
    """Stemmed content words: the vocabulary BM25 and the answerer's lexical scoring share. A British
    spelling is taken in its American form first ("analysed": "analyzed", "defence": "defense"): sources
    from London and Wellington answer questions asked in Ohio, and no stemmer joins the two."""
    kept = [
        BRITISH_ENGLISH_SPELLINGS.get(w, w) for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())
    ]
    return list(_stemmer().stemWords(kept))


# A web address as written in running text ("ged-gambia.example.net/verify", "https://results.example.org",
# "fraud@ged.example.org"), its host captured; a path stops short of the sentence's own punctuation
# ("… at vote.example.org/check, the board said"). Whether a host is a site is the public suffix list's call
# (ingest.planted): "U.S.", "e.g." and "5.2.0" never match, nor "today.The" (a space left out): its last label
# is in lower case, as in "MLB.com".
WEB_ADDRESS = re.compile(
    r"(?<![\w.-])(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?-i:[a-z]{2,}))(?![\w-])"
    r"(?:/[^\s<>()\[\]\"“”'‘’,;]*(?<![.!?:]))?",
    re.I,
)


# Abbreviations after which a period does not end a sentence; titles before a name among them ("the
# presiding judge, JUDr. Alena Hrubá", "Prof. Lina Berg", "Ing. Petr Novák").
_ABBREVIATIONS = frozenset(
    """u.s u.k u.n mr mrs ms dr sen rep gov gen lt col sgt st jr sr inc corp co ltd no vs etc e.g i.e
    a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec dept est approx fig prof judr mudr phdr rndr mvdr
    paeddr ing mgr hon rev fr capt cmdr supt insp det atty""".split()
)
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def sentence_spans(text: str, base: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences in `text`, shifted by `base`.

    A line break always ends a sentence (headings, bullets). Surrounding white space is trimmed.
    """
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        cursor = 0
        pieces: list[tuple[int, int]] = []
        for match in _BOUNDARY.finditer(line):
            before = line[cursor : match.start() + 1].rsplit(None, 1)
            last_word = before[-1].lower().strip("(\"'“.") if before else ""
            next_char = line[match.end() :].lstrip()[:1]
            initialism = re.fullmatch(r"(?:[a-z]\.)+[a-z]", last_word) is not None  # h.r, d.c, u.s
            if (
                (last_word in _ABBREVIATIONS and (last_word != "no" or next_char.isdigit()))  # "No. 5", not "no."
                or re.fullmatch(r"[a-z]", last_word)
                or (initialism and next_char.isdigit())  # "H.R. 3359", "U.S. 25"
                or (cursor == 0 and BULLET.fullmatch(line[: match.end()].strip() + " "))  # "1. Turn on MFA"
            ):
                continue
            pieces.append((cursor, match.end()))
            cursor = match.end()
        pieces.append((cursor, len(line)))
        for start, end in pieces:
            chunk = line[start:end]
            stripped = chunk.strip()
            bullet = BULLET.match(stripped)
            if bullet and start == 0:
                stripped = stripped[bullet.end() :]
            if stripped:
                lead = len(chunk) - len(stripped) - (len(chunk) - len(chunk.rstrip()))
                begin = line_start + start + lead
                spans.append((begin + base, begin + len(stripped) + base))
        line_start += len(line) + 1
    return spans


_LINKING = frozenset({"and", "of", "for", "the", "on", "&"})


def acronyms(text: str, min_words: int = 3) -> set[str]:
    """Acronyms the text spells out: "Cybersecurity and Infrastructure Security Agency Act" gives
    "cisa" (and "cisaa", "isaa", ...): the initials of every stretch, `min_words` words or more, of a
    run of capitalised words; lower-case linking words ("and", "of the") may sit inside a run."""
    found: set[str] = set()
    run: list[str] = []
    for token in [*re.findall(r"[A-Za-z&][A-Za-z'’-]*", text), "."]:
        if token[0].isupper():
            run.append(token[0].lower())
            continue
        if token in _LINKING and run:
            continue
        for i in range(len(run)):
            for j in range(i + min_words, len(run) + 1):
                found.add("".join(run[i:j]))
        run = []
    return found


ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")  # "DOB", "DOBs", "MFA"


def spells_out(acronym: str, text: str) -> bool:
    """Does the text hold words, in any case, whose initials spell the acronym ("DOB": "dates of birth",
    "PII": "personally identifiable information", "MFA": "multi-factor authentication")? A linking word
    may give its letter or be skipped; no other stopword gives one ("in recent years" spells no "IR")."""
    return _spelling(acronym, words(text)) is not None


def _spelling(acronym: str, tokens: list[str]) -> list[str] | None:
    """The first run of tokens that spells the acronym out (see `spells_out`), None if none does."""
    plural = acronym.endswith("s") and acronym[:-1].isupper()  # "DOBs"; not the S of "DHS"
    letters = (acronym[:-1] if plural else acronym).lower()

    def spelled(at: int, rest: str) -> int | None:  # where the spelling ends
        if not rest:
            return at
        if at >= len(tokens):
            return None
        token = tokens[at]
        gives = token[0] == rest[0] and (token in _LINKING or token not in STOPWORDS)
        end = spelled(at + 1, rest[1:]) if gives else None
        if end is None and token in _LINKING:
            end = spelled(at + 1, rest)
        return end

    if len(letters) < 2:
        return None
    for i, token in enumerate(tokens):
        end = spelled(i, letters) if token[0] == letters[0] else None
        if end is not None:
            return tokens[i:end]
    return None


def phrases(text: str) -> set[tuple[str, str]]:
    """Pairs of content words that stand together ("election director"), as `concept_terms` gives them."""
    said = concept_terms(text)
    return set(itertools.pairwise(said))


@lru_cache(maxsize=8192)
def spelled_acronyms(question: str, text: str) -> frozenset[str]:
    """What the text says of the question's words in other words, as `terms` gives them: the question's
    acronyms ("MFA", "DOBs") the text spells out ("multi-factor authentication") give "mfa"; the
    question's words that an acronym of the text stands for ("the Nova Scotia elections office": "The
    NSEO says…") give "nova", "scotia", "elect", "offic". (Cached: the answerer asks it of each
    candidate when it scores, when it weighs the evidence and when it answers each part.)"""
    spelled_out = {t for a in set(ACRONYM.findall(question)) if spells_out(a, text) for t in terms(a)}
    asked = words(question)
    stood_for = (_spelling(a, asked) for a in set(ACRONYM.findall(text)) if len(a.rstrip("s")) >= 3)
    return frozenset(spelled_out | {t for spelling in stood_for if spelling for t in terms(" ".join(spelling))})


def long_date(value: date | None) -> str:
    """A date as answers, sources and exports print it: "September 4, 2024" ("undated" for none)."""
    return f"{value:%B} {value.day}, {value.year}" if value else "undated"


# --- dates and figures in prose (briefings) ------------------------------------------------------
_MONTH_NUMBERS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
# A month's name or its abbreviation ("Sept"), longest first, as a pattern.
MONTH_NAME = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_PROSE_DATE = re.compile(
    # The month word ends there ("Maricopa" is no March). A look-alike letter ("Auguſt" matches August
    # case-insensitively) is no month: its lower case is not in the table.
    rf"\b(?P<month>{MONTH_NAME})(?![A-Za-z])\.?(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?",
    re.IGNORECASE,
)
_LAST_YEARS_REACH = 183  # days back a month and day without a year may lie, when this year's is ahead
# A bare month counts as a date after these words ("In January, he pleaded not guilty"), not elsewhere.
_MONTH_LEAD = re.compile(r"\b(?:in|since|by|until|during|early|late|mid|from|through|last|this)[\s-]+$", re.I)
# A timeline item's label: "May 23, 2024: charges and proposed fines." The text after it on its line
# happened then.
_DATE_LABEL = re.compile(
    rf"^\W*(?:{MONTH_NAME})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d\d)?\s*:\s", re.IGNORECASE
)


def is_label(sentence: str) -> bool:
    """Is the sentence a short label that says what follows is about, stating nothing itself ("Kessler
    County, Oregon (special election, 9 June 2026).", "Duration of the outage.")? No word after the first
    (which a capital hides) can be a verb, and no figure stands outside its parentheses. A plural noun
    may be a verb ("Effect on results."): such a label is taken for a sentence."""
    bare = re.sub(r"\([^()]*\)", " ", sentence)
    tokens = re.findall(r"[A-Za-z][\w'’-]*", bare)
    if not tokens or len(tokens) > 10 or re.search(r"\d", bare):
        return False
    lemmas = (getAllLemmas(t) for t in tokens[1:] if t[0].islower())
    return not any("VERB" in forms or "AUX" in forms for forms in lemmas)


def is_date_label(sentence: str) -> bool:
    """Does the sentence open with a date and a colon, as a timeline item's label does?"""
    return _DATE_LABEL.match(sentence) is not None


Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class ProseDate:
    """A date a sentence states ("September 27, 2024", "in June 2024", "August 19")."""

    value: date
    precision: Precision
    start: int  # offsets in the text it was found in
    end: int

    def label(self) -> str:
        if self.precision == "day":
            return long_date(self.value)
        return f"{self.value:%B} {self.value.year}" if self.precision == "month" else str(self.value.year)


def dates_in(text: str, published: date | None) -> list[ProseDate]:
    """The dates a text states, in order. A month and day without a year ("on August 19") take the
    year the text stated last before them ("In 2016 … on July 13"), else the year of `published`, or
    the year before when that would put them after it, if by less than half a year (else they lie
    ahead of it: a hearing, a deadline); with neither they are left out. A month alone
    counts after "in", "since", "early" and the like when it is not later in the year than
    `published` ("In January, …" in an October article; "in November" may lie ahead, so it does
    not). A bare year ("in 2016") counts as that year."""
    years = [
        ProseDate(date(int(m.group()), 1, 1), "year", m.start(), m.end())
        for m in re.finditer(r"(?<![\w$,.-])(?:19|20)\d\d(?!\w|[,.-]\d)", text)
    ]
    found: list[ProseDate] = []
    for m in _PROSE_DATE.finditer(text):
        month_word = m.group("month")
        if month_word.lower() == "may" and not (m.group("day") or m.group("year")):
            continue  # "may" is a verb far more often than a month
        if month_word[0].islower():  # "march" and "sept" in lower case are not dates
            continue
        month = _MONTH_NUMBERS.get(month_word.lower())
        if month is None:
            continue
        day = int(m.group("day")) if m.group("day") else None
        stated_before = [y.value.year for y in years if y.end <= m.start()]
        if m.group("year"):
            year = int(m.group("year"))
        elif day is not None and stated_before:
            year = stated_before[-1]
        elif published is not None and day is not None:
            year = published.year
            with contextlib.suppress(ValueError):
                # "On December 12" in a January article is last December's; "on March 5" in a March 1
                # article lies ahead (a hearing, a deadline): this year's.
                if (
                    date(year, month, day) > published
                    and (published - date(year - 1, month, day)).days <= _LAST_YEARS_REACH
                ):
                    year -= 1
        elif published is not None and month <= published.month and _MONTH_LEAD.search(text[: m.start()]):
            year = published.year  # "In January" in an October article; "in November" may be ahead, left out
        else:
            continue
        try:
            value = date(year, month, day or 1)
        except ValueError:  # "February 30"
            continue
        found.append(ProseDate(value, "day" if day else "month", m.start(), m.end()))
    found += [y for y in years if not any(d.start <= y.start < d.end for d in found)]
    return sorted(found, key=lambda d: d.start)


# A day written day first, as most of the world writes it: "19 July", "Sunday 3 May 2026", "12th June".
_DAY_FIRST = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)


def days_in(text: str, published: date | None) -> list[ProseDate]:
    """The days a text states, written either way round ("July 19, 2026", "19 July"): dates_in's days, and
    the days written day first, which take the year the text states or else its article's. (dates_in itself
    leaves "19 July" out: what the decline model weighs was measured so.)"""
    found = [d for d in dates_in(text, published) if d.precision == "day"]
    for m in _DAY_FIRST.finditer(text):
        year = int(m["year"]) if m["year"] else published.year if published is not None else None
        if year is None or any(d.start <= m.start() < d.end for d in found):
            continue
        with contextlib.suppress(ValueError):  # "31 June"
            found.append(ProseDate(date(year, _MONTH_NUMBERS[m["month"].lower()], int(m["day"])), "day", *m.span()))
    return sorted(found, key=lambda d: d.start)


SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FIGURE = re.compile(
    r"(?<![\w.])(?P<money>[$€£])?(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<percent>\s?%|\s+percent\b)?"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
# "99 days before the election", "two years later": spans of time say when, not how many of something.
_TIME_UNITS = frozenset({"second", "minut", "hour", "day", "week", "month", "year", "decad", "centuri"})
_UNIT_SKIP = frozenset(STOPWORDS | {"more", "than", "about", "some", "nearly", "almost", "roughly", "over"})


@dataclass(frozen=True)
class Figure:
    """A figure a text states and what it counts: 1,200 of {"fake", "account"} for "1,200 fake accounts"."""

    value: float
    counts: frozenset[str]  # stems of the first two content words after it; "$" for money, "%" for a share

    def comparable(self, other: Figure) -> bool:
        """Do the two count the same kind of thing (so differing values disagree)?"""
        return bool(self.counts & other.counts)


MONTH_WORDS = frozenset(_MONTH_NUMBERS)  # month names and their abbreviations, lower case
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*|-|[^\sA-Za-z-]+")


def _counted(after: str) -> frozenset[str]:
    """What a figure counts: the content words right after it, up to the first small word, punctuation
    or number ("1,200 fake accounts and…" counts {"fake", "account"})."""
    counted: list[str] = []
    for token in _TOKEN.finditer(after[:80]):
        word = token.group().lower()
        if word == "-":
            continue
        if not word[0].isalpha() or word in _UNIT_SKIP or word in MONTH_WORDS or len(counted) == 3:
            break
        counted.append(word)
    return frozenset(terms(" ".join(counted)))


def figures(text: str) -> list[Figure]:
    """The figures a text states ("1,200 fake accounts", "2 percent", "$5 million"). Dates, years and
    spans of time are not figures, nor is a number followed by nothing it counts."""
    dated = [(d.start, d.end) for d in dates_in(text, date(2000, 1, 1))]
    found: list[Figure] = []
    for m in _FIGURE.finditer(text):
        if any(a <= m.start() < b for a, b in dated):
            continue
        value = float(m.group("number").replace(",", "")) * SCALE.get((m.group("scale") or "").lower(), 1.0)
        if m.group("money"):
            counts = frozenset({"$"})
        elif m.group("percent"):
            counts = frozenset({"%"})
        else:
            counts = _counted(text[m.end() :])
            if not counts or counts & _TIME_UNITS:
                continue
        found.append(Figure(value, counts))
    return found


_ABOUT = r"(?:(?:roughly|about|around|approximately|nearly|almost|some|estimated|reported|initial|earlier)\s+)*"
# A sentence that says its figure corrects an earlier one: "118,600 records were exported, not the
# roughly 41,000 first announced", "up from 12", "a revised count of 2,300".
_CORRECTION = re.compile(
    rf"\b(?:(?:not|instead of|rather than) (?:the )?{_ABOUT}\d+|(?:up|down) from {_ABOUT}\d+|"
    r"(?:revised|updated|corrected|correct|new|higher|lower|final) (?:count|figure|total|tally|estimate|number)s?)\b",
    re.I,
)


def states_correction(sentence: str) -> bool:
    """Does the sentence give a figure and say it corrects or updates an earlier one?"""
    return re.search(r"\d", sentence) is not None and _CORRECTION.search(sentence) is not None


# The figure a correction replaces: "not the roughly 41,000 first announced", "up from 12".
_REPLACED = re.compile(rf"\b(?:(?:not|instead of|rather than) (?:the )?|(?:up|down) from ){_ABOUT}(?=\d)", re.I)


def replaced_at(sentence: str) -> set[int]:
    """Where the figures a sentence says it corrects begin ("63 minutes, not the 47 first reported")."""
    return {m.end() for m in _REPLACED.finditer(sentence)}


def replaced_figures(sentence: str) -> set[float]:
    """The values of the figures a sentence says it corrects ("61 Gbps, not the 38 Gbps given first": 38)."""
    found = (_FIGURE.match(sentence, at) for at in replaced_at(sentence))
    return {
        float(f["number"].replace(",", "")) * SCALE.get((f["scale"] or "").lower(), 1.0) for f in found if f is not None
    }


# A sentence that gives a figure as one taken back: "An earlier version of this statement said that
# 48,000 records had been exposed", "…was initially put at 212".
_TAKEN_BACK = re.compile(
    r"\b(?:an? (?:earlier|previous|original) (?:version|statement|figure|count|estimate)|"
    r"(?:was|were|had been) (?:first|initially|originally|previously) (?:reported|given|stated|announced|put)|"
    r"previously (?:said|stated|reported|announced))\b",
    re.I,
)


def takes_back(sentence: str) -> bool:
    """Does the sentence give a figure as an earlier one, since corrected?"""
    return re.search(r"\d", sentence) is not None and _TAKEN_BACK.search(sentence) is not None


# A short clause a sentence may open with before its subject: "According to the indictment, they…".
LEAD_IN = r"^(?:[^,.;]{1,40},\s+)?"
# What opens the subject of a question's clause after its auxiliary ("was the technician", "did officials",
# "has anyone", "did Microsoft"): a determiner, a pronoun, a word for people, or a capital. Not a verb: "…, and
# is facing scrutiny" goes on with the clause before.
SUBJECT_START = (
    r"(?:(?:the|an?|any|anyone|anybody|anything|someone|it|its|they|their|he|she|his|her|there|this|that|these|"
    r"those|police|officials|staff|voters)\b|(?-i:[A-Z]))"
)
# Names of months and days: capitalised, yet names of no one and nowhere ("cast in Georgia Tuesday").
CALENDAR = frozenset(
    """January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday""".split()
)
CALENDAR_WORDS = frozenset(w.lower() for w in CALENDAR)  # as `words` gives them


# Words the sources and the people asking use for one thing: a question's "charged" is answered by
# "indicted", its "Russian" by "Russia", its "the Kremlin" by "Russia". Stems, as `terms` gives them;
# each maps to one stem that stands for the group.
_SAME_MEANING = {
    "indict": "charg",
    "intrus": "breach",
    "purg": "remov",  # "purged the accounts": removed them
    "penalti": "fine",
    "connect": "link",
    "tie": "link",  # "tied the accounts to the network": "found no link between these accounts and the network"
    "fabric": "fake",
    "bogus": "fake",
    "counterfeit": "fake",
    "forgeri": "forg",  # "electoral forgery" is what "forged" papers are
    "alia": "alias",  # the stem of "alias" ("aliases": "alias")
    "persona": "alias",
    "pseudonym": "alias",
    "nicknam": "alias",
    "monik": "alias",
    "usernam": "alias",
    "photograph": "photo",
    "flaw": "vulner",  # "vulnerability"
    "bug": "vulner",
    "russian": "russia",
    "kremlin": "russia",
    "iranian": "iran",
    "tehran": "iran",
    "chines": "china",
    "beij": "china",
    "ukrainian": "ukrain",
    "kyiv": "ukrain",
    # Where a legislature or government sits, for it: "the committee at Westminster".
    "westminst": "parliament",
    "holyrood": "parliament",
    "whitehal": "govern",
}


# A seller's "handle" is its alias ("posts under the handle ValleyGhost"), not the verb: "handles the ballots",
# "safe handling" keep their own stem.
_HANDLE_NAME = re.compile(
    r"\bhandles?\b(?!\s+(?:the|a|an|all|any|it|its|them|their|this|that|these|those|his|her|our|your|every)\b)",
    re.I,
)


def concept_terms(text: str) -> list[str]:
    """`terms`, with words of one meaning as one term (see _SAME_MEANING): what a question and a
    sentence are compared on."""
    return [concept(t) for t in terms(_HANDLE_NAME.sub("alias", text))]


def concept(term: str) -> str:
    """The stem that stands for a term's group of words of one meaning (itself, mostly)."""
    return _SAME_MEANING.get(term, term)


# A label before the sentence proper that says only what kind of line follows: "Bottom line: On
# Monday, …", "Status note: …". A label such as "False claim:" or "Myth:" says the sentence is not so,
# and stays with it.
NEUTRAL_LABEL = re.compile(
    r"^(?P<label>(?i:bottom line|in short|summary|key takeaways?|the upshot|tl;?dr|update|updated|status note|"
    r"status|note|background|context|what happened|why it matters|what's next|purpose))\s*:\s+(?=[A-Z0-9“\"])"
)


def lead_length(sentence: str) -> int:
    """Characters of a neutral label that opens the sentence (0: none), which a quote leaves out: the
    quote still stands verbatim in the article, from the sentence proper on. (A dateline, "HELENA,
    Mont. --", stays: it says where.)"""
    match = NEUTRAL_LABEL.match(sentence)
    return match.end() if match else 0


# A sentence in which the document speaks of itself: "This page answers common questions about…",
# "This timeline reconstructs the attack…", "It is based on court filings…", "Published by the Civic
# Signal Institute…". It says what the document is about, in the words of any question on its subject,
# and reports nothing that happened.
_ABOUT_ITSELF = re.compile(
    r"^\W*(?:(?:This|These|The following)\s+(?:[\w-]+\s+){0,2}?(?:page|timeline|report|document|article|summary|"
    r"FAQ|briefing|note|fact sheet|guide|explainer|section|table|list|notice|story|piece)s?\s+"
    r"(?:\w+ly\s+)?(?:answers?|sets? out|reconstructs?|describes?|summari[sz]es?|is based on|are based on|covers?|"
    r"explains?|lists?|outlines?|presents?|contains?|draws? on|collects?|compiles?|brings? together)\b"
    r"|It\s+is\s+based\s+on\b|(?:Published|Compiled|Prepared)\s+by\b)"
)


def speaks_of_itself(sentence: str) -> bool:
    """Is this the document saying what it is or covers, rather than reporting something?"""
    return bool(_ABOUT_ITSELF.match(sentence))


@lru_cache(maxsize=16384)
def verb_base(word: str) -> str:
    """The base form of a word read as a verb ("won": "win", "paid": "pay"), which no stemmer finds."""
    return str(getLemma(word.lower(), upos="VERB")[0])


def verb_base_terms(words_: Iterable[str]) -> set[str]:
    """The terms of the base forms of the words read as verbs: "won" and "held" give "win" and "hold", which a
    question asks in ("Was Gouveia's winning margin…?", "Did the file hold…?")."""
    return {t for word in words_ for t in concept_terms(verb_base(word))}
