"""Yes/no questions: the verb one asks about, whether a sentence says it was done (not only to come, nor
only asked for), and the verdict a supporting sentence gives ("No" when a negation bears on what is asked).

The extractive answerer leads a yes/no answer with the verdict the quoted evidence supports, and declines
when the sources speak of the deed only as promised or requested.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from lemminflect import getAllLemmas, getLemma

from assistant.questions import ASKED_FOR, AUXILIARY, NEGATION, TO_COME, asked_part, key_terms, key_terms_in
from assistant.text import STOPWORDS, concept_terms, terms, words

# Words between a yes/no question's auxiliary and its verb that are not the verb: determiners, the
# indefinite subjects, adverbs ("Did Greyharbor ever follow…"), and what a question about an article asks
# through ("Does the article suggest that…").
_DETERMINERS = frozenset("the a an any its their his her this that these those some each every".split())
_NOT_THE_VERB = _DETERMINERS | frozenset(
    "anyone anybody anything someone somebody something everyone all ever also still already actually really "
    "yet been being be not one according article report story suggest claim state indicate imply".split()
)


def verb_base(word: str) -> str:
    """The base form of a word read as a verb ("won": "win", "paid": "pay"), which no stemmer finds."""
    return str(getLemma(word.lower(), upos="VERB")[0])


def _says_done(verb: str, text: str) -> bool:
    """Does the text use the verb, in any form ("won" for "win") or a word of its meaning ("indicted" for
    "charged"), as done? Not as a noun: "a working copy of the list" says nothing of whether it was
    copied; nor as only to come or asked for: "visitors were asked to pay 2,500 CFA francs" says nothing
    of whether voters must pay (see _only_to_come_at)."""
    tokens = words(text)
    return any(not _only_to_come_at(tokens, i) for i in _uses_of(verb, tokens))


def _only_to_come_at(tokens: list[str], i: int) -> bool:
    """Is the verb at tokens[i] only to come, asked for or an infinitive ("will publish", "asked … to pay",
    "for the logs to be published")? "On May 28, a grand jury charged…" is done: a "may" next to a
    number is the month."""
    start = max(i - _TO_COME_REACH, 0)
    before = [
        t
        for n, t in enumerate(tokens[start:i], start)
        if not (t == "may" and any(tokens[m].isdigit() for m in (n - 1, n + 1) if 0 <= m < len(tokens)))
    ]
    return bool(set(before) & (TO_COME | ASKED_FOR)) or before[-1:] == ["to"] or before[-2:] == ["to", "be"]


def _uses_of(verb: str, tokens: list[str]) -> Iterator[int]:
    """Where the tokens use the verb as a verb, in any form or by a word of its meaning (see _says_done)."""
    meaning, base = set(concept_terms(verb)), verb_base(verb)
    for i, word in enumerate(tokens):
        if (set(concept_terms(word)) & meaning or verb_base(word) == base) and not _as_noun(
            word, tokens[max(i - 2, 0) : i]
        ):
            yield i


_TO_COME_REACH = 6  # words before the verb
_REPORTING = re.compile(r"\b(?:report|suggest|claim|state|indicate|imply|say|mention|note|describe)s?\b", re.I)
_PREPOSITIONS = frozenset("of in on at for to from by with about after before during over under into".split())
_OBJECT_REACH = 6  # words either side of the verb where what it is done to stands


def _done_to(after_verb: str) -> set[str]:
    """What a deed is done to: the terms of the words after the verb, up to a preposition ("publish that
    full log of …": {"full", "log"})."""
    after = itertools.takewhile(lambda w: w not in _PREPOSITIONS, words(after_verb))
    return set(concept_terms(" ".join(list(after)[:_OBJECT_REACH])))


def _asked_verb(question: str) -> tuple[str, re.Match[str]] | None:
    """The verb a yes/no question asks about and where it stands in the asked part, or None."""
    verb = asked_predicate(question)
    at = re.search(rf"\b{re.escape(verb)}\b", asked_part(question)) if verb is not None else None
    return None if verb is None or at is None else (verb, at)


def asked_deed(question: str) -> tuple[str, set[str]] | None:
    """The verb a yes/no question asks about and what it is done to ("Did Tellaris pay NightTally's
    ransom?": "pay", {"nighttally", "ransom"}); None when it has no verb to tell."""
    found = _asked_verb(question)
    return None if found is None else (found[0], _done_to(asked_part(question)[found[1].end() :]))


def done_to_within(done_to: set[str], text: str) -> bool:
    """Does the text speak of what the deed is done to, within reach of the verb it opens with (true when
    the question names nothing it is done to, or the text names nothing: "…whether it had paid.")?"""
    after = words(text)[:_OBJECT_REACH]
    return not done_to or not after or bool(done_to & set(concept_terms(" ".join(after))))


# "…, and have the 18 October by-elections been postponed?": a second yes/no question joined to the first.
_SECOND_QUESTION = re.compile(r",\s+and\s+(?:has|have|had|did|does|do|was|were|is|are|will|would)\s", re.I)


def only_to_come(question: str, texts: list[str]) -> bool:
    """Does a yes/no question ask whether something was done ("Did the CEC ever publish the log?") that
    the texts speak of only as to come ("would publish a full log within a week"), never as done or not
    done? Only uses of the verb near what the question says it is done to ("log") count: that tallies
    were published says nothing of the log."""
    asked = asked_part(question)
    if not re.match(r"^\W*(?:did|has|have|had)\b", asked, re.I) or _SECOND_QUESTION.search(asked):
        # "Has the IPC confirmed that ballots were pre-printed, and have the by-elections been postponed?"
        # asks two things; that the first is spoken of only as to come leaves the second to answer.
        return False
    found = _asked_verb(question)
    if found is None:
        return False
    verb, at = found
    # "Did TechCrunch report on Google's antitrust battle…" asks what was reported; "Has any state
    # certified…" speaks of a state, not of stating.
    if any(not _after_determiner(asked, m.start()) for m in _REPORTING.finditer(asked, 0, at.start())):
        return False
    done_to = _done_to(asked[at.end() :])
    to_come = False
    for text in texts:
        tokens = words(text)
        for i in _uses_of(verb, tokens):
            near = tokens[max(i - _OBJECT_REACH, 0) : i + 1 + _OBJECT_REACH]
            if done_to and not done_to & set(concept_terms(" ".join(near))):
                continue  # done to something else
            before = [t.lower() for t in tokens[max(i - _TO_COME_REACH, 0) : i]]
            if any(NEGATION.fullmatch(t) or t.endswith("n't") for t in before):
                return False  # said not to be done ("will not pay", "has not published"): the sources answer
            # An infinitive says nothing done either: "asked for the logs to be published".
            if not _only_to_come_at(tokens, i):
                return False  # done
            to_come = True
    return to_come


# What a request waits on: "Did the CET get its ₱12.5 million approved?", "Has Quillon agreed to pay…?"
_OUTCOME_ASKED = re.compile(
    r"\b(?:approv(?:e|ed|al)|agree[sd]?|grant(?:ed|s)?|accept(?:ed|s)?|award(?:ed|s)?|fund(?:ed|s)?|pa(?:y|id|ys)|"
    r"reimburs(?:e|ed|es)|compensat(?:e|ed|es)|refund(?:ed|s)?|sign(?:ed)? off)\b",
    re.I,
)
# A sentence that settles it, either way: "councillors approved", "rejected the request", "voted to fund".
_DECIDED = re.compile(
    r"\b(?:approv\w*|agree[sd]?|agreeing|agreement|grant(?:ed|s)?|accept(?:ed|s)?|award(?:ed|s)?|fund(?:ed|s)?|"
    r"pa(?:y|id|ys|ying)|payment|reimburs\w*|compensat\w*|refund\w*|reject\w*|refus\w*|declin(?:e|ed|es)|"
    r"den(?:y|ied|ies)|turn(?:ed|s)? down|voted|allocated|settle\w*)\b",
    re.I,
)
# A sentence that says only that it was asked for: "has asked for a supplemental budget", "asked Quillon
# Systems to contribute".
_REQUESTED = re.compile(
    r"\b(?:asked|asking|asks|requested|requesting|request|sought|seeking|seeks|applied|applying|called (?:on|for)|"
    r"urged|pressed|lobbied|proposed|submitted)\b",
    re.I,
)


def only_requested(question: str, lead: str, texts: list[str]) -> bool:
    """Does a yes/no question ask how a request came out ("Did the CET get its ₱12.5 million approved?")
    that the best sentence speaks of only as asked for ("The CET has asked for a supplemental budget of
    ₱12.5 million…"), while no sentence of the question's names says how it was decided? Councillors
    approving another estimate says nothing of it."""
    asked = asked_part(question)
    if not AUXILIARY.match(asked.lstrip()) or not _OUTCOME_ASKED.search(asked):
        return False
    if not _REQUESTED.search(lead) or _DECIDED.search(lead):
        return False
    names = key_terms(question)
    return not any(_DECIDED.search(t) and (not names or names & key_terms_in(t)) for t in texts)


def _after_determiner(text: str, at: int) -> bool:
    """Does a determiner stand just before the word at `at` ("any state"), making it a noun?"""
    before = words(text[:at])
    return bool(before) and before[-1].lower() in _DETERMINERS


def _as_noun(word: str, before: list[str]) -> bool:
    """Is the word, which may be a noun, one here: a determiner stands just before it or one word before?"""
    return "NOUN" in getAllLemmas(word) and bool(set(before) & _DETERMINERS)


def asked_predicate(question: str) -> str | None:
    """The verb a yes/no question asks about ("Did Margaret Dunphy win…": "win"; "Has any state certified
    version 5.7": "certified"; "Has anyone been charged": "charged"), None when it has none to tell."""
    tokens: list[str] = re.findall(r"[A-Za-z][\w'’-]*", asked_part(question))
    if not tokens or not AUXILIARY.match(tokens[0]):
        return None
    # A verb, not a noun of the subject: "Did the county pay…" asks of "pay", not "county"; "Was the
    # hearing delayed?" of "delayed" (a word right after a determiner is a noun's).
    verbs = [
        t
        for before, t in itertools.pairwise(tokens)
        if t[0].islower()
        and t.lower() not in _NOT_THE_VERB
        and t.lower() not in STOPWORDS
        and before.lower() not in _DETERMINERS
        and "VERB" in getAllLemmas(t.lower())
    ]
    if tokens[0].lower() in ("do", "does", "did"):
        return verbs[0] if verbs else None
    # "Has any state certified…", "Were any registrations changed": the participle. "Is the tool back
    # online?" has none: no verb to find.
    return next((t for t in verbs if re.search(r"(?:ed|en|ing)$", t)), None)


def negated(text: str) -> bool:
    """Does the text say something is not so ("did not pay", "no one had been charged")?"""
    return NEGATION.search(text) is not None


# What opens a claim made earlier and reported as such: "after the party said", "had insisted", "initially
# claimed". One subject between "after" and the verb ("three weeks after the party said"), not a time and
# then a subject ("After the audit the commission said that no votes had been changed" is a denial).
_EARLIER_CLAIM = re.compile(
    r"\b(?:after|when|though|although|despite|even though)\s+(?:the\s+|an?\s+)?(?:(?!the\b|an?\b)[\w'’-]+\s+){1,3}?"
    r"(?:said|claimed|insisted|stated|maintained)\b"
    r"|\b(?:had|initially|earlier|previously|originally)\s+(?:said|claimed|insisted|maintained)\b",
    re.I,
)
# Where the claim's own clause ends: the rest of the sentence speaks again ("…, investigators confirmed…").
_CLAUSE_END = re.compile(r"[,;:]|\bbut\b", re.I)
_DENIAL_REACH = 5  # words after a negation that it bears on ("no one had been publicly charged")


def yes_no_verdict(sentence: str, question: str, title: str = "") -> str | None:
    """The answer a supporting sentence gives a yes/no question: "No" when a negation bears on what the
    question asks ("the county did not pay"), "Yes" when the sentence negates nothing, and None when it
    negates something else ("…found no evidence that tallies changed" under a question about who
    interfered): telling which claim a negation touches needs more than words, so no verdict is given;
    nor "Yes" from a sentence (and its article's title) without the verb the question asks about ("Did
    she win…?").
    A question that is negative itself ("Did the county not pay?") gets none either."""
    if negated(asked_part(question)):
        return None
    asked = set(terms(asked_part(question)))
    claimed = _EARLIER_CLAIM.search(sentence)
    claim = "" if claimed is None else _CLAUSE_END.split(sentence[claimed.end() :], maxsplit=1)[0]
    if any(words_after & asked for words_after in denied_terms(claim)):
        # "…published online, three weeks after the party said … that no data had been taken": the denial
        # is what was said before, which the sentence goes on to contradict; it settles nothing.
        return None
    reach = denied_terms(sentence)
    if not reach:
        # A yes must say what the question asks was done: "…mayoral candidate Margaret Dunphy…" names
        # her and the election, yet says nothing of whether she won.
        verb = asked_predicate(question)
        return None if verb is not None and not _says_done(verb, f"{sentence} {title}") else "Yes"
    return "No" if any(words_after & asked for words_after in reach) else None


def denied_terms(sentence: str) -> list[set[str]]:
    """For each negation of the sentence, the terms it bears on: the words just after it ("the
    database was not breached" denies {"breach"})."""
    tokens = words(sentence)
    denials = [i for i, token in enumerate(tokens) if NEGATION.fullmatch(token) or token.endswith("n't")]
    return [set(terms(" ".join(tokens[i + 1 : i + 1 + _DENIAL_REACH]))) for i in denials]
