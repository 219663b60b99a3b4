"""Follow-ups on the offline default: made standalone from the history, then searched and answered."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.followups import is_follow_up, standalone_question

HACK = "Which Iranian group hacked the Trump campaign?"


@pytest.mark.parametrize(
    "question",
    [
        "What were their names?",
        "How did he lose his job?",
        "And in 2020?",
        "Who was charged?",
        "Were the men charged?",
        # A demonstrative or "there" standing for what the turn before named.
        "how much of that is the vendor covering?",
        "who heads threat intelligence there?",
        "Did the bureau itself ever come round to that?",
        # "its" as much as "their" (blind31: "Who leads its analysis work?" after the lab was asked for).
        "Who leads its analysis work?",
        # A demonstrative before any noun (blind33: "Was that figure later corrected?").
        "Was that figure later corrected?",
        "What did the board decide that day?",
        # ... or before a noun phrase whose first word is none ("polling", blind36).
        "Where had the handbooks been kept before that polling day?",
    ],
)
def test_questions_that_lean_on_the_history_are_follow_ups(question: str) -> None:
    assert is_follow_up(question)


@pytest.mark.parametrize(
    "question",
    [
        "What fine did the FCC impose on Steve Kramer?",
        "Which Russian companies ran the Doppelganger campaign?",
        "Is there evidence of fraud in Georgia's 2020 election?",
        "What did Microsoft say in its August 2024 report?",
        "What did the Trump campaign say about the Iranian hack?",
        # A relative "that", an existential "there".
        "Which firm said that the Doppelganger domains were registered in Moscow?",
        "Were there any arrests over the Fulton County ransomware attack?",
        # A demonstrative of now, or one before a clause.
        "How many polling places received bomb threats this year?",
        "Which agency said that the ballots were never counted twice in Fulton County?",
        # It names what "it" is by description (assistant.bridges resolves it): no earlier turn needed.
        "The company that built the EAC results page - what was it fined in Kazakhstan?",
    ],
)
def test_questions_that_name_their_subject_stand_alone(question: str) -> None:
    assert not is_follow_up(question)
    assert standalone_question(question, [("user", HACK), ("assistant", "IRGC. [1]")]) == question


def test_the_thread_of_follow_ups_carries_forward() -> None:
    history = [("user", HACK), ("assistant", "IRGC. [1]"), ("user", "What were their names?"), ("assistant", "…")]
    assert standalone_question("What were their names?", history[:2]) == (
        f"What were their names? (following up: {HACK})"
    )
    assert standalone_question("How old was the youngest?", history) == (
        f"How old was the youngest? (following up: What were their names?; {HACK})"
    )
    assert standalone_question("What were their names?", []) == "What were their names?"


def test_a_follow_up_is_answered_from_the_turn_before(bot: Assistant) -> None:
    robocalls = "Who ran the robocalls urging New Hampshire voters to save their vote for November?"
    first = bot.ask(robocalls)
    penalty = "What penalty did the FCC finally impose on him?"
    follow = bot.ask(penalty, history=[("user", robocalls), ("assistant", first.text)])
    # "him" is whom the first answer named.
    assert follow.standalone_question is not None
    assert follow.standalone_question.startswith(f"{penalty} (following up: {robocalls}; answered: ")
    assert "Steve Kramer" in follow.standalone_question
    assert not follow.refused and "$6 million" in follow.text
    assert first.standalone_question is None


def test_a_follow_up_carries_the_names_the_answer_gave_not_a_declined_turn() -> None:
    video = "Which Georgia official asked X to take down the fake Haitian-voter video?"
    answered = "On October 31, Georgia Secretary of State Brad Raffensperger called the video fake. [1] Elon Musk…"
    question = "What did he say about the Election Day bomb threats?"
    assert standalone_question(question, [("user", video), ("assistant", answered)]) == (
        f"{question} (following up: {video}; answered: Georgia Secretary of State Brad Raffensperger)"
    )
    declined = "The indexed sources do not answer this question."
    assert standalone_question(question, [("user", video), ("assistant", declined)]) == (
        f"{question} (following up: {video})"
    )
    # A name the questions already gave is no news: "President Donald Trump" after a question on Trump.
    trump = "Who hacked the Trump campaign?"
    history = [("user", trump), ("assistant", "President Donald Trump's campaign… [1]")]
    assert standalone_question("Were they charged?", history) == f"Were they charged? (following up: {trump})"


def test_a_follow_up_carries_a_person_the_answer_called_by_the_last_name_alone() -> None:
    """ "Camilleri sent the phishing email": who "he" is, though the answer never gives his first name; the
    place or the month it names is no one."""
    sent = "Who did prosecutors say sent the phishing email?"
    answered = "Prosecutors told the court in Valletta that Camilleri sent the phishing email in January. [1]"
    question = "What sentence did he receive?"
    assert standalone_question(question, [("user", sent), ("assistant", answered)]) == (
        f"{question} (following up: {sent}; answered: Camilleri)"
    )


def test_that_company_is_the_one_the_answer_named() -> None:
    """ "Who heads that company?": the company is one only the answer named, as "he" or "they" would be."""
    ran = "Who ran the fake-account network that targeted voters in Laos?"
    answered = "Threadloom said the network was operated by Velmora Media Group, a marketing company. [1]"
    question = "Who heads that company?"
    assert standalone_question(question, [("user", ran), ("assistant", answered)]) == (
        f"{question} (following up: {ran}; answered: Velmora Media Group)"
    )


def test_the_name_of_the_kind_asked_for_is_carried_though_its_head_was_asked() -> None:
    """ "Which lab…?" answered "…an analysis by the Tamarisk Audio Forensics Lab": "its" in the next question is
    the lab, though "lab" was a word of the question (a head the questions gave is otherwise no news)."""
    which = "Which lab analysed the fake Ferrandell recording?"
    answered = (
        "The recording of Noemí Ferrandell of the Blue Terrace Platform was a voice clone, according to an "
        "analysis published on Monday 29 June by the Tamarisk Audio Forensics Lab. [1]"
    )
    question = "Who leads its analysis work?"
    carried = standalone_question(question, [("user", which), ("assistant", answered)])
    assert carried.startswith(f"{question} (following up: {which}; answered: Tamarisk Audio Forensics Lab")


def test_the_name_introduced_as_the_kind_asked_for_is_carried_first() -> None:
    """ "Which company…?" answered "Lantern traced the network to Bluewater Reach, a marketing company": "it" is
    Bluewater Reach, not the researchers named before it."""
    which = "Which company ran the fake local news network on Corfu?"
    answered = (
        "The Lantern Research Collective traced the network to Bluewater Reach, a marketing company registered "
        "abroad. [1]"
    )
    question = "Has it commented on the researchers' findings?"
    carried = standalone_question(question, [("user", which), ("assistant", answered)])
    assert carried.startswith(f"{question} (following up: {which}; answered: Bluewater Reach")
