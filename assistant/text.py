"""Shared text handling: search terms (for BM25 and answer scoring), sentence spans, dates in prose."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*")
_BULLET = re.compile(r"^(?:[-*•]|\d{1,2}[.)])\s+")
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


def terms(text: str) -> list[str]:
    """Stemmed content words: the vocabulary BM25 and the answerer's lexical scoring share."""
    kept = [w for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    return list(_stemmer().stemWords(kept))


# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    """u.s u.k u.n mr mrs ms dr sen rep gov gen lt col sgt st jr sr inc corp co ltd no vs etc e.g i.e
    a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec dept est approx fig""".split()
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
                or (cursor == 0 and _BULLET.fullmatch(line[: match.end()].strip() + " "))  # "1. Turn on MFA"
            ):
                continue
            pieces.append((cursor, match.end()))
            cursor = match.end()
        pieces.append((cursor, len(line)))
        for start, end in pieces:
            chunk = line[start:end]
            stripped = chunk.strip()
            bullet = _BULLET.match(stripped)
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


def long_date(value: date | None) -> str:
    """A date as answers, sources and exports print it: "September 4, 2024" ("undated" for none)."""
    return f"{value:%B} {value.day}, {value.year}" if value else "undated"
