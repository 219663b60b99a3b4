"""Yes/no questions: the verb one asks about, whether a sentence says it was done (not only to come, nor
only asked for), and the verdict a supporting sentence gives ("No" when a negation bears on what is asked).

The extractive answerer leads a yes/no answer with the verdict the quoted evidence supports, and declines
when the sources speak of the deed only as promised or requested.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from lemminflect import getAllLemmas
from text_to_num import alpha2digit

from assistant.figure_claims import said_inexactly
from assistant.places import places_in, speaks_of
from assistant.questions import (
    ASKED_FOR,
    AUXILIARY,
    NEGATION,
    TO_COME,
    asked_part,
    key_terms,
    key_terms_in,
    may_be_noun,
    months_in,
)
from assistant.text import SCALE, STOPWORDS, ProseDate, concept_terms, days_in, terms, verb_base, words

# Words between a yes/no question's auxiliary and its verb that are not the verb: determiners, the
# indefinite subjects, adverbs ("Did Greyharbor ever follow…"), and what a question about an article asks
# through ("Does the article suggest that…").
_DETERMINERS = frozenset("the a an any its their his her this that these those some each every".split())
_NOT_THE_VERB = _DETERMINERS | frozenset(
    "anyone anybody anything someone somebody something everyone all ever also still already actually really "
    "yet been being be not one according article report story suggest claim state indicate imply".split()
)


def _says_done(verb: str, text: str) -> bool:
    """Does the text use the verb, in any form ("won" for "win") or a word of its meaning ("indicted" for
    "charged"), as done? Not as a noun: "a working copy of the list" says nothing of whether it was
    copied; nor as only to come or asked for: "visitors were asked to pay 2,500 CFA francs" says nothing
    of whether voters must pay (see _only_to_come_at)."""
    tokens = words(text)
    return any(not _only_to_come_at(tokens, i) and not _only_proposed_at(tokens, i) for i in _uses_of(verb, tokens))


def _only_proposed_at(tokens: list[str], i: int) -> bool:
    """Is the verb at tokens[i] only what a proposal or a draft would do ("had proposed a rule requiring
    anyone who pays…", "is weighing requiring…")? It says nothing of whether it is required."""
    return bool(set(tokens[max(i - _TO_COME_REACH, 0) : i]) & _PROPOSING)


_PROPOSING = frozenset(
    "proposed proposes propose proposing proposal draft drafted weighing mulling considering".split()
)


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


def says_not_yet(sentence: str) -> bool:
    """Does the sentence deny the deed only up to its own day ("The suspect has not been named", "No one has
    yet been charged")? A later report may tell it done."""
    return bool(_NOT_YET.search(sentence))


_NOT_YET = re.compile(r"\b(?:has|have|had)\s+not\s+(?:yet\s+)?been\b|\bnot\s+yet\b|\b(?:has|have)\s+yet\s+to\b", re.I)


def speaks_of_deed(question: str, text: str) -> bool:
    """Does the text use the verb a yes/no question asks about, in any form, whatever it says of it ("He had
    not been named when police arrested him" speaks of naming)?"""
    verb = asked_predicate(question)
    return verb is not None and next(_uses_of(verb, words(text)), None) is not None


_TO_COME_REACH = 6  # words before the verb
_REPORTING = re.compile(r"\b(?:report|suggest|claim|state|indicate|imply|say|mention|note|describe)s?\b", re.I)
_PREPOSITIONS = frozenset("of in on at for to from by with about after before during over under into".split())
_OBJECT_REACH = 6  # words either side of the verb where what it is done to stands


def _done_to(after_verb: str) -> set[str]:
    """What a deed is done to: the terms of the words after the verb, up to a preposition ("publish that
    full log of …": {"full", "log"}); after a preposition that opens them, what it governs ("gone to court to
    challenge…": {"court"}; "went to vote" is no going to court)."""
    tokens = words(after_verb)
    after = itertools.takewhile(
        lambda w: w not in _PREPOSITIONS, tokens[1:] if tokens[:1] and tokens[0] in _PREPOSITIONS else tokens
    )
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


# "When did…", "On what date did…", "Which day did…": the words that ask for a date; what follows reads as a
# yes/no question ("did Gozo Forward lodge its complaint…").
_ASKS_WHEN = re.compile(r"^\W*(?:(?:on|by)\s+)?(?:when|(?:what|which)\s+(?:date|day))\s+", re.I)


def dated_thing(question: str) -> str | None:
    """The thing a "when" question dates the deed done to ("On what date did Gozo Forward lodge its complaint with
    the commission?": "complaint"): the last noun of what the verb is done to, after a determiner, up to a
    preposition or a participle. None when the deed is done to a name ("release Tallyline 5.0"), to nothing
    ("start posting"), or the question asks no date."""
    asked = asked_part(question)
    when = _ASKS_WHEN.match(asked)
    found = _asked_verb(asked[when.end() :]) if when else None
    if when is None or found is None:
        return None
    after = words(asked[when.end() :][found[1].end() :])
    if not after or after[0].lower() not in _DETERMINERS:
        return None
    head = None
    for i, word in enumerate(after[1:_OBJECT_REACH]):
        if word.lower() in _PREPOSITIONS or (i > 0 and re.search(r"(?:ing|ed)$", word)):
            break  # "its statement identifying…", "the phishing pages used against…"
        head = word
    return head if head is not None and head.islower() and may_be_noun(head) else None


def done_to_within(done_to: set[str], text: str) -> bool:
    """Does the text speak of what the deed is done to, within reach of the verb it opens with (true when
    the question names nothing it is done to, or the text names nothing: "…whether it had paid.")?"""
    after = words(text)[:_OBJECT_REACH]
    return not done_to or not after or bool(done_to & set(concept_terms(" ".join(after))))


# "…, and have the 18 October by-elections been postponed?": a second yes/no question joined to the first.
_SECOND_QUESTION = re.compile(r",\s+and\s+(?:has|have|had|did|does|do|was|were|is|are|will|would)\s", re.I)


# Verbs of consenting to a deed, which the verb after "to" names: "agree to pay", "decide to publish".
_CONSENT = frozenset("agree consent decide accept refuse offer".split())
_CONSENTED_TO = re.compile(r"\s+to\s+(?P<verb>[a-z]+)\b", re.I)


def _uses_on(verb: str, done_to: set[str], tokens: list[str]) -> Iterator[int]:
    """Where the tokens use the verb near what it is done to (anywhere, when that is not told): that tallies
    were published says nothing of the log."""
    for i in _uses_of(verb, tokens):
        near = tokens[max(i - _OBJECT_REACH, 0) : i + 1 + _OBJECT_REACH]
        if not done_to or done_to & set(concept_terms(" ".join(near))):
            yield i


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
    # "Did Lumaris agree to pay the audit bill?" asks whether it will pay: a source that says it agreed (or
    # refused) answers; one that says only that it was asked to pay speaks of paying only as to come.
    then = _CONSENTED_TO.match(asked, at.end())
    if then is not None and verb_base(verb.lower()) in _CONSENT:
        consented_to = _done_to(asked[then.end() :])
        if any(any(_uses_on(verb, consented_to, words(text))) for text in texts):
            return False  # "Lumaris agreed to pay for the audit": said (not another's deal)
        verb, at = then["verb"], then
    # "Did TechCrunch report on Google's antitrust battle…" asks what was reported; "Has any state
    # certified…" speaks of a state, not of stating.
    if any(not _after_determiner(asked, m.start()) for m in _REPORTING.finditer(asked, 0, at.start())):
        return False
    done_to = _done_to(asked[at.end() :])
    to_come = False
    for text in texts:
        tokens = words(text)
        for i in _uses_on(verb, done_to, tokens):
            before = [t.lower() for t in tokens[max(i - _TO_COME_REACH, 0) : i]]
            if any(NEGATION.fullmatch(t) or t.endswith("n't") for t in before):
                return False  # said not to be done ("will not pay", "has not published"): the sources answer
            # An infinitive says nothing done either: "asked for the logs to be published".
            if not _only_to_come_at(tokens, i):
                return False  # done
            to_come = True
    return to_come


def thing_only_to_come(question: str, thing: str, texts: list[str]) -> bool:
    """Does a question ask what thing was done ("What penalty did the CRO end up imposing on Lestari?")
    that the texts which speak of it with the question's names speak of only as to come ("would consider
    penalties against Lestari … and expects to decide later in the year")? Not when the question itself
    asks what may come ("What penalty could Lestari face?"), nor for a count ("How many ballots…").
    Only a word of the noun's own clause makes it one to come: "said it would count the ballots, and
    rejected 1,200 of them" rejected some."""
    asked = asked_part(question)
    if set(words(asked.lower())) & TO_COME or re.search(r"\bhow many\b", asked, re.I):
        return False
    named = key_terms(asked) - set(concept_terms(thing))
    meaning = set(concept_terms(thing))
    uses = [
        text[: m.start()]
        for text in texts
        if named & key_terms_in(text)
        for m in re.finditer(r"[A-Za-z][\w'’-]*", text)
        if set(concept_terms(m.group())) & meaning
    ]
    clauses = [words(_CLAUSE_BEFORE.split(before)[-1])[-_TO_COME_REACH:] for before in uses]
    # "could not say how the malware…" says nothing to come of the malware.
    return bool(clauses) and all(
        set(clause) & _NOUN_TO_COME and not any(NEGATION.fullmatch(w) for w in clause) for clause in clauses
    )


def asked_day_after(question: str, latest: date) -> date | None:
    """The day a question asks what happened on ("what happened at his court hearing on 6 November", "Who
    won the 15 November by-election?") when it lies after `latest`, the day the newest source was published:
    no source can report it. A day without a year takes the year that puts it nearest `latest` ("28
    December" asked of a January source is the December before). Not a day that only bounds what is asked
    ("before the 20 September vote", "by 6 October", "published on October 30"), nor a question of what is
    to come ("Is the vote still on for 23 April?")."""
    for day, year_given in _days_asked(question, latest):
        value = day.value
        with contextlib.suppress(ValueError):
            if not year_given and value > latest:
                earlier = value.replace(year=value.year - 1)
                if (latest - earlier).days <= (value - latest).days:
                    value = earlier
        if value > latest:
            return value
    return None


def asks_of_a_day(question: str) -> bool:
    """Does the question ask what happened on a day, as `asked_day_after` reads it (whatever the sources)?"""
    return bool(_days_asked(question, date.today()))


def _days_asked(question: str, published: date) -> list[tuple[ProseDate, bool]]:
    """The days a question of what happened asks of, each with whether it gave the year; a day without one
    takes `published`'s."""
    asked = asked_part(question)
    if not _ASKS_WHAT_WAS.search(asked) or _ASKS_WHAT_IS.search(asked) or _OF_REPORTS.search(asked):
        return []
    cased = asked
    for month in set(months_in(asked)):  # "6 november" typed in lower case is a date all the same
        cased = re.sub(rf"\b{month}\b", month.capitalize(), cased)
    return [
        (day, re.search(r"\d{4}", cased[day.start : day.end]) is not None)
        for day in days_in(cased, published)
        if not _BOUNDS_DAY.search(cased[: day.start])
    ]


# A question of what was done or what came of it ("what happened", "Who won", "How did he plead").
_ASKS_WHAT_WAS = re.compile(r"\b(?:did|was|were|happened|had|won|lost|went|took|ended)\b", re.I)
# …and not of what is or will be ("Is the vote still on for 23 April?", "the recount was set to begin").
_ASKS_WHAT_IS = re.compile(
    r"\b(?:is|are|will|would|does|do|scheduled|set to|due|planned|expected|still|upcoming|next)\b", re.I
)
# A question about reports ("Between the report from Fortune on October 4 and…", "in its November 6 article"):
# its days are when sources were published, not when what it asks about happened.
_OF_REPORTS = re.compile(
    r"\b(?:reports?|reported|reporting|articles?|published|stor(?:y|ies)|coverage|piece|posts?|posted|wrote|discussed|"
    r"mentioned|noted|stated|"
    r"according to)\b",
    re.I,
)
# Words just before a day that make it a bound or a source's date, not the day of what is asked about.
_BOUNDS_DAY = re.compile(
    r"\b(?:before|by|until|till|ahead of|after|since|from|between|through|dated)"
    r"(?:\s+(?:on|the))?\s*$",
    re.I,
)


# Where the clause of a noun begins: after a comma, a semicolon or a word that joins clauses.
_CLAUSE_BEFORE = re.compile(
    r"[,;:]|\b(?:and|but|or|after|before|when|while|because|until|since|although|though)\b", re.I
)
# Words that make a thing one to come in its own clause ("would consider penalties", "plans to publish a
# report"); not "may", which is also the month ("In May the attackers deployed malware").
_NOUN_TO_COME = frozenset(
    "will would shall should can could might must plan plans planned planning intend intends intended expect "
    "expects expected pending consider considering considers".split()
)


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


# A question of how a proceeding came out: "What did the administrative court decide on Harbour Together's
# challenge…?", "What did the commission rule on Kanda's petition…?", "Did Galeano's appeal succeed?".
_PROCEEDING = r"(?:challenges?|appeals?|petitions?|complaints?|lawsuits?|objections?)"
_ASKS_RULING = re.compile(
    rf"\b(?:what|how)\s+did\s+[^?]{{0,60}}?\b(?:decide|rule|conclude|find)\s+(?:on|about|in)\b[^?]*\b{_PROCEEDING}\b"
    rf"|\b{_PROCEEDING}\s+(?:[\w'’-]+\s+){{0,6}}?(?:succeed|fail|prevail|win|lose)\b"
    rf"|\b(?:outcome|result|ruling|decision|verdict)\s+(?:on|of|in)\s+[^?]{{0,40}}?\b{_PROCEEDING}\b",
    re.I,
)
_SPEAKS_OF_PROCEEDING = re.compile(rf"\b{_PROCEEDING}\b", re.I)
# A sentence that says a proceeding is still to be decided: a word of what is to come (TO_COME: "will be heard on
# Thursday 17 September", "has not yet ruled on the petition", "If it confirms…, can take its challenge to the
# court"; not "May", the month), or a time set for it ("scheduled", "has 10 working days to file her appeal").
_STILL_TO_COME = TO_COME - {"may"}
_TIME_SET = re.compile(r"\bscheduled\b|\bset to\b|\bdays?\s+to\b", re.I)
# A sentence that says how it was decided: "the court dismissed the challenge", "her appeal was rejected".
_RULED = re.compile(
    r"\b(?:ruled|decided|rejected|dismissed|upheld|granted|annulled|overturned|threw|thrown|allowed|succeeded|"
    r"failed|quashed|refused|struck|won|lost|withdrew|withdrawn|dropped|found)\b",
    re.I,
)


def ruling_to_come(question: str, texts: list[str]) -> bool:
    """Does the question ask how a proceeding came out (a challenge, appeal or petition) that every sentence
    of the question's names speaking of it gives as still to be decided ("…will be heard by the administrative
    court on Thursday 17 September", "has not yet ruled on the petition"), while none says it was decided?"""
    asked = asked_part(question)
    if not _ASKS_RULING.search(asked):
        return False
    names = key_terms(asked)
    # A sentence that names nothing ("The commission has not yet ruled on the petition.") is of the matter found.
    about = [
        t
        for t in texts
        if _SPEAKS_OF_PROCEEDING.search(t) and (not names or names & key_terms_in(t) or not key_terms_in(t))
    ]
    if not about or any(_RULED.search(t) and not says_not_yet(t) for t in about):
        return False
    return any(set(words(t.lower())) & _STILL_TO_COME or _TIME_SET.search(t) for t in about)


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
    found = _verbs_after_auxiliary(question)
    if found is None:
        return None
    auxiliary, verbs = found
    if auxiliary in ("do", "does", "did"):
        # "Did the voter file hold fewer than 10,000 records?": "file" is the subject's noun when a verb in its
        # base form follows it ("hold"); "Did the county file charges?" asks of "file".
        if (
            len(verbs) > 1
            and may_be_noun(verbs[0])
            and verbs[1].lower() == verb_base(verbs[1])
            and re.search(rf"\b{re.escape(verbs[0])}\s+{re.escape(verbs[1])}\b", asked_part(question))
        ):
            return verbs[1]
        return verbs[0] if verbs else None
    # "Has any state certified…", "Were any registrations changed", "Has the advisory been withdrawn": the
    # participle, regular or not. "Is the tool back online?" has none: no verb to find. Not a plural noun
    # that could be a verb's present tense: "Were any Lwanda by-election results tampered with" asks of
    # "tampered", not "results".
    return next((t for t in verbs if _may_be_participle(t)), None)


def _may_be_participle(word: str) -> bool:
    """May the word be a participle ("changed", "taken", "leaking", "won"), not a present tense ("results")?"""
    return bool(re.search(r"(?:ed|en|ing)$", word)) or (verb_base(word) != word.lower() and not word.endswith("s"))


def _verbs_after_auxiliary(question: str) -> tuple[str, list[str]] | None:
    """The auxiliary a yes/no question opens with, and the verbs after it; None for another question."""
    tokens: list[str] = re.findall(r"[A-Za-z][\w'’-]*", asked_part(question))
    if not tokens or not AUXILIARY.match(tokens[0]):
        return None
    # A verb, not a noun of the subject: "Did the county pay…" asks of "pay", not "county"; "Was the
    # hearing delayed?" of "delayed" (a word right after a determiner is a noun's).
    # "Did the council have multi-factor authentication…" asks of "have", a small word elsewhere: without it
    # the next word that may be a verb ("staff accounts") was taken for the deed.
    possessing = tokens[0].lower() in ("do", "does", "did")
    verbs = [
        t
        for before, t in itertools.pairwise(tokens)
        if t[0].islower()
        and t.lower() not in _NOT_THE_VERB
        and (t.lower() not in STOPWORDS or (possessing and t.lower() == "have"))
        and before.lower() not in _DETERMINERS
        and "VERB" in getAllLemmas(t.lower())
    ]
    return tokens[0].lower(), verbs


def _any_asked_verb(question: str) -> str | None:
    """The verb a yes/no question asks about, also after a modal ("Can voters vote by text?": "vote")."""
    found = _verbs_after_auxiliary(question)
    if found is not None and found[0] in _MODALS and found[1]:
        return found[1][0]
    return asked_predicate(question)


_MODALS = frozenset("can could will would should may might must".split())


def negated(text: str) -> bool:
    """Does the text say something is not so ("did not pay", "no one had been charged")?"""
    return NEGATION.search(text) is not None


# What opens a claim made earlier and reported as such: "after the party said", "had insisted", "initially
# claimed". One subject between "after" and the verb ("three weeks after the party said"), not a time and
# then a subject ("After the audit the commission said that no votes had been changed" is a denial).
_EARLIER_CLAIM = re.compile(
    r"\b(?:after|when|though|although|despite|even though)\s+(?:the\s+|an?\s+)?(?:(?!the\b|an?\b)[\w'’-]+\s+){1,3}?"
    r"(?:said|claimed|insisted|stated|maintained)\b"
    r"|\b(?:had|initially|earlier|previously|originally)\s+(?:said|claimed|insisted|maintained)\b"
    # "…and said at the time that no voter data had been taken; that statement was withdrawn in June…"
    r"|\b(?:said|claimed|insisted|stated|maintained)\s+at\s+the\s+time\b"
    # A speaker recalling what they said: '"We told the public on 20 May that no accounts had been compromised.'
    r"|\b(?:we|I)\s+(?:had\s+)?(?:told|assured|said|stated|announced)\b",
    re.I,
)
# "Has anyone been charged…?", "Was any data taken?": asked whether there is any at all, which "the former
# employee … has not been charged" does not settle (another was); only "no one", "none", "no data" do.
# Not "Did the county pay any ransom?": the county is who is asked about, and "did not pay" settles it.
_ANY_AT_ALL = re.compile(
    r"^\W*(?:has|have|had|was|were|is|are|did|does|do)\s+(?:anyone|anybody|someone|somebody)\b", re.I
)
_NONE_AT_ALL = re.compile(
    r"\b(?:no|none|nobody|nothing|neither)\b|\bno\s+one\b|\b(?:not|n['’]t)\b[^.;,]{0,30}\bany(?:one|body)?\b", re.I
)
# What the sources call false, and what it said: "Fake texts told voters they could vote by SMS" says voters
# cannot, "…falsely claimed that polls would close at noon" that they would not.
_CALLED_FALSE = frozenset(
    "false falsely fake bogus hoax hoaxes fabricated untrue spurious phony phoney disinformation misinformation "
    "misleading deepfake deepfakes doctored forged".split()
)
_SAYING = frozenset(
    "told tell tells telling said say says saying claimed claim claims claiming urged urging informed "
    "announced announcing stated stating suggested suggesting warned warning instructed".split()
)
_FALSE_SAYING_REACH = 6  # words from "fake texts" to "told"
_SAID_REACH = 15  # words from "told" to what it said
# Where the claim's own clause ends: the rest of the sentence speaks again ("…, investigators confirmed…").
_CLAUSE_END = re.compile(r"[,;:]|\bbut\b", re.I)
# A claim taken back: "has withdrawn its explanation that…", "retracted the statement", "walked back its
# earlier estimate".
_TAKES_BACK = re.compile(
    r"\b(?:withdr[ae]wn?|withdraws|withdrawing|retract(?:ed|s|ing)?|walk(?:ed|s)?\s+back|rescind(?:ed|s)?|"
    r"abandon(?:ed|s)?|disowned)\b",
    re.I,
)
_RETRACTED = re.compile(
    rf"{_TAKES_BACK.pattern}\s+(?:(?:its|their|his|her|the|an?|that|this|earlier|initial|first|original|previous)\s+)"
    r"{0,3}(?:explanation|claim|statement|account|assertion|attribution|conclusion|finding|estimate|figure|"
    r"assessment)s?\b",
    re.I,
)
# Deeds that are the other's opposite: a sentence saying one answers a question of the other "No", if
# anything, never "Yes".
_OPPOSITES = {
    "convict": "acquit clear",
    "acquit": "convict",
    "win": "lose",
    "lose": "win",
    "approve": "reject veto",
    "accept": "reject",
    "adopt": "reject",
    "pass": "fail reject",
    "confirm": "deny refute",
    "admit": "deny",
    "open": "close",
    "close": "open",
    "increase": "decrease",
    "rise": "fall",
}


def _says_opposite(verb: str, sentence: str) -> bool:
    """Does the sentence use a verb that is the opposite of the asked one ("acquitted" for "convicted")?"""
    opposites = set(_OPPOSITES.get(verb_base(verb), "").split())
    return bool(opposites) and any(verb_base(w) in opposites for w in words(sentence))


_DENIAL_REACH = 5  # words after a negation that it bears on ("no one had been publicly charged")


# A message's words quoted after what carried them: 'the message "Polling stations close today at 16:00"',
# 'texts reading "Your polling place has moved"'.
_MESSAGE_QUOTED = re.compile(
    r"\b(?:messages?|texts?|posts?|notices?|headlines?|banners?|signs?|captions?|slogans?|emails?|e-mails?|tweets?|"
    r"panels?|screens?|alerts?|warnings?|announcements?|words)\s+(?:(?:that\s+)?(?:read|reads|reading|said|saying|"
    r"stating|stated)\s*)?[:,]?\s*(?:\"[^\"]*\"|“[^”]*”)",
    re.I,
)


def yes_no_verdict(sentence: str, question: str, title: str = "", around: str = "") -> str | None:
    """The answer a supporting sentence gives a yes/no question: "No" when a negation bears on what the
    question asks ("the county did not pay"), "Yes" when the sentence negates nothing, and None when it
    negates something else ("…found no evidence that tallies changed" under a question about who
    interfered): telling which claim a negation touches needs more than words, so no verdict is given;
    nor "Yes" from a sentence (and its article's title) without the verb the question asks about ("Did
    she win…?").
    A question that is negative itself ("Did the county not pay?") gets none either.
    `around` is what the sentence is read with (the names it refers to, its article's title, source and
    year): it may hold who or when the question names, never the deed itself."""
    if negated(asked_part(question)):
        return None
    if _RETRACTED.search(sentence) and not _TAKES_BACK.search(asked_part(question)):
        # "…has withdrawn its explanation that a faulty load balancer knocked its portal offline": the words
        # of the question stand in what was taken back; what is so instead takes more than words to tell.
        return None
    asked = set(terms(asked_part(question)))
    claimed = _EARLIER_CLAIM.search(sentence)
    claim = "" if claimed is None else _CLAUSE_END.split(sentence[claimed.end() :], maxsplit=1)[0]
    if any(words_after & asked for words_after in denied_terms(claim)):
        # "…published online, three weeks after the party said … that no data had been taken": the denial
        # is what was said before, which the sentence goes on to contradict; it settles nothing.
        return None
    denials = [d for d in _denials(sentence) if not _sets_figure_aside(d, question)]
    reach = [set(terms(" ".join(denial.reach))) for denial in denials]
    if not reach:
        if not _meets_what_is_asked(sentence, question, around or title):
            return None
        # A yes must say what the question asks was done: "…mayoral candidate Margaret Dunphy…" names
        # her and the election, yet says nothing of whether she won.
        verb = asked_predicate(question)
        if verb is not None and not _says_done(verb, f"{_MESSAGE_QUOTED.sub(' ', sentence)} {title}"):
            # Nor from the words of a message it quotes: 'the message "Polling stations close today at 16:00"
            # first appeared at 10:05' says what the panels showed, not that the polls closed.
            return None
        if verb is not None and _says_opposite(verb, sentence):
            return None  # "Was Quintanal convicted…?" is not answered "Yes" by "Quintanal was acquitted…"
        state = _asked_state(question)
        if state is not None and not set(concept_terms(state)) & set(concept_terms(f"{sentence} {title}")):
            # "Was the memo real?" is not answered "Yes" by "a memo purporting to show…": a yes says it is so.
            return None
        if re.search(r"\bboth\b", asked_part(question), re.I) and not re.search(r"\bboth\b", sentence, re.I):
            return None  # "Did someone claim both hits?": one sentence of one claim does not say so
        said = _any_asked_verb(question)
        # "Can voters vote by text message?" is not answered "Yes" by "Fake texts told voters they could vote
        # by SMS": what is so, against the falsehood, takes more than words to say. (A denial still says no.)
        return None if said is not None and any(_said_falsely(said, text) for text in (sentence, title)) else "Yes"
    if _ANY_AT_ALL.search(asked_part(question)) and not _NONE_AT_ALL.search(sentence):
        return None  # asked whether any at all: "the former employee has not been charged" is one of them
    # "Is that still the figure?" is not answered "No" by "it did not give a figure": a word for a figure
    # says nothing of which one, so the denial must bear on more than it.
    # Nor on the words of a clause that only says which thing is asked about: "Is the operator of the drone that
    # filmed the count known?" is not answered "No" by "…no basis in anything he filmed".
    # Nor on a participle that only says which things are meant: "Did the directorate notify each affected voter?"
    # is not answered "No" by "The exposure does not affect anyone's ability to vote".
    described = set(terms(_DESCRIBING_CLAUSE.sub(" ", _without_describing_participles(asked_part(question)))))
    settled = [d for d, words_after in zip(denials, reach, strict=True) if words_after & described - _FIGURE_WORDS]
    return None if not settled or all(_leaves_open(d, question) for d in settled) else "No"


# A clause that says which thing is meant, up to the question's last word, which is what is asked of the thing
# ("Is the operator of the drone that filmed the Usedom count known?": "that filmed the Usedom count").
_DESCRIBING_CLAUSE = re.compile(r"\b(?:that|which)\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+(?=\s+[\w'’-]+\W*$)", re.I)


# A participle between a determiner and its noun: "each affected voter", "the leaked emails".
_PARTICIPLE_AFTER_DETERMINER = re.compile(
    r"\b(?P<determiner>the|a|an|any|each|every|all|its|their|his|her|those|these)\s+(?P<word>[a-z]+(?:ed|en))\b"
    r"(?=\s+[a-z])",
    re.I,
)


def _without_describing_participles(question: str) -> str:
    """The question without the participles that only describe a noun ("each affected voter": "each voter")."""

    def drop(match: re.Match[str]) -> str:
        lemmas = getAllLemmas(match["word"].lower()).get("VERB", ())
        return match["determiner"] if lemmas and match["word"].lower() not in lemmas else match[0]

    return _PARTICIPLE_AFTER_DETERMINER.sub(drop, question)


# Words for a figure that say nothing of what it counts (not "count", which may be the vote count itself).
_FIGURE_WORDS = frozenset(terms("figure figures number numbers amount amounts estimate estimates"))


def _asked_state(question: str) -> str | None:
    """The adjective a yes/no question with "is" or "was" asks of its subject ("Was the memo real?":
    "real"), or None."""
    found = _verbs_after_auxiliary(question)
    last = re.findall(r"[A-Za-z][\w'’-]*", asked_part(question))[-1:]
    if found is None or found[0] not in ("is", "are", "was", "were") or not last:
        return None
    word = last[0].lower()
    return word if "ADJ" in getAllLemmas(word) and word not in STOPWORDS else None


def _said_falsely(verb: str, text: str) -> bool:
    """Does the text use the verb in what something it calls false said ("Fake texts told voters they could
    vote by SMS", "…falsely claimed that polls would close")?"""
    tokens = words(text)
    told = [
        j
        for i, token in enumerate(tokens)
        if token in _CALLED_FALSE
        for j in range(i, min(i + 1 + _FALSE_SAYING_REACH, len(tokens)))
        if tokens[j] in _SAYING
    ]
    return any(0 < k - j <= _SAID_REACH for k in _uses_of(verb, tokens) for j in told)


def denied_terms(sentence: str) -> list[set[str]]:
    """For each negation of the sentence, the terms it bears on: the words just after it ("the
    database was not breached" denies {"breach"})."""
    return [set(terms(" ".join(denial.reach))) for denial in _denials(sentence)]


@dataclass(frozen=True)
class _Denial:
    """A negation of a sentence: its word, the words just after it that it bears on, the rest of its clause,
    and the sentence before it and after the clause."""

    word: str
    reach: list[str]
    clause: str
    before: str
    after: str  # the rest of the sentence, after its clause


def _denials(sentence: str) -> list[_Denial]:
    sentence = _NUMBER_SIGN.sub("number ", sentence)  # "the county's No. 2 official" denies nothing
    return [
        _Denial(
            word=m.group().lower(),
            reach=words(clause)[:_DENIAL_REACH],
            clause=clause,
            before=sentence[: m.start()],
            after=sentence[m.end() + len(clause) :],
        )
        for m in NEGATION.finditer(sentence)
        # Within its clause: "The results site was not taken offline, but the lookup tool was."
        for clause in [_CLAUSE_END.split(sentence[m.end() :], maxsplit=1)[0]]
    ]


_NUMBER_SIGN = re.compile(r"\bNo\.\s*(?=\d)")
# "…found 26 pre-marked ballot papers in the box, not the 17 counted on election night": after a comma, a
# negation before a figure corrects that figure and denies nothing of the deed.
_FIGURE_AFTER = re.compile(r"\s*(?:the\s+|only\s+|just\s+)?\d")


def _sets_figure_aside(denial: _Denial, question: str) -> bool:
    """Is the negation a correction of a figure the question does not ask about ("…, not the 17 counted")?"""
    if denial.word != "not" or not denial.before.rstrip().endswith(",") or not _FIGURE_AFTER.match(denial.clause):
        return False
    return not set(re.findall(r"\d[\d,.]*", denial.clause)) & set(re.findall(r"\d[\d,.]*", question))


# The first word after a negation that leaves the matter open rather than denying it: "could not rule out
# that records were altered", "not only was the register breached", "refused to confirm whether", "it is
# not yet known whether", "did not immediately disclose", "was not aware its network had been breached".
_OPEN_AFTER_NEGATION = frozenset(
    """only just merely rule ruled exclude excluded know known clear certain sure aware realise realised
    realize realized notice noticed detect detected mention mentioned confirm confirmed say said disclose
    disclosed comment commented reveal revealed specify specified determine determined establish established
    immediately whether if""".split()
)
# Words between a negation and the word that leaves the matter open: "not yet known", "refused to confirm",
# "has not been able to establish".
_BETWEEN_NEGATION = frozenset("to yet be been being able have has had publicly officially fully".split())
# Later the deed was done, or it was only delayed or partial: "was not restored until 3 August", "was not
# disclosed for three months", "was not certified by the deadline", "did not pay the full ransom".
_ONLY_DELAYED = re.compile(
    r"\b(?:until|till)\b|\bby the (?:deadline|time)\b|\b(?:the full|in full|fully|entirely|completely|all of)\b"
    r"|\bfor\s+(?:(?:about|nearly|almost|more than|over|several|a few)\s+)?(?:\d[\d,.]*|an?|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|several|many)\s+(?:\w+\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)\b",
    re.I,
)
_DENYING = frozenset("denied denies deny".split())
_CHANGING = frozenset("change alter overturn reverse affect shift undo".split())
_PLEADED = re.compile(r"\bplead(?:ed|s)?\s*$|\bpled\s*$", re.I)


def _leaves_open(denial: _Denial, question: str) -> bool:
    """Does a negation leave open what it bears on, by the words after it or by who says it? Not when
    what it leaves open is what the question asks ("Has the lab confirmed…?": "the lab has not confirmed"
    says no; "Did they plead guilty?": "pleaded not guilty" says no)."""
    asked = {verb_base(w) for w in words(asked_part(question))}
    following = [w for w in words(denial.clause) if w not in _BETWEEN_NEGATION]
    if following and following[0] in _OPEN_AFTER_NEGATION and verb_base(following[0]) not in asked:
        return True
    if _ONLY_DELAYED.search(denial.clause):
        return True
    if "still" in words(asked_part(question)) and following and verb_base(following[0]) in _CHANGING:
        return True  # "Is Merep-Hale still the winner?": "the recount has not changed the winner" says he is
    # Who did it denying it, or pleading not guilty, says no more than that they deny it: "Russia denied
    # interfering in the election".
    doer = _subject(question)
    if denial.word in _DENYING and doer and _speaks_of_all(doer, denial.before):
        return True
    # What the question asks of stands after the clause, set against it: "The results site was not taken
    # offline, but the lookup tool was."
    if doer and _speaks_of_all(doer, denial.after) and not _speaks_of_all(doer, denial.before):
        return True
    return bool(_PLEADED.search(denial.before)) and "plead" not in asked


# What a question asks beyond its verb that a sentence with no negation may not meet, so that its "Yes"
# would answer another question: a comparison or an order in time ("Did the attack last more than an hour?",
# "Did the minister resign before the leak?"), unless the sentence says the same ("more than an hour").
_COMPARES = re.compile(
    r"\b(?:than|before|after|since|until|till|prior|exceed\w*|above|below|longer|shorter|larger|bigger|smaller|"
    r"higher|lower|faster|slower|more|fewer|less|least|most)\b"
    r"|\b(?:over|under)\s+(?=\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a\s+half)\b"
    r"|an?\s+(?:hour|minute|day|week|month|year|dozen|hundred|thousand|million)\b)",
    re.I,
)
_COMPARED_WORDS = 3  # words after a comparison word that the sentence must hold with it
# A word that says how far the deed reaches, and the words by which a sentence says as much: "Was Dorj
# convicted on all three counts?" is not answered yes by "…on two of three counts".
_ALL = "all every each entire whole"
_REACH_WORDS = {
    "all": _ALL,
    "every": _ALL,
    "each": _ALL,
    "entire": _ALL,
    "whole": _ALL,
    "only": "only sole solely alone",
    "still": "still remain remains continue continues",
    "again": "again second",
}
# What a sentence says only as suspected, alleged or claimed: "Officials suspect Grey Heron stole the files"
# says no more than that they suspect it.
_HEDGES = frozenset(
    """suspect suspects suspected allegedly alleged alleges allege claim claims claimed claiming accuse accuses
    accused accusing believe believes believed reportedly purportedly purported purporting unconfirmed
    unverified possibly likely probably apparently presumably""".split()
)
_HEDGE_REACH = 8  # words from the hedge to the deed it hedges
# "…was charged with hacking", "…is said to have taken", "…may have copied": a charge or a possibility.
_HEDGED = re.compile(
    r"\b(?:charged|indicted|accused|suspected|arrested|investigated|sued)\s+(?:with|for|of|over)\b"
    r"|\bsaid\s+to\s+(?:be|have)\b|\b(?:may|might|could)\s+have\b|\b(?:appears?|appeared|seems?|seemed)\s+to\b",
    re.I,
)
# Said to be so by someone, last: "The hackers stole 1.2 million records, the group claimed on its site."
_CLAIMED_LAST = re.compile(
    r",\s+(?:[\w'’-]+\s+){0,4}?(claimed|claims|alleged|alleges|suspects?|believes?)\b[^,]*$", re.I
)
# The agent a passive question names: "Were the emails stolen by a rival campaign?"
_AGENT = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}?by\s+((?:[\w'’-]+\s*){1,5})", re.I)
# A year the sentence says only relative to its article's date: then the article's year is not the event's.
_RELATIVE_YEAR = re.compile(
    r"\b(?:last|this|next|previous|the following|the next)\s+year\b|\ba year (?:earlier|before|ago)\b", re.I
)


def _meets_what_is_asked(sentence: str, question: str, around: str) -> bool:
    """May a sentence that denies nothing answer the question "Yes"? Only when it meets all the question
    states: its comparisons and orders in time, numbers, months and years (a year may be its article's), places;
    how far the deed reached ("all", "only", "still"); who did it or had it done (`around`, what the
    sentence is read with, may name them); and when it says the deed as fact, not as suspected, claimed or
    charged."""
    asked = asked_part(question)
    said = " ".join(words(sentence))
    for compared in _COMPARES.finditer(asked):
        phrase = " ".join(words(asked[compared.start() :])[: 1 + _COMPARED_WORDS])
        if not re.search(rf"\b{re.escape(phrase)}\b", said):
            return False
    years = set() if _RELATIVE_YEAR.search(sentence) else {float(y) for y in re.findall(r"\b(?:19|20)\d\d\b", around)}
    if not _values(asked) <= _values(sentence) | years or not _months(asked) <= _months(sentence):
        return False
    sentence_words = set(words(sentence))
    if any(not set(_REACH_WORDS[w].split()) & sentence_words for w in set(words(asked)) & _REACH_WORDS.keys()):
        return False
    if _hedged(sentence, question):
        return False
    found = _asked_verb(question)
    agent = _AGENT.match(asked[found[1].end() :]) if found is not None else None
    named = [*_subject(question), *(words(agent.group(1)) if agent else [])]
    read = f"{sentence} {around}"
    return _speaks_of_all([w for w in named if w not in STOPWORDS], read) and all(
        speaks_of(read, place) for place in places_in(asked)
    )


def _hedged(sentence: str, question: str) -> bool:
    """Does the sentence say what is asked only as suspected, claimed, charged or possible? A hedge word
    counts before the asked verb, not as a word of the question itself ("Did the party claim…?"), nor
    describing a noun ("the alleged leaker was arrested", "claims of fraud")."""
    asked = {verb_base(w) for w in words(asked_part(question))}
    hedged = _HEDGED.search(sentence)
    if hedged is not None and verb_base(words(hedged.group())[0]) not in asked:
        return True
    claimed = _CLAIMED_LAST.search(sentence)
    if claimed is not None and verb_base(claimed.group(1)) not in asked:
        return True
    tokens = words(sentence)
    verb = asked_predicate(question) or _any_asked_verb(question)
    uses = list(_uses_of(verb, tokens)) if verb is not None else []
    for i, token in enumerate(tokens):
        if token not in _HEDGES or verb_base(token) in asked:
            continue
        if (i > 0 and tokens[i - 1] in _DETERMINERS) or tokens[i + 1 : i + 2] == ["of"]:
            continue  # "the alleged leaker", "claims of fraud"
        if not uses or any(0 < u - i <= _HEDGE_REACH for u in uses):
            return True
    return False


def _subject(question: str) -> list[str]:
    """The content words of a yes/no question between its auxiliary and the verb or state it asks about, up
    to a preposition: who did it ("Did the government attribute…": "government") or what had it done to it
    ("Were the emails stolen…": "emails"). Not adverbs ("criminally") nor words of reach ("whole")."""
    found = _verbs_after_auxiliary(question)
    asked = re.findall(r"[A-Za-z][\w'’-]*", asked_part(question))
    verb = asked_predicate(question) or _any_asked_verb(question) or _asked_state(question)
    if found is None or verb is None or verb not in asked:
        return []
    # Up to a preposition: "the memo in the leak" is the memo, which the sentence names.
    before = itertools.takewhile(lambda w: w.lower() not in _PREPOSITIONS, asked[1 : asked.index(verb)])
    return [
        w.lower()
        for w in before
        if w.lower() not in STOPWORDS | _NOT_THE_VERB | _MODALS | _REACH_WORDS.keys() and not w.lower().endswith("ly")
    ]


def _speaks_of_all(named: list[str], text: str) -> bool:
    """Does the text speak of every word, in its words or a people's word for a place ("Ghanaian": Ghana)?"""
    said = set(key_terms_in(text)) | set(concept_terms(text))
    return all(set(concept_terms(word)) <= said for word in named)


def _months(text: str) -> set[str]:
    """The months a text names: capitalised, as "may" is also a verb."""
    return {m.lower() for m in months_in(text) if m[0].isupper()}


# A number in figures, with its scale ("1.2 million"; alpha2digit writes "two million" as "2000000" but
# "1.2 million" as "1.2 1000000"). Not an ordinal: alpha2digit writes "a third" as "3rd".
_VALUE = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?!\d|st\b|nd\b|rd\b|th\b)"
    r"(?:\s+(thousand|million|billion|trillion|1000|1000000|1000000000|1000000000000)\b)?",
    re.I,
)
# A figure given as a part says no exact number: "half a million" (one given roughly or as a bound neither:
# assistant.figure_claims.said_inexactly).
_PART_OF = re.compile(r"\b(?:half an?|a quarter of an?)\s*$", re.I)


def _values(text: str) -> set[float]:
    """The exact numbers a text states, in figures or words ("three men": 3; "1.2 million": 1,200,000)."""
    digits = alpha2digit(text, "en", threshold=0)
    found = set()
    for m in _VALUE.finditer(digits):
        if said_inexactly(digits[: m.start()]) or _PART_OF.search(digits[: m.start()]):
            continue
        scale = (m.group(2) or "1").lower()
        found.add(float(m.group(1).replace(",", "")) * (SCALE[scale] if scale in SCALE else float(scale)))
    return found
