import pytest

from assistant.choices import Choice, asked_choice, compared_by_figures
from assistant.measures import measures, weighed, winner


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # Joined lengths of time are one; an age, a time after an event and a correction's old figure are none.
        (
            "Dominica's portal was unusable for 2 hours and 15 minutes on the night of the 5 October election, "
            "after an attack that peaked at 38 Gbps.",
            [(135.0, "duration", "2 hours and 15 minutes"), (38e9, "rate", "38 Gbps")],
        ),
        (
            "A 36-year-old was held for half an hour, three days after the election.",
            [(30.0, "duration", "half an hour")],
        ),
        ("The disruption lasted 63 minutes, not the 47 minutes first reported.", [(63.0, "duration", "63 minutes")]),
        ("It kept them offline for six days.", [(8640.0, "duration", "six days")]),
        # "by two hours" is a change, not how long something lasted.
        ("Officials had to extend voting by two hours at the affected sites.", []),
        # Sums keep their currency; data its scale; shares in either spelling.
        (
            "Recovery cost C$1.85 million, of which its insurer paid C$600,000.",
            [(1.85e6, "money", "C$1.85 million"), (6e5, "money", "C$600,000")],
        ),
        ("About 212 GB was copied.", [(212e9, "data", "212 GB")]),
        ("It cost ₹1.5 crore, against ₹90 lakh in 2024.", [(1.5e7, "money", "₹1.5 crore"), (9e6, "money", "₹90 lakh")]),
        (
            "Turnout was 71.3% there and 73.9 per cent nationally.",
            [(71.3, "share", "71.3%"), (73.9, "share", "73.9 per cent")],
        ),
        # Counts name what they count; a year, a date, a version, a ward and a time of day count nothing.
        (
            "Twenty-one clerks and about 14,000 compromised devices were involved in 2024, on March 3 and 17 May; "
            "version 5.7 in ward 17 failed at 6:40 p.m.",
            [(21.0, "count", "Twenty-one clerks"), (14000.0, "count", "14,000 compromised devices")],
        ),
    ],
)
def test_figures_are_read_with_what_they_measure(sentence: str, found: list[tuple[float, str, str]]) -> None:
    assert [(m.value, m.dimension, m.said) for m in measures(sentence)] == found


@pytest.mark.parametrize(
    ("question", "options", "asked", "compared", "smaller_wins"),
    [
        (
            "Was the denial-of-service attack on Dominica's results portal larger at its peak than the one on "
            "Hungary's results website?",
            ("the denial-of-service attack on Dominica's results portal", "the one on Hungary's results website"),
            "larger at its peak",
            "count",
            False,
        ),
        (
            "Were the Comorian election authority's systems out of action longer than Grenada's?",
            ("the Comorian election authority's systems out of action", "Grenada's"),
            "longer",
            "duration",
            False,
        ),
        (
            "Did the Aldmoor breach expose fewer records than the Brackley one?",
            ("the Aldmoor breach expose", "the Brackley one"),
            "fewer records",
            "count",
            True,
        ),
    ],
)
def test_a_yes_no_question_may_compare_two_things_it_names(
    question: str, options: tuple[str, str], asked: str, compared: str, smaller_wins: bool
) -> None:
    assert compared_by_figures(question) == Choice(options, asked, compared, smaller_wins)


@pytest.mark.parametrize(
    "question",
    [
        "Is Guyana hand-checking more polling stations than it did in 2025?",  # itself, at another time
        "Was the Kiribati contract worth more than AUD 500,000?",  # a figure the question gives
        "Did more Liechtenstein staff than Djiboutian poll workers hand over their credentials?",
        "Was the attack larger than first reported?",
    ],
)
def test_no_two_named_things_are_compared(question: str) -> None:
    assert compared_by_figures(question) is None


def test_the_figures_of_what_is_compared_settle_a_choice() -> None:
    longer = asked_choice("Whose website was down longer on count night, Hallowfield's or Wyckham's?")
    assert longer is not None
    first = "Hallowfield District Council's website was unreachable for 3 hours and 40 minutes on count night."
    second = "Wyckham Borough Council lost its website for 55 minutes during its own count on 4 July."
    figures = weighed(longer, first, second)
    assert figures is not None and [f.said for f in figures] == ["3 hours and 40 minutes", "55 minutes"]
    assert winner(longer, *figures) == 0
    sooner = Choice(longer.options, "was back up sooner", "duration", smaller_wins=True)
    assert winner(sooner, *figures) == 1
    # "Bigger at its peak" is traffic, though a length of time is stated too.
    peak = compared_by_figures("Was the attack on Angola's portal bigger at its peak than the one on Chad's site?")
    assert peak is not None
    angola = "Angola's portal was down for 3 hours after an attack that peaked at 38 Gbps."
    figures = weighed(peak, angola, "Chad's site was flooded with traffic that peaked at 1.2 Tbps for 20 minutes.")
    assert figures is not None and winner(peak, *figures) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Sums in different currencies do not compare; nor does a sentence with two sums the words cannot tell.
        ("The ransom demanded was $400,000.", "The ransom demanded was €350,000."),
        ("The ransom demanded was $400,000, and recovery cost $1.2 million.", "Its ransom demand was $90,000."),
        ("The ransom demanded was $400,000.", "The council did not say what was demanded."),
    ],
)
def test_figures_that_do_not_tell_settle_nothing(first: str, second: str) -> None:
    choice = asked_choice("Which council was asked for more money, Aldmoor or Brackley?")
    assert choice is not None and choice.compared == "money"
    assert weighed(choice, first, second) is None


def test_counts_weigh_only_when_they_count_alike() -> None:
    """ "Two district towns" does not weigh against "31,400 numbers", nor forwards against landlines; voter
    records do against voters, and two counts of what is asked against each other."""
    reach = compared_by_figures("Did the fake Hrdlicka audio reach more people than the Michigan robocall did?")
    assert reach is not None
    towns = "It said the hospitals in two district towns would be merged."
    assert weighed(reach, towns, "The company must send a correction to all 31,400 numbers.") is None
    forwards = "The voice note was forwarded about 4,100 times."
    assert weighed(reach, forwards, "About 2,300 landlines received the call.") is None
    exposed = asked_choice("Which exposed more people, the Bulgarian register leak or the Nova Scotia theft?")
    assert exposed is not None
    records = "The files contain 870,000 unique voter records, the directorate said."
    figures = weighed(exposed, records, "The stolen list held the names of 38,500 voters.")
    assert figures is not None and winner(exposed, *figures) == 0
    people = "The leak exposed 12,000 people, the office said."
    assert weighed(exposed, people, "The theft exposed 800 people.") is not None
