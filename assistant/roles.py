"""Who holds a role: "Who chairs the committee?" and the sentence that names its chair.

Such a question is answered by "The committee, chaired by Dame Rosalind Achterberg MP, took evidence…"
or "…said Rumah Fakta's editor, Sari Lestari." Those sentences share few words with the question and
mean little like it: what they hold is the role. The sentence that matches the question best is more
often the one that introduces the body ("The Joint Committee on Democratic Resilience today publishes
its third report…"), which names no one who runs it.
"""

from __future__ import annotations

import re

from assistant.questions import NAME_WORD, asked_part

# "Who chairs…", "Who led the independent panel…", "Who's in charge of…", "Who is the head of…".
_ROLE_VERB = r"chairs|chaired|leads|led|heads|headed|runs|ran|directs|directed|manages|managed|oversees|oversaw|edits"
_ROLE_NOUN = (
    r"chair|chairman|chairwoman|chairperson|head|director|leader|editor|editor-in-chief|chief executive|"
    r"CEO|president|founder|co-founder|manager|coordinator|convener"
)
_ASKS_ROLE_HOLDER = re.compile(
    rf"^\W*who(?:['’]s|\s+is|\s+was)?\s+(?:currently\s+|now\s+)?(?:(?:{_ROLE_VERB})\b|in charge of\b|"
    rf"(?:the|its)\s+(?:{_ROLE_NOUN})\s+(?:of|at)\b)",
    re.I,
)

# A person's name, with the title a chair may carry: "Dr. Wanjiru Odhiambo", "Dame Rosalind Achterberg".
_PERSON = rf"(?:(?:Dr|Prof|Dame|Sir|Mr|Mrs|Ms)\.?\s+)?{NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{NAME_WORD}(?:-{NAME_WORD})?)+"
_NAMES_ROLE_HOLDER = re.compile(
    # "chaired by Dame Rosalind Achterberg", "led by Dr. Wanjiru Odhiambo"
    rf"\b(?i:chaired|led|headed|run|directed|managed|overseen|founded|edited)\s+by\s+{_PERSON}"
    # "Sunil Varadarajan, who leads Pulsewave's threat disruption team"
    rf"|{_PERSON},\s+who\s+(?:now\s+|currently\s+)?(?:{_ROLE_VERB}|founded)\b"
    # "EAC chair Anahit Melkonyan", "Rumah Fakta's editor, Sari Lestari"
    rf"|\b(?i:{_ROLE_NOUN}),?\s+{_PERSON}"
    # "Anahit Melkonyan, the council's chair"
    rf"|{_PERSON},\s+(?:the\s+|its\s+|a\s+)?(?:[\w'’-]+\s+){{0,3}}?(?i:{_ROLE_NOUN})\b"
)


def asks_role_holder(question: str) -> bool:
    """Does the question ask who holds a role ("Who runs the EAC?", "Who is the head of…")?"""
    return bool(_ASKS_ROLE_HOLDER.search(asked_part(question)))


def names_role_holder(sentence: str) -> bool:
    """Does the sentence name someone by the role they hold ("chaired by Dame Rosalind Achterberg",
    "EAC chair Anahit Melkonyan", "Sunil Varadarajan, who leads…")?"""
    return bool(_NAMES_ROLE_HOLDER.search(sentence))
