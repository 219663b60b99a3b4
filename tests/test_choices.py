import pytest

from assistant.choices import Choice, asked_choice
from assistant.questions import asked_kind, asked_thing, settles_choice


@pytest.mark.parametrize(
    ("question", "options", "compared"),
    [
        (
            "Whose website was down longer on count night, Hallowfield's or Wyckham's?",
            ("Hallowfield's", "Wyckham's"),
            "duration",
        ),
        (
            "Which happened first, the Civic Bridge email dump or the Moldovan results-portal outage?",
            ("the Civic Bridge email dump", "the Moldovan results-portal outage"),
            "date",
        ),
        (
            "Which recording reached more people: the Pell County auditor calls or the Assiniboine Ridge voice note?",
            ("the Pell County auditor calls", "the Assiniboine Ridge voice note"),
            "count",
        ),
        (
            "Which of the two fakes got more reach — the Carrick video in Ireland or the Whitcombe audio in NZ?",
            ("the Carrick video in Ireland", "the Whitcombe audio in NZ"),
            "count",
        ),
        (
            "Puerto Almendro's registry vs Datavale: who got their systems back sooner after LockMoth hit?",
            ("Puerto Almendro's registry", "Datavale"),
            "date",
        ),
        (
            "Which incident has the larger response bill: Calder County's ransomware attack or Montana's breach?",
            ("Calder County's ransomware attack", "Montana's breach"),
            "money",
        ),
    ],
)
def test_a_choice_between_named_options_and_what_settles_it(
    question: str, options: tuple[str, str], compared: str
) -> None:
    choice = asked_choice(question)
    assert choice is not None and choice.options == options and choice.compared == compared
    # It asks for what settles it, not for a name ("whose", "which incident"), nor for the word "incident".
    assert asked_kind(question) == choice.kind != "person"
    assert asked_thing(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "Did Fulton or Cobb see more threats?",  # a yes/no question
        "Which county, Fulton or Cobb, reported the breach?",  # nothing compared
        "Which firm examined the leak, Lumenfold or Calderwood?",
        "How did Curtis Lanning's sentence compare with what the prosecution asked for?",
    ],
)
def test_no_choice_is_asked(question: str) -> None:
    assert asked_choice(question) is None


@pytest.mark.parametrize(
    ("compared", "sentence", "settles"),
    [
        ("duration", "Hallowfield's website was unreachable for 3 hours and 40 minutes.", True),
        ("duration", "Wyckham lost its website from 1:15 a.m. on Friday during its own count.", False),
        ("count", "By then it had been viewed more than 210,000 times.", True),
        # A time of day, a length of time, a date and a year count nothing.
        ("count", "The 71-second video circulated from about 8.05pm on Sunday 24 November 2024.", False),
        ("date", "The emails were posted on a leak site on 15 September 2024.", True),
        ("date", "The emails were posted on a leak site.", False),
        ("money", "The bill has come in at about $2.3 million.", True),
        ("money", "The final cost was KSh 52 million.", True),
        ("money", "The attack hit 41,273 people.", False),
    ],
)
def test_what_settles_a_choice_is_stated(compared: str, sentence: str, settles: bool) -> None:
    assert settles_choice(sentence, Choice(options=("A", "B"), asked="", compared=compared)) is settles
