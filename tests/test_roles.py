"""Who holds a role (assistant/roles.py): the questions that ask it and the sentences that name it."""

from __future__ import annotations

import pytest

from assistant.roles import asks_role_holder, names_role_holder


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Who chairs the Democratic Resilience joint committee at Westminster?", True),
        ("Who runs the fact-checking outfit that picked apart the recording?", True),
        ("Who led the independent panel that looked into the portal failure?", True),
        ("Who's in charge of the county's elections?", True),
        ("Who is the head of the state elections bureau?", True),
        # Who did something, not who holds a role.
        ("Who hacked the campaign?", False),
        ("Who was charged over the robocalls?", False),
        ("What did the panel led by Dr. Odhiambo find?", False),
    ],
)
def test_a_question_that_asks_who_holds_a_role(question: str, asks: bool) -> None:
    assert asks_role_holder(question) is asks


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("The committee, chaired by Dame Rosalind Achterberg MP, took oral evidence.", True),
        ("The panel was chaired by Dr. Wanjiru Odhiambo, a former dean of engineering.", True),
        ("\"It's a cheap fake,\" said Rumah Fakta's editor, Sari Lestari.", True),
        ("EAC chair Anahit Melkonyan said that results were never at risk.", True),
        ("Sunil Varadarajan, who leads Pulsewave's threat disruption team, said so.", True),
        ("Anahit Melkonyan, the council's chair, said results were never at risk.", True),
        # A body introduced, a title quoted, a role without its holder: no one named by a role.
        ('The Joint Committee today publishes "Holding the Line: Securing the People".', False),
        ("The head of the agency said the attack was led by hackers in Iran.", False),
    ],
)
def test_a_sentence_that_names_who_holds_a_role(sentence: str, names: bool) -> None:
    assert names_role_holder(sentence) is names
