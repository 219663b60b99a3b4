"""A misspelt question word read as the corpus word it was meant to be: "slovenain" as "slovenian",
"recieved" as "received".

Staff type fast. A word no article holds and no dictionary knows finds nothing by keyword, counts as a
question word the sources never use, and weakens the evidence an answer needs: "how many officials
recieved the phishing emails?" was declined. Only such a word is read again, and only as a word one
edit away (a letter left out, added, changed, or two swapped) that the corpus holds. Capitalised words
are left alone: a name the corpus lacks is what an unanswerable question asks about, not a typo. The
question searched is shown beside the answer ("searched as: …"), so a wrong reading is seen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from string import ascii_lowercase

from lemminflect import getAllLemmas

from assistant.places import demonym_place
from assistant.text import STOPWORDS, terms

_MIN_LENGTH = 6  # shorter words are acronyms and names as often as typos ("ncrc", "whats")
_MIN_LENGTH_UNKNOWN = 8  # ... and, to be read as a word no dictionary knows, as long as "ransomeware"
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def corrected(question: str, chunks_holding: Callable[[str], int]) -> str:
    """The question with each misspelt word replaced by the likeliest corpus word one edit away
    (`chunks_holding`: how many chunks hold a search term); the question itself when none is."""

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) < _MIN_LENGTH or word in STOPWORDS or getAllLemmas(word) or _held(word, chunks_holding):
            return word
        if demonym_place(word.capitalize()):  # a people's word ("bolivian") the corpus does not use is no typo
            return word
        found = [(_held(c, chunks_holding), c) for c in sorted(_one_edit_away(word)) if _may_be_meant(c, word)]
        count, best = max(found, default=(0, word))
        return best if count else word

    return _LOWER_WORD.sub(fix, question)


def _may_be_meant(candidate: str, word: str) -> bool:
    """Could the typist have meant the candidate? A dictionary word, yes ("scanners" for "scaners"). A word
    only the corpus knows ("ransomware") only for a long typed word ("config" is no "confid"), and not when
    its stem is the start of the typed word: that is the same word with another ending ("uruguayan" is no
    "uruguayant", though both stem to "uruguay"), nor when its stem is much shorter than the word
    ("interconnectedness" is no "interconnecterness")."""
    if getAllLemmas(candidate):
        return True
    stem = next(iter(terms(candidate)), "")
    return len(word) >= _MIN_LENGTH_UNKNOWN and not word.startswith(stem) and len(stem) >= len(word) - 2


def _held(word: str, chunks_holding: Callable[[str], int]) -> int:
    stems = terms(word)
    return chunks_holding(stems[0]) if len(stems) == 1 else 0


def _one_edit_away(word: str) -> set[str]:
    """Every word one letter dropped, added, changed, or two neighbours swapped away (Norvig's edits1)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in ascii_lowercase}
        | {a + c + b for a, b in splits for c in ascii_lowercase}
    ) - {word}
