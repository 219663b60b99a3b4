"""What a sentence says its source does not know or does not name (assistant/unsaid.py), and the
answerer declining on it rather than quoting it as the answer."""

from __future__ import annotations

from datetime import date

import pytest

from assistant import Assistant
from assistant.extractive import _name_withheld, _said_not_known
from assistant.sentences import candidates
from assistant.types import DeclineReason
from assistant.unsaid import (
    asked_to_name,
    asks_maker,
    asks_motive,
    gives_model,
    kind_asked,
    kind_to_name,
    left_unnamed,
    model_asked,
    says_doer_unknown,
    says_motive_unknown,
    says_not_known,
    says_whether_unknown,
    says_which_unknown,
    ties_maker,
    withholds_name,
)
from tests.test_answers import _answerer, _passage


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Which registrar was used to register the domain?", "registrar"),
        ("Which German business paper did the phisher pretend to work for?", "paper"),
        ("Which incident-response firm is carrying out the review?", "firm"),
        ("In its report, which hosting company ran the sites?", "company"),
        ("Which DDoS protection vendors did the councils use?", "vendor"),
        ("Which contractor's VPN account was used in the breach?", "contractor"),
        ("Which judge is handling the Urnalink case?", "judge"),
        ("which rival campaign committee hired the consultancy", "committee"),
        # A party's list of candidates (blind36: "an organiser for one of the lists").
        ("Which list did the charged organiser work for?", "list"),
        # A command to name it, or "who was the <role or organisation>", asks the same.
        ("Name the political consultancy the voter data was offered to.", "consultancy"),
        ("who was the former contractor whose remote access account the attackers used", "contractor"),
        ("Who is the judge in the Urnalink case?", "judge"),
        ("What is the name of the campaign volunteer whose account was phished?", "volunteer"),
        # Terse: "name of the …?"; and the suspects of a case, whom police may not name.
        ("name of the school-transport firm whose database leaked the numbers?", "firm"),
        ("What are the names of the two suspects the unit identified?", "suspect"),
        # No organisation asked for, or none a vague mention leaves unnamed.
        ("Which states got the fake emails?", None),
        ("Which of the two parties told its activists to stand down?", None),
        ("Which site was down longer, the Asankrom site or the Lwanda portal?", None),
        ('Which real company matches the description of "U.S. Company-1"?', None),
        ("Which website should poll workers use?", None),
        ("Who ran the emails in which company's name the phishers wrote?", None),
        ("Who was the first to report the outage?", None),
        ("Name the two municipalities whose voters were exposed.", None),
    ],
)
def test_the_organisation_or_person_a_which_question_asks_to_be_named(question: str, noun: str | None) -> None:
    assert asked_to_name(question) == noun


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # A kind no list holds: the word that ends the words after "which", before a small word, a verb in
        # the past, a relative or a preposition; counting words and a name's words passed over.
        ("Which boatyard on Lastovo is run by Mirko Zaninović?", "boatyard"),
        ("Which voice-cloning tool was used to make the deepfake audio?", "tool"),
        ("Which two other platforms carried reposts of the fake audio?", "platform"),
        ("Which three municipalities were targeted by the fake texts?", "municipality"),
        ("Who is the senior NCSC Ireland person quoted in the advisories?", "person"),
        ("What is the name of the driver whose van was broken into?", "driver"),
        ("Who is the individual facing a criminal trial on fraud charges?", "individual"),
        ("What is the deckhand called who was stopped at the door?", "deckhand"),
        # A listed kind is the listed one.
        ("Which incident-response firm is carrying out the review?", "firm"),
        # Kinds a name does not answer: a day, a version, a charge, a website (named by its address).
        ("Which day was the portal down?", None),
        ("Which version of the software fixes the flaw?", None),
        ("On the verdict, which counts stuck and which didn't?", None),
        ("Which website should poll workers use?", None),
        # No "which" of its own, or a choice the question names.
        ("Who ran the emails?", None),
        ("Which site was down longer, the Asankrom site or the Lwanda portal?", None),
    ],
)
def test_the_kind_a_which_question_asks_to_be_named_whatever_its_word(question: str, kind: str | None) -> None:
    assert kind_asked(question) == kind


def test_the_kind_spoken_of_as_known_in_an_article_that_never_names_it_is_declined(bot: Assistant) -> None:
    """ "The print shop's owner has told police…" leans on "…printed at a print shop off the island" before it:
    "Which print shop…" is not answered (blind38). A passage that names it is not declined."""
    answerer = _answerer(bot)
    question = "Which print shop printed the fake Symi voting guide?"
    unnamed = _passage(
        "s1",
        "Police said 1,900 copies had been run off at a print shop off the island, paid for in cash. The print "
        "shop's owner has told police she thought the fake Symi voting guide it printed was an ordinary leaflet.",
        "Volunteer charged over fake Symi voting guide",
        date(2026, 9, 25),
    )
    answer = answerer(question, [unnamed])
    assert answer.refused and answer.declined_because == DeclineReason.UNNAMED
    named = _passage(
        "s2",
        "Police said 1,900 copies had been run off at Rhodes Copy Centre, a print shop off the island. The print "
        "shop's owner has told police she thought the fake Symi voting guide it printed was an ordinary leaflet.",
        "Volunteer charged over fake Symi voting guide",
        date(2026, 9, 25),
    )
    assert not answerer(question, [named]).refused


def test_a_kind_no_list_holds_spoken_of_without_its_name_is_declined(bot: Assistant) -> None:
    """ "Which boatyard…" is not answered by "…who runs a small boatyard": the sentence speaks of the kind asked
    for and gives no name. An article that names it answers."""
    answerer = _answerer(bot)
    question = "Which boatyard on Lastovo is run by Mirko Zaninović?"
    charged = _passage(
        "c1",
        "Dario Lešić, 33, a deckhand on the island's supply boat, and Mirko Zaninović, 51, who runs a small "
        "boatyard on Lastovo, were charged on Monday 6 July with making threats.",
        "Two men charged over threats to Lastovo candidate",
        date(2026, 7, 9),
    )
    answer = answerer(question, [charged])
    assert answer.refused and answer.declined_because == DeclineReason.UNNAMED
    assert "speaks of a boatyard but gives no name" in answer.text
    named = _passage(
        "c2",
        "Mirko Zaninović runs Zaklopatica Boats, a boatyard on Lastovo, where the letters were printed.",
        "Letters printed at Lastovo boatyard",
        date(2026, 7, 20),
    )
    answered = answerer(question, [charged, named])
    assert not answered.refused and "Zaklopatica Boats" in answered.text


@pytest.mark.parametrize(
    ("text", "noun", "unnamed"),
    [
        ("The domain was registered through a registrar in Iceland and paid for in bitcoin.", "registrar", True),
        ("She replied to someone posing as a reporter from a German business newspaper.", "paper", True),
        ("An unnamed insurer covered most of the ransom.", "insurer", True),
        ("A judge must still accept the charges before the case can go to trial.", "judge", True),
        ("The consultancy, the office said, had been hired by a rival campaign committee.", "committee", True),
        ("Lars Brenn, 51, an organiser for one of the lists, was charged on Monday.", "list", True),
        # Named beside the mention, before it or after it.
        ("Bluecrest Voice, a telecom company based in Ohio, said it had cut off the account.", "company", False),
        ("The domain was registered through a registrar, Njalla, in March.", "registrar", False),
        ("A group calling itself NoVoice Collective claimed the attack.", "group", False),
        ("Cloudwall is a vendor of DDoS protection.", "vendor", False),
        # A word that describes another is no organisation spoken of.
        ("The shutout gave him an Argentine national team record of 609 minutes.", "team", False),
        # Not spoken of at all: nothing said either way.
        ("The council moved its website behind a protection service.", "vendor", False),
    ],
)
def test_a_mention_that_leaves_an_organisation_unnamed(text: str, noun: str, unnamed: bool) -> None:
    assert left_unnamed(text, noun) is unnamed


def test_a_passage_that_names_the_organisation_elsewhere_leaves_it_named() -> None:
    said = "The domain was registered through a registrar in Iceland."
    assert not left_unnamed(said, "registrar", f"{said} The registrar, Njalla, did not respond.")
    assert left_unnamed(said, "registrar", f"{said} The site went up on April 21.")


@pytest.mark.parametrize(
    ("sentence", "question", "unknown"),
    [
        (
            "The leak site went offline in mid-January for reasons that are not publicly known.",
            "Why did the leak site go offline?",
            True,
        ),
        ("Police did not say why the office was targeted.", "Why was the office targeted?", True),
        (
            'MacIsaac said the office "does not know yet" whether the messages are the work of fraudsters.',
            "Are the scam texts ordinary fraud or aimed at the election?",
            True,
        ),
        ("The township declined to say how much it paid.", "How much did the township pay?", True),
        # Which state is behind it: no one has attributed it to one (though a group claimed the leak).
        (
            "No government or security company has publicly attributed the group to a state.",
            "Which country's government is Grey Heron working for?",
            True,
        ),
        (
            "No government or security company has publicly attributed the group to a state.",
            "Who claimed the leak of the party's emails?",
            False,
        ),
        # An attribution after all: "no" does not open the subject that links it.
        (
            "No arrests have been made, but Mandiant has linked the group to a government in Eastern Europe.",
            "Which country is behind Grey Heron?",
            False,
        ),
        (
            "Despite no official statement, Microsoft has linked the group to a state-backed unit.",
            "Which country is behind Grey Heron?",
            False,
        ),
        # Backing a resolution is no deed to be behind.
        (
            "No group has claimed responsibility for the attack.",
            "Which countries backed the resolution condemning the attack?",
            False,
        ),
        ("The township paid an undisclosed ransom.", "How much ransom did the township pay?", True),
        # Declining to comment tells nothing of why, whether or how much.
        (
            "A spokesperson said investigators would not comment on the Rook Syndicate.",
            "Why did the Rook Syndicate go after Saint-Aurele?",
            True,
        ),
        ("The council declined to comment on the ransom.", "Did the council pay the ransom?", True),
        ("The council declined to comment on the ransom.", "Who sent the ransom note?", False),
        # Who did it, or which group: not said.
        ("It did not say who was behind it.", "who was behind the phishing campaign against poll workers", True),
        (
            "No group has claimed responsibility for the attack.",
            "Which group carried out the DDoS attack on the results portal?",
            True,
        ),
        ("The attackers remain unidentified, police said.", "Who hacked the county's server?", True),
        (
            "The monitors said they had not been able to establish who paid for the pages.",
            "Who paid for the network of fake pages?",
            True,
        ),
        ("The report does not say who, if anyone, commissioned the network.", "Who was behind the network?", True),
        (
            "The unit said it was too early to attribute it to any group.",
            "Which group was responsible for the phishing of volunteers?",
            True,
        ),
        # Linked to no government: which one sponsors the group is not known (blind25 showed both missed).
        (
            "The agency has not linked Copperfin to any government, the review said.",
            "Which government is sponsoring Copperfin?",
            True,
        ),
        # The very deed asked, its doer not known.
        ("The office does not know who started the false messages.", "Who started the false messages?", True),
        ("The office does not know who started the false messages.", "Who shared the false messages?", False),
        (
            "The centre did not say which company had hosted the site or who had paid for the domain.",
            "Who paid for the domain of the fake results site?",
            True,
        ),
        (
            "The centre did not say which company had hosted the site.",
            "Which hosting company hosted the fake results site?",
            True,
        ),
        # A name withheld: the firm stands for the contractor asked about, not for the victims.
        ("She declined to name the firm.", "Which contractor created the exposed backup?", True),
        ("She declined to name the victims.", "Which contractor created the exposed backup?", False),
        # A claim is no attribution: "not attributed to any group" leaves who claimed it open.
        ("The commission has not attributed the attack to any group.", "Which group claimed the attack?", False),
        # What is said, or what is not known of something else.
        ("NoiseHarbor claimed responsibility for the attack.", "Which group carried out the attack?", False),
        ("The ministry did not say how many officials were affected.", "Who was behind the attack?", False),
        ("Police did not say who was behind the threats.", "What did he say about the volunteers who quit?", False),
        ("The leak site went offline after a police raid.", "Why did the leak site go offline?", False),
        ("The township paid $310,000.", "How much did the township pay?", False),
        (
            "The office does not know yet whether the messages are the work of fraudsters.",
            "Who sent the scam texts?",
            False,
        ),
        (
            "The site went offline for reasons that are not publicly known.",
            "How many visitors did the site have?",
            False,
        ),
        # Whether another deed was done, not told, leaves the asked one open; the asked one not told, or a
        # choice said unknown, does not.
        (
            "He declined to say whether the attack resembled the outage that hit the other portal.",
            "Did the attack use more machines than the one on the other portal?",
            False,
        ),
        # Asked when or where, the date or place not given (blind24 showed "has not announced a date" missed).
        (
            "Union council elections are still expected later this year; the board has not announced a date.",
            "When will Bangladesh hold its union council elections?",
            True,
        ),
        ("No date has yet been set for the trial.", "When does the trial start?", True),
        ("The council did not say when the audit would be published.", "When will the audit be published?", True),
        ("The council did not say where the servers were located.", "Where were the servers located?", True),
        # Asked someone's full name: a surname alone does not give it (blind26 showed it answered).
        (
            "The Directorate said the two, a 26-year-old developer identified only by the surname Choi, ran it.",
            "What is the full name of the 26-year-old charged over the attack?",
            True,
        ),
        ("The developer, Choi Min-jun, 26, ran the service.", "What is the full name of the developer?", False),
        ("The trial is set for 4 May.", "When does the trial start?", False),
        ("The council did not say when the audit would be published.", "How many servers were hit?", False),
        ("The board has not announced a date.", "Where were the servers located?", False),
        ("Tellaris declined to say whether it had paid the ransom.", "Did Tellaris pay the ransom?", True),
        # The motive not told, in other words (blind31).
        ("The police did not say what his motive might have been.", "Why did he send the threats?", True),
        (
            "The office does not know yet whether the messages are the work of fraudsters or aimed at the vote.",
            "Are the scam texts regular fraud or are they aimed at the election?",
            True,
        ),
    ],
)
def test_a_sentence_that_says_what_was_asked_is_not_known(sentence: str, question: str, unknown: bool) -> None:
    assert says_not_known(sentence, question) is unknown


def test_the_answerer_declines_when_its_best_sentence_says_the_answer_is_not_there(bot: Assistant) -> None:
    answerer = _answerer(bot)
    site = _passage(
        "g1",
        "Greyharbor's leak site listed 14 victims in 2024. The leak site went offline in mid-January "
        "for reasons that are not publicly known.",
        "Greyharbor leak site offline",
        date(2025, 2, 1),
    )
    why = answerer("Why did Greyharbor's leak site go offline in January?", [site])
    assert why.refused and why.declined_because == DeclineReason.NOT_KNOWN
    assert "Greyharbor leak site offline" in why.text
    raided = _passage("g2", site.text.replace("for reasons that are not publicly known", "after a police raid"), "T")
    assert not answerer("Why did Greyharbor's leak site go offline in January?", [raided]).refused

    domain = _passage(
        "b1",
        "The domain for The Brackenridge Files was registered on April 21 through a registrar in Iceland "
        "and paid for with cryptocurrency.",
        "Brackenridge leak site",
    )
    which = answerer("Which registrar was used to register the domain for The Brackenridge Files?", [domain])
    assert which.refused and which.declined_because == DeclineReason.UNNAMED
    assert "registrar" in which.text
    named = _passage("b2", domain.text.replace("a registrar in Iceland", "Njalla, a registrar in Iceland"), "T")
    answered = answerer("Which registrar was used to register the domain for The Brackenridge Files?", [named])
    assert not answered.refused and "Njalla" in answered.text


def test_a_sentence_that_declines_to_comment_answers_no_how_question(bot: Assistant) -> None:
    """It says nothing of how: the answer quotes the sentence that does, though it shares fewer words."""
    answerer = _answerer(bot)
    statement = _passage(
        "r1",
        "A spokesperson said investigators would not comment on how the Rook Syndicate got into the network. "
        "The attackers entered through a remote-access account that was not protected by multi-factor "
        "authentication.",
        "How the Rook Syndicate got into Saint-Aurele's network",
    )
    answer = answerer("How did the Rook Syndicate get into the Saint-Aurele network?", [statement])
    assert not answer.refused
    assert [c.quote for c in answer.citations] == [
        "The attackers entered through a remote-access account that was not protected by multi-factor authentication."
    ]


def test_a_role_before_a_name_names_the_person() -> None:
    said = "A judge must still accept the charges before the case can go to trial."
    assert not left_unnamed(said, "judge", f"{said} Judge Marta Reis set a hearing for 3 July.")
    assert left_unnamed(said, "judge", f"{said} No trial date has been set.")


def test_the_article_quoted_may_say_it_is_not_known_below_its_best_sentence(bot: Assistant) -> None:
    """Its closest sentences read as one: "It did not say who was behind it" is the answer to "who", not
    the agency that reported the emails. A later article that answers supersedes it."""
    answerer = _answerer(bot)
    early = _passage(
        "p1",
        "According to Claire Mounier of the national cyber agency, 1,240 poll workers in Vaucressac received "
        "phishing emails in February. "
        "It did not say who was behind the phishing campaign.",
        "Phishing emails target Vaucressac poll workers",
        date(2026, 2, 26),
    )
    who = answerer("Who was behind the phishing campaign against Vaucressac poll workers?", [early])
    assert who.refused and who.declined_because == DeclineReason.NOT_KNOWN
    later = _passage(
        "p2",
        "Prosecutors said a crew known as Grey Lantern was behind the phishing campaign against Vaucressac poll "
        "workers.",
        "Grey Lantern named over Vaucressac phishing",
        date(2026, 4, 2),
    )
    named = answerer("Who was behind the phishing campaign against Vaucressac poll workers?", [early, later])
    assert not named.refused and "Grey Lantern" in named.text


def test_a_later_article_that_says_it_is_not_known_either_supersedes_nothing(bot: Assistant) -> None:
    """A later article on another group that also says no government is linked to it answers nothing on the
    group asked about (blind25 showed it taken for an update)."""
    answerer = _answerer(bot)
    early = _passage(
        "c1",
        "The cyber agency has not linked Copperfin to any government, and its review makes no finding on who "
        "paid for the attack on the results portal.",
        "Review of the results portal attack",
        date(2026, 5, 12),
    )
    other = _passage(
        "c2",
        "The company said it had not linked Harbor Moth to any government and did not know who had commissioned "
        "the leak of party emails.",
        "Party email leak: company reports",
        date(2026, 7, 14),
    )
    answer = answerer("Which government is sponsoring Copperfin?", [early, other])
    assert answer.refused and answer.declined_because == DeclineReason.NOT_KNOWN


def test_who_did_the_very_deed_asked_may_be_said_unknown_anywhere_in_the_article(bot: Assistant) -> None:
    """Not only among its closest sentences: "does not know who started the false messages" is the answer to
    who started them, however many sentences on the messages match better."""
    statement = _passage(
        "m1",
        "The Tafea Electoral Office (TEO) is aware of messages claiming that voter cards from Port Lenakel will be "
        "cancelled. "
        "The claim that voter cards will be cancelled is false. Voter cards from Port Lenakel remain valid. "
        "Messages about voter cards should be checked with the office. The office asks the public not to share "
        "messages about cancelled voter cards. The office is reviewing its printing contract for voter cards. "
        "The office does not know who started the false messages.",
        "Statement on false claims about Port Lenakel voter cards",
        date(2025, 3, 19),
    )
    answer = _answerer(bot)(
        "Who started the false messages claiming Port Lenakel voter cards would be cancelled?", [statement]
    )
    assert answer.refused and answer.declined_because == DeclineReason.NOT_KNOWN


@pytest.mark.parametrize(
    ("sentence", "question", "unknown"),
    [
        ("The police did not say what his motive might have been.", "Why did Mikkel Sonne-Aagaard send them?", True),
        ("The office would not comment on a possible motive.", "Why did Lesedi Baleseng move the voters?", True),
        ("The court made no finding on motive.", "Why did Lesedi Baleseng move the voters?", True),
        ("Prosecutors have not given a motive.", "Why did Nunzio Cavallaro Fichera cut the cables?", True),
        # "No reason" given, or none given yet (blind36: read as a reason because it says "reason").
        (
            "Police have given no reason why he is alleged to have moved the seals.",
            "Why did Orrin Vale-Mather allegedly move the seals?",
            True,
        ),
        ("No motive has yet been given for the attack.", "Why did Orrin Vale-Mather cut the cable?", True),
        # Why a thing happened is no person's motive; nor is another's reason not told.
        ("The office would not comment on a possible motive.", "Why was the clerk able to approve transfers?", False),
        ("The council did not say why the audit was delayed.", "Why did Lesedi Baleseng move the voters?", False),
    ],
)
def test_a_persons_motive_said_not_told(sentence: str, question: str, unknown: bool) -> None:
    assert (asks_motive(question) and says_motive_unknown(sentence)) is unknown


def test_why_said_not_told_anywhere_in_the_article_when_its_lead_gives_no_reason(bot: Assistant) -> None:
    """blind31: asked why the man sent the threats, the arrest sentence naming him gives no reason, and the
    article says, paragraphs below, that the police did not say what his motive was."""
    text = (
        "A 19-year-old man has been charged with sending the emailed bomb threats that disrupted the referendum. "
        "Threats were sent to 14 polling stations, and six were evacuated. The longest interruption lasted 95 "
        "minutes.\n\nThe man was arrested at his home on Friday 9 October and named at a preliminary hearing the "
        "next day as Mikkel Sonne-Aagaard. He was charged with making threats and remanded in custody.\n\n"
        "The police believe the same man sent hoax threats to schools in August. The police said they had found "
        "nothing to suggest that he acted for any group, and did not say what his motive might have been."
    )
    arrest = _passage("t1", text, "Teenager charged over referendum bomb threats", date(2026, 10, 14))
    answerer = _answerer(bot)
    why = answerer("Why did Mikkel Sonne-Aagaard send the threats?", [arrest])
    assert why.refused and why.declined_because == DeclineReason.NOT_KNOWN
    # Where the lead gives a reason, the article's silence elsewhere says nothing of it.
    told = _passage("t2", text.replace("in custody.", "in custody because he wanted the vote cancelled."), "T")
    assert not answerer("Why did Mikkel Sonne-Aagaard send the threats?", [told]).refused


def test_a_figure_said_unknown_beside_the_answer_may_be_another_figure(bot: Assistant) -> None:
    """Only who did it is read from the closest sentences beside the lead: the votes a clip cost her are not
    the votes she got."""
    result = _passage(
        "v1",
        "Ms Prado was elected to the state assembly on 4 October with 38,214 votes. She said she did not know "
        "how many votes the fake clip had cost her.",
        "Prado elected to state assembly",
        date(2026, 10, 5),
    )
    answer = _answerer(bot)("how many votes did helena prado get", [result])
    assert not answer.refused and "38,214" in answer.text


def test_the_kind_a_which_question_asks_to_name_with_its_describing_words() -> None:
    assert kind_to_name("Which threat group was tied to both attacks?") == ("group", ("threat",))
    assert kind_to_name("Which consultancy was linked to the pages?") == ("consultancy", ())
    # A riddle describes the one it means after a comma: no kind to look for.
    assert kind_to_name("Which company, recently reviewed by TechCrunch for its laptop, is known for privacy?") is None
    assert kind_to_name("How many pages were there?") is None


@pytest.mark.parametrize(
    ("sentence", "question", "unknown"),
    [
        (
            "Tellaris declined to say whether it had paid the US$2.5 million ransom.",
            "Did Tellaris Election Systems pay NightTally's ransom?",
            True,
        ),
        ("The county would not say whether it had paid.", "Did the county pay the ransom?", True),
        # Whether something else was done.
        (
            "Tellaris declined to say whether it had informed its other clients.",
            "Did Tellaris pay the ransom?",
            False,
        ),
        ("Tellaris paid the ransom in July.", "Did Tellaris pay the ransom?", False),
        ("Tellaris declined to say whether it had paid.", "How much did Tellaris pay?", False),  # not whether
        # Done to something else than the question names.
        (
            "The CEC did not say whether it would publish the full audit log.",
            "Did the CEC publish turnout figures for each ward?",
            False,
        ),
    ],
)
def test_a_sentence_that_says_whether_the_asked_deed_was_done_is_not_told(
    sentence: str, question: str, unknown: bool
) -> None:
    assert says_whether_unknown(sentence, question) is unknown


@pytest.mark.parametrize(
    ("sentence", "question", "withheld"),
    [
        ("She declined to name the firm.", "Which contractor created the exposed backup?", True),
        (
            "It said it had hired an outside incident-response firm, which it did not name.",
            "Which incident-response firm did Tellaris hire?",
            True,
        ),
        # Withheld after the mention, an organisation may be called by what it does.
        (
            "The portal is operated by a third-party payroll contractor, which the authority did not name.",
            "Which company operates the payroll portal?",
            True,
        ),
        (
            "The portal is operated by Paylink, a payroll contractor, which the authority hired in 2024.",
            "Which company operates the payroll portal?",
            False,
        ),
        # The organisation is the one that does not name something, or names what is not asked.
        (
            "The leak was confirmed by a security firm that did not identify the hackers.",
            "Which security firm confirmed the leak?",
            False,
        ),
        (
            "The claim was first made by a local newspaper, which did not name its sources.",
            "Which paper ran it?",
            False,
        ),
        # A person withheld is no organisation.
        (
            "The portal is operated by a contractor, whose engineer the authority did not name.",
            "Which judge heard the case?",
            False,
        ),
        # The name not given, of the noun asked or of "that person".
        ("They did not give that person's name.", "Who was the former employee that police questioned?", True),
        ("The office has not released the clerk's name.", "Which clerk altered the records?", True),
        # Giving a name to something, a name of no noun ("his name": an anonymous source, maybe), the name of
        # another.
        ("The company did not give its name to the product.", "Which employee wrote the code?", False),
        ("Police did not give his name.", "Who was the former employee that police questioned?", False),
        ("The office has not released the clerk's name.", "Which vendor supplied the scanners?", False),
        # An anonymous source, a name change.
        (
            "A voter who would not give her name said she saw the employee deleting files.",
            "Who was the employee that deleted the files?",
            False,
        ),
        ("The vendor did not disclose its name change.", "Which vendor supplied the scanners?", False),
        # Withheld of a pronoun after the mention; not of another noun's.
        (
            "He said his unit had identified two suspects, neither of them local, but declined to name them.",
            "What are the names of the two suspects the unit identified?",
            True,
        ),
        (
            "Police questioned the suspects' lawyers but declined to name them.",
            "Which judge heard the case?",
            False,
        ),
    ],
)
def test_a_sentence_that_withholds_the_name_asked_for(sentence: str, question: str, withheld: bool) -> None:
    assert withholds_name(sentence, question) is withheld


def test_a_name_withheld_in_an_earlier_article_is_not_given_by_a_later_one_that_names_none(bot: Assistant) -> None:
    """The earlier report says the firm hired was not named; the later one, which leads, speaks of "the outside
    incident-response firm" and names none either: the answer says no name is given. A later report that
    does name the firm answers."""
    answerer = _answerer(bot)
    question = "Which incident-response firm did Tellaris hire to investigate the ransomware attack?"
    early = _passage(
        "t1",
        "A ransomware attack on Tellaris Election Systems has halted voter-list updates. Tellaris said it had "
        "informed the police and hired an outside incident-response firm, which it did not name.",
        "Ransomware attack on election vendor Tellaris",
        date(2026, 7, 2),
    )
    later = _passage(
        "t2",
        "Tellaris now says 61 servers were encrypted in the ransomware attack. The outside incident-response firm "
        "working for Tellaris also found that the attackers had copied about 212 GB of data.",
        "Tellaris now says 61 servers were hit",
        date(2026, 7, 24),
    )
    answer = answerer(question, [early, later])
    assert answer.refused and answer.declined_because == DeclineReason.UNNAMED
    assert "speaks of a firm but gives no name" in answer.text
    named = _passage(
        "t3",
        "Tellaris said Brightwater Forensics, an incident-response firm based in Toronto, was investigating the "
        "ransomware attack.",
        "Tellaris names investigator",
        date(2026, 7, 30),
    )
    answered = answerer(question, [early, later, named])
    assert not answered.refused and "Brightwater Forensics" in answered.text


def test_a_name_withheld_is_given_by_a_later_article_that_calls_it_by_another_noun(bot: Assistant) -> None:
    """ "Which company…" withheld as "a third-party payroll contractor, which the authority did not name"; a
    later article introduces "Paylink, a payroll contractor": that names the company."""
    answerer = _answerer(bot)
    question = "Which company operates the Riga payroll portal?"
    early = _passage(
        "r1",
        "Staff were asked to sign in to what looked like the Riga payroll portal. The portal is operated by a "
        "third-party payroll contractor, which the authority did not name. The authority has hired Meridian Nine "
        "Security, an incident-response consultancy, to review its email system.",
        "Riga election staff phished",
        date(2026, 3, 4),
    )
    withheld = answerer(question, [early])
    assert withheld.declined_because in (DeclineReason.UNNAMED, DeclineReason.NOT_KNOWN)
    later = _passage(
        "r2",
        "The Riga payroll portal is run by Paylink, a payroll contractor, the authority said on Tuesday.",
        "Riga names payroll contractor",
        date(2026, 4, 22),
    )
    answered = answerer(question, [early, later])
    assert not answered.refused and "Paylink" in answered.text


def test_whether_the_deed_asked_was_done_may_be_said_untold_in_a_later_article(bot: Assistant) -> None:
    answerer = _answerer(bot)
    early = _passage(
        "n1",
        "A criminal group calling itself NightTally demanded a ransom of US$2.5 million from Tellaris. "
        "29 June 2026: NightTally posts a ransom note naming Tellaris on its leak site.",
        "Ransomware attack on Tellaris",
        date(2026, 7, 2),
    )
    later = _passage(
        "n2",
        "Tellaris now says 61 servers were encrypted. NightTally posted a sample of 300 records. Tellaris declined "
        "to say whether it had paid the US$2.5 million ransom, or any amount, citing advice from law enforcement.",
        "Tellaris update",
        date(2026, 7, 24),
    )
    answer = answerer("Did Tellaris Election Systems pay NightTally's ransom?", [early, later])
    assert answer.refused and answer.declined_because == DeclineReason.NOT_KNOWN
    # Another's deed said untold is not this one's: Harbor County's ransom says nothing of whether Tellaris paid.
    paid = _passage(
        "n3", "Tellaris paid the NightTally ransom on 3 July, its filing shows.", "Tellaris paid", date(2026, 7, 5)
    )
    other = _passage(
        "n4",
        "Harbor County declined to say whether it had paid the ransom demanded by another group.",
        "Harbor County ransomware",
        date(2026, 7, 10),
    )
    assert not answerer("Did Tellaris pay NightTally's ransom?", [paid, other]).refused


def test_an_unnamed_organisation_is_called_what_the_source_calls_it(bot: Assistant) -> None:
    """The decline says the noun the source used, with its article: "an agency", and "a contractor" for a
    company asked."""
    answerer = _answerer(bot)
    agency = _passage(
        "a1",
        "The Riga election office hired an outside agency to review its email system after the phishing campaign. "
        "Its director, Ilze Berzina, said the office had also informed CERT.LV, the national response team.",
        "Riga election office hires reviewer",
        date(2026, 3, 4),
    )
    answer = answerer("Which agency did the Riga election office hire to review its email system?", [agency])
    assert answer.declined_because == DeclineReason.UNNAMED and "speaks of an agency but" in answer.text
    portal = _passage(
        "a2",
        "Staff were asked to sign in to what looked like the Riga payroll portal. The Riga payroll portal is "
        "operated by a third-party payroll contractor, which the Riga authority did not name. The authority has "
        "hired Meridian Nine Security, an incident-response consultancy, to review its email system.",
        "Riga election staff phished",
        date(2026, 3, 5),
    )
    answer = answerer("Which company operates the Riga payroll portal?", [portal])
    assert answer.refused and "a company" not in answer.text


def test_a_name_withheld_in_the_sentence_after_one_of_the_closest() -> None:
    """The withholding sentence matches the question too little to be among the six closest ("They did not
    give that person's name."), but it follows one that is: the name is withheld."""
    question = "Who was the former registry employee that police questioned in the records case?"
    sentences = [
        "Police said a second person, a former employee of the registry, had been questioned in the records case.",
        "They did not give that person's name.",
        *(f"Registry chief Lesego Ditshwanelo spoke of the records case on day {n}." for n in range(1, 8)),
    ]
    pool = candidates([_passage("b1", " ".join(sentences), "Registry clerk suspended", date(2026, 5, 21))])
    order = [0, *range(2, len(pool)), 1]  # the withholding sentence last
    found = _name_withheld(question, pool, order, typed=order[2:])
    assert found is not None and found[0].text == sentences[1] and found[1] == "person"


def test_who_did_it_said_still_to_be_established_is_not_known() -> None:
    question = "Who paid Cinder Lattice to take down the results site?"
    assert says_doer_unknown('"We are still working to establish who paid it," she said.', question)
    assert not says_doer_unknown('"We know who paid it," she said.', question)


def test_a_name_given_only_in_part_beside_the_lead_leaves_the_full_name_unknown() -> None:
    """The lead says two people were charged; the sentence after it gives only their surnames: asked their first
    names, the article says they are not given."""
    question = "What are the first names of the two people charged over the results-site attack?"
    sentences = [
        "Prosecutors have charged two people over the attack that took the results site offline in June.",
        "The two, a software developer identified only by the surname Choi and a former technician identified "
        "only by the surname Ryu, were charged under the network act.",
    ]
    pool = candidates([_passage("k1", " ".join(sentences), "Two charged over results-site attack", date(2026, 10, 13))])
    found = _said_not_known(question, pool, order=[0, 1], typed=[0, 1])
    assert found is not None and found.text == sentences[1]
    # Asked who was charged, the surnames answer.
    assert _said_not_known("Who was charged over the results-site attack?", pool, order=[0, 1], typed=[0, 1]) is None


def test_which_of_a_kind_said_not_told_is_said_not_known() -> None:
    """ "Which parties did Lagoonside work for?" is left open by "does not say which candidates or parties the
    consultancies worked for", in the question's own noun; not by a sentence that leaves open something else."""
    question = "Which parties did Lagoonside Consulting work for during the Rarotonga campaign?"
    unsaid = "The report does not say which candidates or parties the consultancies worked for during the campaign."
    assert says_which_unknown(unsaid, question)
    assert says_not_known(unsaid, question)
    assert not says_which_unknown("The report does not say which villages the records came from.", question)
    assert not says_which_unknown("The consultancies worked for two parties, the report says.", question)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Who made the fake video of the council president?", True),
        ("who was behind the february ddos on that voter-info page", True),
        ("What did police conclude about who made the fake audio?", True),
        ("Who sent the forged letter that got the helpline diverted?", True),
        # Who printed or supplied a thing (blind36: the handbooks' printer, the capsules' supplier, never named).
        ("Who printed the polling-station handbooks?", True),
        ("Who supplied the capsules used in the draw?", True),
        ("Who leaked the file?", False),
        ("Did the bureau change its position on naming who was behind the leak?", False),
    ],
)
def test_a_question_that_asks_who_made_a_thing_or_was_behind_a_deed(question: str, asks: bool) -> None:
    assert asks_maker(question) is asks


@pytest.mark.parametrize(
    ("sentence", "ties"),
    [
        ("The scanners are made by Lagoonmark Imaging.", True),
        ("The office said the infrastructure overlapped with a criminal group it tracks as Copper Lantern.", True),
        ("Police traced the account to a consultant paid 3,000 euros by an unnamed client.", True),
        ("Prosecutors charged a 24-year-old student with making the clip.", True),
        ("Bluewater Reach ran the network from an office abroad.", True),
        ("The forged letter was sent by a former employee, police said.", True),
        ("The handbooks were printed by Fernlea Print of the harbour road.", True),
        # The deed told without its doer, or done with a tool: no one named.
        ("The clip was produced with voice-cloning software, a forensic firm said.", False),
        ("It was generated by an AI voice tool, the lab found.", False),
        ("The footage used in the fake appears to come from a genuine news conference.", False),
    ],
)
def test_what_ties_someone_to_making_a_thing(sentence: str, ties: bool) -> None:
    assert ties_maker(sentence) is ties


def test_who_made_a_thing_is_declined_when_no_close_sentence_ties_anyone_to_it(bot: Assistant) -> None:
    """ "Who made the fake video…?" over sentences that tell of the fake, of who examined it and where it spread,
    but tie no one to making it: declined (held-003, blind24-060 and the like answered with the examiner's or
    the candidate's name). Once a sentence says who made it, it is answered."""
    text = (
        "A fake video of council president Aurelio Benavent-Sosa spread on Monday 19 October. "
        "The footage used in the fake appears to come from a genuine news conference he gave in September. "
        "Forensic analyst Dana Ruiz of the Lumen Lab said the clip had been edited with commercial software. "
        "The clip was shared 40,000 times on Chatterbloom before Parlora Media removed its copies."
    )
    question = "Who made the fake video of council president Aurelio Benavent-Sosa?"
    told = _answerer(bot)(question, [_passage("v1", text, "Fake council video", date(2026, 10, 21))])
    assert told.refused and told.declined_because is DeclineReason.UNNAMED
    traced = f"{text} Police said the fake video of Benavent-Sosa was made by a campaign volunteer, Marco Ibarra."
    answered = _answerer(bot)(question, [_passage("v2", traced, "Fake council video", date(2026, 10, 24))])
    assert not answered.refused


@pytest.mark.parametrize(
    ("sentence", "gives"),
    [
        ("Police found a Vireo X2 camera inside the lamp.", True),
        ("They found a camera, a Kestrel 4K, in the lamp housing.", True),
        ("The camera was made by Lumo, the lab said.", True),
        # Where or when it was, or the question's own place, is no make or model.
        ("Police removed a miniature camera from the lamp housing on Sunday.", False),
        ("The Ustica camera filmed 212 voters.", False),
        ("Anyone who filmed the camera on Sunday night should call the police.", False),
    ],
)
def test_a_sentence_that_gives_the_make_or_model_of_a_thing(sentence: str, gives: bool) -> None:
    question = "What make and model of camera was hidden in the Ustica polling booth lamp?"
    assert model_asked(question) == "camera"
    assert gives_model(sentence, "camera", {w.lower() for w in question.split()}) is gives


def test_a_question_of_a_make_or_model_is_declined_when_no_sentence_gives_one(bot: Assistant) -> None:
    """ "What model of drone…?" over sentences that tell of the drone and who flew it, but give no make or model:
    declined (blind33-011 and blind35-048 were answered with the flight). Once a sentence names the model, it is
    answered."""
    text = (
        "A drone hovered outside the sports hall in Lindhafen on Sunday while staff counted ballots. "
        "Soren Pahlke, a campaign volunteer, admitted flying the drone and posting the clip. "
        "The district court fined Pahlke 2,400 euros on Friday 17 July."
    )
    question = "What model of drone did Pahlke fly outside the Lindhafen count?"
    told = _answerer(bot)(question, [_passage("d1", text, "Drone at the count", date(2026, 7, 18))])
    assert told.refused and told.declined_because is DeclineReason.UNNAMED
    named = f"{text} Pahlke flew a Skyhawk M3 drone he had bought online."
    answered = _answerer(bot)(question, [_passage("d2", named, "Drone at the count", date(2026, 7, 19))])
    assert not answered.refused


def test_why_a_person_did_a_thing_is_declined_when_no_close_sentence_says_why(bot: Assistant) -> None:
    """ "Why did Graham Olsberg add ballot papers…?" over sentences that say what the boxes held and whose keycard
    opened the room, and nothing of why: declined (blind35-057). Once a sentence gives his purpose, answered."""
    text = (
        "An independent review found that three boxes of advance votes on Chatham had their seals cut and replaced. "
        "The boxes contained 23 ballot papers that no voter had cast. "
        "The keycard used that night was issued to the building's caretaker, Graham Olsberg, 58."
    )
    question = "Why did Graham Olsberg add ballot papers to the Chatham advance-vote boxes?"
    told = _answerer(bot)(question, [_passage("c1", text, "Chatham seal review", date(2026, 6, 9))])
    assert told.refused and told.declined_because is DeclineReason.THING_NOT_MENTIONED
    said = f"{text} Olsberg told police he added the papers because he wanted his cousin's list to win a seat."
    answered = _answerer(bot)(question, [_passage("c2", said, "Chatham seal review", date(2026, 6, 10))])
    assert not answered.refused


def test_a_sentence_that_says_no_reason_was_given_gives_no_reason(bot: Assistant) -> None:
    """ "Police have given no reason why he is alleged to have re-cut the templates" speaks of a reason and gives
    none: the question why is declined as not known (blind36-026 was answered with it and the charge)."""
    text = (
        "Orrin Vale-Mather, 38, a volunteer who helped assemble the voting kits, was charged on Thursday 3 September "
        "with interfering with election materials. "
        "Police have given no reason why he is alleged to have re-cut the templates."
    )
    question = "Why did Orrin Vale-Mather allegedly re-cut the Harrowby templates?"
    told = _answerer(bot)(question, [_passage("t1", text, "Harrowby templates charge", date(2026, 9, 4))])
    assert told.refused and told.declined_because is DeclineReason.NOT_KNOWN
