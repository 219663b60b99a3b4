"""Answers to the 40 dev questions on the real index: every citation verifies, refusals cite nothing."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant import Answer, Assistant
from assistant.citations import WITHHELD, verify
from assistant.decline import DeclineModel, Evidence
from assistant.errors import QuestionError
from assistant.extractive import ExtractiveAnswerer, _joined, _Scored
from assistant.sentences import antecedents, candidates, lede
from assistant.text import terms
from assistant.types import REFUSAL, Citation, DeclineReason, Draft, Passage
from ingest.loaders import load_file


@pytest.fixture(scope="session")
def answers(bot: Assistant, gold: list[dict[str, Any]]) -> dict[str, Answer]:
    return {item["id"]: bot.ask(item["question"]) for item in gold}


def test_every_citation_quotes_its_article_verbatim_at_its_offsets(answers: dict[str, Answer]) -> None:
    texts: dict[str, str] = {}
    total = 0
    for answer in answers.values():
        for citation in answer.citations:
            total += 1
            if citation.path not in texts:  # read back from the file, independently of the index
                texts[citation.path] = load_file(Path(citation.path)).articles[0].text
            assert citation.verified
            assert texts[citation.path][citation.start : citation.end] == citation.quote
            cited_chunk = next(p for p in answer.passages() if p.chunk_id == citation.chunk_id)
            assert citation.quote in cited_chunk.text
    assert total >= 40


def test_every_answer_sentence_carries_a_marker_of_its_own_citation(answers: dict[str, Answer]) -> None:
    for answer in answers.values():
        if answer.refused:
            continue
        markers = [int(m) for m in re.findall(r"\[(\d+)\]", answer.text)]
        assert markers == [c.marker for c in answer.citations] == list(range(1, len(markers) + 1))
        for citation in answer.citations:
            assert citation.quote in answer.text


def test_refusals_cite_nothing_and_say_so(answers: dict[str, Answer], gold: list[dict[str, Any]]) -> None:
    kinds = {item["id"]: item["type"] for item in gold}
    unanswerable = [a for qid, a in answers.items() if kinds[qid] == "unanswerable"]
    answerable = [a for qid, a in answers.items() if kinds[qid] != "unanswerable"]
    # How many are declined is the eval gate's to hold (eval/thresholds.toml); here: what a refusal is.
    assert any(a.refused for a in unanswerable) and not all(a.refused for a in answerable)
    for answer in answers.values():
        if answer.refused:
            assert answer.citations == [] and "do not answer" in answer.text


@pytest.mark.parametrize(
    "question",
    ["What is the capital of France?", "How many Spamouflage accounts did Meta remove in 2024?"],
)
def test_questions_outside_the_corpus_are_declined(bot: Assistant, question: str) -> None:
    answer = bot.ask(question)
    assert answer.refused and answer.citations == []
    assert answer.declined_because in set(DeclineReason), "a declined answer says why, for scripts to count"


def test_key_facts_reach_the_answer(answers: dict[str, Answer]) -> None:
    assert "Steven Cheung" in answers["dev-001"].text
    assert "32" in answers["dev-017"].text
    assert "18-count" in answers["dev-018"].text
    # dev-026 ($10 million) is no longer here: it is one of the two answerable dev questions the decline
    # model turns down, which the eval gate counts (eval/thresholds.toml).


def test_a_citation_that_fails_verification_is_dropped_with_its_sentence() -> None:
    article = "Russia ran Doppelganger. Iran hacked a campaign."
    good = Citation(marker=1, path="a.md", title="A", chunk_id="c1", start=0, end=24, quote="Russia ran Doppelganger.")
    bad = Citation(marker=2, path="a.md", title="A", chunk_id="c1", start=25, end=48, quote="Iran hacked a CAMPAIGN.")
    draft = Draft(text="Russia ran Doppelganger. [1] Iran hacked a CAMPAIGN. [2]", refused=False, citations=[good, bad])
    checked = verify(draft, {"art": article}.get, {"c1": "art"})
    assert [c.marker for c in checked.citations] == [1] and checked.citations[0].verified
    body, note = checked.text.split("\n\n(Note: ")
    assert body == "Russia ran Doppelganger. [1]"
    assert "could not be verified" in note and checked.notes and not checked.refused

    nothing_left = verify(
        Draft(text="Iran hacked a CAMPAIGN. [1]", refused=False, citations=[bad.model_copy(update={"marker": 1})]),
        {"art": article}.get,
        {"c1": "art"},
    )
    assert nothing_left.refused and nothing_left.citations == [] and nothing_left.text.startswith(WITHHELD)
    assert nothing_left.declined_because == DeclineReason.UNVERIFIED


def _answerer(bot: Assistant) -> ExtractiveAnswerer:
    """An extractive answerer that weighs every word alike and takes every name as known."""
    return ExtractiveAnswerer(bot.embeddings, idf=lambda t: 1.0, known_term=lambda t: True)


def _passage(chunk: str, text: str, title: str, day: date | None = None, source: str = "") -> Passage:
    """A passage that is a whole article of a sentence or two, published on `day` by `source`."""
    return Passage(
        chunk_id=chunk,
        article_id=chunk,
        path=f"{chunk}.md",
        title=title,
        source=source,
        published=day,
        start=0,
        end=len(text),
        score=1.0,
        text=text,
    )


def test_a_declined_draft_says_which_decision_declined_it(bot: Assistant) -> None:
    """The rule that settles a decline, or the decline model, is named in `declined_because`."""
    text = "Officials in Calder County said the breach exposed voter records and was reported to state police."
    article = _passage("calder", text, "Calder County breach")
    answerer = _answerer(bot)
    uncounted = answerer("How many voter records did the Calder County breach expose?", [article])
    assert uncounted.refused and uncounted.declined_because == DeclineReason.NO_SENTENCE_OF_KIND
    assert answerer("Who ran the breach?", []).declined_because == DeclineReason.NOTHING_TO_QUOTE
    weak = answerer("What did the World Cup final's referee say about penalty kicks?", [article])
    assert weak.refused and weak.declined_because == DeclineReason.WEAK_EVIDENCE
    assert not answerer("What did the Calder County breach expose?", [article]).refused
    promised = _passage(
        "calder-survey",
        "The county will commission a survey of election workers on threats and publish the findings.",
        "Calder County to survey its election workers",
    )
    unfound = answerer("What did the Calder County survey of election workers find?", [promised])
    assert unfound.refused and unfound.declined_because == DeclineReason.NO_FINDING
    pending = _passage("calder-log", "The clerk said the county would publish the full audit log next week.", "Log")
    undone = answerer("Did Calder County publish the full audit log?", [pending])
    assert undone.refused and undone.declined_because == DeclineReason.ONLY_TO_COME
    request = _passage("calder-budget", "The clerk has asked the county for $90,000 to replace the pollbooks.", "Ask")
    unsettled = answerer("Did the Calder County clerk get the $90,000 approved?", [request])
    assert unsettled.refused and unsettled.declined_because == DeclineReason.ONLY_TO_COME


def test_latest_dated_source_is_said_as_of_and_comes_last(bot: Assistant) -> None:
    title = "Iran statement"
    earlier = _passage(
        "p1", "Officials said no one had been charged over the Trump campaign hack.", title, date(2024, 8, 19)
    )
    later = _passage(
        "p2", "Officials said three IRGC employees were charged over the Trump campaign hack.", title, date(2024, 9, 27)
    )
    answerer = _answerer(bot)
    draft = answerer("What have officials said about charges over the Trump campaign hack?", [later, earlier])
    assert not draft.refused and draft.declined_because is None
    # The latest leads, so the superseded statement is never read as current; both carry their dates.
    assert draft.text.index("As of September 27, 2024: Officials said three") < draft.text.index(
        "Earlier, on August 19, 2024: Officials said no one had been charged"
    )


def test_only_the_leading_sentences_matter_is_dated_and_put_latest_first(bot: Assistant) -> None:
    """A later sentence on another matter is no update of the lead's: it neither leads as "As of" nor
    makes the others "Earlier". (An answer on Ghana's outage once led with a later lab report on a leak.)"""
    lead = _passage(
        "l", "A traffic flood knocked the Asankrom results site offline.", "Asankrom outage", date(2025, 3, 19)
    )
    first = _passage("f", "The Asankrom results site was down for three hours.", "Asankrom outage", date(2024, 12, 11))
    other = _passage("o", "A lab linked the leak site's hosting to a hacking group.", "Lab report", date(2025, 6, 20))
    pool = candidates([lead, first, other])
    # Cosines: the lead and the first report are one matter (0.8); the lab report is on another (0.1).
    vectors = np.array([[1.0, 0.0, 0.0], [0.8, 0.6, 0.0], [0.1, 0.0, 0.995]])
    scored = _Scored(
        scores=[0.9, 0.8, 0.7], similarity=[0.9, 0.8, 0.7], covered=[frozenset()] * 3, weights={}, vectors=vectors
    )
    answerer = _answerer(bot)
    text = answerer._compose(pool, scored, pool).text
    assert text.startswith("As of March 19, 2025: A traffic flood") and "Earlier, on December 11, 2024: The" in text
    assert text.endswith("A lab linked the leak site's hosting to a hacking group. [3]"), "not dated, not first"
    assert answerer._compose([pool[0], pool[2]], scored, pool).text.startswith("A traffic flood"), "no update: undated"


def test_a_sentence_two_sources_carry_alike_is_cited_from_the_later_in_any_order(bot: Assistant) -> None:
    """Equal scores are not left to the order retrieval hands the passages over in (batch-dependent
    float noise made one question's answer change between runs): the later report leads."""
    sentence = "State officials said 4,200 ballots were reviewed by hand after the scanner failure in Delmar County."
    wire = _passage("wire-a", sentence, "Delmar County recount", date(2024, 11, 8))
    reprint = _passage("wire-b", sentence, "Delmar County recount", date(2024, 11, 12))
    answerer = _answerer(bot)
    for passages in ([wire, reprint], [reprint, wire]):
        draft = answerer("How many ballots were reviewed by hand in Delmar County?", passages)
        assert [c.path for c in draft.citations] == ["wire-b.md"]


def test_a_later_sentence_correcting_an_earlier_figure_leads(bot: Assistant) -> None:
    """However differently the correction is worded (a low cosine to the first report), a later
    sentence that says it corrects the earlier figure is the update, and leads."""
    title = "Harlow County poll book breach"
    first = _passage(
        "p1",
        "Harlow County officials said an intruder copied about 9,000 poll book records on March 3.",
        title,
        date(2025, 3, 4),
    )
    review = _passage(
        "p2",
        "A forensic review finished in May counted 27,400 exported poll book records, "
        "not the 9,000 announced in March.",
        title,
        date(2025, 5, 20),
    )
    answerer = _answerer(bot)
    draft = answerer("How many poll book records were copied in the Harlow County breach?", [first, review])
    assert draft.text.startswith("As of May 20, 2025: A forensic review finished in May counted 27,400")
    assert "Earlier, on March 4, 2025: Harlow County officials said" in draft.text


def test_a_later_sentence_correcting_the_very_figure_leads_however_little_it_matches(bot: Assistant) -> None:
    """A later review that corrects the figure the best sentence gives ("61 Gbps, not the 38 Gbps given in
    the office's first estimate") is its update, though it shares few of the question's words ("traffic",
    "hit") and scores well below it."""
    first = _passage(
        "first",
        "The results portal of Cameroon's publication office went down on Monday. According to the office's first "
        "estimate, the flood of traffic that hit the results portal peaked at 38 Gbps.",
        "Results portal knocked offline",
        date(2026, 10, 13),
    )
    review = _passage(
        "review",
        "A review published on Friday covered the attack on Cameroon's results portal in October. The review "
        "found that the attack peaked at 61 Gbps, not the 38 Gbps given in the office's first estimate.",
        "Review finds attack was larger",
        date(2026, 11, 9),
    )
    draft = _answerer(bot)("At its height, how much traffic hit Cameroon's results portal?", [first, review])
    assert draft.text.startswith("As of November 9, 2026: The review found that the attack peaked at 61 Gbps")
    assert "Earlier, on October 13, 2026: According to the office's first estimate" in draft.text


def test_a_later_figure_of_the_same_measure_under_a_title_on_the_same_thing_leads(bot: Assistant) -> None:
    """A later report that states the same measure otherwise ("5 hours and 40 minutes" for "about three hours
    and ten minutes"), worded unlike the first and saying nothing of correcting it, is its update when both
    titles speak of the same thing (the Faroese results site): the latest leads."""
    first = _passage(
        "first",
        "The public website that publishes results for the Faroe Islands' general council election was knocked "
        "offline for about three hours and ten minutes on election night, officials said on Sunday.",
        "Results website knocked offline for hours on Faroese election night",
        date(2026, 5, 4),
    )
    report = _passage(
        "report",
        "The report says results.example.org was unavailable or unusable for 5 hours and 40 minutes, from 22:05 "
        "on Saturday 2 May until 03:45 the next morning.",
        "Report: election-night attack on Faroese results site lasted nearly six hours",
        date(2026, 5, 21),
    )
    question = "How long was the Faroese election results website unavailable on election night?"
    draft = _answerer(bot)(question, [first, report])
    assert draft.text.startswith("As of May 21, 2026: The report says results.example.org was unavailable")
    assert "Earlier, on May 4, 2026: The public website" in draft.text


def test_a_later_count_of_what_was_asked_is_the_update_though_it_corrects_nothing(bot: Assistant) -> None:
    """A later report that counts what a "how many" question asks about at another number ("47 seasonal
    residents" after "31 seasonal residents"), though it says nothing of the first count and is worded unlike
    it, is its update: the latest leads, each dated (blind37's Monhegan charters were answered with April's
    31 alone)."""
    complaint = _passage(
        "complaint",
        "The complaint says a chartered boat brought 31 seasonal residents out to Gavle Island on election "
        "morning, at a cost she puts at about 900 dollars.",
        "Gavle Island complaint names chartered boat",
        date(2026, 4, 15),
    )
    finding = _passage(
        "finding",
        "The charters carried 47 seasonal residents to and from the island in two trips, the commission found.",
        "Gavle Island board member fined over charters",
        date(2026, 8, 20),
    )
    draft = _answerer(bot)(
        "How many seasonal residents did the chartered boats bring out to Gavle Island?", [complaint, finding]
    )
    assert draft.text.startswith("As of August 20, 2026: The charters carried 47 seasonal residents")
    assert "Earlier, on April 15, 2026: The complaint says a chartered boat brought 31" in draft.text


def test_a_how_many_answer_quotes_a_count_of_what_was_asked(bot: Assistant) -> None:
    """ "How many threatening letters…" is not answered by the count of the men charged with threatening her
    alone, though that sentence scores best: the sentence that counts letters is quoted."""
    article = _passage(
        "threats",
        "Police have charged two men with threatening Mara Velt, the Gavle candidate who withdrew from the race. "
        "The case was sent to the district court on Friday. She told the electoral commission in April that "
        "she had received three anonymous letters.",
        "Two men charged over threats to Gavle candidate",
        date(2026, 7, 9),
    )
    draft = _answerer(bot)("How many threatening letters did Mara Velt receive?", [article])
    assert any("three anonymous letters" in c.quote for c in draft.citations)


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # Header lines and a headline end no sentence; the story's first sentence does.
        (
            "Title: Review finds attack was larger\nSource: Savanna Wire\nDate: 2026-11-09\n\nThe attack that "
            "knocked Cameroon's portal offline was larger than first reported. It lasted 140 minutes.",
            "The attack that knocked Cameroon's portal offline was larger than first reported.",
        ),
        # A correction notice before the story is skipped whole.
        (
            "Correction (2026-02-19): An earlier version said 1.8 million. The Directorate has since confirmed "
            "the count.\n\nA storage server holding voter roll data in Nepal was left open.",
            "A storage server holding voter roll data in Nepal was left open.",
        ),
        ("Voter roll left open\nNo sentence here", ""),
        # Notes, captions and a list of key points before the story are passed over.
        (
            "Published 3 July 2026 by the Election Cyber Coordination Centre (ECCC), Latvia.\n"
            "Photo: A voter casts a ballot in Accra, Ghana.\nKey points\n- Traffic peaked at 61 Gbps.\n\n"
            "The portal of Cameroon's results office went down on Monday.",
            "The portal of Cameroon's results office went down on Monday.",
        ),
        # A story line that opens a list, or a wrapped line, gives no opening sentence.
        ("This report examines three campaigns:\n- in Colombia;\n- in Kessler County, Oregon.", ""),
        ("The portal of Cameroon's results office\nwent down on Monday after an attack.", ""),
    ],
)
def test_the_lede_is_the_first_sentence_of_the_story(text: str, opening: str) -> None:
    assert lede(text) == opening


def test_a_later_figure_in_another_sense_is_no_update(bot: Assistant) -> None:
    """ "Approval rose to 58%, up from 52%" repeats turnout's 52% but corrects another figure: no update."""
    first = _passage("t", "Turnout in Harlow County was 52% in the March primary.", "Harlow turnout", date(2026, 3, 4))
    later = _passage(
        "a", "The governor's approval rating rose to 58%, up from 52% in March.", "Poll", date(2026, 5, 20)
    )
    draft = _answerer(bot)("What was turnout in Harlow County in the March primary?", [first, later])
    assert draft.citations[0].quote.startswith("Turnout in Harlow County was 52%")
    assert "As of" not in draft.text


def test_a_fact_is_of_the_place_its_story_opens_in(bot: Assistant) -> None:
    """A story's opening sentence sets it ("…held by Kiribati's Registry of Island Electors…"): a figure
    further on answers of Kiribati, though its sentence, title and source name no place; another
    country's story still does not."""
    text = (
        "The full voter roll held by Kiribati's Registry of Island Electors was open to the internet for 23 days, "
        "the registry said on Tuesday. The registry has since locked the server. The exposed database, a single "
        "2.3 GB file, contained 47,300 records with voters' names and dates of birth."
    )
    article = _passage("roll", text, "Voter roll left open on vendor-managed server", date(2026, 9, 10))
    answerer = _answerer(bot)
    draft = answerer("How many voter records were in the database exposed in Kiribati?", [article])
    assert not draft.refused and "47,300 records" in draft.citations[0].quote
    declined = answerer("How many voter records were in the database exposed in Tuvalu?", [article])
    assert declined.refused and declined.declined_because == DeclineReason.OTHER_PLACE
    # A chunk further on is read with its article's opening, which the index gives.
    start = text.index("The exposed database")
    chunk = article.model_copy(update={"chunk_id": "roll-2", "start": start, "text": text[start:]})
    reader = ExtractiveAnswerer(
        bot.embeddings, idf=lambda t: 1.0, known_term=lambda t: True, whole_article=lambda p: article
    )
    draft = reader("How many voter records were in the database exposed in Kiribati?", [chunk])
    assert not draft.refused and "47,300 records" in draft.citations[0].quote
    assert _answerer(bot)("How many voter records were in the database exposed in Kiribati?", [chunk]).refused
    # A report that opens on campaigns in several countries sets no one scene: its Colombian estimate is not
    # Oregon's.
    report = _passage(
        "report",
        "This report examines three robocall campaigns: in San Jacinto del Olmo, Colombia; in Aït Berdane, "
        "Morocco; and in Kessler County, in the US state of Oregon. The institute estimates that the first "
        "campaign cost less than COP 9 million to run.",
        "Cloned voices on the line",
        date(2026, 7, 1),
    )
    declined = answerer("What did the Oregon robocall campaign cost to run?", [report])
    assert declined.refused and declined.declined_because == DeclineReason.OTHER_PLACE


def test_a_neutral_label_is_left_out_of_the_quote(bot: Assistant) -> None:
    text = "Bottom line: The state board certified 1,204 precinct results on November 22, 2024."
    passage = Passage(
        chunk_id="c1", article_id="a1", path="a.md", title="Canvass", start=0, end=len(text), score=1.0, text=text
    )
    answerer = _answerer(bot)
    draft = answerer("How many precinct results did the state board certify?", [passage])
    (citation,) = draft.citations
    assert citation.quote == "The state board certified 1,204 precinct results on November 22, 2024."
    assert text[citation.start : citation.end] == citation.quote and draft.text.startswith("The state board")


def test_a_quote_that_leans_on_the_sentence_before_brings_it_along(bot: Assistant) -> None:
    text = (
        "On September 27, the Justice Department charged three IRGC employees. "
        "They worked for the Islamic Revolutionary Guard Corps and remain in Tehran."
    )
    passage = Passage(
        chunk_id="c1", article_id="a1", path="a.md", title="Indictment", start=0, end=len(text), score=1.0, text=text
    )
    answerer = _answerer(bot)
    draft = answerer("Where do the IRGC employees remain?", [passage])
    assert [c.quote for c in draft.citations] == [
        "On September 27, the Justice Department charged three IRGC employees.",
        "They worked for the Islamic Revolutionary Guard Corps and remain in Tehran.",
    ]


def test_a_who_answer_quotes_the_sentence_that_names_them(samples_bot: Assistant) -> None:
    """The best sentence says what "they" did; the names stand in the sentence before it."""
    answer = samples_bot.ask("Who was charged over the Trump campaign hack?")
    names = "The defendants, Masoud Jalili, Seyyed Ali Aghamiri and Yasar Balaghi"
    assert answer.citations[0].quote.startswith(names)
    assert answer.citations[1].quote.startswith("According to the indictment, they took part")
    first = samples_bot.ask("Which Iranian group hacked the Trump campaign?")
    follow_up = samples_bot.ask("What were their names?", history=[("user", first.question), ("assistant", first.text)])
    assert names in follow_up.text and "no one had been publicly charged" not in follow_up.text


def test_an_acronym_of_the_question_is_held_by_the_sentence_that_spells_it_out(bot: Assistant) -> None:
    """ "MFA" is what "Multi-factor authentication" says: that sentence covers the term, and answers."""
    text = (
        "Corrington District Council said its remote-access accounts were reviewed in March. "
        "Multi-factor authentication has now been enabled on all 640 remote-access accounts."
    )
    pool = candidates([_passage("corrington", text, "Corrington ransomware: findings")])
    question = "Has Corrington switched on MFA for all its remote-access accounts?"
    scored = _answerer(bot)._score(question, pool)
    assert ["mfa" in covered for covered in scored.covered] == [False, True]


def test_a_document_speaking_of_itself_answers_nothing_and_an_acronym_stands_for_the_question_s_words(
    bot: Assistant,
) -> None:
    """The FAQ's opening line holds the question's words and reports nothing: the sentence that says
    what the NSEO does answers "the Nova Scotia elections office", for which its acronym stands."""
    text = (
        "This page answers common questions about the by-election in Kestrel Cove, Nova Scotia, and about "
        "fake text messages that voters have reported. "
        "The NSEO says it does not send text messages to voters."
    )
    answer = _answerer(bot)(
        "Does the Nova Scotia elections office ever text voters?",
        [_passage("faq", text, "Kestrel Cove by-election: frequently asked questions")],
    )
    assert not answer.refused
    assert answer.text.startswith("No. The NSEO says") and "This page" not in answer.text


def test_a_document_speaking_of_itself_is_not_the_best_sentence_the_decline_model_weighs(bot: Assistant) -> None:
    """The FAQ's opening lines match every question on the by-election and answer none: the best sentence
    of any kind, against which the best fitting one is weighed, is one that reports something."""
    text = (
        "This page answers common questions about the provincial by-election in Kestrel Cove, Nova Scotia. "
        "It is based on information published by the Nova Scotia Elections Office (NSEO). "
        "The returning officer said the date of the by-election is fixed in the writ and has not changed."
    )
    pool = candidates([_passage("faq", text, "Kestrel Cove by-election: frequently asked questions")])
    question = "Has the Nova Scotia by-election in Kestrel Cove been pushed back?"
    answerer = _answerer(bot)
    scored, order, typed = answerer._rank(question, pool)
    assert order[0] == 0  # the page's opening line scores best…
    evidence = answerer.evidence(question, scored, order, typed, pool)
    assert evidence.best_any == scored.scores[2]  # …but the returning officer's sentence is weighed


def test_between_sentences_that_score_alike_the_one_with_the_question_s_phrase_leads(bot: Assistant) -> None:
    """ "Ramat Ha'Oren's election director": "the city's election director" holds the phrase; "a hospital
    director before the network's election" holds its words apart, and scores a little better."""
    text = (
        "Fake profiles posted about a hospital director before the network's election. "
        "The network then harassed the city's election director, posting his photograph and accusing him of fraud."
    )
    pool = candidates([_passage("ramat", text, "Ramat Ha'Oren influence operation")])
    question = "What did the fake-account network do to Ramat Ha'Oren's election director?"
    answerer = _answerer(bot)
    scored, _, typed = answerer._rank(question, pool)
    assert scored.scores[0] > scored.scores[1] >= 0.9 * scored.scores[0]
    assert pool[answerer._select(question, typed, scored, pool)[0]].text.startswith("The network then harassed")


def test_a_who_answer_leads_with_a_name_over_words_for_people(bot: Assistant) -> None:
    """ "Officials" says who only vaguely: the sentence that names the man leads, though it scores lower."""
    text = (
        "Bottom line: The intrusion into Montana's voter registration database was larger than officials first "
        "said, and a man has been charged over it. "
        "A federal grand jury in Helena indicted Tyler James Reames, 41, of Billings."
    )
    article = _passage("montana", text, "Montana voter database intrusion")
    answerer = _answerer(bot)
    draft = answerer("Who was charged over the intrusion into Montana's voter registration database?", [article])
    assert draft.citations[0].quote == "A federal grand jury in Helena indicted Tyler James Reames, 41, of Billings."


# Asked who said what, why, or what a statement urged, the sentence that says it leads though another
# scores better (ExtractiveAnswerer._says_asked), quoted after the sentences it leans on.
_LEADS = [
    pytest.param(
        # "Report every threat to the FBI" mentions the FBI and the threats, but the FBI says nothing in it.
        "Report every bomb threat to the FBI so it can be linked to broader campaigns. "
        "The FBI said many of them appeared to come from Russian email domains and that none had been judged "
        "credible.",
        "Bomb threats",
        "What did the FBI say about the bomb threats?",
        ["The FBI said many of them"],
        id="said",
    ),
    pytest.param(
        # The sentence that restates what happened scores best, but only the one after it says why.
        "Gary Lenhart left 14 threatening voicemails for the judge of elections at a Larkin County polling place, "
        "saying she had thrown out ballots. "
        "Prosecutors said he became convinced, after his mother told him a scanner had briefly jammed, that the "
        "judge had thrown out ballots.",
        "Man pleads guilty to threatening election judge",
        "Why did Gary Lenhart think the Larkin County judge of elections had thrown out ballots?",
        ["Prosecutors said he became convinced"],
        id="why",
    ),
    pytest.param(
        # The lead says what the attack did to the network; only the finding says how they got in.
        "MARLOW COUNTY, Pa. — A ransomware attack has shut down much of Marlow County's government network, "
        "forcing the election office to print its poll books. "
        "The review found that the attackers first logged in on September 30 using a remote access account "
        "belonging to a maintenance contractor.",
        "Marlow County ransomware",
        "How did the attackers get into Marlow County's network?",
        ["The review found that the attackers first logged in"],
        id="means",
    ),
    pytest.param(
        # Asked who chairs it, the sentence that introduces the committee scores best but names no chair.
        "The Joint Committee on Democratic Resilience today publishes its third report of the session, "
        '"Holding the Line: Securing the People and Systems Behind Local Elections". '
        "The committee, chaired by Dame Rosalind Achterberg MP, took oral evidence from 27 witnesses.",
        "Joint Committee on Democratic Resilience report",
        "Who chairs the Democratic Resilience joint committee at Westminster?",
        ["The committee, chaired by"],
        id="role",
    ),
    pytest.param(
        # "It said…" reports the FBI, which the sentence before it names; that sentence is quoted first,
        # though it was picked for itself and ranks above.
        "Report every bomb threat against a polling place to the FBI so it can be linked to broader campaigns. "
        "The FBI issued a statement on Wednesday. "
        "It said many of the bomb threats appeared to come from Russian email domains and that none had been "
        "judged credible.",
        "Bomb threats",
        "What did the FBI say about the bomb threats?",
        ["The FBI issued a sta", "It said many of the "],
        id="pronoun",
    ),
    pytest.param(
        # "They said…" leans on "It said…", which leans on the sentence naming the FBI: all three, in order.
        "The FBI issued a statement on Wednesday. It said nothing new. "
        "They said the bomb threats at polling places came from Russian email domains.",
        "Threats",
        "What did the FBI say about the bomb threats at polling places?",
        ["The FBI ", "It said ", "They sai"],
        id="chain",
    ),
    pytest.param(
        # The announcement names the statement; the sentence that says what it urged names "the agencies".
        "On August 19 the FBI and CISA issued a joint statement on Iranian hacking of the campaigns. "
        "The agencies urged campaigns to use strong passwords and turn on multi-factor authentication.",
        "Joint statement",
        "What steps did the August 19 joint statement urge campaigns to take?",
        ["The agencies urged campaigns"],
        id="urge",
    ),
]


@pytest.mark.parametrize(("text", "title", "question", "leads"), _LEADS)
def test_the_sentence_that_says_what_is_asked_leads(
    bot: Assistant, text: str, title: str, question: str, leads: list[str]
) -> None:
    draft = _answerer(bot)(question, [_passage("article", text, title)])
    assert [c.quote[: len(lead)] for c, lead in zip(draft.citations, leads, strict=False)] == leads


def test_each_part_of_a_question_is_answered_by_a_sentence_of_its_own_kind(bot: Assistant) -> None:
    """The question asks for a share (which types it) and a name: the sentence that names the secretary
    answers the first part, though it states no share."""
    text = (
        "Arizona's secretary of state, Adrian Fontes, rejected the staged overseas-ballot video as fake. "
        "A traditional audit hand-checks a fixed share of precincts; Arizona has audited 2 percent of its precincts."
    )
    question = (
        "Who is the Arizona secretary of state who rejected the staged video, and what share of precincts has "
        "his state audited?"
    )
    draft = _answerer(bot)(question, [_passage("arizona", text, "Election claims")])
    assert [c.quote[:20] for c in draft.citations] == ["Arizona's secretary ", "A traditional audit "]


def test_a_second_part_of_one_word_asks_it_of_what_the_first_names(bot: Assistant) -> None:
    """ "…, and what was the turnout?" asks the turnout of the by-election the first part names, of the same kind
    (a number) but of another thing than the votes it counts: a sentence of its own answers it (blind38 gave only
    the margin)."""
    text = (
        "Garrett Oldreive won the Fogo Island by-election on Tuesday 23 June by nine votes, 612 to 603. The "
        "campaign was fined 3,000 dollars in September.\n\nTurnout was 59.3 percent of the 2,050 registered voters."
    )
    question = "By how many votes did Garrett Oldreive win the Fogo Island by-election, and what was the turnout?"
    draft = _answerer(bot)(question, [_passage("fogo", text, "Fogo Island by-election winner fined")])
    assert "nine votes" in draft.text and "59.3 percent" in draft.text


def test_a_choice_is_not_settled_by_the_election_before_the_one_asked_about(bot: Assistant) -> None:
    """ "At the last island council election turnout was 72.5 percent" is of the election before the Saba one
    asked about: this one's turnout stands for it (blind38)."""
    saba = _passage(
        "saba",
        "Turnout on Wednesday 11 March was 61.2 percent, with 845 of the island's 1,380 registered voters casting a "
        "ballot. At the last island council election turnout was 72.5 percent.",
        "Saba island council election: voters offered money for identity cards",
    )
    lord_howe = _passage(
        "lord-howe",
        "Turnout in the Lord Howe Island board election was 84.6 percent.",
        "Lord Howe Island board election",
    )
    which = _answerer(bot)(
        "Which had the higher turnout: the Lord Howe Island board election or the Saba island council election?",
        [lord_howe, saba],
    )
    assert which.text.startswith("The Lord Howe Island board election: 84.6 percent against 61.2 percent.")


def test_a_question_the_sources_answer_in_part_is_answered_in_that_part(bot: Assistant) -> None:
    """No sentence gives compensation, so the question as a whole is declined; its second question is
    answered, led by its own words (the "Yes." is of it), and the first is named as unanswered."""
    text = (
        "A clerk at a Palmira Mobile shop has been charged over the hijacking of nine election officials' "
        "phone numbers. Palmira Mobile said it had suspended the clerk and added a hold on SIM replacements."
    )
    article = _passage("aruba", text, "Clerk charged in SIM-swap case")
    answerer = _answerer(bot)
    first = "How much compensation has Palmira Mobile paid the officials?"
    assert answerer(first, [article]).declined_because == DeclineReason.NO_SENTENCE_OF_KIND
    draft = answerer(f"{first[:-1]}, and has anyone been charged over the SIM swaps?", [article])
    assert not draft.refused
    assert draft.text.startswith("Has anyone been charged over the SIM swaps? Yes. A clerk")
    assert draft.text.endswith(f"[1] The indexed sources do not answer “{first}”")
    assert [c.marker for c in draft.citations] == [1] and draft.citations[0].quote.startswith("A clerk")
    # Neither part answered: declined as the whole question was.
    neither = answerer(f"{first[:-1]}, and who is the firm's chief executive?", [article])
    assert neither.refused


def test_a_question_asked_of_two_named_things_is_answered_a_thing_at_a_time(bot: Assistant) -> None:
    """No sentence answers of both the Naxos modems and the Bonifacio panels which firm examined them, so the
    question as a whole is declined; asked of each, each is answered by its own sentence. The decline model
    here declines a question unless one sentence holds all of its names: the shipped model's weights are
    tuned on data and beside the point, which is what is done once a question is declined."""
    names = Evidence.names()
    needs_all_names = DeclineModel(
        features=names,
        coefficients=[20.0 if n == "key_coverage" else 0.0 for n in names],
        intercept=-15.0,
        trained_on="this test",
    )
    answerer = ExtractiveAnswerer(bot.embeddings, idf=lambda t: 1.0, known_term=lambda t: True, decline=needs_all_names)
    naxos = _passage(
        "naxos",
        "The review of the four modems was carried out for the Naxos electoral board by Marlstone Forensics.",
        "Naxos modem review",
    )
    bonifacio = _passage(
        "bonifacio",
        "The audit of the information panels was carried out for the Bonifacio town hall by Sentinelle Numerique.",
        "Bonifacio panels audit",
    )
    question = "Which firms were hired to examine the Naxos modems and the Bonifacio panels?"
    draft = answerer(question, [naxos, bonifacio])
    assert not draft.refused
    assert [c.chunk_id for c in draft.citations] == ["naxos", "bonifacio"]
    assert "Marlstone Forensics. [1]" in draft.text and "Sentinelle Numerique. [2]" in draft.text
    # The sources answer one of the two: declined, as the whole question was.
    one = answerer(question.replace("Bonifacio", "Bastia"), [naxos, bonifacio])
    assert one.refused and one.declined_because == DeclineReason.WEAK_EVIDENCE


def test_the_answers_to_the_parts_of_a_question_are_numbered_on() -> None:
    """Each part's draft numbers its markers from 1: joined, they number on, each citation with its own."""
    first = Draft(text="A [1] B [2]", citations=tuple(_citation(m) for m in (1, 2)))
    second = Draft(text="Yes. C [1]", citations=(_citation(1, "c"),))
    unanswered = Draft(text=f"{REFUSAL} They never mention Quorra.", refused=True)
    joined = _joined([("Who?", first), ("Was it?", second), ("What of Quorra?", unanswered)])
    assert joined.text == (
        "Who? A [1] B [2] Was it? Yes. C [3] The indexed sources do not answer “What of Quorra?” "
        "They never mention Quorra."
    )
    assert [(c.marker, c.chunk_id) for c in joined.citations] == [(1, "x"), (2, "x"), (3, "c")]
    assert not joined.refused


def _citation(marker: int, chunk: str = "x") -> Citation:
    return Citation(marker=marker, path=f"{chunk}.md", title=chunk, chunk_id=chunk, start=0, end=1, quote="A")


def test_two_parts_that_ask_alike_are_answered_by_what_the_question_is_typed_by(bot: Assistant) -> None:
    """ "…compared to how many did Arizona receive" counts threats too: 300 ballots do not answer it."""
    georgia = _passage("georgia", "Georgia received 60 bomb threats on Election Day.", "Georgia threats")
    arizona = _passage(
        "arizona",
        "Arizona received 300 ballots by fax on Election Day. Arizona also received bomb threats, officials said.",
        "Arizona on Election Day",
    )
    question = "How many bomb threats did Georgia receive on Election Day, compared to how many did Arizona receive?"
    draft = _answerer(bot)(question, [georgia, arizona])
    assert "300 ballots" not in draft.text and draft.citations[0].quote.startswith("Georgia received 60")


def test_a_timeline_item_is_dated_by_its_label(bot: Assistant) -> None:
    """ "May 23, 2024: charges." says when the sentence after it on its line happened: asked when, that
    sentence answers, with its label quoted first; a dated sentence about something else does not."""
    text = (
        "Timeline\n"
        "- May 23, 2024: charges. The attorney general announced that Kramer had been indicted on 26 counts.\n"
        "- September 26, 2024: final penalty. The FCC imposed a $6 million fine on Kramer.\n"
    )
    draft = _answerer(bot)("When was Kramer indicted?", [_passage("t", text, "Robocall enforcement")])
    quotes = [c.quote for c in draft.citations]
    assert quotes[:2] == [
        "May 23, 2024: charges.",
        "The attorney general announced that Kramer had been indicted on 26 counts.",
    ]
    # A label dates the sentence after it on its own line only.
    pool = candidates([_passage("t", text, "Robocall enforcement")])
    leans_on = antecedents(pool)
    leaning = {c.text: before.text for c in pool if (before := leans_on.get(("t", c.start)))}
    assert leaning == {
        "The attorney general announced that Kramer had been indicted on 26 counts.": "May 23, 2024: charges.",
        "The FCC imposed a $6 million fine on Kramer.": "September 26, 2024: final penalty.",
    }
    short = candidates([_passage("s", "- May 23: charges. Kramer was indicted on 26 counts.", "Timeline")])
    assert [c.text for c in antecedents(short).values()] == ["May 23: charges."]  # short, yet kept: it dates
    apart = "May 23, 2024: charges.\nThe attorney general announced that Kramer had been indicted on 26 counts."
    assert antecedents(candidates([_passage("u", apart, "Robocall enforcement")])) == {}


def test_a_label_opening_a_paragraph_answers_nothing_and_the_sentence_after_it_leans_on_it(bot: Assistant) -> None:
    """ "Kessler County, Oregon (special election, 9 June 2026)." says what its paragraph is about: it is
    no answer, and the sentence after it is of Kessler County through it. On a line of its own it is
    a heading's kind of line, and nothing leans on it."""
    text = (
        "Kessler County, Oregon (special election, 9 June 2026). About 9,300 calls used a voice cloned from "
        "County Clerk Dana Whitcombe to announce, falsely, that all ballot drop boxes had been closed."
    )
    pool = candidates([_passage("k", text, "Voice-clone robocalls in three elections")])
    assert [before.text for before in antecedents(pool).values()] == [pool[0].text]
    draft = _answerer(bot)(
        "What were the robocalls in Kessler County telling people?",
        [_passage("k", text, "Voice-clone robocalls in three elections")],
    )
    assert not draft.refused
    # The label is quoted only for the sentence that leans on it, before it.
    assert [c.quote[:24] for c in draft.citations] == ["Kessler County, Oregon (", "About 9,300 calls used a"]
    apart = text.replace(". About", ".\nAbout")
    assert antecedents(candidates([_passage("a", apart, "Voice-clone robocalls in three elections")])) == {}


def test_a_figure_taken_back_is_answered_by_the_correction_beside_it(bot: Assistant) -> None:
    """A statement's correction gives the figure it takes back first and the right one after it, in words
    less like the question: the right figure leads, the one taken back follows."""
    text = (
        "PECO reports that an extract of the electoral census of Villaseca was exposed online.\n\n"
        "Correction (12 June 2026): An earlier version of this statement said that 48,000 voter records had "
        "been exposed. The correct figure is 41,800 records."
    )
    draft = _answerer(bot)(
        "How many voter records got exposed in Villaseca?", [_passage("v", text, "Villaseca census")]
    )
    assert [c.quote[:25] for c in draft.citations][:2] == ["The correct figure is 41,", "Correction (12 June 2026)"]


def test_a_fact_asked_of_a_place_is_not_answered_from_another_place(bot: Assistant) -> None:
    """Fulton County's count does not say how many threats Michigan had, though the article lists
    Michigan among the states hit: the near miss is declined, not quoted."""
    text = (
        "Fulton County: 32 of the county's 177 polling places received threats, according to county Police "
        "Chief W. Wade Yates. Reporting that day listed affected battleground states including Georgia, "
        "Michigan, Arizona and Wisconsin."
    )
    article = _passage("threats", text, "Election Day 2024: hoax bomb threats traced to Russian email domains")
    answerer = _answerer(bot)
    declined = answerer("How many bomb threats did polling places in Michigan receive?", [article])
    assert declined.refused and declined.text == f"{REFUSAL} They do not say it of Michigan."
    assert declined.declined_because == DeclineReason.OTHER_PLACE
    draft = answerer("How many polling places in Fulton County received bomb threats?", [article])
    assert draft.citations[0].quote.startswith("Fulton County: 32 of the county's 177 polling places")


def test_a_line_that_introduces_a_list_holds_what_its_items_hold(bot: Assistant) -> None:
    """Asked which members of Congress, the line that heads the list of them leads, and its items follow."""
    text = (
        "Microsoft said Taizi Flood was targeting down-ballot Republicans seen as hostile to Beijing:\n"
        "- Rep. Barry Moore of Alabama, with posts attacking his support for Israel;\n"
        "- Sen. Marsha Blackburn of Tennessee, with claims that she took industry money.\n"
        "Spamouflage is a long-running influence operation linked to the Chinese state."
    )
    article = _passage("taizi", text, "China's Taizi Flood targets down-ballot Republicans")
    draft = _answerer(bot)("Which members of Congress did Microsoft say Taizi Flood targeted?", [article])
    quotes = [c.quote for c in draft.citations]
    assert quotes[0].startswith("Microsoft said Taizi Flood was targeting down-ballot Republicans")
    assert any("Barry Moore" in q for q in quotes) and any("Marsha Blackburn" in q for q in quotes)


def test_a_court_outcome_not_yet_reported_is_declined(bot: Assistant) -> None:
    """A guilty plea, the maximum the charge carries and a sentencing date are not the sentence asked for."""
    text = (
        "Gary Lenhart, 58, pleaded guilty on January 16, 2025, to one count of transmitting interstate threats. "
        "The charge to which he pleaded guilty carries a maximum of five years in prison and a $250,000 fine. "
        "Sentencing is scheduled for April 24. His lawyer said he would ask for a sentence of probation."
    )
    article = _passage("plea", text, "Gary Lenhart pleads guilty to threatening Pennsylvania election judge")
    answerer = _answerer(bot)
    assert answerer("What prison sentence did Gary Lenhart receive?", [article]).refused
    draft = answerer("How did Gary Lenhart plead?", [article])
    assert draft.citations[0].quote.startswith("Gary Lenhart, 58, pleaded guilty")
    assert answerer("When will Gary Lenhart be sentenced?", [article]).citations[0].quote == (
        "Sentencing is scheduled for April 24."
    )


def test_a_yes_no_question_leads_with_the_verdict_of_the_latest_evidence(samples_bot: Assistant) -> None:
    answer = samples_bot.ask("Has anyone been criminally charged over Iran's 2024 hack of the Trump campaign?")
    # August 19 said no one had been charged; September 27 reported the indictment: the latest speaks.
    assert answer.text.startswith("Yes. As of September 27, 2024: ")
    assert "three Iranian men" in answer.citations[0].quote


def test_of_the_latest_sentences_the_one_that_says_the_deed_gives_the_verdict(bot: Assistant) -> None:
    """The later article says both "Police arrested Folkert Dijkhuis…" and "He has not been charged…": the
    first holds what is asked in its own words and speaks, whichever was chosen to be shown first."""
    early = _passage(
        "early",
        "A keylogger was found on an election computer on Ameland. Nobody has been arrested.",
        "Keylogger found on Ameland election computer",
        date(2026, 3, 27),
    )
    late = _passage(
        "late",
        "Police arrested Folkert Dijkhuis, 39, on Monday 29 June. He has not been charged, and the police have "
        "not said what they believe he wanted the passwords for.",
        "Ameland keylogger was one of two; former contractor arrested",
        date(2026, 7, 2),
    )
    draft = _answerer(bot)("Has anyone been arrested over the Ameland keyloggers?", [early, late])
    assert draft.text.startswith("Yes. Police arrested Folkert Dijkhuis")


def test_a_bound_the_question_sets_is_not_looked_for_in_the_sources(bot: Assistant) -> None:
    """ "over 25,000 euros" is a bound, met or not by the figure the sources give: no sentence states the
    bound itself, which is not missing from them."""
    review = _passage(
        "review",
        "The review, carried out by Slikgat Digital Forensics and commissioned by the municipality for 27,400 "
        "euros, was presented to the council on Tuesday 30 June.",
        "Ameland keylogger was one of two, review finds",
        date(2026, 7, 2),
    )
    draft = _answerer(bot)("did the ameland keylogger review cost over 25,000 euros?", [review])
    assert not draft.refused and "27,400 euros" in draft.citations[0].quote


def test_a_denial_up_to_its_day_gives_no_verdict_beside_a_later_report_on_the_deed(bot: Assistant) -> None:
    """ "The suspect has not been named" (September) is no "No" when a later article on the same matter (it
    names the same contractor, not the country) speaks of the naming: "He had not been named when police
    arrested him" tells that he has been since, which no rule reads. blind26 showed the "No" given."""
    earlier = _passage(
        "arrest",
        "Police in Equatorial Guinea arrested a registry contractor's employee on September 25. "
        "The suspect, a 34-year-old employee of the registry contractor Obala Systems, has not been named.",
        "Registry contractor arrested in Equatorial Guinea",
        date(2026, 9, 30),
    )
    later = _passage(
        "indictment",
        "Prosecutors indicted Anselmo Ndong-Bacale, 34, an employee of Obala Systems, on November 2. "
        "He had not been named when police arrested him on September 25.",
        "Registry insider indicted",
        date(2026, 11, 4),
    )
    answerer = _answerer(bot)
    question = "Has the Equatorial Guinea registry suspect been publicly named?"
    assert answerer(question, [earlier]).text.startswith("No. The suspect")
    draft = answerer(question, [earlier, later])
    assert not draft.text.startswith(("No", "Yes"))
    # A later article on another matter that speaks of naming someone leaves the "No" as it was.
    other = _passage(
        "other",
        "A court in Ruvara named the three defendants in a separate ballot-printing fraud on November 3.",
        "Ballot-printing fraud defendants named",
        date(2026, 11, 4),
    )
    assert answerer(question, [earlier, other]).text.startswith("No. The suspect")


def test_a_later_report_overturns_an_earlier_denial(bot: Assistant) -> None:
    """An earlier "no one has been charged" and a later "a grand jury charged…" are worded too differently
    to count as one matter updated (cosine below 0.55); the later report still settles the question."""
    title = "Harlow County poll book breach"
    later = _passage(
        "p2",
        "The Harlow County poll book breach exposed 27,400 voter records, far more than officials first said. "
        "On May 28, a federal grand jury charged a 23-year-old man over the Harlow County poll book breach.",
        title,
        date(2025, 5, 29),
    )
    earlier = _passage(
        "p1",
        "An intruder copied about 9,000 Harlow County poll book records in the breach, officials said. "
        "No one has been charged over the Harlow County poll book breach.",
        title,
        date(2025, 3, 14),
    )
    # A later mention that does not speak of charges overturns nothing.
    mention = _passage(
        "p3",
        "County commissioners discussed the Harlow County poll book breach at a budget hearing on June 2.",
        title,
        date(2025, 6, 3),
    )
    answerer = _answerer(bot)
    question = "Has anyone been charged over the Harlow County poll book breach?"
    draft = answerer(question, [later, earlier, mention])
    assert draft.text.startswith("Yes. On May 28, a federal grand jury charged a 23-year-old man")
    assert "No one has been charged" not in draft.text
    assert answerer(question, [earlier, mention]).text.startswith("No. No one has been charged")


def _first_line_retrieved(bot: Assistant, article: str) -> tuple[Passage, ExtractiveAnswerer]:
    """The article's first line as the one retrieved passage, and an answerer that can read the rest."""
    first = article.index("\n")
    passage = Passage(
        chunk_id="c1",
        article_id="a1",
        path="a.md",
        title="Harlow County charges",
        start=0,
        end=first,
        score=1.0,
        text=article[:first],
    )
    whole = passage.model_copy(update={"end": len(article), "text": article})
    answerer = ExtractiveAnswerer(
        bot.embeddings, idf=lambda t: 1.0, known_term=lambda t: True, whole_article=lambda p: whole
    )
    return passage, answerer


def test_a_who_answer_that_counts_people_also_names_them(bot: Assistant) -> None:
    """Retrieval brought only the sentence that counts the men; the answer also quotes the list of
    their names further down the article (the question asked who), shown on one line, cited verbatim."""
    article = (
        "Bottom line: Prosecutors charged three Ruritanian men over the Harlow County poll book breach.\n\n"
        "Attorney General Anna Weiss, Director Paul Brandt and Judge Carla Ruiz announced the charges.\n\n"
        "Defendants\n\n- Ivan Petrov, 31\n- Oleg Sidorov, 28\n- Pavel Morozov, 40\n\n"
        "All three remain at large."
    )
    passage, answerer = _first_line_retrieved(bot, article)
    draft = answerer("Who was charged over the Harlow County poll book breach?", [passage])
    assert draft.text.endswith("Defendants: Ivan Petrov, 31; Oleg Sidorov, 28; Pavel Morozov, 40 [2]")
    assert "Anna Weiss" not in draft.text  # officials speaking about a case are not the people counted in it
    listed = draft.citations[1]
    assert listed.quote == "Defendants\n\n- Ivan Petrov, 31\n- Oleg Sidorov, 28\n- Pavel Morozov, 40"
    # The list is a passage of its own that the answer lists with the retrieved one, so it can be shown in place.
    (read,) = draft.read
    assert read.chunk_id == listed.chunk_id and read.text == listed.quote and read.start == listed.start
    assert not verify(draft, {"a1": article}.get, {"c1": "a1", read.chunk_id: "a1"}).dropped
    # Asked what happened, not who, the answer stays with the sentence retrieval brought.
    what = answerer("What happened over the Harlow County poll book breach?", [passage])
    assert "Ivan Petrov" not in what.text


def test_a_who_answer_leads_with_the_people_counted_over_someone_else_named(bot: Assistant) -> None:
    """ "Three Ruritanian men", whom their article names further down, say who was charged; a commander
    that a sentence on motives names is not who was charged, though that sentence names someone."""
    article = (
        "Prosecutors charged three Ruritanian men over the Harlow County poll book breach. "
        "Prosecutors said the poll book breach also served to avenge Ivo Markov, a commander "
        "killed in a 2020 strike.\n\n"
        "Defendants\n\n- Ivan Petrov, 31\n- Oleg Sidorov, 28\n- Pavel Morozov, 40\n"
    )
    passage, answerer = _first_line_retrieved(bot, article)
    question = "Who was charged over the Harlow County poll book breach?"
    draft = answerer(question, [passage])
    assert draft.citations[0].quote.startswith("Prosecutors charged three Ruritanian men")
    assert "Defendants: Ivan Petrov, 31; Oleg Sidorov, 28; Pavel Morozov, 40" in draft.text
    # One person counted ("a county employee") is not taken as named by a later sentence naming one man.
    one = (
        "A Harlow County employee reported the poll book breach to state officials on Monday. "
        "Prosecutors say Ivan Petrov carried out the poll book breach from abroad.\n\n"
        "Later, Oleg Sidorov was charged with helping him.\n"
    )
    passage, answerer = _first_line_retrieved(bot, one)
    led = answerer("Who carried out the Harlow County poll book breach?", [passage])
    assert led.citations[0].quote.startswith("Prosecutors say Ivan Petrov")
    # An article that does not name them: the sentence that says who was charged still leads, though it
    # names no one. The commander a sentence on motives names was not charged: asked who was charged, a
    # sentence must say someone was (assistant.outcomes).
    unnamed = article[: article.index("Defendants")]
    passage, answerer = _first_line_retrieved(bot, unnamed)
    assert answerer(question, [passage]).citations[0].quote.startswith("Prosecutors charged three Ruritanian men")


def test_a_who_answer_about_one_unnamed_person_also_names_them(bot: Assistant) -> None:
    article = (
        "Bottom line: On May 28, a federal grand jury charged a 23-year-old Washington man over the Harlow "
        "County poll book breach.\n\n"
        "County Clerk Dana Holt said the office had changed every password.\n\n"
        "The indictment identifies him as Marcus Lee Dunn of Spokane.\n\n"
        "He faces up to five years in prison."
    )
    passage, answerer = _first_line_retrieved(bot, article)
    draft = answerer("Who was charged over the Harlow County poll book breach?", [passage])
    assert draft.text.endswith("The indictment identifies him as Marcus Lee Dunn of Spokane. [2]")
    assert "Dana Holt" not in draft.text  # an official speaking about the case


def test_a_list_of_names_the_counting_sentence_introduces_is_quoted_whole(bot: Assistant) -> None:
    article = (
        "Prosecutors charged two Ruritanian men over the Harlow County poll book breach:\n"
        "- Ivan Petrov\n- Oleg Sidorov\n- Pavel Morozov\n\nMore follows."
    )
    passage, answerer = _first_line_retrieved(bot, article)
    draft = answerer("Who was charged over the Harlow County poll book breach?", [passage])
    # The sentence and its list are one quote, every name in it, though two men were counted.
    assert draft.text == (
        "Prosecutors charged two Ruritanian men over the Harlow County poll book breach: "
        "Ivan Petrov; Oleg Sidorov; Pavel Morozov [1]"
    )
    assert draft.citations[0].quote == article[: article.index("\n\n")]


def test_who_was_charged_is_answered_with_the_names(bot: Assistant) -> None:
    """The issue's own example: the article names the three men in a list under "Defendants", which
    retrieval does not bring; the answer quotes it, and lists the passage apart from the retrieved ones."""
    answer = bot.ask("Who was charged over the Trump campaign hack?")
    assert "Masoud Jalili, 36; Seyyed Ali Aghamiri, 34; Yaser Balaghi, 37" in answer.text
    (named,) = [c for c in answer.citations if "Masoud Jalili" in c.quote]
    (read,) = answer.read
    assert named.verified and named.chunk_id == read.chunk_id and named.quote in read.text
    assert read.chunk_id not in {p.chunk_id for p in answer.retrieved}
    assert answer.to_json_dict()["read"][0]["text"] == read.text


def test_a_denial_gives_no_and_an_unsupported_question_no_verdict(bot: Assistant) -> None:
    text = (
        "A ransomware attack on Fulton County in January 2024 knocked out phone lines and court systems. "
        "County Commission Chairman Robb Pitts said the county did not pay the LockBit ransom."
    )
    passages = [_passage("f1", text, "Fulton County ransomware attack", date(2024, 2, 26))]
    answerer = _answerer(bot)
    paid = answerer("Did Fulton County pay the LockBit ransom?", passages)
    assert paid.text.startswith("No. County Commission Chairman Robb Pitts said the county did not pay")
    # Words that only stress the question ("actually", "ever", "yet") are nothing a sentence must hold.
    stressed = answerer("Has Fulton County actually ever paid the LockBit ransom yet?", passages)
    assert stressed.text.startswith("No. County Commission Chairman Robb Pitts said the county did not pay")
    # The passages never speak of an arrest: the sentences are quoted, with no verdict put on them.
    arrested = answerer("Did police arrest the LockBit affiliate behind the Fulton County attack?", passages)
    assert not arrested.refused and not arrested.text.startswith(("Yes", "No"))


def test_a_person_called_by_the_last_name_alone_holds_the_full_name_a_question_gives(bot: Assistant) -> None:
    """ "Did Petros Kalantzakis challenge…?" is answered by "Kalantzakis … has not challenged it", where the
    passage names him in full: no. A message the sentence quotes says nothing of what was done: the panels'
    "Polling stations close today at 16:00" is no "yes" to whether they closed then."""
    text = (
        "Petros Kalantzakis of the Quayside Union lost the mayoral vote by 276 votes. "
        "Kalantzakis accepted the result the same day and has not challenged it in court."
    )
    passages = [_passage("k1", text, "Naxos result stands", date(2026, 6, 8))]
    answer = _answerer(bot)("Did Petros Kalantzakis challenge the Naxos result in court?", passages)
    assert answer.text.startswith("No. Kalantzakis accepted the result")
    panels = (
        "The audit of the town's street panels was published on Tuesday. "
        'It found that the message "Polling stations close today at 16:00" first appeared at 10:05.'
    )
    shown = [_passage("p1", panels, "Bonifacio panel audit", date(2026, 10, 27))]
    closed = _answerer(bot)("Did Bonifacio's polling stations close at 16:00 on by-election day?", shown)
    assert not closed.refused and not closed.text.startswith(("Yes", "No"))


def test_a_verdict_reads_irregular_verbs_and_the_names_the_sentences_article_gives(bot: Assistant) -> None:
    """ "Was Gouveia's winning margin more than 600 votes?" is met by "Gouveia won the seat by 612 votes" ("won"
    is "win"); "Did the three people charged over the Kweli Files leak plead guilty?" is answered no by "All
    three pleaded not guilty", in the article that names the leak in another sentence."""
    won = _passage("g1", "Matilde Gouveia won the seat by 612 votes.", "Council seat result", date(2026, 3, 20))
    margin = _answerer(bot)("Was Matilde Gouveia's winning margin more than 600 votes?", [won])
    assert margin.text.startswith("Yes: 612 votes. Matilde Gouveia won")
    court = (
        "The Kweli Files leak case came to court in Nairobi on Monday. "
        "All three people charged pleaded not guilty and were released on bail of KSh 500,000 each."
    )
    leak = [_passage("k2", court, "Three in court over leak", date(2026, 5, 4))]
    pleaded = _answerer(bot)("Did the three people charged over the Kweli Files leak plead guilty?", leak)
    assert pleaded.text.startswith("No. ")


def test_a_denial_holds_the_question_with_the_names_its_article_gives(bot: Assistant) -> None:
    """ "Did Ferrow Insight link the accounts spreading the Dridi clip on Murmelo to the network…?" is answered no by
    "She said Ferrow had found no link between these accounts and the network it documented in Kyrgyzstan": the
    firm's full name, the clip and the platform stand elsewhere in its article. A tie is a link. A denial of another
    deed ("did not affect turnout", under a question of "each affected candidate") gives no verdict."""
    text = (
        "Ferrow Insight published a research note on Tuesday.\n\n"
        "A doctored clip of candidate Hedi Dridi spread on Murmelo this week, posted by about 40 new accounts.\n\n"
        "Marta Velikova, who leads the research, said the pattern was familiar. "
        "She said Ferrow had found no link between these accounts and the network it documented in Kyrgyzstan. "
        "The clip did not affect turnout, she said."
    )
    note = [_passage("d1", text, "Influence research note", date(2026, 10, 7))]
    answerer = _answerer(bot)
    linked = (
        "Did Ferrow Insight link the accounts spreading the Dridi clip on Murmelo to the network it documented in "
        "Kyrgyzstan?"
    )
    assert answerer(linked, note).text.startswith("No. ")
    tied = "Did Ferrow Insight tie the accounts spreading the Dridi clip to the network it documented in Kyrgyzstan?"
    assert answerer(tied, note).text.startswith("No. ")
    other = "Did Ferrow Insight warn each affected candidate about the Dridi clip?"
    assert not answerer(other, note).text.startswith(("Yes", "No"))


def test_a_yes_meets_what_the_question_states_with_what_its_sentence_is_read_with(bot: Assistant) -> None:
    """The sentence that settles "Did Fulton County pay LockBit?" says "the county": its article's title names
    Fulton County, and the answer is yes. Asked of another month, the evidence is shown without a verdict. A
    figure on the bound's side meets it (yes), one on the other side says no."""
    text = (
        "A ransomware attack hit the county's court systems in January 2024. "
        "The county paid the LockBit group $500,000 in March, officials said."
    )
    passages = [_passage("f2", text, "Fulton County ransomware attack", date(2024, 4, 2))]
    answerer = _answerer(bot)
    assert answerer("Did Fulton County pay the LockBit group?", passages).text.startswith("Yes. ")
    assert not answerer("Did Fulton County pay the LockBit group in April?", passages).text.startswith(("Yes", "No"))
    met = answerer("Did Fulton County pay LockBit more than $100,000?", passages)
    assert met.text.startswith("Yes: $500,000. The county paid")
    beyond = answerer("Did Fulton County pay LockBit more than $1 million?", passages)
    assert beyond.text.startswith("No: $500,000, not more than $1 million. ")


def test_who_topped_the_poll_is_not_answered_by_a_seat_won(bot: Assistant) -> None:
    """ "How many votes did the candidate who topped the poll receive?" is not answered by "…took the fifth seat
    with 498 votes" (blind37, blind38); a sentence that says who had the most votes answers."""
    answerer = _answerer(bot)
    question = "How many votes did the candidate who topped the poll in the Alderney assembly election receive?"
    seat = _passage(
        "a1",
        "In the Alderney assembly election, Piers Trevannec took the fifth seat with 498 votes, 11 more than "
        "Helena Crouzel.",
        "Alderney assembly election result challenged",
        date(2026, 3, 10),
    )
    declined = answerer(question, [seat])
    assert declined.refused and declined.declined_because == DeclineReason.THING_NOT_MENTIONED
    topped = _passage(
        "a2",
        "Marguerite Le Cocq topped the poll in the Alderney assembly election with 912 votes.",
        "Alderney assembly election: the count",
        date(2026, 3, 9),
    )
    answered = answerer(question, [seat, topped])
    assert not answered.refused and "912" in answered.text


def test_a_thing_or_a_year_the_sources_never_speak_of_is_declined(bot: Assistant) -> None:
    text = (
        "Investigators said the intruder used a stolen county password to reach the voter lookup tool in March. "
        "The state notified 8,200 voters.\n\n"
        "A 2024 review of county election security found that 12 counties lacked multi-factor authentication."
    )
    passages = [_passage("m1", text, "Voter lookup intrusion", date(2025, 4, 2))]
    answerer = _answerer(bot)
    motive = answerer("What motive did investigators identify for the voter lookup intrusion?", passages)
    assert motive.refused and "never mentions motive" in motive.text
    assert motive.declined_because == DeclineReason.THING_NOT_MENTIONED
    earlier = "In the 2021 review of county election security, how many counties lacked multi-factor authentication?"
    review = answerer(earlier, passages)
    assert review.refused and "2021" in review.text and review.declined_because == DeclineReason.OTHER_YEAR
    # Said of the thing and the year asked about, the same passages answer.
    said = answerer(earlier.replace("2021", "2024"), passages)
    assert not said.refused and "12 counties" in said.text
    # Nor where the word stands only elsewhere in the paragraph, not in what would be quoted.
    party = _passage(
        "p1",
        "The leak site published 2,300 emails of the Polar Commons Party. Board chair Liv Haugmo said the leak had "
        "not touched any election system. Haugmo said her board had checked every server. Haugmo, who chairs the "
        "board, said the vote would go ahead on Sunday.",
        "Party emails leaked",
    )
    belongs = answerer("Which political party does board chair Liv Haugmo belong to?", [party])
    assert belongs.refused and belongs.declined_because == DeclineReason.THING_NOT_MENTIONED
    # A sentence further down that uses it answers, beside the one that names the person asked about; it leads.
    verdict = _passage(
        "v1",
        "A magistrate found Daniel Camilleri guilty of unauthorised access to the party's mail server. Camilleri "
        "was sentenced to two years, suspended. His lawyer, Rachel Spiteri, said Camilleri would appeal. Camilleri "
        "did not give evidence during the trial.\n\nThe court heard that Camilleri had lost his contract with the "
        "party in 2024. The magistrate said the evidence pointed to a personal grievance as his motive.",
        "Hacker convicted over party leak",
    )
    grievance = answerer("What motive did the court identify for Daniel Camilleri?", [verdict])
    assert grievance.text.startswith("The magistrate said the evidence pointed to a personal grievance")
    with_motive = [_passage("m2", text.replace("in March.", "in March to sell the records, a financial motive."), "T")]
    assert not answerer("What motive did investigators identify for the voter lookup intrusion?", with_motive).refused
    # A count of other things answers no how-many question: 8,200 voters are no cards.
    cards = answerer("How many replacement voter cards were mailed after the voter lookup intrusion?", passages)
    assert cards.refused and "never mentions cards" in cards.text
    assert not answerer("How many voters did the state notify after the intrusion?", passages).refused
    # A sentence that dates the asked-for event to another year is of another event, though its
    # article is dated in the year asked about.
    online = _passage(
        "o1",
        "Port Ellery has offered internet voting since 2016; 62 percent of ballots in the 2020 municipal "
        "election were cast online.",
        "Port Ellery voting",
        date(2024, 10, 1),
    )
    asked = "What share of Port Ellery's ballots were cast online in the October 2024 municipal election?"
    dated = answerer(asked, [online])
    assert dated.refused and "2024" in dated.text and dated.declined_because == DeclineReason.OTHER_YEAR
    assert not answerer(asked.replace("October 2024", "2020"), [online]).refused
    # The year may stand in the heading over the paragraph.
    headed = [
        _passage("m3", "County security\n\n2021 review\n\nTwelve counties lacked multi-factor authentication.", "T")
    ]
    assert not answerer(earlier, headed).refused


def test_a_date_answers_when_its_sentence_speaks_of_the_thing_dated(bot: Assistant) -> None:
    """blind31: "On what date did the party publish its statement…?" is not answered by the date its emails were
    posted, though the statement is spoken of further down (as one to come, with no date)."""
    leak = _passage(
        "s1",
        "Emails stolen from the Orchard Civic List were posted on a public website on Saturday 14 February. "
        "The attackers first logged in on 4 January, the party said.\n\nThe party said it would publish a statement "
        "identifying the altered documents once its advisers had finished. No date has been given for that statement.",
        "Party emails leaked",
        date(2026, 2, 17),
    )
    answerer = _answerer(bot)
    asked = "On what date did the Orchard Civic List publish its statement identifying the altered documents?"
    statement = answerer(asked, [leak])
    assert statement.refused and statement.declined_because == DeclineReason.THING_NOT_MENTIONED
    assert "statement" in statement.text
    # Dating the thing it speaks of, the same passage answers; so does one asked when the leak was posted.
    dated = _passage("s2", leak.text.replace("once its advisers had finished", "on Friday 20 February"), "T")
    assert "20 February" in answerer(asked, [dated]).text
    assert "14 February" in answerer("When were the Orchard Civic List's emails posted online?", [leak]).text


def test_what_is_said_only_of_the_names_set_aside_answers_nothing(bot: Assistant) -> None:
    text = (
        "Phishing emails posing as a firmware update from Tallyvane reached election offices in Virginia "
        "and South Carolina in March. The malware ran on three workstations in Pell County, Virginia."
    )
    passages = [_passage("t1", text, "Fake Tallyvane firmware emails", date(2025, 4, 2))]
    answerer = _answerer(bot)
    question = "Other than Virginia and South Carolina, which states got the fake Tallyvane emails?"
    assert answerer(question, passages).refused
    # A sentence that goes beyond them answers, whether it says so or names another among them.
    for beyond in (
        "Election offices in Ohio also got the fake Tallyvane firmware emails.",
        "The fake Tallyvane firmware emails reached election offices in Virginia, South Carolina and Ohio.",
    ):
        answered = answerer(question, [_passage("t2", f"{text} {beyond}", "Fake Tallyvane firmware emails")])
        assert not answered.refused and "Ohio" in answered.text
    # A county in one of them is of it.
    counties = "The malware ran on three workstations in two counties: two in Pell County, Virginia, and one in "
    counties += "Ocono County, South Carolina."
    in_them = answerer(question, [_passage("t3", counties, "Fake Tallyvane firmware emails")])
    assert in_them.refused and in_them.declined_because == DeclineReason.ONLY_SET_ASIDE
    # A count that speaks of the name set aside is of it.
    vidora = _passage("v", "On February 11 the video platform Vidora said it had removed 1,140 accounts.", "Nordlicht")
    counted = answerer("How many accounts did the Nordlicht network run on platforms other than Vidora?", [vidora])
    assert counted.refused and "only of Vidora" in counted.text
    assert counted.declined_because == DeclineReason.ONLY_SET_ASIDE


def test_each_part_of_a_comparison_gets_its_own_sentence(bot: Assistant) -> None:
    a = _passage(
        "a",
        "The Verge reported that the county restored its phone lines within a week. "
        "Staff worked weekends to bring systems back.",
        "County recovery",
        source="The Verge",
    )
    b = _passage(
        "b",
        "Wired said the state election board kept voter rolls offline as a precaution. The board meets monthly.",
        "State board precautions",
        source="Wired",
    )
    answerer = _answerer(bot)
    draft = answerer(
        "Does The Verge report that the county restored its phone lines, while Wired says the state election "
        "board kept voter rolls offline?",
        [a, b],
    )
    quotes = [c.quote for c in draft.citations]
    assert quotes[:2] == [
        "The Verge reported that the county restored its phone lines within a week.",
        "Wired said the state election board kept voter rolls offline as a precaution.",
    ]
    assert not draft.text.startswith(("Yes", "No"))  # a comparison is evidence, not a verdict


def test_each_option_of_a_choice_is_answered_by_the_sentence_that_states_what_is_compared(bot: Assistant) -> None:
    """ "Whose website was down longer…, Hallowfield's or Wyckham's?" asks for no name: each council's
    outage is quoted with its length, not what its officials said."""
    hallowfield = _passage(
        "hallowfield",
        "Priya Natarajan, Hallowfield's electoral services manager, said results were declared as usual. "
        "Hallowfield District Council's website was unreachable for 3 hours and 40 minutes on count night.",
        "Hallowfield council website knocked offline on count night",
    )
    wyckham = _passage(
        "wyckham",
        "Wyckham's returning officer, Fiona Castellane, said no one had raised a complaint about the website. "
        "Wyckham Borough Council lost its website for 55 minutes during its own count.",
        "Wyckham council website outage",
    )
    answer = _answerer(bot)(
        "Whose website was down longer on count night, Hallowfield's or Wyckham's?", [hallowfield, wyckham]
    )
    assert not answer.refused
    assert "3 hours and 40 minutes" in answer.text and "55 minutes" in answer.text
    assert "Fiona Castellane" not in answer.text and "Priya Natarajan" not in answer.text
    # An option described at length is held by a sentence that repeats only part of its words: the title
    # says whose campaign it was.
    michigan = _passage(
        "michigan",
        "The state sent an alert to all 1,520 local clerks and bought 3,200 hardware security keys for them. "
        "Between April 29 and May 10, 2024, at least 340 emails reached 212 township and city clerks.",
        "Fake Bureau of Elections emails reach clerks",
        date(2024, 5, 16),
    )
    tallyvane = _passage(
        "tallyvane",
        "Tallyvane said it never sends updates by email. "
        "Between July 14 and August 22, 2025, the fake support emails reached about 430 recipients, most of them "
        "county election staff.",
        "Fake Tallyvane support emails reach election staff",
        date(2025, 9, 3),
    )
    answer = _answerer(bot)(
        "Which phishing campaign reached more people: the 2024 emails impersonating Michigan's Bureau of "
        "Elections, or the 2025 fake Tallyvane support emails?",
        [michigan, tallyvane],
    )
    assert "212 township and city clerks" in answer.text and "430 recipients" in answer.text
    # Two campaigns, in the question's order: not one matter reported again, "As of 2025 …; earlier, …".
    assert answer.text.index("212 township") < answer.text.index("430 recipients")
    assert "As of" not in answer.text and "Earlier" not in answer.text


def test_a_choice_the_figures_settle_leads_with_the_option_that_wins(bot: Assistant) -> None:
    """When each option's quote states one figure of what is compared, the answer says which wins, with
    both figures as the quotes state them; a yes/no question comparing two named things gets its verdict so."""
    dominica = _passage(
        "dominica",
        "Dominica's results portal was unusable for 2 hours and 15 minutes on election night, after a "
        "denial-of-service attack that peaked at 38 Gbps.",
        "Dominica results portal knocked offline",
    )
    hungary = _passage(
        "hungary",
        "The attack on Hungary's results website peaked at 340 Gbps shortly after polls closed, the authority said.",
        "Hungary results website attacked",
    )
    answerer = _answerer(bot)
    larger = answerer(
        "Was the denial-of-service attack on Dominica's results portal larger at its peak than the one on "
        "Hungary's results website?",
        [dominica, hungary],
    )
    assert larger.text.startswith("No: 38 Gbps against 340 Gbps. Dominica's results portal")
    assert [c.quote[:10] for c in larger.citations[:2]] == ["Dominica's", "The attack"]
    smaller = answerer(
        "Was the denial-of-service attack on Hungary's results website bigger at its peak than the one on "
        "Dominica's results portal?",
        [dominica, hungary],
    )
    assert smaller.text.startswith("Yes: 340 Gbps against 38 Gbps. ")
    which = answerer("Which results site was down longer, Dominica's portal or Hungary's website?", [dominica, hungary])
    assert " against " not in which.text  # Hungary's quote says nothing of how long its site was down
    hungary_down = _passage(
        "hungary-down",
        "Hungary's results website was down for 47 minutes on election night, the authority said.",
        "Hungary results website attacked",
    )
    which = answerer(
        "Which results site was down longer, Dominica's portal or Hungary's website?", [dominica, hungary_down]
    )
    assert which.text.startswith("Dominica's portal: 2 hours and 15 minutes against 47 minutes. ")


def test_a_total_over_two_named_incidents_quotes_each_and_leads_with_the_sum(bot: Assistant) -> None:
    """No source states the total asked; each incident's sentence is quoted, the sum of their figures leads."""
    turkmen = _passage(
        "turkmen",
        "Turkmenistan's Central Polling Administration says attackers gained access to the email accounts of 27 "
        "polling officials during a phishing campaign that targeted 340 election staff in October.",
        "Phishing campaign compromised 27 Turkmenistan polling officials' accounts",
    )
    ethiopia = _passage(
        "ethiopia",
        "Ethiopia's Candidate Registration Bureau says attackers broke into 58 candidate accounts on its online "
        "nomination portal using passwords stolen from other websites.",
        "Ethiopia's candidate nomination portal hit by password-guessing attack",
    )
    question = (
        "Across the Turkmenistan phishing campaign and the Ethiopian portal attack, how many accounts were "
        "compromised in total?"
    )
    draft = _answerer(bot)(question, [turkmen, ethiopia])
    assert draft.text.startswith("85 in total: 27 polling officials and 58 candidate accounts. Turkmenistan's")
    assert [c.quote[:12] for c in draft.citations] == ["Turkmenistan", "Ethiopia's C"]


def test_the_days_between_two_dated_events_lead_their_quotes(bot: Assistant) -> None:
    """Each event's sentence gives its day (the year from its article's date); the days between them lead."""
    detected = _passage(
        "detected",
        "Talvora detected the encryption of its support servers on 19 July, the company said.",
        "Talvora hit by ransomware",
        date(2026, 7, 24),
    )
    failed = _passage(
        "failed",
        "The PollPad devices failed at 41 polling places in the by-election on 22 August.",
        "PollPad failures in by-election",
        date(2026, 8, 25),
    )
    question = "How many days passed between Talvora detecting the encryption and the PollPad failures?"
    draft = _answerer(bot)(question, [detected, failed])
    assert draft.text.startswith("34 days: 19 July to 22 August. Talvora detected")
    # Asked how many days after one event the other came, the same.
    after = "How many days after Talvora detected the encryption did the PollPad devices fail?"
    assert _answerer(bot)(after, [detected, failed]).text.startswith("34 days: 19 July to 22 August.")


def test_a_day_that_names_nothing_is_the_one_of_the_other_events_matter(bot: Assistant) -> None:
    """ "Polling day" names no place: it is the day of the vote the other event's article speaks of, not
    another election's day that an article on something else gives. An event is told by a word of its own,
    not by its names alone: no days are counted from a sentence that only names the person."""
    vote = _passage(
        "vote",
        "Voters on Naxos went to the polls on Sunday 15 March to choose a mayor.",
        "Naxos vote",
        date(2026, 3, 16),
    )
    serviced = _passage(
        "serviced",
        "Dimos Katsarelis serviced the Naxos modems on Monday 9 March, prosecutors said.",
        "Naxos technician charged",
        date(2026, 6, 5),
    )
    other = _passage(
        "other",
        "On polling day, 5 November, bomb threats closed polling places in three states.",
        "Bomb threats on polling day",
        date(2024, 11, 6),
    )
    asked = "How many days before polling day did Dimos Katsarelis service the Naxos modems?"
    assert _answerer(bot)(asked, [other, vote, serviced]).text.startswith("6 days: 9 March to 15 March.")
    named = _passage("named", "Dimos Katsarelis was charged on Thursday 4 June.", "Naxos modem case", date(2026, 6, 5))
    certified = "How many days after the Naxos vote was Dimos Katsarelis certified as a technician?"
    assert not _answerer(bot)(certified, [vote, named]).text[:1].isdigit()


def test_a_figure_the_sources_state_otherwise_is_answered_no(bot: Assistant) -> None:
    """A yes/no question that states a figure is answered "No" by the latest source that states another figure
    of the same thing, which is quoted first; a figure the sources give as taken back, or that they state as
    asked, gets no "No"."""
    first = _passage(
        "first",
        "Orrin Labs examined the dump from the Gavle voter-roll leak, which the agency put at 4.1 GB.",
        "Gavle voter-roll leak: Orrin Labs examines dump",
        date(2026, 3, 2),
    )
    corrected = _passage(
        "corrected",
        "Orrin Labs said the dump from the Gavle voter-roll leak was 1.4 GB, and it held scanned forms. "
        "An earlier version of this article said the dump was 4.1 GB.",
        "Gavle voter-roll leak smaller than first said",
        date(2026, 4, 9),
    )
    answerer = _answerer(bot)
    answer = answerer("Was the dump Orrin Labs examined in the Gavle voter-roll leak 4.1 GB?", [first, corrected])
    assert answer.text.startswith("No: 1.4 GB, not 4.1 GB. ")
    assert answer.citations[0].quote.startswith("Orrin Labs said the dump from the Gavle voter-roll leak was 1.4 GB")
    # Only the first report, which states the asked figure: no "No".
    alone = answerer("Was the dump Orrin Labs examined in the Gavle voter-roll leak 4.1 GB?", [first])
    assert not alone.text.startswith("No")
    removed = _passage(
        "removed",
        "Streamhive said it had taken down 598 of the 640 accounts that pushed the fake Gavle clip.",
        "Streamhive acts on fake Gavle clip",
        date(2026, 5, 1),
    )
    every = answerer("Did Streamhive take down all 640 accounts that pushed the fake Gavle clip?", [removed])
    assert every.text.startswith("No: 598 of the 640. ")
    # A part of the same whole in a sentence on another matter: it holds the names, not the rest of the words.
    reviewed = _passage(
        "reviewed",
        "Streamhive reviewed 598 of the 640 accounts that Gavle election officials flagged.",
        "Streamhive reviews flagged accounts",
        date(2026, 5, 1),
    )
    other = answerer("Did Streamhive take down all 640 accounts that pushed the fake Gavle clip?", [reviewed])
    assert not other.text.startswith("No")
    # A bound the question puts on the figure: one on the other side of it says no, in the question's words.
    fixed = _passage(
        "fixed",
        "Kelvane fixed the Gavle scanner flaw in 19 days, the vendor said.",
        "Kelvane fixes Gavle scanner flaw",
        date(2026, 6, 3),
    )
    bounded = answerer("Did Kelvane take more than three weeks to fix the Gavle scanner flaw?", [fixed])
    assert bounded.text.startswith("No: 19 days, not more than three weeks. ")
    # ... and one on its side says yes, though the sentence words the rest otherwise ("race" for "contest").
    race = _passage(
        "race",
        "Councillors in Gavle, where the mayoral race was decided by 184 votes, welcomed the report.",
        "Gavle councillors welcome report",
        date(2026, 6, 3),
    )
    within = answerer("Was the Gavle mayoral contest decided by fewer than 200 votes?", [race])
    assert within.text.startswith("Yes: 184 votes. Councillors in Gavle")
    # Not where the figure is not the one number the sentence gives: a part beside the whole.
    further = _passage(
        "further",
        "Streamhive said it had removed a further 1,350 Gavle accounts, bringing the total to 3,150.",
        "Streamhive removes more Gavle accounts",
        date(2026, 6, 3),
    )
    assert not answerer("Did Streamhive remove fewer than 2,000 Gavle accounts?", [further]).text.startswith("Yes")
    beyond_bound = answerer("Was the Gavle mayoral contest decided by fewer than 150 votes?", [race])
    assert beyond_bound.text.startswith("No: 184 votes, not fewer than 150 votes. ")
    # The one figure of the thing: counts of other things and figures the sentence corrects stand aside.
    revised = _passage(
        "revised",
        "The fake Gavle emails were sent to 310 addresses, not about 120, and the details of 57 poll workers were "
        "posted, not 38.",
        "Gavle doxxing larger than reported",
        date(2026, 6, 3),
    )
    posted = answerer("Were the details of more than 50 Gavle poll workers posted online?", [revised])
    assert posted.text.startswith("Yes: 57 poll workers. ")
    # ... and sums beside none of the question's words: what was ordered paid is not the fine.
    fined = _passage(
        "fined",
        "The Gavle board fined the campaign 6,000 dollars and ordered it to pay the 14,755 dollars into the "
        "village fund.",
        "Gavle campaign fined",
        date(2026, 8, 20),
    )
    fine = answerer("Was the Gavle campaign fined more than 5,000 dollars?", [fined])
    assert fine.text.startswith("Yes: 6,000 dollars. ")
    # A "No" gives the question's figure in the words of the sentence's, not run into a name.
    stations = _passage(
        "stations",
        "The Gavle emails reached four polling stations, the police said.",
        "Gavle threats",
        date(2026, 6, 3),
    )
    only = answerer("Were only three Gavle polling stations reached by the emails?", [stations])
    assert only.text.startswith("No: four polling stations, not three polling stations. ")


def test_each_part_is_answered_by_a_sentence_of_its_own_where_one_holds_it(bot: Assistant) -> None:
    """The sentence that answers the first part also names Lumenfold, so it holds the second part as
    well; the second part is answered by the sentence that says what Lumenfold reported."""
    leak = _passage(
        "leak",
        "Aontas Nua asked Lumenfold, a forensics firm, to examine the leaked documents. "
        "Lumenfold reported that three of the documents had been altered.",
        "Irish party's leaked emails include altered documents",
    )
    draft = _answerer(bot)(
        "What did Aontas Nua ask a forensics firm to examine, and what did Lumenfold report?", [leak]
    )
    assert [c.quote for c in draft.citations] == [
        "Aontas Nua asked Lumenfold, a forensics firm, to examine the leaked documents.",
        "Lumenfold reported that three of the documents had been altered.",
    ]


@pytest.mark.parametrize(("question", "message"), [("   ", "empty"), ("x" * 1001, "limit is 1000")])
def test_bad_questions_are_refused_clearly(bot: Assistant, question: str, message: str) -> None:
    with pytest.raises(QuestionError, match=message):
        bot.ask(question)


def test_stream_yields_pieces_then_the_answer(bot: Assistant) -> None:
    # Two parts, a sentence each: the answer streams in several pieces.
    question = (
        "Which Russian companies ran the Doppelganger campaign, and how many domains did the Justice Department seize?"
    )
    pieces = list(bot.stream(question))
    final = pieces[-1]
    assert isinstance(final, Answer) and all(isinstance(p, str) for p in pieces[:-1])
    assert len(pieces) > 2 and "".join(pieces[:-1]) == final.text  # type: ignore[arg-type]


def test_a_name_the_corpus_never_uses_is_declined_unless_a_passage_spells_it_out(bot: Assistant) -> None:
    text = (
        "For 2,150 postal voters the copied files also included dates of birth and scanned signatures. "
        "The committee of Parliament is chaired by Dame Rosalind Achterberg."
    )
    title = "Corrington breach findings"
    passages = [_passage("c1", text, title, date(2025, 6, 3))]
    vocabulary = set(terms(f"{text} {title}"))
    answerer = ExtractiveAnswerer(bot.embeddings, idf=lambda t: 1.0, known_term=lambda t: t in vocabulary)
    unknown = answerer("How many postal voters had their NI numbers taken in the Corrington breach?", passages)
    assert unknown.refused and "never mention NI" in unknown.text
    assert unknown.declined_because == DeclineReason.UNKNOWN_NAME
    # A people's word is known when its country is: the sources write "Ghana's", the question "Ghanaian".
    ghana = _passage("g1", "The district assembly in Ghana's Asankrom put the outage's cost at GH₵1.9 million.", "T")
    local = set(terms(f"{ghana.text} T"))
    knows = ExtractiveAnswerer(bot.embeddings, idf=lambda t: 1.0, known_term=lambda t: t in local)
    asked = "What did the Asankrom outage cost Ghanaian authorities?"
    assert not knows(asked, [ghana]).refused and "GH₵1.9 million" in knows(asked, [ghana]).text
    assert "never mention Kenyan" in knows(asked.replace("Ghanaian", "Kenyan"), [ghana]).text
    # An acronym a passage spells out in lower case, a seat of government for its legislature.
    spelled = answerer("How many postal voters had their DOB taken in the Corrington breach?", passages)
    assert not spelled.refused and "2,150 postal voters" in spelled.text
    assert not answerer("Who chairs the committee at Westminster?", passages).refused


def test_what_a_publication_reported_is_declined_when_no_article_is_from_it(bot: Assistant) -> None:
    """ "What did a Nusantara Tribune article say…?" is not answered by another outlet's report, however
    well it matches: the answer says no indexed article is from it."""
    passages = [
        _passage(
            "d", "The PSPU said 4,600 poll workers' details were posted online.", "Doxxing", source="Jakarta Daily"
        )
    ]
    sources = {"Jakarta Daily"}
    answerer = ExtractiveAnswerer(
        bot.embeddings, idf=lambda t: 1.0, known_term=lambda t: True, from_source=lambda name: name in sources
    )
    other = answerer("How many poll workers' details were posted, according to a Nusantara Tribune article?", passages)
    assert other.refused and other.declined_because == DeclineReason.OTHER_SOURCE
    assert "no article from Nusantara Tribune" in other.text
    held = answerer("How many poll workers' details were posted, according to a Jakarta Daily article?", passages)
    assert not held.refused and "4,600" in held.text
    # Each part of a question asked of that publication is asked of it too: none is answered from another outlet.
    parts = answerer(
        "What did a Nusantara Tribune article say the PSPU found, and how many poll workers' details were posted?",
        passages,
    )
    assert parts.refused and parts.declined_because == DeclineReason.OTHER_SOURCE


def test_a_faq_answer_is_read_under_its_question(bot: Assistant) -> None:
    """A FAQ's answer rarely repeats its question ("On the official website, …"): it is matched as the
    question it stands under, and the question itself, which answers nothing, is never quoted."""
    text = (
        "**When is election day?**\n\nElection day is 12 May 2026.\n\n"
        "**Where can I check that I am registered?**\n\n"
        "On the official NSEO website, nseo.example.org, or by calling the toll-free line."
    )
    faq = _passage("faq", text, "Kestrel Cove by-election: questions and answers")
    pool = candidates([faq])
    assert [c.text for c in pool] == [
        "Election day is 12 May 2026.",
        "On the official NSEO website, nseo.example.org, or by calling the toll-free line.",
    ]
    assert pool[1].asked == "**Where can I check that I am registered?**"
    draft = _answerer(bot)("Where should Kestrel Cove voters go to check they're registered?", [faq])
    assert not draft.refused
    assert draft.citations[0].quote.startswith("On the official NSEO website")


def test_the_sentence_that_says_who_did_the_deed_asked_leads(bot: Assistant) -> None:
    """ "Which group claimed…" is answered by the article's sentence with the claim, not its opening that
    names the victim; another article's claim (of another attack) does not lead."""
    article = _passage(
        "t1",
        "A ransomware attack on Tallyforge Systems, the private company that designs ballots for Panama's "
        "by-elections, has disrupted preparations for the vote, the DSE said on Monday. A group calling itself "
        "Lantern Spider claimed responsibility on its leak site on Sunday.",
        "Ransomware attack on ballot vendor Tallyforge Systems",
        date(2026, 2, 17),
    )
    other = _passage(
        "t2",
        "The LockBit ransomware group claimed the attack on Fulton County and threatened to publish data.",
        "DDoS and ransomware",
        date(2024, 7, 31),
    )
    answer = _answerer(bot)("Which group claimed the ransomware attack on Tallyforge Systems?", [article, other])
    assert answer.citations[0].quote.startswith("A group calling itself Lantern Spider claimed")


def test_an_exact_count_leads_over_one_in_words(bot: Assistant) -> None:
    article = _passage(
        "c1",
        "Hundreds of Tanzanian poll clerks were tricked into typing their details into a fake payroll portal "
        "ahead of the 2 August by-elections, the unit said. According to the unit, 143 clerks entered their details.",
        "Poll clerks targeted by fake allowance messages",
        date(2026, 7, 15),
    )
    answer = _answerer(bot)(
        "How many Tanzanian poll clerks typed their details into the fake payroll portal?", [article]
    )
    assert "143" in answer.citations[0].quote


def test_a_part_no_sentence_holds_keeps_the_sentence_chosen_for_the_whole_question(bot: Assistant) -> None:
    """ "…, and how many IP addresses did it come from?": the sentence that states the peak and the addresses
    was chosen for the question as a whole, though it holds few of the first part's words; the opening, which
    holds them all and states no figure, does not take its place."""
    report = _passage(
        "cce",
        "On election night, the commission's preliminary results portal in Kestrelia was the target of a "
        "distributed denial-of-service (DDoS) attack delivered in two waves. Attack traffic peaked at 48 gigabits "
        "per second and came from approximately 19,000 IP addresses in more than 70 countries.",
        "Technical report on the disruption of the preliminary results portal",
        date(2025, 12, 12),
    )
    draft = _answerer(bot)(
        "What was the peak traffic of the DDoS attack on Kestrelia's preliminary results portal, and how many IP "
        "addresses did it come from?",
        [report],
    )
    assert any("19,000 IP addresses" in c.quote for c in draft.citations)


def test_asked_which_consultancy_the_sentence_that_names_one_leads(bot: Assistant) -> None:
    """The article's opening names the group that wrote the report; the sentence that gives a name as a
    consultancy answers "which consultancy"."""
    report = _passage(
        "pages",
        "Researchers at the digital rights group Civic Lens linked a network of fake fact-checking pages to false "
        "claims about Bosaso's electoral commission. "
        "Nineteen of the accounts were run by administrators paid by Halvard Strategic "
        "Communications, a political consultancy with offices in Bosaso and Valletta.",
        "Fake fact-checking pages spread false claims, report finds",
        date(2025, 10, 7),
    )
    draft = _answerer(bot)("Which consultancy was linked by researchers to the fake fact-checking pages?", [report])
    assert draft.citations[0].quote.startswith("Nineteen of the accounts")


def test_asked_which_company_did_it_the_sentence_that_names_one_leads_over_one_that_does_it(bot: Assistant) -> None:
    """ "Which company ran the network?": "was run by a marketing company registered outside the country" does
    the deed asked, but "traced the network to Bluewater Reach, a marketing company" names the company."""
    report = _passage(
        "corfu",
        "The network of fake local news sites that targeted Corfu's regional council election comprised 27 "
        "websites and was run by a marketing company registered outside the country, according to the full report "
        "of the Lantern Research Collective. "
        "Lantern traced the network to Bluewater Reach, a marketing company registered abroad, through a shared "
        "billing account.",
        "Fake news network on Corfu was run from abroad, report finds",
        date(2026, 7, 15),
    )
    draft = _answerer(bot)("Which company ran the fake local news network on Corfu?", [report])
    assert draft.citations[0].quote.startswith("Lantern traced the network to Bluewater Reach")
    # Of two that name a group, the one that says the deed: not the monitors, the group that claimed it.
    portal = _passage(
        "armenia",
        "Observers from the domestic monitoring group Fair Count Armenia said the DDoS outage of the results portal "
        "had caused confusion among party agents. "
        "A hacktivist group calling itself Copperline claimed responsibility in a post on a messaging channel.",
        "Results portal knocked offline on election night",
        date(2026, 5, 6),
    )
    claimed = _answerer(bot)("Which group claimed the DDoS on the Armenian results portal?", [portal])
    assert claimed.citations[0].quote.startswith("A hacktivist group calling itself Copperline")


def test_a_person_named_in_full_may_then_be_called_by_the_last_name_alone(bot: Assistant) -> None:
    """ "Camilleri sent the phishing email" says who sent it: its article named Daniel Camilleri before."""
    charges = _passage(
        "charges",
        "Two men were charged in Valletta on Monday over the publication of the party's emails. Daniel Camilleri, "
        "a 34-year-old IT contractor, was charged with unauthorised access to a computer system. Prosecutors told "
        "the court that Camilleri sent the phishing email that compromised a press officer's account in January.",
        "Two men charged over theft and publication of party emails",
        date(2025, 7, 15),
    )
    draft = _answerer(bot)("Who did prosecutors say sent the phishing email that compromised the account?", [charges])
    assert not draft.refused and draft.citations[0].quote.startswith("Prosecutors told the court that Camilleri")


def test_a_person_called_by_the_last_name_is_also_quoted_where_named_in_full(bot: Assistant) -> None:
    """ "Hope played a gem of an innings" answers who anchored the chase; the sentence that names Shai Hope in
    full follows it, so the answer gives his name."""
    match = _passage(
        "wi",
        "West Indies' Shai Hope celebrates with Jason Holder after hitting a six to win the match. Rain had "
        "delayed the start by an hour. Hope played a gem of an innings there, calmly anchoring West Indies in a "
        "nervous chase with a run-a-ball 43.",
        "West Indies beat England",
        date(2023, 12, 21),
    )
    draft = _answerer(bot)("Who anchored the West Indies chase with a run-a-ball 43?", [match])
    quotes = [c.quote for c in draft.citations]
    assert quotes[0].startswith("Hope played a gem") and any("Shai Hope" in q for q in quotes[1:])


def test_a_last_name_alone_is_completed_from_the_whole_article(bot: Assistant) -> None:
    """Retrieval brought only "Altman's exit…"; the answer also quotes where the article names Sam Altman in
    full, though that part was not retrieved."""
    article = (
        "OpenAI said on Friday it had pushed out its co-founder and chief executive Sam Altman.\n\n"
        "Altman's exit is shocking as he has been the face of generative AI, said analyst Arun Chandrasekaran."
    )
    second = article.index("Altman's exit")
    passage = Passage(
        chunk_id="c2",
        article_id="a1",
        path="a.md",
        title="OpenAI leadership",
        start=second,
        end=len(article),
        score=1.0,
        text=article[second:],
    )
    whole = passage.model_copy(update={"start": 0, "end": len(article), "text": article})
    answerer = ExtractiveAnswerer(
        bot.embeddings, idf=lambda t: 1.0, known_term=lambda t: True, whole_article=lambda p: whole
    )
    draft = answerer("Who is the figure whose exit from OpenAI was shocking?", [passage])
    quotes = [c.quote for c in draft.citations]
    assert quotes[0].startswith("Altman's exit") and any("Sam Altman" in q for q in quotes[1:])
    assert not verify(draft, {"a1": article}.get, {"c2": "a1", **{r.chunk_id: "a1" for r in draft.read}}).dropped


def test_a_deed_asked_of_a_doer_no_source_ties_to_it_is_declined(bot: Assistant) -> None:
    """Copper Lantern is named only in the Croatian report; the Mauritian breach report counts the records taken
    and names no one: asked how many records Copper Lantern stole there, the answer says nothing ties them."""
    answerer = ExtractiveAnswerer(
        bot.embeddings, idf=lambda t: 1.0, known_term=lambda t: True, whole_article=lambda p: p
    )
    croatia = _passage(
        "c1",
        "The Croatian bureau linked the phishing of election staff to Copper Lantern, a threat group it has "
        "tracked since 2024. The group compromised 112 staff accounts.",
        "Croatian election-staff phishing far larger than first reported",
        date(2026, 5, 19),
    )
    mauritius = _passage(
        "m1",
        "The forensic review found that intruders copied 1,172,400 voter records from the Mauritius electoral "
        "register in March.",
        "Statement on the forensic review of the electoral register intrusion",
        date(2026, 6, 23),
    )
    question = "How many voter records did Copper Lantern steal from the Mauritius electoral register?"
    answer = answerer(question, [mauritius, croatia])
    assert answer.refused and answer.declined_because == DeclineReason.DOER_NOT_TIED
    assert "Copper Lantern" in answer.text
    tied = mauritius.model_copy(update={"text": f"{mauritius.text} Investigators attributed it to Copper Lantern."})
    answered = answerer(question, [tied, croatia])
    assert not answered.refused and "1,172,400" in answered.text


def test_what_was_done_said_only_as_to_come_is_declined(bot: Assistant) -> None:
    """ "What penalty did the CRO end up imposing?" is not answered by "would consider penalties … and expects
    to decide later in the year"; a penalty imposed answers it."""
    answerer = _answerer(bot)
    question = "What penalty did the CRO end up imposing on Lestari Bulk Messaging?"
    pending = _passage(
        "p1",
        "The CRO said it would consider penalties against Lestari Bulk Messaging for failing to verify its "
        "customer, and expects to decide later in the year.",
        "Fake texts told voters they could vote by SMS",
        date(2026, 9, 24),
    )
    answer = answerer(question, [pending])
    assert answer.refused and answer.declined_because == DeclineReason.ONLY_TO_COME
    imposed = _passage(
        "p2",
        "The CRO fined Lestari Bulk Messaging US$25,000, the largest penalty it has imposed on a reseller.",
        "Regulator fines SMS reseller",
        date(2026, 11, 20),
    )
    answered = answerer(question, [pending, imposed])
    assert not answered.refused and "US$25,000" in answered.text
    # Asked what may come, a penalty to come answers.
    assert not answerer("What penalty could the CRO impose on Lestari Bulk Messaging?", [pending]).refused


def test_what_happened_on_a_day_after_every_source_is_declined(bot: Assistant) -> None:
    """ "What happened at his hearing on 6 November?" asked of a source from October that says the hearing
    is scheduled then: no source can say; a source from after the hearing can."""
    answerer = _answerer(bot)
    question = "What happened at Mikkel Sonne-Aagaard's court hearing on 6 November?"
    scheduled = _passage(
        "h1",
        "Mikkel Sonne-Aagaard was charged with making threats. His next court hearing is scheduled for Friday "
        "6 November.",
        "Man charged over threats to polling stations",
        date(2026, 10, 14),
    )
    answer = answerer(question, [scheduled])
    assert answer.refused and answer.declined_because == DeclineReason.ONLY_TO_COME
    assert "October 14, 2026" in answer.text
    # A later article on another matter says nothing of this hearing.
    other = _passage(
        "o1",
        "A former volunteer was charged over the polling-place texts. A first court hearing has not been scheduled.",
        "Volunteer charged over texts",
        date(2026, 11, 20),
    )
    assert answerer(question, [scheduled, other]).declined_because == DeclineReason.ONLY_TO_COME
    held = _passage(
        "h2",
        "At the hearing on 6 November, Mikkel Sonne-Aagaard pleaded not guilty and was released on bail.",
        "Threats suspect pleads not guilty",
        date(2026, 11, 7),
    )
    answered = answerer(question, [scheduled, held])
    assert not answered.refused and "pleaded not guilty" in answered.text


def test_a_count_of_phones_is_answered_by_mobile_numbers(bot: Assistant) -> None:
    """ "How many phones…" names the thing it counts; "mobile numbers" count it, in other words."""
    answerer = _answerer(bot)
    passage = _passage(
        "s1",
        "The fake voting texts were sent to about 61,400 mobile numbers from 17 different sender IDs.",
        "Fake texts told voters they could vote by SMS",
        date(2026, 9, 24),
    )
    answer = answerer("How many phones got the fake voting texts?", [passage])
    assert not answer.refused and "61,400" in answer.text


def test_a_doer_the_sources_name_leaves_every_sentence_to_answer(bot: Assistant) -> None:
    """ "Did Engadget report … before Polygon discussed …?" names Engadget as the doer; Polygon's sentence, whose
    article never names Engadget, still answers its part."""
    answerer = ExtractiveAnswerer(
        bot.embeddings, idf=lambda t: 1.0, known_term=lambda t: True, whole_article=lambda p: p
    )
    engadget = _passage(
        "e1",
        "The Steam Deck OLED improves Bluetooth functionality with a new antenna.",
        "Steam Deck OLED review",
        date(2023, 11, 9),
        source="Engadget",
    )
    polygon = _passage(
        "p1",
        "The Microsoft Xbox controller keeps its Bluetooth connectivity for PC players.",
        "Best controllers",
        date(2023, 11, 20),
        source="Polygon",
    )
    question = (
        "Did Engadget report on the Bluetooth functionality improvements in the Steam Deck OLED before Polygon "
        "discussed the Bluetooth connectivity of the Microsoft Xbox controller?"
    )
    draft = answerer(question, [engadget, polygon])
    assert not draft.refused and {c.quote for c in draft.citations} >= {engadget.text, polygon.text}


def test_who_had_a_deed_done_is_answered_by_the_article_that_says_the_deed(bot: Assistant) -> None:
    """ "Who was convicted…?" asks who had the deed done to them. When the best-matching article (an early
    report) never says the deed, the sentence of the later report that does leads, not a name of the early one."""
    early = _passage(
        "py1",
        "Paraguay's voter registry suspended a systems technician over a copied voter-data extract. "
        "Lorena Quinonez, director of the civic group Transparent Vote Paraguay, called for every affected voter "
        "in the voter-data case to be told.",
        "Paraguayan registry technician suspended over copied voter data",
        date(2026, 3, 9),
    )
    verdict = _passage(
        "py2",
        "A criminal court on Friday convicted Mirta Galeano, a former technician at Paraguay's voter registry, "
        "of unlawful disclosure of personal data.",
        "Former registry technician convicted",
        date(2026, 9, 22),
    )
    answer = _answerer(bot)("Who was convicted in the Paraguayan voter-data case?", [early, verdict])
    assert answer.text.startswith("A criminal court on Friday convicted Mirta Galeano")


def test_a_plain_text_articles_header_lines_are_never_quoted() -> None:
    """ "Title: Inspector's review: Kuwait portal outage lasted 11 hours…" once led an answer: the loader reads
    the header for the article's card, and as a quote it is a label, not what the story reports."""
    text = (
        "Title: Inspector's review: Kuwait portal outage lasted 11 hours and affected 27,800 voters\n"
        "Source: Gulfline Civic Report\nDate: 2026-10-20\n\n"
        "A review by the Office of the Registration Inspector has found that the outage lasted 11 hours."
    )
    pool = candidates([_passage("kuwait", text, "Inspector's review: Kuwait portal outage lasted 11 hours")])
    assert [c.text for c in pool] == [
        "A review by the Office of the Registration Inspector has found that the outage lasted 11 hours."
    ]
    # Inside the story, such a line is what it reports: an update further down.
    story = (
        "The portal was restored on Sunday after nine hours offline.\n\n"
        "Updated: the bureau said on Friday that 27,800 voters had been unable to register.\n"
    )
    pool = candidates([_passage("kuwait-update", story, "Portal restored")])
    assert pool[-1].text == "Updated: the bureau said on Friday that 27,800 voters had been unable to register."
