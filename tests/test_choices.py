import pytest

from assistant.choices import Choice, asked_choice
from assistant.measures import summands, summed_figure
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


@pytest.mark.parametrize(
    ("question", "options", "asked", "compared"),
    [
        (
            "Across the Turkmenistan phishing campaign and the Ethiopian portal attack, how many accounts were "
            "compromised in total?",
            ("the Turkmenistan phishing campaign", "the Ethiopian portal attack"),
            "how many accounts were compromised",
            "count",
        ),
        (
            "going by these reports how many results devices has corvane put out across ghana and kenya combined",
            ("ghana", "kenya"),
            "how many results devices has corvane put out",
            "count",
        ),
        # The total said first: "… in total in A and B".
        (
            "According to the latest reports, how many emails were sent in total in the Tokelau hoaxes and the "
            "Anse Lumignon scheme?",
            ("the Tokelau hoaxes", "the Anse Lumignon scheme"),
            "how many emails were sent",
            "count",
        ),
        (
            "For the Bahía Ledger case and the Guam calls, how much was paid altogether?",
            ("the Bahía Ledger case", "the Guam calls"),
            "how much was paid",
            "money",
        ),
    ],
)
def test_a_total_over_two_named_things_is_a_sum_of_their_figures(
    question: str, options: tuple[str, str], asked: str, compared: str
) -> None:
    choice = asked_choice(question)
    assert choice == Choice(options, asked, compared, summed=True)
    assert asked_kind(question) == choice.kind and asked_thing(question) is None


def test_a_total_of_one_thing_is_no_sum() -> None:
    assert asked_choice("How many accounts were compromised in total?") is None
    assert asked_choice("how many postal ballot packs did iceland send abroad in total for the referendum") is None
    # Two things, but no total asked: each is asked of on its own.
    assert asked_choice("Across Ghana and Kenya, how many devices failed?") is None


def test_the_sum_is_of_the_figures_of_what_is_asked() -> None:
    choice = asked_choice(
        "Across the Turkmenistan phishing campaign and the Ethiopian portal attack, how many accounts were "
        "compromised in total?"
    )
    assert choice is not None
    first = "Attackers gained access to the email accounts of 27 polling officials during a campaign of 340 emails."
    second = "Attackers broke into 58 candidate accounts in an attack that ran for 36 hours."
    addends = summands(choice, first, second)
    assert addends is not None and [m.said for m in addends] == ["27 polling officials", "58 candidate accounts"]
    assert summed_figure(*addends) == "85"
    # A sentence that states no figure of what is asked adds nothing.
    assert summands(choice, first, "The portal ran for 36 hours before it was shut.") is None
    money = asked_choice("For the Bahía Ledger case and the Guam calls, how much was paid altogether?")
    assert money is not None
    paid = summands(money, "She was paid $15,000 in cryptocurrency.", "Mendiola paid Harborline $4,500.")
    assert paid is not None and summed_figure(*paid) == "$19,500"
    # Sums in two currencies, or said with a scale, are not added up in words.
    assert summands(money, "She was paid $15,000.", "He paid €4,500.") is None
    scaled = summands(money, "The county paid $1.2 million.", "The board paid $400,000.")
    assert scaled is not None and summed_figure(*scaled) is None


def test_the_days_between_two_named_events_are_asked_as_a_choice_settled_by_dates() -> None:
    question = "How many days passed between Talvora detecting the ransomware and the PollPad failures?"
    assert asked_choice(question) == Choice(
        ("Talvora detecting the ransomware", "the PollPad failures"), "days between", "date", elapsed=True
    )
    assert asked_kind(question) == "date"
    assert asked_choice("How many days did the outage last?") is None
    # The days after (or before) one event that another came: the second event follows the last auxiliary.
    after = "How many days after the USB sticks were discovered at the count centre was the technician charged?"
    assert asked_choice(after) == Choice(
        ("the USB sticks were discovered at the count centre", "the technician charged"),
        "days between",
        "date",
        elapsed=True,
    )
    before = asked_choice("How many days before the referendum was the phone-shop clerk arrested?")
    assert before is not None and before.options == ("the referendum", "the phone-shop clerk arrested")
    # The second event's auxiliary has its subject after it; the first event's own does not ("were discovered").
    said = asked_choice("How many days after the sticks were found did officials say the scanners were clean?")
    assert said is not None and said.options == ("the sticks were found", "officials say the scanners were clean")
    named = asked_choice("How many days after the calls were reported was Remedios Fejeran told?")
    assert named is not None and named.options == ("the calls were reported", "Remedios Fejeran told")
