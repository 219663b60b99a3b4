"""The offline answerer: picks the retrieved sentences that answer the question and quotes them.

Faithful by construction: every sentence of an answer is a verbatim sentence of a retrieved passage,
followed by the marker of the citation that points at it. It declines, citing nothing, when
- the question names something the corpus never mentions (an unknown proper noun),
- the question asks for a kind of fact (a number, a sum of money, a person) that no relevant sentence
  holds, or
- no sentence is close enough to the question.
When the chosen sentences come from sources of different dates on one matter, the latest leads ("As of
<date>: …") and each earlier one carries its own date ("Earlier, on <date>: …"), so a superseded
statement is never read as current. A quote that leans on the sentence before it ("They…") brings
that sentence along. A sentence flagged at ingest as planted (ingest.planted) is never quoted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial

import numpy as np
from cachetools import LRUCache
from langchain_core.embeddings import Embeddings

from assistant.bridges import Resolved
from assistant.choices import Choice, asked_choice, compared_by_figures
from assistant.citations import MARKER
from assistant.decline import DeclineModel, Evidence, decline_model
from assistant.figure_claims import (
    CORRECTED,
    ClaimedFigure,
    StatedFigure,
    bound_terms,
    claimed_as_stated,
    claimed_figure,
    figure_terms,
    figure_words,
    stated_figure,
)
from assistant.followups import standalone_question
from assistant.measures import measures, states_compared, summands, summed_figure, weighed, winner
from assistant.mentions import NAME, introductions
from assistant.naming import naming_of_counted, sentence_naming
from assistant.places import COUNTY, countries_and_states_in, demonym_place, places_in, speaks_of
from assistant.questions import (
    asked_counts,
    asked_doer,
    asked_inquiry,
    asked_kind,
    asked_now,
    asked_part,
    asked_parts,
    asked_places,
    asked_thing,
    asks_means,
    asks_poll_topper,
    asks_reason,
    asks_who,
    asks_yes_no,
    called_by_last_name,
    corporate_suffixes,
    counted_as,
    counts_exactly,
    counts_only_vaguely,
    deed_asked,
    distributed_questions,
    fits_question_type,
    full_names_in,
    gives_means,
    gives_reason,
    key_numbers,
    key_terms,
    key_terms_in,
    names_someone,
    people_counted,
    people_named,
    proper_nouns,
    publications_named,
    question_parts,
    reports_findings,
    reports_speaker,
    scoped_events,
    scoping_years,
    separate_questions,
    set_aside,
    settles_choice,
    speaker_asked,
    surnames_in,
    tells_poll_topper,
    verb_asked,
)
from assistant.roles import asks_role_holder, names_role_holder
from assistant.sentences import (
    Antecedents,
    Candidate,
    antecedents,
    as_retrieved,
    candidates,
    leaned_on,
    leaned_on_text,
    lede,
    list_items,
    one_line,
    paragraph,
    read_with,
    sentence_before,
    sentence_key,
    with_antecedents,
)
from assistant.text import (
    ACRONYM,
    CALENDAR_WORDS,
    ProseDate,
    acronyms,
    concept,
    concept_terms,
    days_in,
    figures,
    lead_length,
    long_date,
    phrases,
    replaced_figures,
    speaks_of_itself,
    spelled_acronyms,
    spells_out,
    states_correction,
    takes_back,
    terms,
    verb_base_terms,
    words,
)
from assistant.types import REFUSAL, Citation, DeclineReason, Draft, Passage
from assistant.unsaid import (
    asked_to_name,
    asks_maker,
    asks_motive,
    asks_own_motive,
    declines_comment,
    forms,
    gives_model,
    gives_only_part_of_name,
    kind_asked,
    kind_to_name,
    left_unnamed,
    model_asked,
    says_doer_unknown,
    says_motive_unknown,
    says_not_known,
    says_whether_unknown,
    says_which_unknown,
    says_who_unknown,
    speaks_of_the,
    tells_motive,
    ties_maker,
    withheld_as,
)
from assistant.verdicts import (
    asked_day_after,
    asked_predicate,
    asks_of_a_day,
    dated_thing,
    only_requested,
    only_to_come,
    ruling_to_come,
    says_not_yet,
    speaks_of_deed,
    thing_only_to_come,
    yes_no_verdict,
)


@dataclass(frozen=True)
class ExtractiveSettings:
    max_sentences: int = 3
    # Further sentences of a confident answer score at least this (whether to answer at all is the
    # decline model's call, see assistant/decline.py). Swept on the dev gold set as a decline threshold.
    min_score: float = 0.45
    keep_ratio: float = 0.75  # further sentences must score this share of the best one
    min_gain: float = 0.05  # ... and add this share (idf-weighted) of question terms not yet covered
    semantic_weight: float = 0.55


@dataclass(frozen=True)
class _Scored:
    scores: list[float]
    similarity: list[float]  # the semantic part of each score
    covered: list[frozenset[str]]  # question terms each sentence contains
    weights: dict[str, float]  # idf of each question term
    vectors: np.ndarray  # sentence embeddings, row per candidate


_VECTOR_CACHE = 20_000  # sentence vectors kept (about 30 MB)
_SAME_MATTER = 0.55  # cosine above which two dated sentences are taken as one matter updated
_NEAR_COPY = 0.9  # cosine above which a sentence says what another one says
_CORRECTED_MATTER = 0.4  # a correction need not be worded like the first report, but must be on its matter
# A sentence that says what is asked (names someone asked who; reports the speaker asked what someone said;
# gives a reason asked why) leads if it scores at least this share of the best, which does not.
_LEAD_SHARE = 0.6
_PHRASE_SHARE = 0.9  # of the best score, for a sentence that holds more of the question's phrases to lead
_UPDATE_SHARE = 0.9  # an update must score at least this share of the selection floor
# Words that frame a question rather than say what it asks about.
_SCAFFOLDING = frozenset(
    terms(
        "anyone anybody anything article report story suggest claim state indicate imply "
        # Adverbs that stress a question rather than say what it asks of ("Did Corrington ever pay…?").
        "ever actually really still already yet even"
    )
)
_CARRIED_WEIGHT = 0.5  # of a word a follow-up carries from the questions before it
# Scores are rounded to this many decimals: a sentence's vector differs in its last bits with the batch it
# was embedded in, and two sentences a hair apart must not swap places from one run to the next.
_SCORE_DIGITS = 4
_PART_SUPPORT = 0.6  # idf-weighted share of a question part's words a sentence must hold to support it
# ... and of an option's words: an option is described at length ("the 2024 emails impersonating
# Michigan's Bureau of Elections"), in words the sentence that gives its figure need not repeat.
_OPTION_SUPPORT = 0.4


def _reports_nothing(c: Candidate) -> bool:
    """Is the sentence the document speaking of itself ("This page answers common questions about…") or a
    label over its paragraph? It holds the words of any question on its subject and reports nothing."""
    return c.label or speaks_of_itself(c.text)


_CORRECTION_REACH = 300  # characters between a figure taken back and the correction beside it


def _correction_beside(taken_back: int, typed: list[int], pool: list[Candidate]) -> int | None:
    """The sentence of the same article, close by, that gives the corrected figure, if one does."""
    back = pool[taken_back]
    return next(
        (
            i
            for i in typed
            if pool[i].passage.article_id == back.passage.article_id
            and abs(pool[i].start - back.start) <= _CORRECTION_REACH
            and states_correction(pool[i].text)
        ),
        None,
    )


def _one_day(c: Candidate) -> ProseDate | None:
    """The one day the sentence states (the year from its article's date where it gives none), or None when it
    states none or several."""
    days = days_in(c.text, c.passage.published)
    return days[0] if len({d.value for d in days}) == 1 else None


def _days_between(first: Candidate, second: Candidate) -> str | None:
    """The days from the one date each sentence states to the other's, with both dates as the sentences give
    them ("34 days: 19 July to 22 August"); None unless each states exactly one day (a month or year alone,
    or two days, do not tell which is meant)."""
    a, b = _one_day(first), _one_day(second)
    if a is None or b is None:
        return None
    apart = abs((b.value - a.value).days)
    said = [c.text[d.start : d.end] for c, d in ((first, a), (second, b))]
    shown = said if a.value <= b.value else said[::-1]
    return f"{apart} day{'s' if apart != 1 else ''}: {shown[0]} to {shown[1]}"


def _restated(a: Candidate, b: Candidate) -> bool:
    """Do two sentences, in articles whose titles name the same thing, state one measure at different values?
    "…knocked offline for about three hours and ten minutes…" (May 4) and "The report says
    results.example.org was unavailable … for 5 hours and 40 minutes…" (May 21), under titles that both speak
    of the Faroese results site: the later restates the earlier, though worded unlike it."""
    names = {t for t in key_terms(a.passage.title) & key_terms(b.passage.title) if not t[:1].isdigit()}
    return bool(names) and any(
        x.compares_with(y, set()) and x.value != y.value for x in measures(a.text) for y in measures(b.text)
    )


def _tie_break(c: Candidate) -> tuple[int, str, int]:
    """Between sentences that score alike (one wire copy in two papers), the later report first, then
    a fixed order, never the order retrieval happened to hand them over in."""
    day = c.passage.published
    return (-day.toordinal() if day else 0, c.passage.article_id, c.start)


# Words that say a sentence goes beyond what it names: "Ohio also got the emails", "17 councils,
# including Hallowfield", "14 states, Texas among them".
_BEYOND = re.compile(r"\b(?:also|other|others|another|besides|in addition|as well|too|including|among)\b", re.I)


# A county named with a place ("Pell County, Virginia") is in it: set aside with it.
_COUNTY_OF = rf"{COUNTY.pattern},\s+"


def _only_of(c: Candidate, names: list[str], question: str, leans_on: Antecedents) -> bool:
    """Does the sentence (read with the one it leans on) speak only of names the question sets aside? A
    count that speaks of one is of it ("Vidora removed 1,140 accounts"), unless it says it goes beyond; a
    name answers only if one is left once they are blanked out ("Virginia, South Carolina and Ohio")."""
    read = read_with(c, leans_on)
    said = " ".join(x.text for x in read)
    if not any(_names(said, name) for name in names) or _BEYOND.search(c.text):
        return False
    if asked_kind(question) in {"number", "money", "share"}:
        return True
    blank = re.compile("|".join(f"(?:{_COUNTY_OF})?{re.escape(name)}" for name in names))
    return not any(fits_question_type(blank.sub("", x.text), question) for x in read)


# "At the last island council election…", "in the previous general election": an earlier event of the kind.
_PREVIOUS_EVENT = re.compile(
    r"\b(?:last|previous|prior|preceding|earlier)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:elections?|by-elections?|votes?|polls?|referendums?|referenda|primar(?:y|ies)|runoffs?|counts?)\b",
    re.I,
)


def _of_previous_event(text: str, question: str) -> bool:
    """Does the sentence speak of an earlier event of the kind ("at the last island council election") where
    the question does not?"""
    return bool(_PREVIOUS_EVENT.search(text)) and not _PREVIOUS_EVENT.search(question)


def _of_another_year(text: str, asked_events: dict[str, set[str]]) -> bool:
    """Does the text date an event of the question's words to none of the question's years?"""
    return any(term in asked_events and not years & asked_events[term] for term, years in scoped_events(text).items())


def _with_leaned_on(c: Candidate, leans_on: Antecedents) -> str:
    """The sentence with the one it leans on and what its question part asked."""
    return f"{c.text} {leaned_on_text(c, leans_on)} {c.asked}"


def _uses_word(word: str, text: str) -> bool:
    """Does the text use the word, a word that counts it ("mobile numbers" for "phones"), or a compound of it
    ("cyberattacks" for "attacks", "e-mails" for "emails")?"""
    wanted, said = set(concept_terms(word)), set(concept_terms(text))
    wanted |= {other for t in terms(word) for other in counted_as(t)}
    return bool(wanted & said) or any(
        min(len(w), len(s)) >= 4 and (w.endswith(s) or s.endswith(w)) for w in wanted for s in said
    )


def _names(text: str, name: str) -> bool:
    """Does the text name it ("FBI"), or call something by it (a place's people: "Russian hackers")?"""
    return set(concept_terms(name)) <= set(concept_terms(text)) or speaks_of(text, name)


def _names_doer(text: str, doer: str) -> bool:
    """Does the text name the doer ("Copper Lantern"), or spell out its acronym ("DHS": "the Department of
    Homeland Security")?"""
    return _names(text, doer) or bool(ACRONYM.fullmatch(doer) and spells_out(doer, text))


@lru_cache(maxsize=256)
def _sets_one_scene(opening: str) -> bool:
    """Does a story's opening sentence set it in one place at most: one country or state (by name or its
    people's word: "Iranian hackers broke into Arizona's portal" sets two) and one county?"""
    return len(countries_and_states_in(opening)) <= 1 and len(set(COUNTY.findall(opening))) <= 1


def _year_of(passage: Passage) -> str:
    """The year an article is dated in: it speaks of that year ("ordered 224 printed binders" in an
    article of October 2024 is of "November 2024")."""
    return str(passage.published.year) if passage.published else ""


def _tells_event(event: set[str], held: set[str]) -> bool:
    """Does a sentence hold a word of the event, in any of its forms ("failures" of "failed": stems that share
    their first four letters)?"""
    return any(t == h or (len(t) >= 4 and len(h) >= 4 and t[:4] == h[:4]) for t in event for h in held)


def _verdict_of(question: str, settles: Candidate, pool: list[Candidate], support_terms: list[set[str]]) -> str | None:
    """The verdict the sentence that speaks for a yes/no question gives it (assistant.verdicts.yes_no_verdict),
    read with what it holds the question by besides its own words (see _support_terms)."""
    around = f"{settles.refers} {settles.passage.title} {settles.passage.source} {_year_of(settles.passage)}"
    verdict = yes_no_verdict(settles.text, question, settles.passage.title, around)
    if verdict == "No" and says_not_yet(settles.text) and _reported_since(question, settles, pool, support_terms):
        # "The suspect has not been named" (September) is no "No" beside a later article on the same matter
        # that speaks of the naming ("He had not been named when police arrested him", November): the
        # deed may have been done since. The quotes are shown as they are.
        return None
    return verdict


def _named_in_full(c: Candidate) -> str:
    """The full names of the people a sentence calls by their last name alone, as its passage gives them:
    "Kalantzakis … has not challenged it in court" speaks of Petros Kalantzakis."""
    full = {last.lower(): name for last, name in full_names_in(c.passage.text).items()}
    return " ".join(full[w] for w in dict.fromkeys(words(f"{c.text} {c.refers}")) if w in full)


def _support_terms(question: str, pool: list[Candidate]) -> list[set[str]]:
    """For each candidate, the terms by which it holds a part of the question: its own, those of the
    sentence it leans on, the full names of the people it calls by their last name, its article's title,
    source and year, and what it says of the question's words in other words (acronyms)."""
    return [
        key_terms_in(
            f"{c.text} {c.refers} {_named_in_full(c)} {c.passage.title} {c.passage.source} {_year_of(c.passage)}"
        )
        | acronyms(c.text)
        | spelled_acronyms(question, c.text)
        | verb_base_terms(words(c.text))  # "won" holds the question's "winning"
        for c in pool
    ]


_NOT_KNOWN_REACH = 6  # how many of the closest sentences may say that who did it is not known
_MAKER_REACH = 8  # how many of the closest sentences may say who made a thing
_LATER_REACH = 3  # the leading sentences of the asked kind a later article's answer may stand among


def _held_by_article(terms: set[str], pool: list[Candidate], support_terms: list[set[str]]) -> dict[str, set[str]]:
    """Which of the terms each article's candidates hold between them (see _support_terms): a name may stand
    in another sentence of the article than the one quoted."""
    held: dict[str, set[str]] = {}
    for c, own in zip(pool, support_terms, strict=True):
        held.setdefault(c.passage.article_id, set()).update(terms & own)
    return held


def _reported_since(question: str, settles: Candidate, pool: list[Candidate], support_terms: list[set[str]]) -> bool:
    """Does a later article on the same matter among the candidates speak of the deed a yes/no question asks
    about (see assistant.verdicts.speaks_of_deed)? The same matter: it holds the question's names, or a name
    the settling sentence gives ("Obala Systems" in both, though only the first names Equatorial Guinea)."""
    when = settles.passage.published
    if when is None:
        return False
    # The denial's names, not its numbers: "34-year-old" ties it to nothing.
    asked, given = key_terms(question), key_terms(settles.text) - key_numbers(settles.text)
    held = _held_by_article(asked | given, pool, support_terms)

    def same_matter(c: Candidate) -> bool:
        # A question that names nothing ("Has anyone been charged?") is tied to a matter by the denial's names.
        found = held[c.passage.article_id]
        return (bool(asked) and asked <= found) or bool(given & found)

    return any(
        c.passage.published is not None
        and c.passage.published > when
        and same_matter(c)
        and speaks_of_deed(question, c.text)
        for c in pool
    )


def _of_lead_article(pool: list[Candidate], order: list[int], typed: list[int], reach: int) -> list[Candidate]:
    """The sentence an answer would lead with, then those of its article among the `reach` closest."""
    lead = pool[typed[0]]
    return [
        lead,
        *(
            c
            for c in (pool[i] for i in order[:reach])
            if c is not lead and c.passage.article_id == lead.passage.article_id
        ),
    ]


def _said_not_known(
    question: str,
    pool: list[Candidate],
    order: list[int],
    typed: list[int],
    quoted: int = ExtractiveSettings.max_sentences,
) -> Candidate | None:
    """The sentence of the article an answer would lead with that says what is asked is not known: the
    lead itself; asked who did it, also one of that article's closest ("It did not say who was behind it"
    ranks above the sentence naming the agency that reported the phishing). Not a reason, a figure or a
    verdict said unknown there, which may be another's: "she did not know how many votes the clip had
    cost her" is no answer to how many votes she got. None when a later article answers among the leading
    sentences: "declined to say whether the company would pay the ransom" (February) is superseded by "it
    did not pay the ransom" (March). Asked why, when none of the `quoted` sentences an answer would quote gives
    a reason, the lead article may say anywhere that it is not told."""
    lead, *near = _of_lead_article(pool, order, typed, _NOT_KNOWN_REACH)
    found = (
        lead
        if says_not_known(lead.text, question)
        # ... as may a name given only in part, in one of the lead article's closest: "What are their first
        # names?" is left open by "…identified only by the surname Choi", beside "Prosecutors have charged two
        # people…".
        else next(
            (
                c
                for c in near
                if says_who_unknown(c.text, question)
                or says_which_unknown(c.text, question)
                or gives_only_part_of_name(c.text, question)
            ),
            None,
        )
    )
    if found is None:  # whether the deed asked was done, said not told among the closest of any article on it
        found = next(
            (
                c
                for c in (pool[i] for i in order[:_NOT_KNOWN_REACH])
                if says_whether_unknown(c.text, question) and _about_asked(question, c, pool)
            ),
            None,
        )
    if found is None and asks_motive(question):
        # A person's motive, said not told anywhere in the lead article when no sentence an answer would quote
        # gives a reason: "…did not say what his motive might have been", paragraphs below the arrest asked of.
        leans_on = antecedents(pool)
        if not any(tells_motive(c.text, question) for i in typed[:quoted] for c in read_with(pool[i], leans_on)):
            found = next(
                (c for c in _of_lead_article(pool, order, typed, len(order)) if says_motive_unknown(c.text)), None
            )
    if found is None:  # who did the very deed asked, said unknown anywhere in the article retrieved
        found = next(
            (c for c in _of_lead_article(pool, order, typed, len(order)) if says_doer_unknown(c.text, question)), None
        )
    if found is None:
        return None
    said_on = found.passage.published or date.min
    # A later sentence that says it is not known either answers nothing: "…had not linked Harbor Moth to any
    # government and did not know who had commissioned the leak" is no answer on Grey Lantern.
    later = [
        c
        for c in (pool[i] for i in typed[:_LATER_REACH])
        if (c.passage.published or date.min) > said_on and not says_not_known(c.text, question)
    ]
    return None if later else found


def _left_unnamed(
    question: str, noun: str, pool: list[Candidate], order: list[int], typed: list[int]
) -> Candidate | None:
    """The sentence that speaks of the organisation or person asked to be named only as "a <noun>": the lead,
    or one of its article that matches the question better ("…the remote-access account of a former
    contractor" above the lead, on the prosecutors' investigation into Grey Lantern)."""
    above = _of_lead_article(pool, order, typed, order.index(typed[0]))
    found = next((c for c in above if left_unnamed(c.text, noun, c.passage.text)), None)
    lead = pool[typed[0]]
    if (
        found is None
        and speaks_of_the(lead.text, noun)
        and not _names_beyond(lead.text, question)
        and left_unnamed(lead.passage.text, noun, lead.passage.text)
    ):
        # "The print shop's owner has told police…" leans on "…printed at a print shop off the island" before it,
        # and the passage names no print shop; "Indeed, ChatGPT has impressed cynics…, who called it the best AI
        # chatbot" may name the one asked for itself.
        return lead
    return found


def _names_beyond(text: str, question: str) -> bool:
    """Does the sentence hold a name after its first word besides the question's and the calendar's ("ChatGPT",
    not "Symi" asked of, nor "Monday")?"""
    asked = {w.lower() for w in words(question)}
    return any(
        w.lower() not in asked and w.lower() not in CALENDAR_WORDS
        for m in NAME.finditer(text)
        if m.start() > 0
        for w in words(m[0])
    )


def _about_asked(question: str, c: Candidate, pool: list[Candidate]) -> bool:
    """Does the candidate's article, as retrieved (its title and sentences), hold the question's names and
    numbers? A sentence of another article may then speak for it."""
    article = " ".join([c.passage.title, *(x.text for x in pool if x.passage.article_id == c.passage.article_id)])
    return key_terms(question) <= key_terms_in(article)


def _name_withheld(
    question: str, pool: list[Candidate], order: list[int], typed: list[int]
) -> tuple[Candidate, str] | None:
    """Asked which <noun>, one of the closest sentences, in an article about what is asked, that says its name
    is withheld, with the noun it calls it by ("It said it had … hired an outside incident-response firm,
    which it did not name": "firm"), unless a later article among the leading sentences introduces one. It
    may stand in another article than the lead: "The outside incident-response firm working for the company
    also found…" (a later report) leads but names none."""
    noun = asked_to_name(question)
    if noun is None:
        return None
    closest = [pool[i] for i in order[:_NOT_KNOWN_REACH]]
    # Or a sentence that leans on one of them, which may withhold the name of whom it spoke of: "Police said a
    # second person, a former employee …, had been questioned. They did not give that person's name."
    leans_on = antecedents(pool)
    after = [x for x in pool if leans_on.get((x.passage.article_id, x.start)) in closest]
    for c in dict.fromkeys([*closest, *after]):
        withheld = withheld_as(c.text, question)
        if withheld is None or not _about_asked(question, c, pool):
            continue
        said_on = c.passage.published or date.min
        later = (pool[i] for i in typed[:_LATER_REACH] if (pool[i].passage.published or date.min) > said_on)
        # Introduced as the noun asked or the one it was withheld as: "Paylink, a payroll contractor" names the
        # company "a third-party payroll contractor" stood for; "Meridian Nine Security, the incident-response
        # consultancy" is another organisation.
        nouns = forms(noun) | forms(withheld)
        if not any(n in nouns for x in later for _, n, _ in introductions(x.text)):
            return c, withheld
    return None


def _indefinite(noun: str) -> str:
    """The noun with its indefinite article: "a firm", "an agency"."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _introduces(text: str, noun: str, describing: tuple[str, ...] = ()) -> bool:
    """Does the text give a name as a <noun> ("Halvard Strategic Communications, a political consultancy"),
    with the words that describe the one asked for ("threat group": not "the monitoring group Fair Count")?"""
    said = set(words(text))
    return all(w in said for w in describing) and any(n == noun for _, n, _ in introductions(text))


def _declined(reason: DeclineReason, why: str = "") -> Draft:
    return Draft(text=f"{REFUSAL} {why}".strip(), refused=True, declined_because=reason)


_NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_INCREMENT = re.compile(r"\b(?:a further|another|an additional|additional|an extra|extra)\s+$", re.I)


def _recount(best: int, typed: list[int], scored: _Scored, pool: list[Candidate], question: str) -> int | None:
    """The latest later sentence that counts what a "how many" question asks about at another number than the
    best one, though it says nothing of the first count: "The charters carried 47 seasonal residents" (August)
    updates "brought 31 seasonal residents out" (April). Of the same race or breach: its article holds the
    question's names ("won it by 52 votes" of another candidate is none), it answers the question nearly as well
    and is on the best one's matter. None when the best one counts nothing asked."""
    counted = asked_counts(pool[best].text, question)
    when = pool[best].passage.published
    if not counted or when is None:
        return None
    keys = key_terms(question)
    named = _held_by_article(keys, pool, _support_terms(question, pool))
    recounts = [
        i
        for i in typed
        if (other := pool[i].passage.published)
        and other > when
        and keys <= named[pool[i].passage.article_id]
        and scored.scores[i] >= _LEAD_SHARE * scored.scores[best]
        and any(
            m.compares_with(c, set()) and m.value != c.value
            for m in asked_counts(pool[i].text, question) or []
            for c in counted
        )
        and float(scored.vectors[i] @ scored.vectors[best]) >= _CORRECTED_MATTER
    ]
    return max(recounts, key=lambda i: (pool[i].passage.published or date.min, scored.scores[i]), default=None)


def _the_one_number(sentence: str, said: str, claim: ClaimedFigure, asked: set[str]) -> bool:
    """Is the figure said ("184 votes") the one number the sentence gives (years and days of dates aside, and
    counts of other things: "sent to 310 addresses, … the details of 57 poll workers were posted"; sums or
    times beside none of the words the question puts beside its figure: "fined the campaign 6,000 dollars and
    ordered it to pay the 14,755 dollars into the village fund"; and figures it corrects: "not 38"), and no
    increment ("a further 1,350 accounts")?"""
    at = sentence.find(said)
    if at < 0 or _INCREMENT.search(sentence[:at]):
        return False
    days = days_in(sentence, date.min)  # any year will do: only where the days stand is asked
    counted = claim.figure.counts
    beside = figure_words(claim, asked)
    of_other_things = [
        m
        for m in measures(sentence)
        if (m.dimension == "count" and counted and m.counts and not m.counts & counted)
        or (m.dimension != "count" and beside and not (m.near | verb_base_terms(m.near)) & beside)
    ]
    numbers = [
        m
        for m in _NUMBER.finditer(sentence)
        if not _YEAR.fullmatch(m.group())
        and not any(d.start <= m.start() < d.end for d in days)
        and not any(c.start <= m.start() < c.start + len(c.said) for c in of_other_things)
        and not CORRECTED.search(sentence[: m.start()])
    ]
    return all(at <= m.start() < at + len(said) for m in numbers)


def _renumbered(new: dict[int, int], marker: re.Match[str]) -> str:
    return f" [{new[int(marker.group(1))]}]"


def _joined(parts: list[tuple[str, Draft]]) -> Draft:
    """The answers to the parts of a question, one after another, their markers numbered on; then each part
    the sources do not answer, in its own words and with why, after the last marker (so that verification,
    which drops a claim with the words before its marker, never takes it along)."""
    text: list[str] = []
    citations: list[Citation] = []
    read: list[Passage] = []
    # Beside a part left unanswered, each answered part is led by what it answers: a "Yes." is of its part.
    silent = any(draft.refused for _, draft in parts)
    for part, draft in parts:
        if draft.refused:
            continue
        renumbered = {c.marker: len(citations) + n for n, c in enumerate(draft.citations, start=1)}
        text.append(f"{part} " * silent + MARKER.sub(partial(_renumbered, renumbered), draft.text))
        citations += [c.model_copy(update={"marker": renumbered[c.marker]}) for c in draft.citations]
        read += draft.read
    for part, draft in parts:
        if draft.refused:
            why = draft.text.removeprefix(REFUSAL).strip()
            text.append(f"The indexed sources do not answer “{part}”{f' {why}' if why else ''}")
    return Draft(text=" ".join(text), citations=tuple(citations), read=tuple(dict.fromkeys(read)))


class ExtractiveAnswerer:
    """Callable `(question, passages) -> Draft`; wrapped as an LCEL runnable by `assistant.chain`."""

    name = "extractive"

    def __init__(
        self,
        embeddings: Embeddings,
        idf: Callable[[str], float],
        known_term: Callable[[str], bool],
        settings: ExtractiveSettings | None = None,
        decline: DeclineModel | None = None,
        whole_article: Callable[[Passage], Passage | None] | None = None,
        from_source: Callable[[str], bool] | None = None,
    ) -> None:
        self.embeddings = embeddings
        self.idf = idf
        self.known_term = known_term
        # Is any indexed article from a publication of this name? (None: any publication asked about is.)
        self.from_source = from_source or (lambda name: True)
        self.whole_article = whole_article
        self.settings = settings or ExtractiveSettings()
        self.decline = decline or decline_model()
        # Sentence vectors by text: questions on one topic retrieve the same passages again and again.
        self._vectors: LRUCache[str, np.ndarray] = LRUCache(maxsize=_VECTOR_CACHE)

    def _embed(self, texts: list[str]) -> np.ndarray:
        known = {t: self._vectors[t] for t in dict.fromkeys(texts) if t in self._vectors}  # a read refreshes
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        for text, vector in zip(missing, self.embeddings.embed_documents(missing) if missing else [], strict=True):
            known[text] = self._vectors[text] = np.asarray(vector, dtype=np.float32)
        return np.stack([known[t] for t in texts])

    def __call__(self, question: str, passages: Sequence[Passage], bridge: Resolved | None = None) -> Draft:
        """The answer, quoted from the passages. A question whose description was resolved to a name
        (assistant.bridges) is answered as what it asks of the name, and the answer also quotes the
        sentence the name was read from, so the reader can check it."""
        if bridge is None:
            draft = self._answer(question, passages)
            # A question asked of a publication the corpus lacks asks each of its parts of it too.
            split = draft.refused and draft.declined_because is not DeclineReason.OTHER_SOURCE
            return (self._in_parts(question, passages) or draft) if split else draft
        return self._answer(
            bridge.asked,
            passages,
            naming=Candidate(
                passage=bridge.naming,
                start=bridge.start,
                end=bridge.end,
                text=bridge.naming.text[bridge.start - bridge.naming.start : bridge.end - bridge.naming.start],
            ),
        )

    def _in_parts(self, question: str, passages: Sequence[Passage]) -> Draft | None:
        """A question that joins questions, declined as a whole, answered in the parts the sources answer,
        and the rest named as unanswered: "How much compensation has the operator paid, and has anyone been
        charged?" is not declined because no sentence gives compensation. None: it joins none, or the
        sources answer none of them."""
        parts = separate_questions(question)
        if len(parts) < 2:
            # One question asked of two things ("Which firms examined the Naxos modems and the Bonifacio
            # panels?"), which no one sentence answers: answered a thing at a time, if the sources answer both.
            things = distributed_questions(question)
            drafts = [self._answer(p, passages) for p in things] if len(things) > 1 else []
            if not drafts or any(d.refused for d in drafts):
                return None
            return _joined([(asked_part(p), d) for p, d in zip(things, drafts, strict=True)])
        first = asked_part(parts[0])
        # "…, and what did they want for the file?": "they" are who the first part asks about.
        alone = [parts[0], *(p if p != asked_part(p) else standalone_question(p, [("user", first)]) for p in parts[1:])]
        drafts = [self._answer(p, passages) for p in alone]
        if all(d.refused for d in drafts):
            return None
        return _joined([(asked_part(p), d) for p, d in zip(parts, drafts, strict=True)])

    def _answer(self, question: str, passages: Sequence[Passage], naming: Candidate | None = None) -> Draft:
        gated = self._gate(question, passages)
        if isinstance(gated, Draft):
            return gated
        pool, scored, order, typed = gated
        if not self.decline.answerable(self.evidence(question, scored, order, typed, pool)):
            return _declined(DeclineReason.WEAK_EVIDENCE)
        chosen = self._select(question, typed, scored, pool)
        verdict = None
        parts = question_parts(question)
        choice = asked_choice(asked_part(question))
        claim = claimed_figure(asked_part(question)) if asks_yes_no(question) and len(parts) == 1 else None
        # "Did Kelvane take more than three weeks to fix the flaw?" bounds a figure; it compares no two things.
        if choice is None and asks_yes_no(question) and (claim is None or claim.bound is None):
            choice = compared_by_figures(asked_part(question))  # its verdict: whether the first option wins
        if choice is not None:
            chosen, verdict = self._answer_choice(question, choice, typed, chosen, pool, scored.vectors)
        elif len(parts) > 1 or asks_yes_no(question):
            chosen, verdict = self._answer_parts(question, parts, order, typed, chosen, pool, scored.vectors)
            stated = self._figure_verdict(question, claim, order, pool) if claim is not None else None
            if stated is not None and stated[1].startswith("No") and not (verdict or "").startswith("No"):
                # Another figure of what the question states a figure of: "No", unless the "Yes" was read
                # from a later sentence (later reporting wins).
                at, lead = stated
                yes = pool[chosen[0]].passage.published if verdict and chosen else None
                if yes is None or (pool[at].passage.published or date.min) >= yes:
                    chosen, verdict = [at, *(i for i in chosen if i != at)], lead
            elif stated is not None and verdict is None:
                # A figure on the side the question's bound says ("decided by 184 votes" for "fewer than 200
                # votes"), though the sentence words the rest otherwise ("race" for "contest"): "Yes".
                at, verdict = stated
                chosen = [at, *(i for i in chosen if i != at)]
        picked = self._named_too(question, [pool[i] for i in chosen], pool)
        if naming is not None:
            naming = as_retrieved(naming, pool)
            picked = [c for c in picked if sentence_key(c) != sentence_key(naming)]
        return self._compose(picked, scored, pool, verdict, naming, options=choice is not None)

    def _named_too(self, question: str, picked: list[Candidate], pool: list[Candidate]) -> list[Candidate]:
        """A "who" answer that counts people without naming them ("charges against three Iranian men")
        also quotes where that article names them, though retrieval may not have brought that part:
        the question asked who. One that leads with a person called by the last name alone ("Hope played a
        gem of an innings") also quotes the retrieved sentence that names them in full ("Shai Hope")."""
        if not asks_who(question):
            return picked
        known = {w.lower() for w in words(question)}
        out: list[Candidate] = []
        for n, c in enumerate(picked):
            out.append(c)
            full = self._full_name_of(c, pool) if n == 0 else None
            if full is not None and full not in picked:
                out.append(full)  # "Hope played a gem of an innings…", then where "Shai Hope" is named in full
            found = self._naming_of(c, known)
            if found is None:
                continue
            # Retrieved after all (a sentence, not a list): quoted from its retrieved passage.
            found = as_retrieved(found, pool)
            if found.start <= c.start and c.end <= found.end:
                out[-1] = found  # the sentence that counts them introduces the list: "… three men:" then the names
            elif not any(
                p.passage.article_id == found.passage.article_id and p.start < found.end and found.start < p.end
                for p in [*picked, *out]
            ):
                out.append(found)
        return out

    def _full_name_of(self, c: Candidate, pool: list[Candidate]) -> Candidate | None:
        """Where c's article names in full a person c calls by the last name alone, the first it calls so
        first ("Bankman-Fried left Jane Street…, he persuaded Yedidia…": Sam Bankman-Fried): a retrieved
        sentence, else the article's first that does ("Altman's exit…": "…CEO Sam Altman…")."""
        article = self.whole_article(c.passage) if self.whole_article is not None else None
        same = [x for x in pool if x.passage.article_id == c.passage.article_id]
        for full in called_by_last_name(c.text, full_names_in((article or c.passage).text)):
            found = next((x for x in same if full in x.text), None)
            if found is None and article is not None:
                found = sentence_naming(article, full)
            if found is not None:
                return as_retrieved(found, pool)
        return None

    def _newest_about(self, question: str, pool: list[Candidate]) -> date | None:
        """The day the newest source the question is about was published: of those whose articles name what
        the question names (a later article on another incident says nothing of this one's hearing), else of
        all; None when one of them is undated. Articles are read only for a question of what happened on a
        day."""
        published = [c.passage.published for c in pool]
        if not published or not all(published):
            return None
        dates = [d for d in published if d is not None]
        if not asks_of_a_day(question):
            return max(dates)
        names = key_terms(question) - key_numbers(asked_part(question))
        texts: dict[str, str] = {}
        for c in pool:
            texts.setdefault(c.passage.article_id, self._article_text(c))
        about = [c for c in pool if names & key_terms_in(texts[c.passage.article_id])] if names else []
        return max(d for c in about or pool if (d := c.passage.published) is not None)

    def _article_text(self, c: Candidate) -> str:
        """The whole text of c's article (its passage alone where the article cannot be had), with its title
        and source ("Did TechCrunch report…": the article is TechCrunch's)."""
        article = self.whole_article(c.passage) if self.whole_article is not None else None
        return f"{c.passage.title} {c.passage.source} {(article or c.passage).text}"

    def _naming_of(self, c: Candidate, known: set[str]) -> Candidate | None:
        """Where the article of a sentence that counts people without naming them ("three Iranian men")
        names them; None when it counts no one, names them itself, or its article does not name them."""
        counted = people_counted(c.text)
        if self.whole_article is None or counted < 1 or people_named(c.text, known) >= counted:
            return None
        article = self.whole_article(c.passage)
        return naming_of_counted(article, counted, known, after=c.start) if article is not None else None

    def _gate(
        self, question: str, passages: Sequence[Passage]
    ) -> Draft | tuple[list[Candidate], _Scored, list[int], list[int]]:
        """The refusal when a rule settles it (a name the corpus never mentions, nothing to quote, no
        sentence of the asked-for kind); else the ranked candidates for the decline model to weigh."""
        unknown = [n for n in proper_nouns(asked_part(question)) if not self._known_name(n, passages)]
        if unknown:
            return _declined(DeclineReason.UNKNOWN_NAME, f"They never mention {', '.join(unknown)}.")
        # "What did a Bloomberg article report on…?" asks what Bloomberg published: what other outlets say
        # is no answer, however well it matches.
        unsourced = [p for p in publications_named(asked_part(question)) if not self.from_source(p)]
        if unsourced:
            return _declined(DeclineReason.OTHER_SOURCE, f"They hold no article from {' or '.join(unsourced)}.")
        pool = candidates(passages)
        if not pool:
            return _declined(DeclineReason.NOTHING_TO_QUOTE)
        scored, order, of_kind = self._rank(question, pool)
        aside = set_aside(question)
        # "Other than Virginia, which states…" asks of elsewhere: Virginia is no place the fact must be of.
        places = [p for p in asked_places(question) if p not in aside]
        typed = self._at_places(places, of_kind, pool) if places else of_kind
        if not typed:
            if of_kind:  # what the sources say of the asked-for kind is about somewhere else: say so
                return _declined(DeclineReason.OTHER_PLACE, f"They do not say it of {' or '.join(places)}.")
            return _declined(DeclineReason.NO_SENTENCE_OF_KIND)
        # One question's doer: "What are they, and what did Microsoft report…" asks its first part of others.
        doer = asked_doer(question) if len(question_parts(question)) == 1 else None
        # "How many voter records did Copper Lantern steal from the Mauritius register?" is not answered by the
        # register's own count when nothing about it names Copper Lantern: the question ties together two
        # incidents the sources keep apart. Only declined, never narrowed: "Did Engadget report X before
        # Polygon discussed Y?" needs Polygon's sentences too.
        if (
            doer is not None
            and self.whole_article is not None
            and not any(_names_doer(self._article_text(pool[i]), doer) for i in typed)
        ):
            return _declined(DeclineReason.DOER_NOT_TIED, f"None of what they say of it names {doer}.")
        if aside:
            # Asked what lies beyond the names set aside ("Other than Virginia, which states…"), a
            # sentence about them alone answers nothing.
            leans_on = antecedents(pool)
            typed = [i for i in typed if not _only_of(pool[i], aside, question, leans_on)]
            if not typed:
                return _declined(DeclineReason.ONLY_SET_ASIDE, f"They say it only of {' and '.join(aside)}.")
        inquiry = asked_inquiry(question)
        if inquiry is not None:
            # "What did the survey find?" is not answered by "will commission a survey and publish the
            # findings", nor by what anything else found.
            leans_on = antecedents(pool)
            if not any(reports_findings(c.text, inquiry, leaned_on_text(c, leans_on)) for c in pool):
                return _declined(DeclineReason.NO_FINDING, f"They report no finding of the {inquiry} asked about.")
        texts = [c.text for c in pool]
        if only_to_come(question, texts):
            # "Did the CEC ever publish the log?": "she said the commission would publish a full log" does
            # not say whether it did.
            return _declined(DeclineReason.ONLY_TO_COME, "They say only that it was to be done.")
        thing = asked_thing(question)
        if thing is not None and thing_only_to_come(question, thing, texts):
            # "What penalty did the CRO end up imposing?": "would consider penalties … and expects to
            # decide later in the year" does not say what it imposed.
            return _declined(DeclineReason.ONLY_TO_COME, "They say only that it was to be done.")
        newest = self._newest_about(question, pool)
        day = asked_day_after(question, newest) if newest is not None else None
        if day is not None:
            # "What happened at his court hearing on 6 November?" asked of sources that all predate it: what
            # they say of the hearing ("is scheduled for Friday 6 November") cannot tell what happened.
            return _declined(
                DeclineReason.ONLY_TO_COME,
                f"The newest of them was published on {long_date(newest)}, before {long_date(day)}.",
            )
        lead = pool[typed[0]]
        if only_requested(question, lead.text, texts):
            # "Did the CET get its ₱12.5 million approved?" is not answered by "has asked for a supplemental
            # budget of ₱12.5 million": nothing says how the request was decided.
            return _declined(DeclineReason.ONLY_TO_COME, "They say only that it was asked for.")
        if ruling_to_come(question, texts):
            # "What did the administrative court decide on Harbour Together's challenge?": "will be heard by the
            # administrative court on Thursday 17 September" says it is still to be decided.
            return _declined(DeclineReason.ONLY_TO_COME, "They say only that it is still to be decided.")
        # The sentence that answers best may say the answer is not there: "went offline for reasons that
        # are not publicly known", "through a registrar in Iceland" for "which registrar".
        not_known = _said_not_known(question, pool, order, typed, self.settings.max_sentences)
        if not_known is not None:
            return _declined(
                DeclineReason.NOT_KNOWN, f'The closest of them, "{not_known.passage.title}", says it is not known.'
            )
        if asks_poll_topper(question) and not any(tells_poll_topper(c.text) for c in pool):
            # "Who topped the poll in the May election?" is not answered by "…took the fifth seat with 498 votes":
            # none of them says who had the most votes.
            return _declined(DeclineReason.THING_NOT_MENTIONED, "None of them says who had the most votes.")
        if asks_own_motive(question):
            # "Why did Graham Olsberg add ballot papers to the boxes?" is not answered by what the boxes held and
            # who had the keycard: a sentence an answer would quote must give a cause or a purpose.
            leans_on = antecedents(pool)
            reach = typed[: self.settings.max_sentences]
            if not any(tells_motive(c.text, question) for i in reach for c in read_with(pool[i], leans_on)):
                return _declined(DeclineReason.THING_NOT_MENTIONED, "None of the closest of them says why.")
        if asks_maker(question) and not self._maker_told(pool, order):
            # "Who made the fake video…?": "The footage used in the fake appears to come from a genuine news
            # conference", "was produced with voice-cloning software, a firm said" speak of the fake, and name
            # no one who made it.
            return _declined(DeclineReason.UNNAMED, "None of the closest of them says who did it.")
        product = model_asked(question)
        if product is not None:
            asked_words = {w.lower() for w in words(question)}
            if not any(gives_model(text, product, asked_words) for text in texts):
                # "What make and model of camera was hidden in the lamp?": "removed a miniature camera from the
                # lamp housing" speaks of the camera and names no maker nor model.
                return _declined(
                    DeclineReason.UNNAMED, f"None of the closest of them gives the make or model of the {product}."
                )
        # Any kind a name answers, listed or not: "Which boatyard on Lastovo is run by him?" is not answered by
        # "…who runs a small boatyard".
        to_name = kind_asked(question)
        unnamed: tuple[Candidate, str] | None = None
        if to_name is not None:
            left = _left_unnamed(question, to_name, pool, order, typed)
            # As the source calls it: "…a third-party payroll contractor, which the authority did not name"
            # speaks of a contractor, though a company was asked for.
            unnamed = (left, to_name) if left is not None else _name_withheld(question, pool, order, typed)
        if unnamed is not None:
            source, noun = unnamed
            return _declined(
                DeclineReason.UNNAMED, f'"{source.passage.title}" speaks of {_indefinite(noun)} but gives no name.'
            )
        # "On what date did the party publish its statement…?" is not answered by the date the emails were posted:
        # the sentence that dates something must speak of the thing the question dates.
        dated = dated_thing(question)
        if dated is not None and not self._speaks_of_thing(dated, question, pool, typed):
            return _declined(DeclineReason.THING_NOT_MENTIONED, f"What they date never mentions the {dated}.")
        thing, years = asked_thing(question), sorted(scoping_years(question))
        if thing is None and not years:
            return pool, scored, order, typed
        if years:
            # A sentence that dates the asked-for event to another year ("in the 2020 municipal election"
            # for "the October 2024 municipal election") is of another event, whatever its article's date.
            asked_events = scoped_events(asked_part(question))
            typed = [i for i in typed if not _of_another_year(pool[i].text, asked_events)]
            if not typed:
                return _declined(DeclineReason.OTHER_YEAR, f"They do not say it of {' or '.join(years)}.")
        # The thing asked for ("what motive…") and the year that says which event ("the 2021 review")
        # must be spoken of where a fitting sentence stands: its paragraph, its article's title or date.
        contexts = [f"{paragraph(pool[i])} {pool[i].passage.title} {pool[i].passage.published or ''}" for i in typed]
        if thing is not None and not any(_uses_word(thing, c) for c in contexts):
            return _declined(DeclineReason.THING_NOT_MENTIONED, f"What they say of it never mentions {thing}.")
        asked_for = asked_thing(question, counted=False)
        if asked_for is not None and not self._speaks_of_thing(asked_for, question, pool, typed):
            return _declined(DeclineReason.THING_NOT_MENTIONED, f"What they say of it never mentions {asked_for}.")
        # The year, where the sentences an answer would quote stand: "the 2022 midterms" is not answered
        # by a paragraph on the 2024 election, though the article mentions 2022 elsewhere. One of several
        # found will do: "the 2024 primary … the 2020 one".
        quoted = contexts[: self.settings.max_sentences]
        if years and not any(y in c for y in years for c in quoted):
            return _declined(DeclineReason.OTHER_YEAR, f"They do not say it of {' or '.join(years)}.")
        return pool, scored, order, typed

    def _known_name(self, name: str, passages: Sequence[Passage]) -> bool:
        """A name is known when the corpus has it or a word of its meaning ("the Kremlin": "Russia"); a
        people's word when the corpus has their country ("Ghanaian": "Ghana"); an acronym when a passage
        spells it out, in any case ("DOB": "dates of birth")."""
        if all(self.known_term(t) or self.known_term(concept(t)) for t in terms(name)):
            return True
        place = demonym_place(name)
        if place is not None and all(self.known_term(t) for t in terms(place)):
            return True
        return bool(ACRONYM.fullmatch(name)) and any(spells_out(name, p.text) for p in passages)

    def evidence_for(self, question: str, passages: Sequence[Passage]) -> Evidence | None:
        """The evidence the decline model weighs (None: a rule declines before the model is asked, so
        the model is trained on exactly the questions it decides)."""
        gated = self._gate(question, passages)
        return None if isinstance(gated, Draft) else self.evidence(question, *gated[1:], gated[0])

    def _rank(self, question: str, pool: list[Candidate]) -> tuple[_Scored, list[int], list[int]]:
        """Scores, candidates best first, and those of them that hold the asked-for kind of fact."""
        scored = self._score(question, pool)
        order = sorted(range(len(pool)), key=lambda i: (-scored.scores[i], _tie_break(pool[i])))

        leans_on = antecedents(pool)
        # "They took part in the campaign" answers "who" with the names of the sentence before it, which
        # the answer then quotes first; "… targeted three members of Congress:" with the list it
        # introduces, which the answer quotes after it.
        typed = [i for i in order if self._fits(pool[i], question, pool, leans_on)]
        return scored, order, typed

    @staticmethod
    def _fits(c: Candidate, question: str, pool: list[Candidate], leans_on: Antecedents) -> bool:
        """Does the sentence hold the kind of fact asked for, read with the sentence it leans on and the
        items of the list it introduces? Not a sentence that reports nothing (the document speaking of
        itself, a label over its paragraph)."""
        if _reports_nothing(c):
            return False
        # "…would not comment on the Rook Syndicate" answers "why" or "how much" by saying it is not told
        # (a decline); asked how they got in, it says nothing at all.
        if declines_comment(c.text) and not says_not_known(c.text, question):
            return False
        surnames = surnames_in(c.passage.text)
        return any(
            fits_question_type(x.text, question, surnames) for x in [*read_with(c, leans_on), *list_items(c, pool)]
        )

    @staticmethod
    def _maker_told(pool: list[Candidate], order: list[int]) -> bool:
        """Does one of the closest sentences (with the one it leans on) tie someone to what a "who made…" question
        asks about (see assistant.unsaid.ties_maker)?"""
        leans_on = antecedents(pool)
        return any(ties_maker(x.text) for i in order[:_MAKER_REACH] for x in read_with(pool[i], leans_on))

    def _speaks_of_thing(self, thing: str, question: str, pool: list[Candidate], typed: list[int]) -> bool:
        """Does a sentence an answer would quote use the word of the thing asked for (with the sentence it leans
        on), not only other sentences of its paragraph? "Which party does board chair Liv Haugmo belong to?" is
        not answered by what she said, two sentences before "The count was observed by all parties". Further
        down, a sentence that uses it answers where it, or the one before it, names the people the question
        names: "The magistrate said the evidence pointed to 'a personal grievance' as his motive", after
        "The court heard that Camilleri had lost his contract"."""
        leans_on = antecedents(pool)

        def said(i: int) -> str:
            return _with_leaned_on(pool[i], leans_on)

        if any(_uses_word(thing, said(i)) for i in typed[: self.settings.max_sentences]):
            return True
        people = {t for surname in full_names_in(question) for t in key_terms_in(surname)}
        return bool(people) and any(
            _uses_word(thing, said(i)) and people <= key_terms_in(f"{said(i)} {sentence_before(pool[i])}")
            for i in typed
        )

    def _at_places(self, places: list[str], typed: list[int], pool: list[Candidate]) -> list[int]:
        """The fact is asked of a place: those of the typed sentences whose article has one (or the one
        it leans on, or the title, source or lede) that speaks of one of the question's places. Fulton
        County's count does not answer how many threats Michigan had, though the article lists Michigan
        among the states hit; "Traffic peaked at 61 Gbps" answers of Cameroon in a story whose opening
        sentence sets it there ("…knocked Cameroon's election results portal offline…")."""
        leans_on = antecedents(pool)

        def at_place(c: Candidate) -> bool:
            said = " ".join(
                [*(x.text for x in read_with(c, leans_on)), c.passage.title, c.passage.source, self._lede(c.passage)]
            )
            return any(speaks_of(said, place) for place in places)

        local = {pool[i].passage.article_id for i in typed if at_place(pool[i])}
        return [i for i in typed if pool[i].passage.article_id in local]

    def _lede(self, passage: Passage) -> str:
        """The opening sentence of the passage's article (sentences.lede), where it sets the story in one
        country or state at most: "" when it names several ("…three campaigns …: in San Jacinto del Olmo,
        Colombia; in Aït Berdane, Morocco; and in Kessler County, … Oregon" sets no one scene), or when the
        article cannot be had and the passage does not open it."""
        article = self.whole_article(passage) if self.whole_article is not None else None
        opening = lede(article.text) if article is not None else lede(passage.text) if passage.start == 0 else ""
        return opening if _sets_one_scene(opening) else ""

    def evidence(
        self, question: str, scored: _Scored, order: list[int], typed: list[int], pool: list[Candidate]
    ) -> Evidence:
        total = sum(scored.weights.values()) or 1.0

        def coverage(picked: list[int]) -> float:
            have = set().union(
                *(
                    scored.covered[i] | set(concept_terms(f"{pool[i].passage.title} {pool[i].asked} {pool[i].refers}"))
                    for i in picked
                )
            )
            return sum(w for t, w in scored.weights.items() if t in have) / total

        # A bound the question sets is no fact to find: "over 25,000 euros" is answered by "27,400 euros".
        keys = key_terms(question) - bound_terms(question)
        # "Dellucci finished second…" names Serafina Dellucci: a person the question names in full is named by
        # the surname alone.
        full_names = {
            frozenset(key_terms_in(surname)): key_terms_in(full) for surname, full in full_names_in(question).items()
        }
        leans_on = antecedents(pool)
        # The question's places, which a story's opening sentence may give for all of it ("Traffic peaked at
        # 61 Gbps" of "…knocked Cameroon's results portal offline"): only they, not its other names.
        places = {place: keys & key_terms_in(place) for place in asked_places(question)}

        def key_coverage(picked: list[int]) -> float:
            if not keys:
                return 1.0
            have: set[str] = set()
            for i in picked:
                passage = pool[i].passage
                # "She has filed a suit…" names Kothari through the sentence it leans on.
                said = " ".join(
                    [
                        pool[i].text,
                        leaned_on_text(pool[i], leans_on),
                        pool[i].asked,
                        pool[i].refers,
                        passage.title,
                        passage.source,
                        *passage.topics,
                        _year_of(passage),
                    ]
                )
                have |= key_terms_in(said) | acronyms(pool[i].text) | spelled_acronyms(question, said)
                have |= set().union(*(full for surname, full in full_names.items() if surname <= have))
                if places and (opening := self._lede(passage)):
                    have |= set().union(*(terms for place, terms in places.items() if speaks_of(opening, place)))
            return len(keys & have) / len(keys)

        best = typed[0] if typed else None
        # The best sentence of any kind, but not one that reports nothing ("This page answers common
        # questions about the by-election…", a label): it matches every question on its subject, answers
        # none, and would make any sentence that does answer look weak beside it.
        reporting = next((i for i in order if not _reports_nothing(pool[i])), order[0])
        return Evidence(
            best=scored.scores[best] if best is not None else 0.0,
            best_any=scored.scores[reporting],
            similarity=scored.similarity[best] if best is not None else 0.0,
            coverage=coverage([best]) if best is not None else 0.0,
            joint_coverage=coverage(typed[:3]),
            key_coverage=key_coverage([best]) if best is not None else 0.0,
            joint_key_coverage=key_coverage(typed[:3]),
            fitting_share=len(typed) / len(pool),
            log_terms=math.log1p(len(scored.weights)),
        )

    def _score(self, question: str, pool: list[Candidate]) -> _Scored:
        # Not the "Labs" of "Lumenfold Labs": "Lumenfold found…" speaks of it as much as "Lumenfold Labs said…".
        q_terms = set(concept_terms(question)) - set(concept_terms(" ".join(corporate_suffixes(question))))
        # A follow-up's own words (and the names its "he" stands for) say what is asked now; the
        # earlier questions it carries only keep the topic.
        now = set(concept_terms(asked_now(question)))
        weights = {t: self.idf(t) * (1.0 if t in now else _CARRIED_WEIGHT) for t in q_terms}
        total = sum(weights.values()) or 1.0
        vectors = np.vstack(
            [np.asarray(self.embeddings.embed_query(question), dtype=np.float32), self._embed([c.text for c in pool])]
        )
        semantic = vectors[1:] @ vectors[0]
        faq = [c.asked for c in pool if c.asked]
        if faq:  # a FAQ answer matches as well as the question it answers: "On the official website, …"
            asked = dict(zip(faq, self._embed(faq) @ vectors[0], strict=True))
            semantic = np.array([max(s, asked[c.asked]) if c.asked else s for c, s in zip(pool, semantic, strict=True)])
        w = self.settings.semantic_weight
        scores: list[float] = []
        covered: list[frozenset[str]] = []
        for candidate, sim in zip(pool, semantic, strict=True):
            # An acronym in the question ("CISA") matches the name spelled out in the sentence, capitalised
            # or not ("MFA": "multi-factor authentication").
            own = q_terms & (
                set(concept_terms(candidate.text))
                | set(acronyms(candidate.text))
                | spelled_acronyms(question, candidate.text)
            )
            context = f"{candidate.passage.title} {candidate.asked} {candidate.refers}"
            with_title = own | (q_terms & set(concept_terms(context)))
            score = w * float(sim) + (1 - w) * sum(weights[t] for t in with_title) / total
            scores.append(round(score, _SCORE_DIGITS))
            covered.append(frozenset(own))
        return _Scored(
            scores=scores,
            similarity=[float(x) for x in semantic],
            covered=covered,
            weights=weights,
            vectors=vectors[1:],
        )

    def _says_asked(self, question: str, pool: list[Candidate]) -> Callable[[int], bool] | None:
        """Whether a candidate says what is asked in a way the best-scoring one may not (None: no such test).

        Asked who, it names someone: words for people ("than officials first said") say who only vaguely.
        Asked what someone said, it reports them saying it: "Report every threat to the FBI" mentions the FBI
        but reports nothing the FBI said. Asked why, it gives a reason: "Gary Lenhart left 14 voicemails…"
        restates what he did; "…convinced, after his mother told him a scanner had jammed, …" says why."""
        leans_on = antecedents(pool)
        if asks_who(question):
            known = {w.lower() for w in words(question)}

            # "They…" names whom the sentence before it names; "three Iranian men" names them when their
            # article does, which the answer then quotes too (_named_too). Several people, not one: the
            # one name a later sentence gives need not be of "a county employee".
            def names(i: int) -> bool:
                return any(
                    names_someone(c.text, question, surnames_in(c.passage.text))
                    or (people_counted(c.text) > 1 and self._naming_of(c, known))
                    for c in read_with(pool[i], leans_on)
                )

            return names
        if asks_reason(question):  # "On what grounds did the analysts conclude…" asks why, not what they said
            # "It concluded…" gives the reasons the sentence it leans on gives ("…found spectral artefacts").
            return lambda i: any(gives_reason(c.text, question) for c in read_with(pool[i], leans_on))
        if asks_means(question):  # "How did they get in?": what was used ("using a remote access account")
            return lambda i: any(gives_means(c.text, question) for c in read_with(pool[i], leans_on))
        speaker = speaker_asked(question)
        if speaker:
            verb = verb_asked(question)

            # "It said…" reports the FBI when the sentence it leans on names the FBI. Asked what the
            # statement urged, "The agencies urged…" says it, in whoever's name.
            def reports(i: int) -> bool:
                before = leaned_on(pool[i], leans_on)
                named_before = before is not None and bool(set(concept_terms(before.text)) & speaker)
                return reports_speaker(pool[i].text, speaker, by_pronoun=named_before) or bool(
                    verb is not None and verb.search(pool[i].text)
                )

            return reports
        return None

    def _select(self, question: str, typed: list[int], scored: _Scored, pool: list[Candidate]) -> list[int]:
        """The best sentence, then sentences that add question terms it lacks (multi-part questions).

        A sentence that says what is asked leads if it scores close to the best one (_says_asked)."""
        best = typed[0]
        # Between sentences that score about alike, the one that holds more of the question's phrases
        # ("Ramat Ha'Oren's election director": "the city's election director, Avi Mizrahi-Golan") leads
        # over one that holds its words apart ("a hospital director", "municipal elections").
        asked = phrases(asked_part(question))
        held = {
            i: len(asked & phrases(pool[i].text))
            for i in typed
            if scored.scores[i] >= _PHRASE_SHARE * scored.scores[best]
        }
        best = max(held, key=lambda i: (held[i], scored.scores[i]), default=best)
        says = self._says_asked(question, pool)
        if asks_role_holder(question):
            # "Who chairs the committee?": the sentence of the best-answering article that names who holds
            # a role ("The committee, chaired by Dame Rosalind Achterberg MP, took evidence…") leads, though
            # it shares few of the question's words and means little like it (assistant.roles).
            article = pool[best].passage.article_id
            best = next(
                (i for i in typed if pool[i].passage.article_id == article and names_role_holder(pool[i].text)), best
            )
        elif says is not None and not says(best):
            best = next(
                (i for i in typed[1:] if scored.scores[i] >= _LEAD_SHARE * scored.scores[best] and says(i)), best
            )
        article = pool[best].passage.article_id
        if asked_kind(question) == "number" and counts_only_vaguely(pool[best].text):
            # "How many poll clerks typed their details…?": "According to the unit, 143 clerks entered their
            # details" leads, not the article's opening "Hundreds of poll clerks … have been tricked".
            best = next(
                (i for i in typed if pool[i].passage.article_id == article and counts_exactly(pool[i].text)), best
            )
        if asked_counts(pool[best].text, question) == []:
            # "How many threatening letters did Radošević receive?": a sentence that counts letters ("she had
            # received three anonymous letters") leads, not the best-scoring one that counts the men charged with
            # threatening her.
            best = next(
                (
                    i
                    for i in typed
                    if scored.scores[i] >= _LEAD_SHARE * scored.scores[best] and asked_counts(pool[i].text, question)
                ),
                best,
            )
        to_name = kind_to_name(question)
        if to_name is not None and not _introduces(pool[best].text, *to_name):
            # "Which consultancy was linked to the fake pages?": the sentence of the same article that names one
            # ("…paid for by Halvard Strategic Communications, a political consultancy…") leads, not the
            # article's opening, which names the digital rights group that wrote the report.
            best = next(
                (i for i in typed if pool[i].passage.article_id == article and _introduces(pool[i].text, *to_name)),
                best,
            )
        thing = asked_thing(question, counted=False)
        leans_on = antecedents(pool) if thing is not None else {}
        if thing is not None and not _uses_word(thing, _with_leaned_on(pool[best], leans_on)):
            # "What motive did the court identify for Daniel Camilleri?": the sentence of the same article that
            # speaks of a motive ("…pointed to 'a personal grievance' as his motive") leads, not the verdict's.
            best = next(
                (
                    i
                    for i in typed
                    if pool[i].passage.article_id == article and _uses_word(thing, _with_leaned_on(pool[i], leans_on))
                ),
                best,
            )
        deed = deed_asked(question)
        # Not away from one that names the kind asked for to one that names none: "Which company ran the
        # network?" is answered by "Lantern traced the network to Bluewater Reach, a marketing company", not by
        # "was run by a marketing company registered outside the country".
        named = to_name is not None and _introduces(pool[best].text, *to_name)
        if deed is not None and not deed.search(pool[best].text):
            # "Which group claimed the attack on Tallyforge?": the sentence of the same article that says who
            # did the deed ("A group calling itself Lantern Spider claimed responsibility") leads, not one
            # that names others beside it ("A ransomware attack on Tallyforge Systems, the private company…").
            # Another article's doer of that deed may be of another attack ("The LockBit group claimed…").
            best = next(
                (
                    i
                    for i in typed
                    if pool[i].passage.article_id == article
                    and deed.search(pool[i].text)
                    and (says is None or says(i))
                    and (not named or to_name is None or _introduces(pool[i].text, *to_name))
                ),
                best,
            )
        done = deed_asked(question, done_to=True)
        if done is not None and not any(
            done.search(pool[i].text) for i in typed if pool[i].passage.article_id == pool[best].passage.article_id
        ):
            # No sentence of that article says the deed, or who had it done: one of another article that does,
            # and speaks of all the names the question gives (when it gives any), leads. "Who was convicted in
            # the Paraguayan voter-data case?" is answered by the verdict's report, not by the first report's
            # civic group. (Within one article, who had it done may be named apart from the deed: "The
            # defendants, Masoud Jalili, …" after "…an indictment charging three Iranian men".)
            keys = key_terms(question)
            best = next(
                (
                    i
                    for i in typed
                    if keys
                    and done.search(pool[i].text)
                    and (says is None or says(i))
                    and keys
                    <= key_terms_in(f"{pool[i].text} {pool[i].refers} {pool[i].passage.title} {pool[i].passage.source}")
                ),
                best,
            )
        # "An earlier version of this statement said that 48,000 records had been exposed." gives a figure
        # its article takes back: the sentence beside it with the correct one ("The correct figure is 41,800
        # records.") leads, and the figure taken back follows it.
        correction = _correction_beside(best, typed, pool) if takes_back(pool[best].text) else None
        chosen = [best] if correction is None else [correction, best]
        best = chosen[0]
        have = set().union(*(scored.covered[i] for i in chosen))
        top = max(scored.scores[i] for i in chosen)  # a correction that leads lowers no bar
        relative = self.settings.keep_ratio * top
        # A confident answer keeps sentences above min_score too; a weaker one (the decline model let
        # it through) keeps those close to its best.
        floor = max(self.settings.min_score, relative) if top >= self.settings.min_score else relative
        for i in typed:
            if i in chosen:
                continue
            if len(chosen) >= self.settings.max_sentences or scored.scores[i] < floor:
                break
            gain = sum(scored.weights[t] for t in scored.covered[i] - have)
            if gain < self.settings.min_gain * sum(scored.weights.values()):
                continue
            if max(float(scored.vectors[i] @ scored.vectors[j]) for j in chosen) > _NEAR_COPY:
                continue  # a near-copy of a chosen sentence adds nothing
            chosen.append(i)
            have |= scored.covered[i]
        update = self._same_matter_other_date(best, typed, scored, pool, floor, question)
        if update is not None and update not in chosen:
            chosen.append(update)
        return chosen

    @staticmethod
    def _same_matter_other_date(
        best: int, typed: list[int], scored: _Scored, pool: list[Candidate], floor: float, question: str
    ) -> int | None:
        """A sentence from a source of another date on the same matter as the best one, if any.

        Statements get updated (an attribution, then an indictment): showing both, in date order,
        lets the answer end on the latest and say "as of" when.
        """
        when = pool[best].passage.published
        if when is None:
            return None
        # A later sentence on its matter that corrects the very figure the best one gives ("…peaked at 61 Gbps,
        # not the 38 Gbps given in the office's first estimate" of "…peaked at 38 Gbps") is its update, however
        # little else of the question it holds; the latest such, if several.
        given = {f.value for f in figures(pool[best].text)}
        corrections = [
            i
            for i in typed
            if (other := pool[i].passage.published)
            and other > when
            and replaced_figures(pool[i].text) & given
            and float(scored.vectors[i] @ scored.vectors[best]) >= _CORRECTED_MATTER
        ]
        if corrections:
            return max(corrections, key=lambda i: pool[i].passage.published or date.min)
        recount = _recount(best, typed, scored, pool, question)
        if recount is not None:
            return recount
        close = [i for i in typed if i != best and scored.scores[i] >= _UPDATE_SHARE * floor]
        # A later sentence that says it corrects an earlier figure ("118,600 records, not the roughly
        # 41,000 first reported") is the update, however differently it is worded.
        for i in close:
            other = pool[i].passage.published
            similarity = float(scored.vectors[i] @ scored.vectors[best])
            if other and other > when and states_correction(pool[i].text) and similarity >= _CORRECTED_MATTER:
                return i
        for i in close:
            other = pool[i].passage.published
            similarity = float(scored.vectors[i] @ scored.vectors[best])
            # A near-copy is the same statement published twice, not an update of it.
            if other and other != when and _SAME_MATTER <= similarity <= _NEAR_COPY:
                return i
        return None

    def _answer_parts(
        self,
        question: str,
        parts: list[str],
        order: list[int],
        typed: list[int],
        chosen: list[int],
        pool: list[Candidate],
        vectors: np.ndarray,
    ) -> tuple[list[int], str | None]:
        """One sentence per part of a comparison or multi-part question, and for a plain yes/no
        question the verdict the evidence supports.

        A part is supported by the best-ranked sentence that holds its names and numbers and most of
        its words (its article's title and source count: "the TechCrunch article"). Of the shown
        sentences that support it (for a yes/no question, of all that do), the latest dated one speaks
        for it, as later reporting supersedes earlier. Its verdict (assistant.verdicts.yes_no_verdict)
        leads the answer: "No" when it denies what the question asks ("the county did not pay"), "Yes"
        when it denies nothing, none when it denies something else or the question is not supported:
        the quotes are then shown as they are.
        """
        yes_no = asks_yes_no(question) and len(parts) == 1
        # Parts that ask something of their own, of another kind than the question as a whole was typed
        # by (what two parts ask alike, "how many … compared to how many …", the typed sentences hold),
        # each with the names the conversation already gave.
        carried = question[len(asked_part(question)) :]
        kind = asked_kind(question)
        # Or of the same kind but of another thing: "…, and what was the turnout?" after "By how many votes…".
        first = set(concept_terms(parts[0]))
        asking = [
            p
            for p in asked_parts(question)
            if len(parts) > 1
            and (asked_kind(p) != kind or (p != parts[0] and not (set(concept_terms(p)) - key_terms(p)) & first))
        ]
        leans_on = antecedents(pool)
        support_terms = _support_terms(question, pool)
        own_terms = [key_terms_in(c.text) for c in pool]
        by_part: list[int | None] = []
        # Between sentences that hold a part alike, the one closest in meaning to the part itself: the
        # ranking was made for the question as a whole.
        part_vectors = self._embed(parts) if len(parts) > 1 else None
        for n, part in enumerate(parts):
            weights = {t: self.idf(t) for t in set(concept_terms(part)) - _SCAFFOLDING}
            total = sum(weights.values()) or 1.0
            keys = key_terms(part)

            # A name the sentence's article gives (see by_article below) counts as held.
            def support(
                i: int,
                names: set[str] | frozenset[str] = frozenset(),
                weights: dict[str, float] = weights,
                total: float = total,
            ) -> float:
                held = support_terms[i] | names
                return sum(w for t, w in weights.items() if t in held) / total

            # A part that asks something of its own is supported by a sentence holding what it asks for,
            # which need not be what the question as a whole was typed by: "Who's the secretary of state
            # who…, and what share of precincts…?" wants a name, then a share.
            own = part + carried
            fitting = [i for i in order if self._fits(pool[i], own, pool, leans_on)] if part in asking else typed

            def holds(i: int, names: set[str] | frozenset[str] = frozenset(), keys: set[str] = keys) -> bool:
                return keys <= support_terms[i] | names and support(i, names) >= _PART_SUPPORT

            holding = [i for i in fitting if holds(i)]
            by_article = not holding and yes_no
            if by_article:
                # Where no sentence holds them, a yes/no question's names may stand elsewhere in the sentence's
                # article: "All three pleaded not guilty" in the article on the Kweli Files leak (as a figure's, see
                # _figure_verdict); such a sentence leads only with the denial it gives (a "yes" must hold the names
                # itself: "the attack peaked at 61 Gbps" under a title on the DDoS says nothing of the network asked).
                named = _held_by_article(keys, pool, support_terms)
                holding = [i for i in fitting if holds(i, named[pool[i].passage.article_id])]
            if not holding:
                by_part.append(None)
                continue
            # Each part its own sentence where another holds it: "Which firm examined the leak, and
            # what did Lumenfold find?" is not answered twice by "…asked Lumenfold Labs to examine…".
            unused = [i for i in holding if i not in by_part] or holding
            near = vectors @ part_vectors[n] if part_vectors is not None else np.zeros(len(pool))

            def fit(i: int, near: np.ndarray = near, weights: dict[str, float] = weights) -> tuple[float, ...]:
                # What the sentence holds in its own words, not through its title, comes before meaning.
                own = sum(w for t, w in weights.items() if t in own_terms[i])
                return (round(support(i), 6), round(own, 6), round(float(near[i]), _SCORE_DIGITS))

            best = max(unused, key=fit)
            shown = [i for i in dict.fromkeys([best, *chosen]) if i in unused]
            # Of the latest, the one that holds the part best: "Police arrested Folkert Dijkhuis…", not "He has not
            # been charged…" beside it, says whether anyone was arrested.
            speaks = max(
                unused if yes_no else shown, key=lambda i: (pool[i].passage.published or date.min, fit(i), i == best)
            )
            if yes_no:
                speaks = self._overturned_by(speaks, holding, set(weights), pool)
            if by_article and _verdict_of(question, pool[speaks], pool, support_terms) != "No":
                by_part.append(None)
                continue
            by_part.append(speaks)
        supported = [i for i in by_part if i is not None]
        # A part no sentence holds is left to the sentences chosen for the question as a whole: "…, and how
        # many IP addresses did it come from?" is answered by "Attack traffic peaked at 48 gigabits per second
        # and came from approximately 19,000 IP addresses", chosen though it holds too few of the part's words.
        # (Not one that says what a part's sentence says: the same sentence split apart in two chunks.)
        kept = [i for i in chosen if all(float(vectors[i] @ vectors[j]) <= _NEAR_COPY for j in supported if j != i)]
        picked = list(dict.fromkeys([*supported, *kept]))[: max(len(chosen), len(by_part))]
        # A verdict on a comparison weighs what two sources say against each other, a judgement the
        # polarity of quotes cannot settle (measured on the benchmark's tuning part: 3 of 5 right).
        if not asks_yes_no(question) or len(parts) > 1 or len(supported) < len(parts):
            return picked, None
        return picked, _verdict_of(question, pool[supported[0]], pool, support_terms)

    def _answer_choice(
        self,
        question: str,
        choice: Choice,
        typed: list[int],
        chosen: list[int],
        pool: list[Candidate],
        vectors: np.ndarray,
    ) -> tuple[list[int], str | None]:
        """One sentence per option of a choice ("…, Hallowfield's or Wyckham's?"), before the chosen ones,
        and what leads the answer when the two sentences settle it (assistant.measures): the option that
        wins with both figures ("Hallowfield's: 3 hours and 40 minutes against 55 minutes"), or, for a
        yes/no question that compares ("Was A's outage longer than B's?"), the verdict with them.

        Of the typed sentences that hold the option's names and most of its words (its article's title
        counts), the one that states what is compared (a count, a sum, a length of time, a date) and means most
        like the option with what is asked of it ("Hallowfield's website was down longer on count night")
        stands for it. The places an option names say which one is meant ("the Niamh Carrick video in
        Ireland"), and its sentences need not repeat them.
        """
        support_terms = _support_terms(question, pool)
        by_option: list[int] = []
        options = self._embed(choice.parts())
        # "How many days before polling day did Katsarelis service the Naxos modems?": a day that names nothing
        # is the one of the other event's matter, told by an article that names what the other event names.
        named = [set(concept_terms(" ".join(re.findall(r"\b[A-Z][\w'’-]*", option)))) for option in choice.options]
        held = _held_by_article(set().union(*named), pool, support_terms)
        for n, (option, vector) in enumerate(zip(choice.options, options, strict=True)):
            # "the Ethiopian portal attack" is held by "Ethiopia's … portal": a people's word by their country.
            placed = re.sub(r"\b[A-Z][a-z]{2,}\b", lambda m: demonym_place(m.group()) or m.group(), option)
            weights = {t: self.idf(t) for t in set(concept_terms(placed)) - _SCAFFOLDING}
            total = sum(weights.values()) or 1.0
            keys = key_terms(option) - set(concept_terms(" ".join(places_in(option))))
            matter = named[1 - n] if choice.elapsed and not named[n] else set()
            # An event is told by a word of its own besides its names: "Irini Lagoudaki certified as mayor" not by
            # "…gave Lagoudaki a winning margin".
            event = set(weights) - named[n] if choice.elapsed else set()
            holding = [
                i
                for i in typed
                if i not in by_option
                and keys <= support_terms[i]
                and (not matter or bool(matter & held[pool[i].passage.article_id]))
                and (not event or _tells_event(event, support_terms[i]))
                and sum(w for t, w in weights.items() if t in support_terms[i]) / total >= _OPTION_SUPPORT
            ]
            if holding:
                near = vectors @ vector
                by_option.append(
                    max(
                        holding,
                        key=lambda i: (
                            # "At the last island council election turnout was 72.5 percent" is of the one
                            # before the election asked about, unless the question asks of that one.
                            not _of_previous_event(pool[i].text, question),
                            # Days between two events are counted from one day each states ("on Monday 10
                            # August"), not from "last week's" nor from two days.
                            choice.elapsed and _one_day(pool[i]) is not None,
                            settles_choice(pool[i].text, choice),
                            states_compared(choice, pool[i].text),
                            round(float(near[i]), _SCORE_DIGITS),
                        ),
                    )
                )
        picked = list(dict.fromkeys([*by_option, *chosen]))[: max(len(chosen), len(by_option))]
        settled = self._settled(question, choice, [pool[i] for i in by_option], pool) if len(by_option) == 2 else None
        return picked, settled

    def _settled(self, question: str, choice: Choice, quoted: list[Candidate], pool: list[Candidate]) -> str | None:
        """What the two options' quotes settle, in words, or None when they do not tell (see _answer_choice)."""
        leans_on = antecedents(pool)
        for option, c in zip(choice.options, quoted, strict=True):
            # The figure must be said of the option: its names stand in the sentence (or what it leans on),
            # its article's title or its opening sentence ("…has taken up to three days in some rural
            # districts" is no site's outage).
            said = " ".join([*(x.text for x in read_with(c, leans_on)), c.passage.title, self._lede(c.passage)])
            if not key_terms(option) <= key_terms_in(said):
                return None
        if choice.elapsed:
            return _days_between(quoted[0], quoted[1])
        if choice.summed:
            # No source states the total asked: the sum of what each states, with both figures beside it.
            addends = summands(choice, quoted[0].text, quoted[1].text)
            total = None if addends is None else summed_figure(*addends)
            return (
                None
                if addends is None or total is None
                else f"{total} in total: {addends[0].said} and {addends[1].said}"
            )
        figures = weighed(choice, quoted[0].text, quoted[1].text)
        wins = None if figures is None else winner(choice, *figures)
        if figures is None or wins is None:
            return None
        first, second = figures
        if asks_yes_no(question):
            return f"{'Yes' if wins == 0 else 'No'}: {first.said} against {second.said}"
        option = choice.options[wins]
        return f"{option[:1].upper()}{option[1:]}: {figures[wins].said} against {figures[1 - wins].said}"

    def _figure_verdict(
        self, question: str, claim: ClaimedFigure, order: list[int], pool: list[Candidate]
    ) -> tuple[int, str] | None:
        """The sentence that states another figure of what a yes/no question states a figure of ("Was the
        archive 3.2 GB?": "The archive examined by investigators was 2.3 GB"), with the verdict it gives
        ("No: 2.3 GB, not 3.2 GB"); else, for a bound ("fewer than 200 votes") that the latest that state a
        figure of it all meet, the first of them, with "Yes: 184 votes"; None when no sentence states one
        (see assistant.figure_claims).

        Of the sentences that hold the question's names and most of its words but its figure (as a part is
        held, see _answer_parts), those of the latest date speak, as later reporting supersedes earlier;
        the best ranked of them is quoted."""
        support_terms = _support_terms(question, pool)
        keys = key_terms(question) - figure_terms(claim)
        asked = set(concept_terms(asked_part(question)))
        weights = {t: self.idf(t) for t in asked - _SCAFFOLDING - set(concept_terms(claim.figure.said))}
        # A part of the very whole the question names ("287 of the 312 accounts") may word the deed otherwise
        # ("removed" for "take down"): it must hold the rest of the question's words.
        verb = asked_predicate(question)
        deed = set(concept_terms(verb)) if verb is not None else set()
        rest = {t: w for t, w in weights.items() if t not in deed}
        # The names a question ties its figure to may stand elsewhere in the sentence's article ("Was the
        # archive Caldera Forensics examined … 3.2 GB?": "The archive examined by investigators was 2.3 GB",
        # in the article that says "The review, carried out by Caldera Forensics…").
        named = _held_by_article(keys, pool, support_terms)
        stated: list[tuple[int, StatedFigure]] = []
        for i in order:
            held = support_terms[i] | named[pool[i].passage.article_id]
            found = stated_figure(claim, pool[i].text, asked) if keys <= held else None
            counted = rest if found is not None and found.part_of_whole else weights
            if (
                found is not None
                and sum(w for t, w in counted.items() if t in held) / (sum(counted.values()) or 1.0) >= _PART_SUPPORT
            ):
                stated.append((i, found))
        latest = max((pool[i].passage.published or date.min for i, _ in stated), default=None)
        speaking = [(i, s) for i, s in stated if (pool[i].passage.published or date.min) == latest]
        # "Only 310 staff?" is gainsaid by the total beside a sentence that repeats 310 as the first wave;
        # "all 312 accounts?" by "287 of the 312" beside one that counts the 312.
        gainsaying = [(i, s) for i, s in speaking if not s.same]
        if not gainsaying:
            # "Yes" only where the bound is met by the one number the sentence gives: "removed a further 1,350
            # accounts …, bringing the total to 3,150" meets "fewer than 2,000" with a part of the whole.
            if claim.bound is None:  # an exact figure in a question is often a description, not the claim
                return None
            alone = [(i, s) for i, s in speaking if _the_one_number(pool[i].text, s.said, claim, asked)]
            return (alone[0][0], f"Yes: {alone[0][1].said}") if alone else None
        if len(gainsaying) < len(speaking) and not (claim.only or claim.all_of):
            return None
        at, said = gainsaying[0]
        return at, f"No: {said.said}" if claim.all_of else f"No: {said.said}, not {claimed_as_stated(claim, said)}"

    @staticmethod
    def _overturned_by(speaks: int, holding: list[int], asked: set[str], pool: list[Candidate]) -> int:
        """The latest sentence, shown or not, that reports again on what the sentence settling a yes/no
        question speaks of: "no one has been charged" and the later "a grand jury charged…" are worded
        too differently to be taken as one matter updated, yet the later one overturns the verdict. It
        must hold in its own words every asked-about term the first one holds in its own words (the
        title counts for neither): a later "commissioners discussed the breach" does not say "charged"."""
        said = set(concept_terms(pool[speaks].text)) & asked
        if not said:  # it speaks only through its title: nothing to tell a report on the same thing by
            return speaks
        when = pool[speaks].passage.published or date.min
        later = [
            i
            for i in holding
            if (pool[i].passage.published or date.min) > when and said <= set(concept_terms(pool[i].text))
        ]
        # max keeps the best-ranked of equally late ones.
        return max(later, key=lambda i: pool[i].passage.published or date.min, default=speaks)

    def _compose(
        self,
        picked: list[Candidate],
        scored: _Scored,
        pool: list[Candidate],
        verdict: str | None = None,
        naming: Candidate | None = None,
        options: bool = False,
    ) -> Draft:
        """The answer text with its markers and citations. `naming` is the sentence a described question's
        name was read from (assistant.bridges): quoted first (after the quote a verdict was read from), so
        the reader sees who is meant, and never dated as a report on the answer's matter. The quotes of a
        choice's `options` are on different matters by the question's own word, in the options' order:
        never one matter reported again ("As of …: Tallyvane's emails …; Earlier, on …: Michigan's …")."""
        leans_on = antecedents(pool)
        settles = picked[0] if verdict else None  # the quote the verdict was read from
        # ... and the sentence it leans on, if it begins "They…", which comes just before it.
        leading = [] if settles is None else [settles, leaned_on(settles, leans_on)]
        picked = with_antecedents(self._expand_lists(picked, pool), leans_on)
        matter = set() if options else self._one_matter(picked, scored, pool)
        latest = max((c.passage.published or date.min for c in picked if c.passage.article_id in matter), default=None)
        if matter:
            # The lead's matter reported at different dates: the latest leads, so a superseded statement
            # is never the one read as current; each of its statements carries its date. Within a date,
            # the quote that settles a yes/no question comes first (after what it leans on), next to its
            # verdict. What the answer quotes on other matters follows, in its order.
            position = {id(c): n for n, c in enumerate(picked)}

            def place(c: Candidate) -> tuple[bool, int, bool, int]:
                if c.passage.article_id not in matter:
                    return (True, 0, True, position[id(c)])
                return (False, -(c.passage.published or date.min).toordinal(), c not in leading, c.start)

            picked = sorted(picked, key=place)
        if naming is not None:
            picked = [*picked[:1], naming, *picked[1:]] if verdict else [naming, *picked]
        parts: list[str] = []
        citations: list[Citation] = []
        dated: set[date] = set()
        for marker, c in enumerate(picked, start=1):
            # The verdict belongs to the first quote's claim: verification dropping that quote drops it too.
            lead = f"{verdict}. " if verdict and marker == 1 else ""
            when = c.passage.published
            if c.passage.article_id in matter and when is not None and when not in dated and c is not naming:
                lead += f"As of {long_date(when)}: " if when == latest else f"Earlier, on {long_date(when)}: "
                dated.add(when)
            # A neutral label ("Bottom line:") is left out of the quote, which still
            # stands verbatim from the sentence proper on. (It is scored with the sentence: summary
            # lines so labelled answer well.)
            skip = lead_length(c.text)
            start, quote = c.start + skip, c.text[skip:]
            # A quoted list reads as one line ("Defendants: Masoud Jalili, 36; Seyyed Ali Aghamiri, 34; …");
            # the citation keeps the text as it stands.
            shown = one_line(quote) if c.listed else quote
            parts.append(f"{lead}{shown} [{marker}]")
            citations.append(c.passage.cite(marker, start, c.end, support=1.0))  # the sentence shown is the quote
        retrieved = {c.passage.chunk_id for c in pool}
        read = {c.passage.chunk_id: c.passage for c in picked if c.passage.chunk_id not in retrieved}
        return Draft(text=" ".join(parts), refused=False, citations=tuple(citations), read=tuple(read.values()))

    @staticmethod
    def _expand_lists(picked: list[Candidate], pool: list[Candidate]) -> list[Candidate]:
        """A sentence that introduces a list (ends with ':') brings the list's items along."""
        out: list[Candidate] = []
        for c in picked:
            out.append(c)
            for item in list_items(c, pool):
                if item not in out:
                    out.append(item)
        return out

    @staticmethod
    def _one_matter(picked: list[Candidate], scored: _Scored, pool: list[Candidate]) -> set[str]:
        """The articles whose picked sentences report the leading sentence's matter at different dates
        (none when no other date does): the lead's article, and each article of another date with a
        picked sentence on the matter of one of theirs, one found from the next (a matter reported three
        times need not be worded alike twice). A sentence on something else, however late, is no update."""
        index = {id(c): i for i, c in enumerate(pool)}
        dated = [c for c in picked if c.passage.published and id(c) in index]
        if not dated:
            return set()

        def same_matter(a: Candidate, b: Candidate) -> bool:
            later = max(a, b, key=lambda c: c.passage.published or date.min)
            similarity = float(scored.vectors[index[id(a)]] @ scored.vectors[index[id(b)]])
            return similarity >= _SAME_MATTER or (
                (states_correction(later.text) or _restated(a, b)) and similarity >= _CORRECTED_MATTER
            )

        matter = {dated[0].passage.article_id}
        grown = True
        while grown:  # one report found from the next
            reached = {
                d.passage.article_id
                for d in dated
                if d.passage.article_id not in matter
                and any(
                    c.passage.article_id in matter and c.passage.published != d.passage.published and same_matter(c, d)
                    for c in dated
                )
            }
            matter |= reached
            grown = bool(reached)
        if len({c.passage.published for c in dated if c.passage.article_id in matter}) < 2:
            return set()
        return matter
