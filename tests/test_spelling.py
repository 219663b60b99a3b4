"""A misspelt question word is searched as the corpus word one edit away, and the answer says so."""

from __future__ import annotations

from collections import Counter

from assistant import Assistant
from assistant.spelling import corrected
from assistant.text import terms

CORPUS = (
    "The number of ballot scanners that received faulty firmware was 860. Officials in Slovenian towns "
    "received phishing emails. The Ostrevo server was exposed for 30 days. Uruguay's registry was hit by "
    "ransomware."
)
_HELD = Counter(terms(CORPUS))


def chunks_holding(term: str) -> int:
    return _HELD[term]


def test_a_misspelt_word_is_read_as_the_corpus_word_one_edit_away() -> None:
    assert corrected("how many scaners got the bad firmware", chunks_holding) == (
        "how many scanners got the bad firmware"
    )
    assert corrected("how many officials recieved the emails?", chunks_holding) == (
        "how many officials received the emails?"
    )
    assert corrected("which slovenain towns", chunks_holding) == "which slovenian towns"


def test_names_short_words_dictionary_words_and_corpus_words_are_left_alone() -> None:
    # A capitalised word may be a name the corpus lacks: what a near miss asks about, not a typo.
    assert corrected("How many Scaners got it?", chunks_holding) == "How many Scaners got it?"
    assert corrected("hw much was paid", chunks_holding) == "hw much was paid"  # too short to tell
    # A word the dictionary knows is no typo, though no article holds it ("scammers" is not "scanners").
    assert corrected("how many scammers were there", chunks_holding) == "how many scammers were there"
    # A word only the corpus knows is meant by a long typed word ...
    assert corrected("which ransomeware gang", chunks_holding) == "which ransomware gang"
    # ... but no people's word and no other ending of a corpus word is a typo: "uruguayant" and "phishes"
    # stem as "uruguay" and "phish" do.
    assert corrected("the uruguayan registry", chunks_holding) == "the uruguayan registry"
    assert corrected("could the phishers get in", chunks_holding) == "could the phishers get in"
    # Nothing one edit away in the corpus: left as typed.
    assert corrected("how many qwertyz were there", chunks_holding) == "how many qwertyz were there"


def test_the_answer_shows_the_question_as_searched(bot: Assistant) -> None:
    answer = bot.ask("Which Iranian group hacked the Trump campain?")
    assert answer.standalone_question == "Which Iranian group hacked the Trump campaign?"
    assert not answer.refused
    # Spelt right, it is searched as it stands.
    assert bot.ask("Which Iranian group hacked the Trump campaign?").standalone_question is None
