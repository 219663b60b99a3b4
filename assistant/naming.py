"""Where an article names the people a question counts: the sentence, or the list under a line, that
names them and says who they are ("The defendants, Masoud Jalili, … and Yaser Balaghi, were …")."""

from __future__ import annotations

import re

from assistant.questions import people_named
from assistant.sentences import LIST_BREAK, Candidate
from assistant.text import sentence_spans
from assistant.types import Passage, page_at

# What says the names that follow are of the people counted: "Defendants", "The indictment names…".
# Not "men" or "employees": "The men targeted" may head a list of the victims.
_NAMES_THEM = re.compile(
    r"\b(?:defendants?|accused|charged|charges|indicted|indictment|names|named|identified|suspects?)\b", re.I
)


def naming_of_counted(article: Passage, counted: int, known: set[str], after: int) -> Candidate | None:
    """Where an article names `counted` people: one sentence that names them and says who they are
    ("The defendants, Masoud Jalili, … and Yaser Balaghi, were …"), or a list of names under a line
    that does ("Defendants" then "- Masoud Jalili, 36", …). The first after offset `after`, else the
    last before it."""
    text = article.text
    spans = [(a, b) for a, b in sentence_spans(text) if not article.flagged(a, b)]
    found: list[tuple[int, int]] = []
    for n, (a, b) in enumerate(spans):
        sentence = text[a:b]
        if people_named(sentence, known) >= counted and _NAMES_THEM.search(sentence):
            found.append((a, b))
            continue
        if not _NAMES_THEM.search(sentence):
            continue
        # The list: every item that follows line by line and names one person (all of them, though
        # fewer were counted).
        end, items = b, 0
        for x, y in spans[n + 1 :]:
            if not LIST_BREAK.fullmatch(text[end:x]) or people_named(text[x:y], known) != 1:
                break
            end, items = y, items + 1
        if items >= counted:
            found.append((a, end))
    if not found:
        return None
    later = [f for f in found if f[0] >= after]
    start, end = later[0] if later else found[-1]
    return _own_passage(article, start, end)


def sentence_naming(article: Passage, full: str) -> Candidate | None:
    """The article's first sentence that names the person in full ("…Sam Altman was fired as CEO…"), None
    when it never does."""
    text = article.text
    return next(
        (
            _own_passage(article, a, b)
            for a, b in sentence_spans(text)
            if not article.flagged(a, b) and full in text[a:b]
        ),
        None,
    )


def _own_passage(article: Passage, start: int, end: int) -> Candidate:
    """The span as a passage of its own, so the answer can list it with the retrieved ones and show it in place."""
    text = article.text
    span = article.model_copy(
        update={
            "chunk_id": f"{article.chunk_id}@{start}-{end}",
            "start": start,
            "end": end,
            "text": text[start:end],
            "score": 0.0,
            "flags": (),
            "page": page_at(article.page_starts, start) if article.page_starts else article.page,
        }
    )
    return Candidate(passage=span, start=start, end=end, text=text[start:end], listed="\n" in text[start:end])
