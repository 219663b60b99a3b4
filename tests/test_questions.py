from assistant.questions import fits_question_type, focus_terms, proper_nouns


def test_numbers_must_be_quantities_next_to_what_is_asked() -> None:
    q = "How many internet domains did the Justice Department seize?"
    assert focus_terms(q) == {"internet", "domain"}
    assert fits_question_type("On September 4, 2024, it seized 32 internet domains.", q)
    assert not fits_question_type("On September 4, 2024, the Justice Department acted.", q)  # dates are no answer
    far = "It seized the domains, and later, in several other and quite unrelated cases, prosecutors filed 32 motions."
    assert not fits_question_type(far, q)  # a number far from "domains" is about something else


def test_money_questions_need_a_sum() -> None:
    q = "How much ransom did LockBit demand from Fulton County?"
    assert not fits_question_type("The LockBit ransomware group claimed the attack in January 2024.", q)
    assert fits_question_type("LockBit demanded $2 million.", q)


def test_name_questions_need_a_name_near_the_role() -> None:
    q = "What is the name of the former senior advisor whose account was hijacked?"
    assert not fits_question_type("The message went out from the account of a former senior advisor.", q)
    assert fits_question_type("The former senior advisor, Jane Roe, lost control of her account.", q)
    assert fits_question_type("Steve Kramer was indicted.", "Who was indicted?")


def test_proper_nouns_skip_the_first_word_and_calendar_names() -> None:
    assert proper_nouns("How many Spamouflage accounts did Meta remove in June?") == ["Spamouflage", "Meta"]
