"""The decline model ships with a pinned checksum, and weighs the evidence the answerer computes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.decline import MODEL_FILE, MODEL_SHA256, Evidence, decline_model, file_sha256
from assistant.errors import ModelIntegrityError
from tests.test_answers import _answerer, _passage


def test_the_shipped_model_is_the_pinned_one() -> None:
    assert file_sha256(MODEL_FILE) == MODEL_SHA256
    model = decline_model()
    assert model.features == Evidence.names() and "tuning data only" in model.trained_on


def test_a_tampered_model_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "decline.json"
    copy.write_text(MODEL_FILE.read_text().replace('"intercept": ', '"intercept": 1 + '))
    with pytest.raises(ModelIntegrityError, match="does not match"):
        decline_model(copy)


def test_stronger_evidence_is_more_likely_answerable() -> None:
    model = decline_model()

    def evidence(score: float, coverage: float) -> Evidence:
        return Evidence(
            best=score,
            best_any=score,
            similarity=score,
            coverage=coverage,
            joint_coverage=coverage,
            key_coverage=coverage,
            joint_key_coverage=coverage,
            fitting_share=0.5,
            log_terms=2.0,
        )

    weak, strong = evidence(0.2, 0.1), evidence(0.7, 0.8)
    assert model.p_answerable(strong) > 0.5 > model.p_answerable(weak)


def test_a_sentence_holds_the_names_of_the_one_it_leans_on(bot: Assistant) -> None:
    """ "She has filed a suit…" is of Kothari, named in the sentence before it: the question's names are
    covered, though the sentence itself gives none."""
    clip = _passage(
        "k1",
        '"Twenty-one hours is far too long," Kothari said. She has filed a suit seeking ₹1.5 crore in damages.',
        "Cloned voice clip spread before polling",
    )
    evidence = _answerer(bot).evidence_for("How much is Kothari suing for?", [clip])
    assert evidence is not None and evidence.key_coverage == 1.0


def test_a_person_asked_of_in_full_is_named_by_the_surname(bot: Assistant) -> None:
    """blind31: "Dellucci finished second…" names Serafina Dellucci, whom the question names in full; another
    surname does not."""
    text = "Dellucci finished second with 41.2 percent of the vote, behind Lentinelli, who won with 47.9 percent."
    question = "What share of the vote did Serafina Dellucci win?"

    def key_coverage(sentence: str) -> float:
        evidence = _answerer(bot).evidence_for(question, [_passage("d", sentence, "Mayoral result")])
        assert evidence is not None
        return evidence.key_coverage

    assert key_coverage(text) == 1.0
    assert key_coverage(text.replace("Dellucci", "Bianchi")) == 0.0


def test_an_article_speaks_of_the_year_it_is_dated_in(bot: Assistant) -> None:
    """ "…ordered 224 printed binders at a cost of $31,000" in an article of October 2024 is of "November
    2024"; the same sentence undated, or dated in another year, does not say so."""
    text = "Tull said the Marlow County office ordered 224 printed binders at a cost of $31,000."
    question = "How much did Marlow County pay for printed poll books in November 2024?"

    def key_coverage(published: date | None) -> float:
        evidence = _answerer(bot).evidence_for(question, [_passage("m", text, "Marlow County", published)])
        assert evidence is not None
        return evidence.key_coverage

    assert key_coverage(date(2024, 10, 22)) == 1.0
    assert key_coverage(None) < 1.0
    assert key_coverage(date(2025, 2, 11)) < 1.0


def test_an_article_speaks_of_the_topics_it_is_filed_under(bot: Assistant) -> None:
    """An article on a regency's poll workers, filed under "Indonesia", is of "Indonesian poll workers"
    though its text never names the country; filed under another topic, it is not."""
    text = (
        "The PSPU said it had recorded 58 threats against election workers across the country in the first "
        "seven months of 2026, compared with 22 in the whole of 2025."
    )
    question = "Are threats to Indonesian poll workers up on last year?"

    def key_coverage(topics: tuple[str, ...]) -> float:
        passage = _passage("s", text, "Poll workers' details posted online in Sentosa regency").model_copy(
            update={"topics": topics}
        )
        evidence = _answerer(bot).evidence_for(question, [passage])
        assert evidence is not None
        return evidence.key_coverage

    assert key_coverage(("election workers", "indonesia")) == 1.0
    assert key_coverage(("election workers", "malaysia")) == 0.0


def test_an_acronym_of_the_question_is_held_by_the_source_that_spells_it_out(bot: Assistant) -> None:
    """A report by the Institute for Civic Signal Research is of "ICSR", though the sentence with the
    survey never names the institute; a report from anyone else is not."""
    text = "In a telephone survey of 1,040 people who received one of the calls, 41 percent believed the message."
    question = "How many people did ICSR survey about the cloned calls?"

    def key_coverage(source: str) -> float:
        passage = _passage("r", text, "Cloned voices, real confusion", source=source)
        evidence = _answerer(bot).evidence_for(question, [passage])
        assert evidence is not None
        return evidence.key_coverage

    assert key_coverage("Institute for Civic Signal Research") == 1.0
    assert key_coverage("Election Observation Network") == 0.0
