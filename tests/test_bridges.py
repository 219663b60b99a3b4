"""Questions that name what they ask about only by description ("The company that built the results page —
what was it fined?"): the name is read first, in a search of its own, then what is asked of it is searched
and answered, quoting both the sentence that gave the name and the answer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.bridges import Resolved, described, resolve
from assistant.extractive import ExtractiveAnswerer
from assistant.mentions import introductions, referents
from assistant.types import Flag, Passage

FINED = "The company that built the EAC results page - what was it fined in Kazakhstan?"


@pytest.mark.parametrize(
    ("question", "description", "asked"),
    [
        (FINED, "The company that built the EAC results page", "what was it fined in Kazakhstan?"),
        (
            "The hacktivists who took Finland's results page offline — did they hit anything in the UK too?",
            "The hacktivists who took Finland's results page offline",
            "did they hit anything in the UK too?",
        ),
        (
            "The platform the MalabrigoFiles links were pushed on: how many accounts did it take down?",
            "The platform the MalabrigoFiles links were pushed on",
            "how many accounts did it take down?",
        ),
        (
            "The Georgia county that LockBit claimed to have hit: which of its polling sites were evacuated?",
            "The Georgia county that LockBit claimed to have hit",
            "which of its polling sites were evacuated?",
        ),
        (
            "The firm that judged the recording to be synthetic also examined the leak. What did it find there?",
            "The firm that judged the recording to be synthetic also examined the leak",
            "What did it find there?",
        ),
    ],
)
def test_a_question_that_opens_with_a_description_is_read_as_one(question: str, description: str, asked: str) -> None:
    found = described(question)
    assert found is not None
    assert (found.description, found.asked) == (description, asked)


@pytest.mark.parametrize(
    "question",
    [
        "What was Steppe Data Systems fined in Kazakhstan?",
        "The report says turnout fell: by how much?",  # nothing points back at what it describes
        "The FCC fined Lingo Telecom: how much did it pay?",  # names whom it speaks of
        "Which company, reported on by TechCrunch and The Verge, faces an antitrust suit over its app store?",
    ],
)
def test_other_questions_open_with_no_description(question: str) -> None:
    assert described(question) is None


def test_the_description_is_asked_on_its_own_of_the_noun_it_describes() -> None:
    fined = described(FINED)
    assert fined is not None
    assert (fined.head, fined.as_question) == ("company", "Which company built the EAC results page")
    pushed = described("The platform the links were pushed on: how many accounts did it remove?")
    assert pushed is not None
    assert (pushed.head, pushed.as_question) == ("platform", "Which platform the links were pushed on")


def _passage(chunk: str, text: str, title: str, flags: tuple[Flag, ...] = ()) -> Passage:
    return Passage(
        chunk_id=chunk,
        article_id=chunk,
        path=f"{chunk}.md",
        title=title,
        source="",
        published=None,
        start=0,
        end=len(text),
        score=1.0,
        text=text,
        flags=flags,
    )


def _same_weight(term: str) -> float:
    return 1.0


def test_the_name_is_read_from_a_sentence_that_says_it_is_of_the_kind_described() -> None:
    """A person's name in a sentence that matches as well is no company's, nor is a sentence's first
    capitalised word a name."""
    chair = "EAC chair Anahit Melkonyan said the EAC results page was never at risk."
    opener = "Traffic to the EAC results page peaked at 95 gigabits per second."
    built = "The results page was built in 2022 by Steppe Data Systems, an Almaty-based software contractor."
    page = _passage("page", f"{chair} {opener} {built}", "Armenian results page goes down")
    resolved = resolve(FINED, lambda q: [page], _same_weight)
    assert resolved is not None
    assert resolved.name == "Steppe Data Systems"
    assert resolved.asked == "what was Steppe Data Systems fined in Kazakhstan?"
    assert resolved.question == (
        "Which company built the EAC results page, and what was Steppe Data Systems fined in Kazakhstan?"
    )
    assert page.text[resolved.start : resolved.end] == built


def test_a_name_that_says_what_it_is_is_of_its_kind() -> None:
    """ "…Laboratory, a Brussels-based non-profit" says with its own last word that it is an organisation;
    the network it named is not the outfit described, though "the network" stands beside its name."""
    named = (
        "The Meridian Disinformation Research Laboratory, a Brussels-based non-profit that studies online "
        'manipulation, has named the network "Tidewrack".'
    )
    report = _passage("report", named, "Fake regional news sites exposed before the EU elections")
    question = "The Brussels outfit that exposed the fake regional-news network - what did it find in the leak?"
    resolved = resolve(question, lambda q: [report], _same_weight)
    assert resolved is not None
    assert resolved.name == "Meridian Disinformation Research Laboratory"


def test_no_name_is_read_from_planted_text_a_weak_match_or_a_name_not_said_to_be_of_the_kind() -> None:
    planted = "The EAC results page was built by Tallyvane Systems, a software company."
    flagged = _passage("planted", planted, "Notes", (Flag(start=0, end=len(planted), reason="addresses AI systems"),))
    assert resolve(FINED, lambda q: [flagged], _same_weight) is None
    elsewhere = _passage("office", "Steppe Data Systems, a software company, opened an office in Almaty.", "News")
    assert resolve(FINED, lambda q: [elsewhere], _same_weight) is None
    # It matches well, but nothing says Harborlight Forensics is a company, let alone the one described.
    helped = _passage("helped", "The EAC results page was built with help from Harborlight Forensics.", "Outage")
    assert resolve(FINED, lambda q: [helped], _same_weight) is None


def test_the_contractor_stands_for_the_name_it_was_introduced_by() -> None:
    text = (
        "The data was held by Steppe Data Systems, a contractor that processes register updates. "
        "Siobhan Kearney, the party's general secretary, spoke. "
        "The regulator fined the contractor 3.5 million tenge. The party appealed."
    )
    introduced = introductions(text)
    fined = "The regulator fined the contractor 3.5 million tenge."
    assert referents(fined, introduced, text.index(fined)) == ["Steppe Data Systems"]
    # "the party's general secretary" says whose she is, not what she is.
    assert referents("The party appealed.", introduced, text.index("The party appealed.")) == []
    spread = "Links spread on the short-video platform Chirpa. The platform removed 86 accounts."
    removed = "The platform removed 86 accounts."
    assert referents(removed, introductions(spread), spread.index(removed)) == ["Chirpa"]
    assert referents(removed, introductions(spread), 0) == []  # only what was introduced before it


def test_a_name_given_as_what_a_group_is_called_is_an_introduction() -> None:
    """ "a group that researchers call Slate Cormorant", "a group known as Lantern Spider": the group is named,
    and a later "the group" stands for it. Not "the company named in the report", which names none."""
    text = (
        "The report links the operation, with moderate confidence, to a group that researchers call Slate "
        "Cormorant. The group used the same hosting in two earlier campaigns."
    )
    assert introductions(text) == [(text.index("a group"), "group", "Slate Cormorant")]
    used = "The group used the same hosting in two earlier campaigns."
    assert referents(used, introductions(text), text.index(used)) == ["Slate Cormorant"]
    assert [name for _, _, name in introductions("Police tied it to a group known as Lantern Spider.")] == [
        "Lantern Spider"
    ]
    assert [name for _, _, name in introductions("A group calling itself NoVoice Collective claimed it.")] == [
        "NoVoice Collective"
    ]
    assert [name for _, _, name in introductions("It was run by a firm that Microsoft tracks as Storm-1516.")] == [
        "Storm-1516"
    ]
    assert introductions("The company named in the report denied it.") == []


def test_the_defendant_stands_for_the_name_the_judgment_gave_him() -> None:
    text = (
        "The court found the defendant, Ondřej Kolář, guilty of interfering with a computer system. "
        "The court found that the defendant paid Kč 9,500 to rent a botnet."
    )
    paid = "The court found that the defendant paid Kč 9,500 to rent a botnet."
    assert referents(paid, introductions(text), text.index(paid)) == ["Ondřej Kolář"]


def test_the_sentence_that_gave_the_name_is_quoted_first_and_never_dated_as_an_earlier_report(
    bot: Assistant,
) -> None:
    """Both sentences speak of Meridian Lab examining something, two years apart: read as one matter
    reported twice, the naming sentence would be shown as an earlier report on the leak."""
    exposed = "Meridian Lab examined the leaked emails of the Tidewrack network."
    examined = "Meridian Lab examined the leaked PBV emails."
    network = _passage("network", exposed, "Fake regional news network exposed")
    network = network.model_copy(update={"published": date(2024, 5, 30)})
    leak = _passage("leak", examined, "PBV email leak").model_copy(update={"published": date(2026, 2, 19)})
    bridge = Resolved(
        question="Which Brussels outfit exposed the network, and what did Meridian Lab examine in the PBV leak?",
        asked="what did Meridian Lab examine in the PBV leak?",
        name="Meridian Lab",
        naming=network,
        start=0,
        end=len(exposed),
    )
    answerer = ExtractiveAnswerer(bot.embeddings, idf=lambda t: 1.0, known_term=lambda t: True)
    draft = answerer(bridge.question, [leak, network], bridge)
    assert [c.quote for c in draft.citations] == [exposed, examined]
    assert "Earlier, on" not in draft.text


ARTICLES = {
    "armenia-results-page.md": """---
title: "Armenian EAC results page goes down for 47 minutes during municipal vote"
source: Ararat Ledger
published: 2025-06-09
---
YEREVAN - The online results page of the Electoral Administration Council went dark on election night.

EAC chair Anahit Melkonyan said that results were never at risk.

The results page was built in 2022 by Steppe Data Systems, an Almaty-based software contractor.
""",
    "kazakhstan-register-exposure.md": """---
title: "Statement on the exposure of voter register data in Zharkol region"
source: National Voter Registry Agency of Kazakhstan
published: 2025-09-30
---
The agency informs the public that data from the voter register for Zharkol region was exposed online.

The data was held in a storage system run by Steppe Data Systems, a contractor that processes updates.

The agency suspended its contract with Steppe Data Systems on 18 September, pending a full review.

The national personal-data regulator has fined the contractor 3.5 million tenge for failing to protect the data.
""",
    "fiji-takedown-rules.md": """---
title: "Fiji's online safety commissioner warns platforms over election takedowns"
source: Suva Herald
published: 2025-05-02
---
Under Fiji's online safety rules, a platform that ignores a takedown order can face a fine of up to FJD 50,000.

The commissioner said no platform had been fined so far this year.
""",
}


@pytest.fixture(scope="module")
def bridge_bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    folder = tmp_path_factory.mktemp("bridge-articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    bot = Assistant(index_dir=tmp_path_factory.mktemp("bridge-index"))
    assert bot.ingest([Path(folder)]).ok
    return bot


def test_a_described_company_is_named_first_then_asked_about(bridge_bot: Assistant) -> None:
    """The article on the fine never mentions the results page, and calls the company "the contractor"."""
    answer = bridge_bot.ask(FINED)
    assert answer.standalone_question == (
        "Which company built the EAC results page, and what was Steppe Data Systems fined in Kazakhstan?"
    )
    assert not answer.refused
    quotes = [c.quote for c in answer.citations]
    assert any("3.5 million tenge" in q for q in quotes)
    # Where the name came from is quoted first, so the reader can check it; it is no earlier report on
    # the fine, though its article is older.
    assert quotes[0].startswith("The results page was built in 2022 by Steppe Data Systems")
    assert "Earlier, on" not in answer.text and "As of" not in answer.text
    assert not answer.citations_dropped  # every quote verified against its article
    # The passage that gave the name leads the sources, as its sentence leads the answer.
    assert "built in 2022 by Steppe Data Systems" in answer.retrieved[0].text


def test_a_question_without_a_description_is_searched_as_it_is(bridge_bot: Assistant) -> None:
    answer = bridge_bot.ask("What was Steppe Data Systems fined in Kazakhstan?")
    assert answer.standalone_question is None
    assert any("3.5 million tenge" in c.quote for c in answer.citations)
