import pytest

from assistant.figure_claims import bound_terms, claimed_figure, stated_figure
from assistant.text import concept_terms


@pytest.mark.parametrize(
    ("question", "said", "only", "all_of"),
    [
        ("Was the dump Orrin Labs examined in the Gavle leak 4.1 GB?", "4.1 GB", False, False),
        ("Was the former clerk sentenced to six years in prison?", "six years", False, False),
        ("Did the ministry reach only 240 poll workers with the warning?", "240 poll workers", True, False),
        ("Did Streamhive remove all 640 accounts behind the clip?", "640 accounts", False, True),
        ("Were 12,500 records exposed?", "12,500 records", False, False),
        # A sum after a name is the sum paid, never a number of the name ("Tally 4.3").
        ("Did Kaleo Mendiola pay Harborline Dialing $5,400 to place the calls?", "$5,400", False, False),
    ],
)
def test_a_yes_no_question_may_state_a_figure_to_check(question: str, said: str, only: bool, all_of: bool) -> None:
    claim = claimed_figure(question)
    assert claim is not None
    assert (claim.figure.said, claim.only, claim.all_of) == (said, only, all_of)


@pytest.mark.parametrize(
    "question",
    [
        "Did about 3,000 voters get the text?",  # a rough figure
        "Were up to 500 accounts removed?",  # a bound that says how large it may have been, on no side
        "Has any county installed the KV-300 poll book software?",  # the number of a name
        "Has SB 2210 passed the state senate?",
        "Is Ballotline 6.2 certified yet?",
        "Was the portal down for 2 hours on 4 May and 3 hours on 6 May?",  # two figures
        "Was the portal attacked?",
    ],
)
def test_no_figure_to_check(question: str) -> None:
    assert claimed_figure(question) is None


def _stated(question: str, sentence: str) -> tuple[str, bool] | None:
    claim = claimed_figure(question)
    assert claim is not None
    found = stated_figure(claim, sentence, set(concept_terms(question)))
    return None if found is None else (found.said, found.same)


def test_of_several_figures_the_one_beside_the_questions_words_speaks() -> None:
    question = "Was turnout in Gavle's District 4 primary above 40 percent?"
    sentence = "Turnout in District 4 was 34 percent, the Gavle board said, compared with 46 percent island-wide."
    assert _stated(question, sentence) == ("34 percent", False)


def test_another_figure_of_the_same_thing_says_no() -> None:
    question = "Was the dump Orrin Labs examined in the Gavle leak 4.1 GB?"
    assert _stated(question, "The dump examined by the lab was 1.4 GB and held scanned forms.") == ("1.4 GB", False)
    assert _stated(question, "Orrin Labs examined a dump of 4.1 GB, the lab said.") == ("4.1 GB", True)
    # Taken back, corrected, compared with or given as a bound: not what the source states now.
    assert _stated(question, "An earlier version of this article said the dump examined was 1.4 GB.") is None
    assert _stated(question, "The dump examined was 900 MB, not the 4.1 GB first reported.") == ("900 MB", False)
    assert _stated(question, "The dump examined was smaller than the 6 GB stated in May.") is None
    assert _stated(question, "The dump examined was more than 2 GB.") is None
    # A figure of something else: another measure, or nothing the question puts beside its figure.
    assert _stated(question, "The dump examined took 3 days to index.") is None
    assert _stated(question, "Investigators later copied 9 GB of mail from the party's server.") is None


def test_a_figure_the_sentence_corrects_is_not_stated_and_a_verb_in_another_tense_is_beside_it() -> None:
    """ "held 11,640 records, not the roughly 8,000 it advertised" states 11,640 of what the file held ("hold"
    in the question, which no stemmer finds in "held"); the 8,000 it corrects states nothing."""
    question = "did the rarotonga voter file hold fewer than 10,000 records?"
    sentence = (
        "The data broker that advertised Rarotonga voter records before the August election held 11,640 records, "
        "not the roughly 8,000 it advertised, and sold the file to six buyers."
    )
    assert _stated(question, sentence) == ("11,640 records", False)


def test_only_and_all_are_gainsaid_by_a_larger_whole_and_a_part() -> None:
    only = "Did the phishing texts in the county reach only 240 poll workers?"
    # The first wave repeated beside the total: the total says no.
    total = "The texts first reached 240 poll workers; in total, 910 poll workers received the phishing texts."
    assert _stated(only, total) == ("910 poll workers", False)
    assert _stated(only, "The phishing texts reached 120 poll workers in the first hour.") is None
    every = "Did Streamhive take down all 640 accounts that pushed the clip?"
    assert _stated(every, "Streamhive took down 598 of the 640 accounts that pushed the clip.") == (
        "598 of the 640",
        False,
    )
    assert _stated(every, "Streamhive took down the 640 accounts that pushed the clip.") == ("640 accounts", True)


def test_rough_figures_near_the_claim_do_not_gainsay_it() -> None:
    question = "Was the registration portal down for 5 hours during the attack?"
    assert _stated(question, "The registration portal was down for about 4 hours and 50 minutes.") is None
    assert _stated(question, "The registration portal was down for about 2 hours during the attack.") == (
        "2 hours",
        False,
    )


@pytest.mark.parametrize(
    ("question", "said", "above", "inclusive"),
    [
        ("Was the vendor's contract worth more than €400,000?", "more than €400,000", True, False),
        ("Was the outage longer than 2 hours and 10 minutes?", "longer than 2 hours and 10 minutes", True, False),
        ("Was the attack under 2 Gbps at its peak?", "under 2 Gbps", False, False),
        ("Did the breach expose at least 4,800 records?", "at least 4,800 records", True, True),
    ],
)
def test_a_question_may_bound_its_figure(question: str, said: str, above: bool, inclusive: bool) -> None:
    claim = claimed_figure(question)
    assert claim is not None and claim.bound is not None
    assert (claim.said, claim.bound.above, claim.bound.inclusive) == (said, above, inclusive)


def test_a_figure_on_the_other_side_of_a_bound_says_no() -> None:
    question = "Did Kelvane take more than three weeks to fix the scanner flaw?"
    assert _stated(question, "Kelvane fixed the scanner flaw in 19 days.") == ("19 days", False)
    assert _stated(question, "Kelvane fixed the scanner flaw in 26 days.") == ("26 days", True)
    assert _stated(question, "Kelvane fixed the scanner flaw in 21 days.") == ("21 days", False)  # not more than
    # Said roughly and near the bound, or itself a bound: which side it lies on is not told.
    assert _stated(question, "Kelvane fixed the scanner flaw in about 20 days.") is None
    assert _stated(question, "Kelvane took more than two weeks to fix the scanner flaw.") is None
    at_least = "Did the breach at the county registry expose at least 4,800 records?"
    assert _stated(at_least, "The breach at the county registry exposed 4,800 records.") == ("4,800 records", True)
    assert _stated(at_least, "The breach at the county registry exposed 3,100 records.") == ("3,100 records", False)
    # The bound's own word beside a figure does not make it one of the thing.
    fewer = "Were fewer than 300 staff accounts compromised in the Kelso phishing?"
    assert _stated(fewer, "Fewer staff turned up: 412 staff accounts were later reset.") is None


def test_a_bound_the_question_sets_is_no_fact_to_find() -> None:
    assert bound_terms("Did the Ameland review cost over 25,000 euros?") == {"25,000"}
    assert bound_terms("Were fewer than 20 of the 246 stolen packs filled in?") == {"20"}
    assert bound_terms("Did the breach expose at least $4,800 in fees?") == {"4,800"}
    assert bound_terms("Did the review cost 27,400 euros?") == set()
