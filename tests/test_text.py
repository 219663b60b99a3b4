from assistant.text import sentence_spans, terms


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_sentences_respect_abbreviations_initialisms_and_lines() -> None:
    text = (
        "Sen. Marco Rubio (Fla.) and the U.S. Senate were named. H.R. 3359 became law. It was filed in "
        'Washington, D.C. Counts include fraud.\n- A bullet item.\n"Quoted," he said. J. Smith left!'
    )
    assert _sentences(text) == [
        "Sen. Marco Rubio (Fla.) and the U.S. Senate were named.",
        "H.R. 3359 became law.",
        "It was filed in Washington, D.C.",
        "Counts include fraud.",
        "A bullet item.",
        '"Quoted," he said.',
        "J. Smith left!",
    ]


def test_numbered_bullets_and_a_quoted_no_are_measured_cases() -> None:
    # Found by bench/sentences.py, which measures this splitter against pysbd, Punkt and sentencex.
    text = '1. Turn on MFA everywhere. Then report.\nHe said "no." Then he left. See No. 5 below.'
    assert _sentences(text) == [
        "Turn on MFA everywhere.",
        "Then report.",
        'He said "no."',
        "Then he left.",
        "See No. 5 below.",
    ]


def test_sentence_offsets_shift_by_base() -> None:
    text = "One sentence here. Two sentences here."
    assert sentence_spans(text, base=100) == [(100, 118), (119, 138)]


def test_terms_are_stemmed_content_words() -> None:
    assert terms("Iran's hackers were charged with wire-fraud in 2024") == [
        "iran",
        "hacker",
        "charg",
        "wire",
        "fraud",
        "2024",
    ]
