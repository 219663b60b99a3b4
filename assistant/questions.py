"""What a question asks for: the kind of fact (a number, a sum of money, a person) and what about.

The extractive answerer uses this to decline rather than quote a sentence that is on topic but does not
hold the asked-for fact (Fulton County's count when the question is about Michigan's).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from lemminflect import getAllInflections, getAllLemmas

from assistant.choices import Choice, asked_choice
from assistant.measures import Measure, measures
from assistant.mentions import CORPORATE_SUFFIXES, NAME
from assistant.outcomes import states_asked_outcome
from assistant.places import calls_by_place, demonym_place, is_country_or_state, is_place, names_place, places_in
from assistant.sums import holds_sum, says_kind_of_sum, sum_of_kind
from assistant.text import (
    CALENDAR,
    CALENDAR_WORDS,
    LEAD_IN,
    MONTH_NAME,
    STOPWORDS,
    SUBJECT_START,
    WEB_ADDRESS,
    concept_terms,
    terms,
    word_at,
    word_starts,
    words,
)

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?"
)
_ASKS_NUMBER = re.compile(
    r"\bhow (?:many|much|large|big|long|often)\b"
    r"|\bwhat (?:share|percentage|percent|proportion|number|amount|fraction)\b",
    re.I,
)
# Turnout is a figure (a share, or a count of voters), stated beside the word: "Turnout was 41 percent".
# "Turnout was high" does not say what it was, nor does a count of poll workers in the same sentence.
_ASKS_TURNOUT = re.compile(r"\bwhat (?:is|was|were) (?:the )?(?:(?:voter|overall|final|official)\s+)?(turnout)\b", re.I)
# A named owner: "Doppelganger's", "Marsha Blackburn's", "the FBI's".
_OWNER_NAME = r"(?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*"
_OWNER = rf"(?:(?i:the)\s+)?{_OWNER_NAME}['’]s"
_ASKS_MONEY = re.compile(
    r"\bhow much\b.*\b(?:money|ransom|cash|fund\w*|fine[ds]?|penalt(?:y|ies)|paid|pay|cost|spen[dt]|dollars|"
    # "How much is Anjali Kothari suing for?", "… did it agree to reimburse?"
    r"su(?:e|es|ed|ing)|damages|compensation|reimburs\w*|refund\w*|owe[ds]?|charg(?:e|es|ed|ing)|bail)\b"
    # "…and how much did they ask for?", "How much did the gang demand?": a sum (not "how much data…").
    r"|\bhow much (?:did|does|do|has|have|had|will|would|was|were|is|are)\b[^?]*"
    r"\b(?:ask(?:s|ed|ing)? for|demand(?:s|ed|ing)?|want(?:s|ed)?|seek(?:s|ing)?|sought)\b"
    # "What was Steppe Data Systems fined…?"
    r"|\bwhat (?:is|was|were|are|has|have|had) (?:[\w'’.-]+ ){1,5}?(?:been )?fined\b"
    # "What ransom did LockMoth want?", "What did the elections cost to run?", "What did the mitigation
    # end up costing?"
    r"|\bwhat (?:ransom|fine|damages|bail)\b|\bwhat (?:did|does|do|will|would) (?:[\w'’.-]+ ){1,10}?cost(?:ing)?\b"
    # "How large a civil penalty has the board imposed?", "How big a ransom…": the size of a sum.
    r"|\bhow (?:large|big|high|steep|hefty) an? (?:[\w'’-]+ ){0,2}?(?:fine|penalty|ransom|payment|bill|budget|"
    r"settlement|payout|reward|bail|contract|grant|donation|bribe|fee)s?\b"
    # "What bail amount was set?", "what sum did they pay?" (not "what amount of data").
    r"|\bwhat (?:[\w'’-]+ ){0,2}?(?:amount|sum)s?\b(?!\s+of\s+(?!money\b|cash\b|funds?\b)\w)"
    # "What's their contract with the IPA worth?", "How much is the deal worth?"
    r"|\b(?:what|how much)(?:['’]s| is| was| are| were) [^?]*?\bworth\W*$"
    # "What did the booter service charge for the attack?" (not "What did prosecutors charge him with?")
    r"|\bwhat (?:did|does|do|will|would) (?:[\w'’.-]+ ){1,10}?charge(?=\s+(?:for|per)\b|\W*$)"
    # "What was Doppelganger's annual budget?", "What's the bill for…": the sum is the thing asked. Not
    # "what penalty" (it may be a prison term), nor "What was cut from CISA's budget?".
    rf"|\bwhat(?:['’]s| is| was| are| were) (?:(?-i:{_OWNER}) |the |its |their |his |her )?"
    # "what's the exact fee a polling-station president gets paid", "What was the ransom?"
    r"(?:[\w'’-]+ ){0,2}?(?:budget|salary|price(?: tag)?|cost|fee|bill|ransom|fine)s?"
    r"(?: (?:of|for|on) \w|\W*$| (?:a|an|each|every|per|that|which|they|it|he|she)\b)",
    re.I,
)
# "How old is Tama Whitcombe?": an age, stated as one ("54-year-old", "aged 54", "Whitcombe, 54,").
_ASKS_AGE = re.compile(r"\bhow old\b|\bwhat (?:is|was|are|were) (?:[\w'’]+ ){0,3}?ages?\b", re.I)
_AGE = re.compile(
    r"\b\d{1,3}-year-old\b|\b\d{1,3} years? old\b|\baged? \d{1,3}\b|\bage of \d{1,3}\b|"
    r"\b[A-Z][\w'’-]+, \d{2},|\b[A-Z][\w'’-]+ \(\d{2}\)"
)
_ASKS_PERSON = re.compile(
    r"\bwho(?:m|se)?\b|\bname of\b|\bwhat (?:is|was) (?:his|her|the) name\b|\bwhat (?:are|were) (?:their|the) names\b",
    re.I,
)
_ASKS_PERCENT = re.compile(r"\bwhat (?:share|percentage|percent|proportion|fraction)\b", re.I)
# "Was turnout lower in the municipalities hit than in the country as a whole?": a yes/no question that
# compares two figures is answered by the figures ("71.3% … compared with 73.9% nationally").
_ASKS_COMPARED_FIGURE = re.compile(
    # Not what an article suggests: "Does the Fortune article suggest that the film was less successful than…"
    r"^\W*(?:was|were|is|are|did|does|do|has|have|had)\b(?![^?]*\b(?:suggest|impl(?:y|ies)|indicate)s?\b)[^?]*?"
    # Not "more sophisticated than", "less secure than": what is compared is no figure.
    r"(?:\b(?:fewer|larger|smaller|bigger|higher|lower|greater|longer|shorter)\b[^?]*?\bthan\b"
    # Or to a figure it gives: "Was the contract worth more than AUD 500,000?", "Did over 2,000 voters…?";
    # not a year ("below 2020 levels"), a law ("under 18 U.S.C. 1030"), a name ("over 3G networks") or a
    # time before or after ("more than 2 weeks after the election").
    r"|\b(?:more|less|fewer|over|under|above|below|at least|at most|exceed(?:ed|s)?)\s+(?:than\s+)?"
    r"(?:(?-i:[A-Z]{3})\s?|[$€£¥₱]\s?)?(?!(?:19|20)\d\d\b)\d[\d,.]*(?![\w.])"
    r"(?!\s+(?:U\.?S\.?C|[a-z]+\s+(?:after|before|ago|later|earlier)\b)))",
    re.I,
)
# "When did…", "in what year": a date. Not "when asked" nor "since when" inside a longer question.
# Not a clause that sets the scene for another question: "When Dunlin's results page got flooded, what did
# the peak traffic look like?" asks what.
_ASKS_DATE = re.compile(
    r"^\W*when\b(?![^?]*?,\s+(?:what|which|how|why|where|did|does|do|is|are|was|were|has|have|had)\b)"
    r"|\b(?:what|which) (?:date|day|month|year)s?\b|\bin what year\b",  # "On which days was the desk open?"
    re.I,
)
# Kinds of place and organisation a name answers.
_PLACE_AND_ORGANISATION_KINDS = (
    r"(?:compan(?:y|ies)|groups?|states?|count(?:y|ies)|cit(?:y|ies)|countr(?:y|ies)|agenc(?:y|ies)|candidates?|"
    r"firms?|networks?|outlets?|websites?|vendors?|organi[sz]ations?|platforms?|newspapers?|banks?|"
    # What ORGANISATION_NOUNS also calls one by its name: "Which outfit was behind the pages?"
    r"universit(?:y|ies)|towns?|outfits?|crews?|gangs?|collectives?|consultanc(?:y|ies)|contractors?)"
)
# Up to two words between "which" and the kind it asks for ("which swing state"), but no verb and no
# article: "What did Bucks County officials say", "What caused the county to delay" ask for no county.
_KIND_WORDS = (
    r"(?:(?!(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|the|a|an|its|their)\b)"
    r"(?![a-z]+ed\b)[\w-]+ ){0,2}"
)
# "Where…", "in which state", "which company('s)", "which countries'": a name of a place or an
# organisation. The kind is a word of its own: "what state-sponsored group" asks for a group.
_ASKS_NAMED = re.compile(
    rf"^\W*where\b|\b(?:which|what) {_KIND_WORDS}{_PLACE_AND_ORGANISATION_KINDS}(?:['’]s?)?(?![\w'’-])", re.I
)
# "Where…", "which county…", "which countries' embassies…": a place, perhaps inside one the question
# names. Not "which county official", "which state election official" nor "which city council", which
# ask for a person or a body.
_ASKS_PLACE = re.compile(
    rf"^\W*where\b|\b(?:which|what) {_KIND_WORDS}(?:count(?:y|ies)|cit(?:y|ies)|states?|countr(?:y|ies)|towns?|"
    r"regions?|districts?|municipalit(?:y|ies)|provinces?|villages?|constituenc(?:y|ies)|wards?|islands?)"
    r"(?:['’]s?)?(?![\w'’-])(?!\s+(?:elections?|officials?|clerks?|workers?|employees?|judges?|"
    r"prosecutors?|attorneys?|lawmakers?|legislators?|legislatures?|senators?|secretar(?:y|ies)|auditors?|"
    r"commissioners?|commissions?|administrators?|supervisors?|directors?|leaders?|residents?|voters?|"
    r"departments?|councils?|boards?|courts?|part(?:y|ies)|police|agenc(?:y|ies)|media)\b)",
    re.I,
)
_OPENS_WITH_PLACE = re.compile(rf"^\W*(?!where\b)(?:{_ASKS_PLACE.pattern})", re.I)
# ... and people, offices and the like.
_NAME_KINDS = (
    r"(?:consultants?|officials?|persons?|people|individuals?|directors?|members?|employees?|officers?|lawmakers?|"
    r"senators?|representatives?|politicians?|journalists?|reporters?|researchers?|analysts?|men|women|"
    r"defendants?|suspects?|actors?|operatives?|ministr(?:y|ies)|departments?|offices?|units?|sites?|"
    rf"{_PLACE_AND_ORGANISATION_KINDS})"
)
# "Which consultant…", "In Microsoft's report, which county government…", "… signed "Robert". Which of
# the men…": a name answers it. Only where "which" opens the question, not in a clause of it ("Who… the
# emails in which…"); only for kinds a name answers ("which technique" is answered in words); and not a
# choice between what the question names ("Which came first: X or Y?").
_ASKS_WHICH = re.compile(
    r"(?:^|[.?!]\s+|^(?:in|on|at|by|for|from|of|to|with|during|after|before|under|among)\b[^,?]{0,80},\s+)"
    r"(?:(?:in|on|at|by|for|from|of|to|with|during|under|among)\s+)?which"
    rf"(?:\s+of\s+(?:the|these|those|them)\b|(?:\s+[\w'’-]+){{0,3}}?\s+{_NAME_KINDS}\b)"
    r"(?![^?]*\bor\b(?!\s+not\b))",
    re.I,
)
# "Which version of BallotPath…", "what firmware version…": a version number answers it ("4.2.1", "version
# 3.9"), not a name. Not "what version of events": an account.
_ASKS_VERSION = re.compile(
    r"\b(?:which|what)\s+(?:[\w-]+\s+){0,3}?versions?\b(?!\s+of\s+(?:the\s+)?(?:events|story|what))", re.I
)
_VERSION = re.compile(r"\b\d+\.\d+\.\d+\b|\b(?:versions?|v)\s?\d+(?:\.\d+)*\b", re.I)
# "Which consultant…", "which ex-presidential candidate…": a person's name answers it, not "Treasury" nor
# "APT42" (an "actor" may be a group). Not "which individual": its sources may name the person by surname
# alone ("Bankman-Fried"), which no pattern tells from other capitalised words; nor "which members" (of
# NATO: countries) or "which women's team".
_PERSON_KIND = re.compile(
    r"\b(?:consultants?|officials?|directors?|employees?|officers?|lawmakers?|"
    r"senators?|representatives?|politicians?|journalists?|reporters?|researchers?|analysts?|men|women|"
    r"defendants?|suspects?|candidates?|advis[eo]rs?|executives?)$",
    re.I,
)


FOLLOWING_UP = " (following up: "  # how a standalone follow-up carries the questions it leans on


ANSWERED = "; answered: "  # how it carries the names the latest answer gave ("he" is Brad Raffensperger)


def asked_part(question: str) -> str:
    """What the question itself asks, without the earlier questions a follow-up carries along."""
    return question.split(FOLLOWING_UP, 1)[0]


def asked_now(question: str) -> str:
    """What a follow-up asks, with the names its "he" or "they" stand for (the earlier questions aside)."""
    asked, _, carried = question.partition(FOLLOWING_UP)
    _, _, answered = carried.rpartition(ANSWERED)
    return f"{asked} {answered.rstrip(')')}" if answered else asked


_PART_OF_YEAR = re.compile(r"[QH][1-4]")


def proper_nouns(question: str) -> list[str]:
    """Capitalised words inside the question (not its first word): names the corpus must know."""
    # Not a letter inside a number: the "T22" of a timestamp "2023-10-04T22:42:00".
    tokens = re.findall(r"(?<![\w-])[A-Za-z][A-Za-z0-9'’.\-]*", question)
    names: list[str] = []
    for t in tokens[1:]:
        # Nor a quarter or half of a year: "Q4 2025", "H1".
        if not t[0].isupper() or t.lower().rstrip(".") in CALENDAR_WORDS or _PART_OF_YEAR.fullmatch(t):
            continue
        pair = f"{names[-1]} {t}" if names else ""
        # The people's word of a country of two words is one name: "South African", "New Zealander".
        if pair and pair in question and demonym_place(pair):
            names[-1] = pair
        else:
            names.append(t)
    return names


_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
# A capitalised word, with the capitalised word after it as group 1 ("Lumenfold" and "Labs").
_AFTER_A_NAME = re.compile(r"\b[A-Z][\w'’.&-]*(?=\s+([A-Z][\w.]*))")


def corporate_suffixes(question: str) -> set[str]:
    """The words that end a company's name in the question ("Labs" of "Lumenfold Labs"): articles go on
    to call it "Lumenfold", so they are no constraint an answer must meet, nor a word it must repeat."""
    return {
        m.group(1) for m in _AFTER_A_NAME.finditer(question) if m.group(1).lower().rstrip(".") in CORPORATE_SUFFIXES
    }


# Words a company's name uses to say its trade, between its own name and a corporate suffix ("Election" of
# "Tellaris Election Systems", "Data" of "Steppe Data Systems"): news goes on to call it "Tellaris".
_TRADE_WORDS = frozenset(
    "election elections electoral voting vote data digital security cyber software technology media print printing "
    "analytics research forensics consulting communications strategic network networks information".split()
)
_SUFFIX = "|".join(s.capitalize() for s in sorted(CORPORATE_SUFFIXES))
_TRADE_THEN_SUFFIX = re.compile(rf"\b[A-Z][\w'’&-]*((?:\s+[A-Z][\w'’&-]*){{1,3}})\s+(?:{_SUFFIX})\b")


def _trade_words(question: str) -> set[str]:
    """The words of a company's name that say its trade, before its suffix: no constraint either."""
    return {w for m in _TRADE_THEN_SUFFIX.finditer(question) for w in m.group(1).split() if w.lower() in _TRADE_WORDS}


def key_terms(question: str) -> set[str]:
    """The question's names and numbers, as search terms: the constraints an answer must meet. A
    people's word stands for their country: "Ghanaian authorities" are met by "Ghana's"."""
    asked = asked_part(question)
    dropped = corporate_suffixes(asked) | _trade_words(asked)
    names = [demonym_place(n) or n for n in proper_nouns(asked) if n not in dropped]
    return set(concept_terms(" ".join(names))) | key_numbers(asked)


def key_numbers(text: str) -> set[str]:
    """The numbers of a text as key terms hold them, whole ("2,000", "3.2")."""
    return set(_NUMBER.findall(text))


def key_terms_in(text: str) -> set[str]:
    """What of a text can meet a question's key terms: its search terms, the countries its people's
    words speak of ("Kenyan": Kenya), and its numbers written whole ("2,000" stays one number, as
    `key_terms` keeps it)."""
    said = re.findall(r"\b[A-Z][a-z]+\b", text) + re.findall(r"\b(?=([A-Z][a-z]+ [A-Z][a-z]+)\b)", text)
    places = [p for w in said if (p := demonym_place(w))]
    return set(concept_terms(" ".join([text, *places]))) | key_numbers(text)


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = re.compile(rf"\b(?:{_MONTHS})\b", re.I)


def numbers_in(text: str) -> set[str]:
    """The numbers a text states, written plainly ("2,000" and "2000" are one number)."""
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


def months_in(text: str) -> list[str]:
    return [m.group() for m in _MONTH.finditer(text)]


# "Name the group that took credit…": as "which group…".
_ASKS_TO_NAME = re.compile(
    rf"^\W*(?:please\s+)?name\s+(?:the|a|an|any|all|each|one|two|three)\s+(?:[\w'’-]+\s+){{0,3}}?{_NAME_KINDS}\b", re.I
)

# "May 4, 2024", "2024". A day written first ("4 February 2026") still counts as a number, and its year's
# first digits as a day: the decline model's evidence was computed so (the README says what changing it did).
_DATE = re.compile(rf"\b(?:{_MONTHS})(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|(?<![\w-])(?:19|20)\d\d\b")
_QUANTITY = re.compile(rf"[$€£]?\d[\d,.]*%?|\b(?:{_NUMBER_WORDS})\b", re.I)
# A name: capitalised words in a row, a middle initial allowed ("Steve Kramer", "Life Corporation").
# One capitalised word of a name: "Krebs", "McCaul", "O'Brien", "José".
NAME_WORD = r"(?:Mc|Mac|O['’]|D['’])?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+"
_NAME = re.compile(rf"\b{NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{NAME_WORD}(?:-{NAME_WORD})?)+\b")
# Words that make a name an organisation's: "what were their names?" asks for people.
_ORGANISATION = re.compile(
    r"\b(?:Department|Agency|Committee|Corps|Center|Group|Council|Office|Court|County|Bureau|Party|"
    r"Act|Commission|Service|House|Senate|States|Media|Company|Security|Intelligence|Guard|Day)\b"
)
# Words that say who without a name ("two Iranian nationals", "a political consultant").
_PEOPLE = re.compile(
    r"\b(?:m[ae]n|wom[ae]n|nationals|citizens|operatives|officers|officials|defendants|individuals|persons|"
    r"consultants?|contractors?|employees|suspects)(?![\w-])",
    re.I,
)
_FOCUS_STOP = frozenset(
    "did do does was were is are has have had in on at of for to by from that which who whom whose with about "
    "the a an".split()
)
# Words that go with any title ("former President Trump"): they say nothing of the role asked about.
_ANY_TITLE = frozenset("former ex then current late acting onetime".split())
_WINDOW = 8  # words between an asked-for value and the question's focus words
# A number counts what stands just after it ("18 counts", "all ten of its regions") or just before
# it ("counts: 18"): "…election security advisor positions in all ten of its regions" counts regions, not
# the advisors asked about, although "advisor" is 4 words from "ten".
_COUNTED_BEFORE = 3
_COUNTED_AFTER = 4
# Units of time, as a length of time or a count of them is said in.
_TIME_UNITS = r"seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?"
# A number that counts units of time ("five weeks", "19 straight days"), and a question that speaks of them.
_TIME_UNIT_AFTER = re.compile(rf"[\s-]+(?:[a-z]+\s+)?(?:{_TIME_UNITS})\b", re.I)
_TIME_UNIT_WORD = re.compile(rf"\b(?:{_TIME_UNITS}|long|time)\b", re.I)
# The day of a date written day first, before its month: "on 14 October".
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+$")
# The subject of a sentence that states an amount names what is counted.
_NUMBER_OF = re.compile(r"\b(?:the|a) (?:total )?(?:number|count|tally) of\b", re.I)
# A verb that states an amount: what it ends with counts the subject, however far before ("reached 60").
_AMOUNT_STATED = re.compile(
    r"\b(?:reached|totall?ed|numbered|stood at|was|were"
    # "rose to 60", "has risen from around 40 to 112"
    r"|(?:rose|risen|fell|fallen|grew|grown|climbed|jumped|increased|dropped|came)(?: from \S+(?: \S+)?)? to)"
    r"\s+(?:about |around |roughly |nearly |almost |more than |over |some |at least |just )?$",
    re.I,
)


# A name with its title: "Georgia Secretary of State Brad Raffensperger", "Bank of America".
_TITLED_NAME = re.compile(r"\b[A-Z][a-z]+(?:(?:\s+of(?:\s+the)?)?\s+(?:[A-Z]\.|[A-Z][a-z]+(?:-[A-Z][a-z]+)?))+\b")


def names(text: str) -> list[str]:
    """Names of people and organisations in a text, in order, once each ("The Justice Department" is
    "Justice Department"; a lone month or weekday is none)."""
    found: list[str] = []
    for match in _TITLED_NAME.finditer(text):
        named = match.group().split()
        while named and (named[0].lower() in STOPWORDS or named[0].lower() in CALENDAR_WORDS):
            named = named[1:]
        if len(named) >= 2 and " ".join(named) not in found:
            found.append(" ".join(named))
    return found


# "Who is Marsha Blackburn's opponent?" and "What is the name of Dimos Katsarelis's lawyer?" ask for a name
# said to be of the role: the role is the focus.
_WHOSE_ROLE = re.compile(rf"\b(?:(?i:who)m? (?:is|was|are|were)|(?i:names?) of) {_OWNER}\s+(.*)")


def focus_terms(question: str) -> set[str]:
    """Stemmed words naming what a numeric, 'name of the ...' or "who is X's ..." question asks about, and the words
    themselves, in which a compound's head is found ("calls" counts "robocalls")."""
    question = asked_part(question)
    match = re.search(
        r"\b(?:how (?:many|much)|what (?:share|percentage|proportion|number) of|name of the)\s+(.*)", question, re.I
    ) or _WHOSE_ROLE.search(question)
    if not match:
        return {"turnout"} if _ASKS_TURNOUT.search(question) else set()
    focus: list[str] = []
    # A name says whose or where the counted things are ("How many San Isidro de las Cumbres polling
    # stations…"): it is kept, but only the other words count towards the five that say what they are.
    named = {w.lower() for w in re.findall(r"\b[A-Z][\w'’.-]*", match.group(1))}
    counted = 0
    for word in words(match.group(1)):
        if word in _FOCUS_STOP:
            break
        if word in _ANY_TITLE:
            continue
        focus.append(word)
        counted += word not in named
        if counted == 5:
            break
    return set(terms(" ".join(focus))) | {w.lower() for w in focus}


# Focus words that ask a count of people of any kind.
_ANY_PEOPLE = frozenset({"peopl", "person", "individu"})
# What a compound adds to its head ("robocalls" are calls); not any letters before it ("accounts" are no counts).
_COMPOUNDING = ("robo", "cyber", "deep", "spear", "web", "tele")
# Words that count a thing asked for in other words: "How many phones got the texts?": "sent to about 61,400
# mobile numbers" (not "Mobile County", a name).
_COUNTED_AS = {"phone": frozenset({"mobil", "handset"}), "phones": frozenset({"mobil", "handset"})}


def counted_as(term: str) -> frozenset[str]:
    """The terms that count what the term names in other words ("phone": "mobil", of "mobile numbers")."""
    return _COUNTED_AS.get(term, frozenset())


def _says_focus(word: str, focus: set[str]) -> bool:
    """Is the word one of the focus words, a word that counts them ("mobile numbers" counts phones), or the
    head of a compound one ("calls" of "robocalls")?"""
    said = set(terms(word))
    if said & focus or (any(said & _COUNTED_AS.get(f, frozenset()) for f in focus) and word[:1].islower()):
        return True
    if focus & _ANY_PEOPLE and _PEOPLE.fullmatch(word.strip(".,;:!?()\"'’")):
        return True  # "how many people…" counts "40 individuals", "three men"
    head = word.lower().strip(".,;:!?()\"'’").removesuffix("s")
    return len(head) >= 4 and any(f.removesuffix("s") in {p + head for p in _COMPOUNDING} for f in focus)


def _near_focus(
    sentence: str,
    spans: list[tuple[int, int]],
    focus: set[str],
    focus_before: int = _WINDOW,
    focus_after: int = _WINDOW,
) -> bool:
    """Some span has a focus word at most `focus_before` words before it or `focus_after` words after
    it (no focus words: anywhere will do)."""
    if not spans:
        return False
    if not focus:
        return True
    starts = word_starts(sentence)
    focus_at = [word_at(starts, m.start()) for m in re.finditer(r"\S+", sentence) if _says_focus(m.group(), focus)]
    return any(
        word_at(starts, a) - focus_before <= f <= word_at(starts, b - 1) + focus_after
        for a, b in spans
        for f in focus_at
    )


def surnames_in(text: str) -> frozenset[str]:
    """The last words of the people's full names a text gives ("Daniel Camilleri": "Camilleri"), by which
    news calls them from then on ("Prosecutors said Camilleri sent the phishing email")."""
    return frozenset(full_names_in(text))


@lru_cache(maxsize=4096)
def full_names_in(text: str) -> Mapping[str, str]:
    """The people's full names a text gives, by last name ("Camilleri": "Daniel Camilleri"); read-only, as
    it is cached."""
    found: dict[str, str] = {}
    for match in _NAME.finditer(text):
        named = match.group().split()
        while named and (named[0].lower() in STOPWORDS or _OFFICE_WITHIN.match(named[0])):
            named = named[1:]  # "The", "Director Christopher Wray"
        # A person's name: two or three words, none an organisation's ("Democratic Renewal Party", "Tallyline
        # Solutions"), a month's or a place's ("New York City").
        last = named[-1] if named else ""
        if (
            2 <= len(named) <= 3
            and not _ORGANISATION.search(match.group())
            and last.lower() not in STOPWORDS | CORPORATE_SUFFIXES
            and last not in CALENDAR
            and not any(is_place(" ".join(named[:n])) for n in range(1, len(named) + 1))
        ):
            found.setdefault(last, " ".join(named))
    return MappingProxyType(found)


def called_by_last_name(sentence: str, full_names: Mapping[str, str]) -> list[str]:
    """The full names (of `full_names`, by last name) of the people the sentence calls by the last name
    alone, in the order it calls them: the first is most often whom it is about."""
    called = [
        (found.start(), full)
        for last, full in full_names.items()
        if full not in sentence and (found := re.search(rf"\b{re.escape(last)}\b", sentence)) is not None
    ]
    return [full for _, full in sorted(called)]


@lru_cache(maxsize=4096)
def _last_names(surnames: frozenset[str]) -> re.Pattern[str]:
    """One pattern for the last names, as the same passage's are looked for in each of its sentences."""
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(surnames)))})\b")


_SPEECH = (
    r"(?:said|says|told|added|noted|declined|refused|suggested|argued|wrote|stated|explained|warned|confirmed|"
    r"denied|acknowledged|agreed|asked|urged|insisted|cautioned|recalled)"
)
_SPOKE_AFTER = re.compile(rf"\s*(?:,[^,]{{0,60}},\s*)?{_SPEECH}\b")
_SPOKE_BEFORE = re.compile(rf"\b(?:{_SPEECH}|according to)\s+$")


def _who_spans(
    sentence: str, known: set[str], names_only: bool, surnames: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Where a sentence says who: a person's or an organisation's name the question does not already
    give ("Donald Trump" is no answer to a question about Trump), or one of `surnames` alone ("Camilleri",
    named in full before), or, unless names are asked for, words for people ("three Iranian men"). Asked
    for names, only people's names count."""
    spans: list[tuple[int, int]] = []
    if surnames:
        full = [m.span() for m in _NAME.finditer(sentence)]
        alone = _last_names(surnames)
        spans += [
            m.span()
            for m in alone.finditer(sentence)
            if m.group().lower() not in known
            and not any(a <= m.start() < b for a, b in full)
            # Only speaking ("Anggraini declined to say…", "…, said Okonjo") says nothing of who did it.
            and not (_SPOKE_AFTER.match(sentence, m.end()) or _SPOKE_BEFORE.search(sentence[: m.start()]))
        ]
    for match in _NAME.finditer(sentence):
        named = match.group().split()
        # "On September", "The Justice Department"; asked for names, "Director Christopher Krebs" answers
        # "which director" (asked who, a judge who only presides is no answer: "Judge Lewis Kaplan").
        while named and (named[0].lower() in STOPWORDS or (names_only and _OFFICE_WITHIN.match(named[0]))):
            named = named[1:]
        given = set(words(" ".join(named))) & (known | CALENDAR_WORDS)
        if named and not given and not (names_only and _ORGANISATION.search(match.group())):
            spans.append(match.span())
    if not names_only:
        spans += [m.span() for m in _PEOPLE.finditer(sentence) if m.group().lower() not in known]
    return spans


# A publication the question asks what it published: "a Bloomberg article", "an article in The Wall Street
# Journal", "stories by Reuters". Not "a report" or "a review": "a Microsoft report" is Microsoft's own,
# which an indexed news article may well quote.
_OUTLET = r"(?:The\s+)?(?:[A-Z][\w&.'’-]*?(?=[\s,:;?!]|$)\s*){1,4}"
_WRITING = r"(?:article|piece|story|stories|coverage|publication)"
_PUBLICATIONS = (
    re.compile(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?P<outlet>{_OUTLET})(?:news\s+)?{_WRITING}s?\b"),
    re.compile(rf"\b{_WRITING}s?\s+(?:published\s+)?(?:in|by|from)\s+(?P<outlet>{_OUTLET})"),
)


def publications_named(question: str) -> list[str]:
    """The publications the question asks what they published, as it names them ("Wall Street Journal");
    not an owner ("a Meta's article") nor a month ("an article from October")."""
    found: list[str] = []
    for pattern in _PUBLICATIONS:
        for match in pattern.finditer(question):
            outlet = re.sub(r"^The\s+", "", match["outlet"].strip(" .,:;?!"))
            if outlet and not re.search(r"['’]s?$", outlet) and outlet.split()[0] not in CALENDAR:
                found.append(outlet)
    return list(dict.fromkeys(found))


# "Who leaked the spreadsheet?", "Who hacked the portal?": asks who did a deed (a verb in the past, not
# one of being or saying), which whoever is only quoted in a sentence did not do.
_ASKS_DOER = re.compile(
    r"^\W*who\s+(?:first\s+|actually\s+|really\s+)?(?P<verb>[a-z]+ed|stole|broke|took|sent|ran|hit|made|put)\b", re.I
)


# Where a sentence says whom it quotes: after a closing quote or a comma, "said X of the Y…" or "according
# to X" to the end; at its start, "The rival Mbaraki Development Party (MDP) said…" (no verb in the past
# before it: "Budi leaked the file to reporters who said…" names the doer).
_QUOTED_BY = re.compile(r"(?:[”\"]\s*,?|,)\s*(?:said|says|added|noted|wrote|testified|according to)\b.*$", re.S)
# "The MDP said…", "The Provincial Election Integrity Office (PEIO) of Chaloem Thani warns the public
# about…": the speaker, up to the verb that says they speak.
_SPEAKER_FIRST = re.compile(
    r"^(?:(?:[A-Z][\w'’.-]*|\([A-Z]+\)|(?![a-z]*ed\b)[a-z]+)\s+){1,10}"
    r"(?=(?:said|says|told|tells|added|adds|warned|warns|announced|announces|stated|states|reminds|testified|"
    r"testifies)\b)"
)


# "Tomasi Lemalu, who won a seat in July, said…", "Dr. Miren Castellaz of the Tallowgate Institute, who was
# appointed by the court …, testified…": the speaker, described between commas.
_SPEAKER_DESCRIBED = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)?,\s+"
    r"(?:who|a|an|the)\b[^,]{0,80},\s+(?=(?:said|says|told|added|warned|announced|stated|testified)\b)"
)
# "Who was charged over the hoaxes?": who had the deed done to them.
_ASKS_DONE_TO = re.compile(r"^\W*who\s+(?:was|were|has been|have been|had been)\s+(?P<verb>[a-z]+ed)\b", re.I)


def _attributions(sentence: str, deed: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """Where the sentence names whom it quotes; a speaker described by the deed asked about ("Nadia
    Farhoud-Lim, who led the observatory's work, said…" for "Who led…?") is not only quoted."""
    described = _SPEAKER_DESCRIBED.match(sentence)
    if described is not None and deed is not None and deed.search(described.group()):
        described = None
    return [m.span() for m in (_QUOTED_BY.search(sentence), _SPEAKER_FIRST.match(sentence), described) if m is not None]


def _asks_doer(question: str) -> bool:
    """Does a "who" question ask who did a deed, or had it done to them ("Who was charged…?"), rather than
    who said something?"""
    match = _ASKS_DOER.match(question) or _ASKS_DONE_TO.match(question)
    return match is not None and not _SAYING.fullmatch(match["verb"])


# "Hundreds of poll clerks…": a count in words only, which a figure of the same matter says exactly.
_VAGUE_COUNT = re.compile(r"\b(?:dozens|hundreds|thousands|millions|billions)\s+of\b", re.I)
_DAY_MONTH = re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b")  # "2 August", which _DATE leaves its day


def counts_only_vaguely(sentence: str) -> bool:
    """Does the sentence count only in words such as "hundreds of", with no figure (dates aside)?"""
    return bool(_VAGUE_COUNT.search(sentence)) and not counts_exactly(sentence)


def counts_exactly(sentence: str) -> bool:
    """Does the sentence give a figure (dates aside): "143 clerks entered their details"?"""
    return bool(re.search(r"\d", _DATE.sub(" ", _DAY_MONTH.sub(" ", sentence))))


def asked_counts(sentence: str, question: str) -> list[Measure] | None:
    """The sentence's counts of what a "how many" question asks the number of ("How many threatening
    letters…": "three anonymous letters", not "charged two men with threatening her"). None: the question asks
    no count of a named kind of thing."""
    focus = focus_terms(question) if _ASKS_COUNT.search(question) else set()
    if not focus:
        return None
    return [m for m in measures(sentence) if m.dimension == "count" and m.counts & focus]


# The deed a "who" or "which <noun>" question asks the doer of, as verb forms to find (what _asks_doer
# only tells of a "who" question): "Which group claimed the attack?", "Who built the page?". The first
# word past "who" or "which" that is only a verb, in the past ("claimed", "built", "hacked"): "Which states
# hacked…" is not asked what anyone "stated".
_WHO_OR_WHICH = re.compile(r"^\W*(?:who|which)\s+(?P<rest>[^?]*)", re.I)
# Verbs too common to tell the deed: "Which phishing kit was used…" is not answered by "an address the
# office has never used", nor "which one got back up faster" by "the attackers got in".
_NOT_A_DEED = frozenset("be do have say tell use get make take go come give put keep".split())


def deed_asked(question: str, done_to: bool = False) -> re.Pattern[str] | None:
    """The forms of the verb of a "Who <did>…?" or "Which <noun> <did>…?" question ("claim", "claimed",
    "claiming"), or None. With `done_to`, also of one that asks who had it done to them ("Who was
    convicted…?", "Which firm was hired…?")."""
    match = _WHO_OR_WHICH.match(asked_part(question))
    if match is None:
        return None
    rest = match["rest"].split()
    for n, word in enumerate(rest[:5]):
        if word.endswith(","):  # "Which company, as reported by The Verge, has…": a description, then its deed
            return None
        readings = getAllLemmas(word.lower())
        if readings.get("AUX", ("",))[0] == "be":
            # "Who is the player that played…" asks who someone is; "Which contractor's VPN account was
            # hacked?" whose it was.
            after = rest[n + 1 : n + 2]
            if (
                not done_to
                or any(re.search(r"['’]s?$", w) for w in rest[:n])
                or not after
                or not _past_participle(after[0])
            ):
                return None
            word, readings = after[0], getAllLemmas(after[0])
        if set(readings) - {"VERB", "ADJ"} or "VERB" not in readings:
            continue
        lemma = readings["VERB"][0]
        if lemma in _NOT_A_DEED or word.lower() == lemma:
            return None
        forms = {lemma, *(f for fs in getAllInflections(lemma, upos="VERB").values() for f in fs)}
        return re.compile(rf"\b(?:{'|'.join(sorted(map(re.escape, forms)))})\b", re.I)
    return None


def _past_participle(word: str) -> bool:
    """Is the word a verb's past participle ("convicted", "stolen"), not its base nor another word?"""
    lemma = getAllLemmas(word).get("VERB", ("",))[0]
    forms = getAllInflections(lemma, upos="VERB") if lemma else {}
    # lemminflect gives no VBN where it is the past tense's form ("convicted")
    return word != lemma and word in forms.get("VBN", forms.get("VBD", ()))


_RELATIVE_DATE = re.compile(
    r"\b(?:yesterday|today|tonight|(?:last|next|this|that) (?:week|month|year|spring|summer|fall|autumn|winter)|"
    r"(?:early|mid|late)[- ](?:\d{4}|[A-Z][a-z]+)|(?:19|20)\d0s)\b"
)
_SHARE = re.compile(
    r"\d[\d,.]*\s*(?:%|percent\b|per cent\b)|\b(?:half|(?:a|one|two)[- ]thirds?|(?:a|one|three)[- ]quarters?|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|\d+) (?:in|out of) (?:\w+)|majority|minority)\b",
    re.I,
)
# A name may end in digits ("APT42"): cut at its last letter, "APT" would pass for a name the question lacks.
_CAPITALISED = re.compile(r"\b[A-Z][\w'’&.-]*[A-Za-z0-9]")


def _date_spans(sentence: str) -> list[tuple[int, int]]:
    return [m.span() for m in _DATE.finditer(sentence)] + [m.span() for m in _RELATIVE_DATE.finditer(sentence)]


def _named_spans(sentence: str, known: set[str], first_too: bool = False) -> list[tuple[int, int]]:
    """Capitalised words that name something the question does not (the sentence's first word aside,
    which any sentence capitalises, unless `first_too`)."""
    first = re.match(r"\W*\S+", sentence)
    after_first = first.end() if first and not first_too else 0
    return [
        m.span()
        for m in _CAPITALISED.finditer(sentence)
        if m.start() >= after_first and not set(words(m.group())) & (known | CALENDAR_WORDS | STOPWORDS)
    ]


# Where something happened, before a place's name: "in the Czech Republic's Vysocina Region" (not "researchers
# at Lotus Gate", whose name may be a doer's).
_WHERE_IT_HAPPENED = re.compile(r"\b(?:in|near|across|throughout|inside)\s+(?:the\s+)?$", re.I)
# The owners named before a name: "the Czech Republic's " before "Vysocina Region".
_OWNERS_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*\s+(?:of\s+)?)*[A-Z][\w'’.-]*['’]s\s+$")
# "In Spokane Valley", "at Helena": a name after a word that places something there.
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|from|outside|inside|across|throughout)\s+(?:the\s+)?"
    # "in the town of Grand Mahé", "at the port of Mindelo"
    r"(?:(?:town|city|village|district|county|province|region|municipality|commune|island|port|capital)\s+of\s+)?$",
    re.I,
)


def _place_spans(sentence: str, known: set[str]) -> list[tuple[int, int]]:
    """Capitalised words, the first one too ("Iran was behind it"), that name a place the question does
    not give: a country, a state, a county, a city, their people's word ("Russian"), or whatever stands
    after "in" or "at" ("in Spokane Valley", not "from the National Election Support Bureau", a body);
    and web addresses, places too for where to go or look."""
    return [
        (a, b)
        for a, b in _named_spans(sentence, known, first_too=True)
        if names_place(sentence, a, b)
        or (_LOCATIVE.search(sentence[:a]) and not _names_a_body(_WHOLE_NAME.match(sentence, a)))
    ] + _web_spans(sentence, known)


def _names_a_body(name: re.Match[str] | None) -> bool:
    return name is not None and bool(_PUBLIC_BODY.search(name.group()) or _NOT_FOR_PROFIT.search(name.group()))


# "Which state…", "which countries…" (not "which county", "which city"): a state or a country answers it.
_ASKS_STATE_OR_COUNTRY = re.compile(rf"\b(?:which|what) {_KIND_WORDS}(?:states?|countr(?:y|ies)|nations?)\b", re.I)
_AT_OR_FROM = re.compile(r"\b(?:at|from)\s+(?:the\s+)?$", re.I)
# "Which county…", "what towns…": a place inside a country.
_ASKS_LOCALITY = re.compile(
    rf"\b(?:which|what) {_KIND_WORDS}(?:count(?:y|ies)|cit(?:y|ies)|towns?|districts?|municipalit(?:y|ies)|"
    r"provinces?|villages?|constituenc(?:y|ies)|wards?|islands?)\b",
    re.I,
)
_ASKS_SUBDIVISION = re.compile(
    rf"\b(?:which|what) {_KIND_WORDS}(?:count(?:y|ies)|districts?|municipalit(?:y|ies)|provinces?|villages?|"
    r"constituenc(?:y|ies)|wards?)\b",
    re.I,
)
# "Which country is behind…", "which government was responsible for…": who did it, not where.
_ASKS_WHO_IS_BEHIND = re.compile(
    r"\b(?:which|what) (?:countr(?:y|ies)|nations?|governments?)\b[^?]*?"
    r"\b(?:(?:is|are|was|were|be|been) behind|responsible for|sponsor(?:s|ed|ing)?|attributed|blamed|orchestrated|"
    r"work(?:s|ed|ing)? for|act(?:s|ed|ing)? (?:for|on behalf of))\b",
    re.I,
)


def asks_state_behind(question: str) -> bool:
    """Does the question ask which country or government is behind something ("Which country's government is
    Grey Heron working for?")?"""
    return bool(_ASKS_WHO_IS_BEHIND.search(asked_part(question)))


# What attributes an act: "attributed to", "backed by", "linked to", "on behalf of", "state-sponsored".
_ATTRIBUTES = re.compile(
    r"\b(?:behind|responsib\w*|sponsor\w*|attribut\w*|blam\w*|orchestrat\w*|backed|linked|tied|affiliated|"
    r"connected|directed|run by|working for|on behalf of|aligned|operat(?:ed|es|ing) (?:from|out of|for)|"
    r"origin|based in)\b",
    re.I,
)

# "Where are the results published?", "where does the SES put out official results?": where something is
# made public or can be had (not "hosted": a server is hosted in a country).
_PUT = r"(?:publish\w*|post(?:s|ed|ing)?|put out|puts out|available|list(?:s|ed)|announc\w*|releas\w*|download\w*)"
# The question's own verb, in its first clause: not "Where is the gang based, according to the report
# published on Tuesday?".
_ASKS_WHERE_PUT = re.compile(
    rf"^\W*where\b(?:(?!\bwhen\b)[^?,;])*?\b{_PUT}\b(?![^?]*\b(?:based|headquartered|located)\b)", re.I
)
# "published only on the Secretariat's website and in the Official Gazette", "posted at each returning office".
_PUT_ON = re.compile(
    rf"\b{_PUT}\b[^.;]{{0,30}}?\b(?:on|at|in|from|via|through)\s+(?:the\s+|its\s+|their\s+|each\s+|every\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:websites?|sites?|web ?pages?|pages?|portals?|(?<!post )offices?|apps?|channels?|"
    r"accounts?|gazettes?|noticeboards?|notice boards?|bulletins?|feeds?)\b",
    re.I,
)

# "Where can voters check their registration?", "where should I go to…", "where do I download…": where someone
# is to do something, which an office, a website or a telephone line answers as well as a place does.
_ASKS_WHERE_TO_GO = re.compile(r"^\W*where\s+(?:can|could|should|do|does|may|must)\b", re.I)
# "…only at the town office", "…through the office's portal", "…on its hotline": a place to go or a service.
_VENUE = re.compile(
    r"\b(?:at|on|through|via|to|in|from|with)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|your\s+|each\s+|"
    r"every\s+|any\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}?(?:offices?|halls?|stations?|websites?|sites?|web ?pages?|"
    r"pages?|portals?|centres?|centers?|lines?|helplines?|hotlines?|helpdesks?|lookups?|"
    r"addresses?)\b",
    re.I,
)

# Words that tell where one may or must go: "only at", "can be checked at", "takes place at", "is available on".
_GUIDANCE = re.compile(r"\b(?:only|can|may|should|must|takes? place|available|needs? to)\b", re.I)

# "Where is Quillon Systems headquartered?", "where are they based": where it sits, not where it struck.
_ASKS_BASE = re.compile(r"^\W*where(?:['’]s)?\b[^?]*\b(?:based|headquartered|located)\b", re.I)
# What says where something sits: "based in Cork", "a Minsk-based firm", "headquartered in", "operates
# out of", "registered in", "its offices in".
_SITS = re.compile(
    r"\b(?:based|headquarter\w*|located|registered|offices?|operat(?:ed|es|ing) (?:from|out of)|home to)\b", re.I
)

# "Which country is behind Copper Heron?" and "Where are they based?" are not answered by where it struck
# ("targeted campaigns in Taiwan", "against logistics companies in the Caribbean"): by a sentence that
# attributes it, or says where it sits, or by a people's word for it ("Russian hackers", "a Russian firm").
_NOT_WHERE_IT_STRUCK = ((_ASKS_WHO_IS_BEHIND, _ATTRIBUTES), (_ASKS_BASE, _SITS))


def _web_spans(sentence: str, known: set[str]) -> list[tuple[int, int]]:
    """Web addresses the question does not give."""
    return [m.span() for m in WEB_ADDRESS.finditer(sentence) if m.group().lower() not in known]


# "Which website…", "what portal…": a web address answers it, not a name ("Registrar Tobias Ferrante").
# Not "which news sites", named as outlets are ("Savannah Time").
_ASKS_SITE = re.compile(r"\b(?:which|what) (?:official )?(?:web ?sites?|portals?|web ?pages?|links?)\b", re.I)
# A site named by its name rather than its address: "posted on a website calling itself Driftwood Papers".
_SITE_BY_NAME = re.compile(
    r"\b(?:web ?sites?|sites?|portals?|web ?pages?|blogs?)\s*,?\s+(?:calling itself|called|named|known as|styled)\s+"
    r"[\"“'‘]?(?-i:[A-Z])",
    re.I,
)
# "MARLOW COUNTY, Pa. —", "YEREVAN -": where a report was filed, which is not what it reports.
_DATELINE = re.compile(r"^\W*(?:[A-Z][A-Z'’.-]+\s+)*[A-Z][A-Z'’.-]+(?:,(?:\s+[A-Z][\w.]*)+)?\s+[—–-]{1,2}\s")
# A whole name: capitalised words and the small words inside it ("Board of Elections", "Audit and Risk
# Committee"), ended by a possessive ("the FBI's Cleveland field office" is two).
_WHOLE_NAME = re.compile(rf"{_CAPITALISED.pattern}(?:(?<!['’]s)\s+(?:(?:of|the|for|and|&)\s+)*{_CAPITALISED.pattern})*")


def _capitalised_words(text: str) -> set[str]:
    """The text's capitalised words, lower-cased as `words` gives them, small words aside."""
    return {w for m in _CAPITALISED.finditer(text) for w in words(m.group())} - STOPWORDS


# "Which insurance company", "what IR firm": a business, which a place, a public body or a person is not.
_ASKS_BUSINESS = re.compile(
    rf"\b(?:which|what) {_KIND_WORDS}(?:compan(?:y|ies)|firms?|vendors?|banks?)(?:['’]s)?(?![\w'’-])", re.I
)
# Words that make a name a public body's ("the Board of Commissioners", "the Audit and Risk Committee").
# Not "City", "State" nor "House", which businesses are named with too ("State Farm", "Random House").
_PUBLIC_BODY = re.compile(
    r"\b(?:Board|Council|Committee|Commission|Department|Office|Bureau|Ministry|Court|Tribunal|Parliament|"
    r"Senate|Assembly|Police|Government)\b"
    # ... though alone they are: "the City's review", "the State".
    r"|^(?:The\s+)?(?:City|State|County|Town|Township|Municipality|Province|Commonwealth)(?:['’]s)?$"
)
# Words that make a name a body no one owns ("the Meridian Disinformation Research Laboratory", "the
# Civic Signal Institute", "the Labour Party"), and what says so after a name (", a Brussels-based
# non-profit"): not the company, firm or vendor asked for. Not "Lab" nor "Labs", which companies are
# named with ("Kaspersky Lab").
_NOT_FOR_PROFIT = re.compile(
    r"\b(?:Laboratory|Institute|University|College|Foundation|Association|Society|Academy|Party|Coalition|"
    r"Centre|Center|Observatory)\b"
)
_NOT_FOR_PROFIT_AFTER = re.compile(
    r"^,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:non-?profit|charity|think[ -]tank|research (?:group|centre|center)|"
    r"watchdog|university|advocacy group)\b",
    re.I,
)
# What stands before a person's name besides an office (_OFFICE_BEFORE): a courtesy title, a role
# ("Ward 2 councillor Imogen Szabo", "its head of threat intelligence, Hannah Okoro-Lindqvist,"), or
# "said" after a clause ("…, said Priya Natarajan"; not "The county said Bluecrest Voice had suspended
# the account", which names a business).
_ROLE_BEFORE = re.compile(
    r"(?:,[\"”’']?\s+said|\b(?:Prof|Mr|Mrs|Ms|Sir|Dame)\.?|\b(?:councill?or|manager|officer|prosecutor|registrar|"
    r"administrator|supervisor|analyst|researcher|founder|head|editor|lawmaker|intelligence),?)\s+$",
)
# "Priya Natarajan, who…", "Imogen Szabo said…": a person (as is "…, the FBI director": _OFFICE_AFTER; or
# "Morag Tallach, the returning officer", a role no business holds, though an official may: _ROLE_AFTER).
_AFTER_A_PERSON = re.compile(r"^,?\s+(?:who|said|says|told)\b")
_ROLE_AFTER = re.compile(
    r"^,\s+(?:the|a|an)\s+(?:[\w.'’-]+\s+){0,3}?(?:officer|manager|administrator|mayor|lawyer|solicitor)\b", re.I
)
# "AI-generated", "Kremlin-backed": a capitalised word joined to a lower-case one describes; it names nothing.
_DESCRIBING = re.compile(r"\S*-[a-z][\w-]*")


def _is_business(sentence: str, name: tuple[int, int]) -> bool:
    """Can the whole name at that span be a business's: neither a place nor a people's word ("English"),
    a public body's nor a person's?"""
    a, b = name
    text = sentence[a:b]
    if _PUBLIC_BODY.search(text) or is_place(text) or (" " not in text and names_place(sentence, a, b)):
        return False
    before, after = sentence[:a], sentence[b:]
    return not (
        _NOT_FOR_PROFIT.search(text)
        or _NOT_FOR_PROFIT_AFTER.match(after)
        or _OFFICE_BEFORE.search(before)
        or _ROLE_BEFORE.search(before)
        or _OFFICE_AFTER.match(after)
        or _ROLE_AFTER.match(after)
        or _AFTER_A_PERSON.match(after)
    )


# Technologies called by their letters, no one's name: "above a QR code", "a GPS tracker".
_TECHNOLOGIES = frozenset(
    "QR GPS SMS MMS USB PDF URL IP VPN PIN ID CCTV DNS HTML API OTP MFA 2FA DDOS AI IT PC TV GSM LTE NFC RFID SIM CSV "
    "XML JSON HTTP HTTPS SSL TLS CPU OS SQL WI-FI WIFI".split()
)


def _opens_quotation(sentence: str, a: int, b: int) -> bool:
    """Is the word the first of a quotation and a common word: 'the words "Apply for your postal vote…"' quote
    a message, whose first word any message capitalises."""
    return sentence[max(a - 1, 0) : a] in ('"', "“") and bool(getAllLemmas(sentence[a:b].lower()))


def _names_of_others(sentence: str, known: set[str], given: set[str], business: bool = False) -> list[tuple[int, int]]:
    """`_named_spans`, but not in a dateline, nor in a name one of whose words the question capitalises:
    "the Rellton County Board of Elections" and "the Hallowfield Leisure Centre" are no answer to which
    company Rellton County or Hallowfield used. A possessive ends a name: "the FBI's Cleveland field
    office" answers which FBI office. No word that describes ("AI-generated"); asked for a `business`,
    only the names of what can be one. Not a technology's letters ("QR code"), nor the first word of a quoted
    message."""
    dateline = _DATELINE.match(sentence)
    after = dateline.end() if dateline else 0
    spans = [
        (a, b)
        for a, b in _named_spans(sentence, known)
        if a >= after
        and not _DESCRIBING.fullmatch(sentence[a:b])
        and sentence[a:b].upper() not in _TECHNOLOGIES
        and not _opens_quotation(sentence, a, b)
    ]
    whole = [m.span() for m in _WHOLE_NAME.finditer(sentence)]
    own = [(x, y) for x, y in whole if set(words(sentence[x:y])) & given]
    if business:
        own += [(x, y) for x, y in whole if not _is_business(sentence, (x, y))]
    return [(a, b) for a, b in spans if not any(x <= a and b <= y for x, y in own)]


# "3 hours and 40 minutes", "a 71-second video", "six days", "3 hrs", "36h", "two and a half hours": a length
# of time.
_DURATION = re.compile(
    rf"\b(?:\d[\d,.]*½?|{_NUMBER_WORDS})(?:\s+and\s+a\s+half)?(?:\s+|-)?(?:{_TIME_UNITS}|h)\b",
    re.I,
)
# "How long was the site down?", "For how long…": a length of time asked for.
_ASKS_HOW_LONG = re.compile(r"how long\b", re.I)
_FIRST_QUESTION_WORD = re.compile(r"\b(?:how|what|which|who|whom|whose|when|where|why)\b", re.I)


def _asks_how_long_first(question: str) -> bool:
    """Does the question open by asking how long ("For how long was it down, and why?"), rather than
    asking it second ("How many of those…, and for how long did it run?", typed by its count)?"""
    asked = asked_part(question)
    first = _FIRST_QUESTION_WORD.search(asked)
    return first is not None and _ASKS_HOW_LONG.match(asked, first.start()) is not None


# A length of time, or the times or dates it ran between: "47 minutes", "half an hour", "from 21:12 to
# 21:59", "between 6 January and 5 February".
_LENGTH_OF_TIME = re.compile(
    rf"{_DURATION.pattern}|\bhalf an?\s+(?:hour|day)\b"
    r"|\b(?:for|in|within|than|about|nearly|almost|over|under)\s+an?\s+(?:minute|hour|day|week|month|year)\b"
    r"|\b(?:from|between)\b[^,;]{0,30}?\d[^,;]{0,30}?\b(?:to|until|till|and)\b[^,;]{0,20}?\d",
    re.I,
)
# A measure a question asks for by its unit ("in Gbps", "in gigabytes"), and a figure of it in any of its
# units ("386 Gbps", "1.2 Tbps"; "2.3 GB", "212 gigabytes").
_BITS_PER_SECOND = r"(?:[kmgt]bps|[kmgt]b/s|[kmgt]bit/s|(?:kilo|mega|giga|tera)bits? per second)"
_BYTES = r"(?:[kmgt]i?b|(?:kilo|mega|giga|tera|kibi|mebi|gibi|tebi)bytes?)"
_PER_SECOND = r"(?:requests|packets|queries) per second"


def _figure_in(unit: str) -> re.Pattern[str]:
    """A figure in the unit, in any of its spellings: "386 Gbps", "2.3 GB"."""
    return re.compile(rf"\d\s*{unit}(?![\w/])", re.I)


_MEASURES = tuple(
    # Set off as a unit (", in GB,", "(in Gbps)", "measured in"): "councils in GB" is Great Britain.
    (re.compile(rf"(?:[,(]\s*|\bmeasured\s+)in {unit}(?![\w/])", re.I), _figure_in(unit))
    for unit in (_BITS_PER_SECOND, _BYTES, _PER_SECOND)
)
# What a unit measures: "How much traffic hit the portal?" is answered by "peaked at 61 Gbps", and "How much
# data was taken?" by "2.3 GB", though neither names what they measure (not "How many data records…?").
_MEASURED_IN = tuple(
    (re.compile(rf"\bhow much (?:\w+\s+)?{things}\b", re.I), _figure_in(unit))
    for things, unit in (
        ("(?:traffic|bandwidth)", f"(?:{_BITS_PER_SECOND}|{_PER_SECOND})"),
        ("(?:data|storage)", _BYTES),
    )
)
# "24 November 2024": a date written day first, and any year.
_DAY_FIRST_OR_YEAR = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?=(?:{_MONTHS})\b)|\b(?:19|20)\d\d\b")
# "8.05pm", "11:50 p.m.", "20:15": a time of day.
_TIME_OF_DAY = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b\.?|\b\d{1,2}:\d\d\b", re.I)


def settles_choice(sentence: str, choice: Choice) -> bool:
    """Does the sentence state what settles the choice: a date, a length of time, a sum of money, or a
    count (no date, year, time of day nor length of time counts anything)?"""
    if choice.compared == "date":
        return bool(_date_spans(sentence))
    if choice.compared == "money":
        return holds_sum(sentence)
    if choice.compared == "duration":
        return bool(_DURATION.search(sentence))
    for pattern in (_DAY_FIRST_OR_YEAR, _DATE, _TIME_OF_DAY, _DURATION):
        sentence = pattern.sub(" ", sentence)
    return re.search(r"\d", sentence) is not None


_QUESTION_WORD = re.compile(r"^\W*(?:which|what|how|who|whom|whose|when|where|why)\b", re.I)


def asked_parts(question: str) -> list[str]:
    """The parts of a question that each ask something ("…, and what share of precincts…"), not a clause
    that goes on describing what the first part asks about ("…, facing allegations of fraud")."""
    return [p for p in question_parts(question) if _QUESTION_WORD.match(p)]


# A question that asks the date of something to come: "On what date will the board publish…?", "When is the
# directorate expected to finish…?", "When does his trial start?".
_ASKS_DATE_TO_COME = re.compile(
    r"\b(?:when|what date|what day|which day|by when)\b[^?]*?\b(?:will|going to|expected|scheduled|due|set to|"
    r"supposed to|planned|plans?)\b"
    r"|\bwhen (?:does|do)\b[^?]*\b(?:start|begin|open|resume|end|take place|go ahead)\b",
    re.I,
)
# Words by which a sentence gives a date still to come, or set: "will", "is scheduled for", "was moved to",
# "goes ahead on", "must … by".
_SAYS_TO_COME = re.compile(
    r"\b(?:will|would|shall|is to|are to|scheduled|set (?:for|to)|due|expected|planned|plans?|postponed|moved to|"
    r"rescheduled|adjourned|goes ahead|go ahead|going ahead|must|deadline|next)\b",
    re.I,
)


_TO_COME_REACH = 80  # characters before a date where the words that set it stand ("is scheduled to start on")
_TO_COME_AFTER = 30  # ... and after it ("on 5 May, as scheduled")


def _gives_date_to_come(sentence: str, spans: list[tuple[int, int]]) -> bool:
    """Does the sentence give one of its dates as one to come, in words near it ("will appear in court on 5
    May")? Not "charged … on Monday 14 September" beside calls that "told voters their primary had been
    postponed": the word of what is to come is of another thing."""
    # Words found in the whole sentence, then placed: a search cut off after the date would end a word there
    # ("Plan" of "Toni Planells").
    found = [m.span() for m in _SAYS_TO_COME.finditer(sentence)]
    return any(a - _TO_COME_REACH <= x and y <= b + _TO_COME_AFTER for a, b in spans for x, y in found)


# ", a cousin of the van's driver", ", the brother of the clerk": who a person named is kin or close to.
_KIN_OF = re.compile(
    r"^,\s+(?:a|an|the|his|her|their)\s+(?:[\w'’-]+\s+)?(?:cousin|brother|sister|wife|husband|son|daughter|"
    r"father|mother|uncle|aunt|nephew|niece|relative|friend|neighbou?r|partner|flatmate|roommate)\s+of\s+"
    r"(?P<of>(?:[\w'’-]+\s+){0,4}[\w'’-]+)",
    re.I,
)


def _kin_of_focus(after: str, focus: set[str]) -> bool:
    """Do the words after a name say whose kin or friend the person is, the one the question asks about?"""
    kin = _KIN_OF.match(after)
    return kin is not None and any(_says_focus(w, focus) for w in kin["of"].split())


def fits_question_type(sentence: str, question: str, surnames: frozenset[str] = frozenset()) -> bool:
    """Does the sentence hold the kind of fact asked for, next to what the question asks about? (A question
    that asks two things is typed by one of them here; each part is answered on its own, see
    ExtractiveAnswerer._answer_parts.) `surnames`: people its article named in full, who may stand in it
    by their last name alone (see surnames_in)."""
    focus = focus_terms(question)
    known = {w.lower() for w in words(question)}  # names the conversation already gave are no answer
    original, question = question, which_asked(question)
    if not states_asked_outcome(sentence, question) or not reports_a_finding(sentence, original):
        return False
    if any(asks.search(question) and not says.search(sentence) for asks, says in _MEASURES):
        # "What was the peak traffic, in Gbps, of the attack on Togo's lookup service?" is answered by a
        # rate of traffic (in any of its units), not by how many days the service was down.
        return False
    undated = _DATE.sub(lambda m: " " * len(m.group()), sentence)  # dates are not quantities
    asked = set(re.findall(r"\d[\d,.]*", question))
    kind = asked_kind(question)
    if kind in ("money", "number", "share") and _of_another_owner(sentence, question):
        return False
    if (
        kind in ("money", "number")
        and _ASKS_TOTAL.search(question)
        and not _STATES_TOTAL.search(sentence)
        and not ((choice := asked_choice(question)) is not None and choice.summed)
    ):
        # "In total, across all platforms, how much…?" is not answered by what was spent "on the platform",
        # nor "How much did the sites collect in total?" by the fee each applicant was asked to pay. (A total
        # over two things the question names is answered a part each: assistant.choices.summed_choice.)
        return False
    if kind in ("money", "number") and _WORLDWIDE.search(question) and not _WORLDWIDE.search(sentence):
        # "How many tablets has Quillon deployed worldwide?" is not answered by the count in one country.
        return False
    if kind in ("money", "number") and _ASKS_ACTUAL.search(question) and _ONLY_ESTIMATE.search(sentence):
        # "What did the mitigation actually end up costing?" is not answered by what it "would cost".
        return False
    if kind == "money":
        return sum_of_kind(sentence, question, undated)
    if kind == "share":
        spans = [m.span() for m in _SHARE.finditer(undated)]
        return _near_focus(sentence, spans, focus)
    if kind == "number" and _asks_how_long_first(question):
        # "How long did the court say it was down?" is answered by a length of time ("a total of 71
        # minutes") or the times it ran between ("from 22:31 to 22:55"), not by the defendant's age or the
        # date of the by-election. Asked first: "How many…, and for how long…?" is typed by its count.
        spans = [m.span() for m in _LENGTH_OF_TIME.finditer(sentence)]
        times = [m.span() for m in _TIME_OF_DAY.finditer(sentence)]
        if len(times) >= 2:  # when it began and ended: "stopped responding at 8:41 p.m. … restored at 9:55 p.m."
            spans.append((times[0][0], times[-1][1]))
        return _near_focus(sentence, spans, focus)
    if kind == "number":
        spans = [m.span() for m in _QUANTITY.finditer(undated) if m.group().strip("$€£%") not in asked]
        if _ASKS_COUNT.search(question):
            # "How many votes did Paraschiv get?" is not answered by "re-elected with 52.4 percent of the vote";
            # nor "How many votes did the party receive?" by "five weeks before Svalbard votes": a length of
            # time counts days or weeks, which the question does not ask about.
            of_time = not _TIME_UNIT_WORD.search(question)
            spans = [
                (a, b)
                for a, b in spans
                if not (undated[a:b].endswith("%") or _PERCENT_AFTER.match(undated[b:]))
                and not (of_time and _TIME_UNIT_AFTER.match(undated[b:]))
                and not _DAY_MONTH.match(sentence, a)  # "on 8 March": the day of a date counts nothing
                # "How many votes did Ko receive?" is not answered by "won by 412 votes": a margin.
                and not (
                    not _ASKS_MARGIN.search(question)
                    and (
                        (_MARGIN_BEFORE.search(undated[:a]) and _VOTES_AFTER.match(undated[b:]))
                        or _MARGIN_AFTER.match(undated[b:])
                    )
                )
            ]
        # "The number of bomb threats … reached 60" counts what comes well before it; "27,400 of the
        # county's voter records" what comes well after it.
        stated = [(a, b) for a, b in spans if _AMOUNT_STATED.search(undated[:a])]
        partitive = [(a, b) for a, b in spans if re.match(r"\s+of\s", undated[b:])]
        # "The number of individuals known to have been targeted has risen … to 112": the subject says what
        # is counted, however long it runs.
        numbered = [m for a, _ in stated for m in _NUMBER_OF.finditer(undated[:a])]
        return (
            any(asks.search(question) and unit.search(undated) for asks, unit in _MEASURED_IN)
            or _near_focus(sentence, spans, focus, _COUNTED_BEFORE, _COUNTED_AFTER)
            or _near_focus(sentence, stated, focus, _WINDOW, _COUNTED_AFTER)
            or any(_says_focus(w, focus) for m in numbered for w in undated[m.end() :].split()[:_COUNTED_AFTER])
            or _near_focus(sentence, partitive, focus, _COUNTED_BEFORE, _WINDOW)
        )
    if kind == "person":
        names_only = re.search(r"\bnames?\b", question, re.I) is not None
        spans = _who_spans(sentence, known, names_only, surnames)
        if _asks_doer(question):
            # "Who leaked the spreadsheet?" is not answered by '"Poll workers are volunteers," said Yusuf
            # Hartono': he is only quoted.
            quoting = _attributions(sentence, deed_asked(original, done_to=True))
            # Nor by where it happened: "…in the Czech Republic's Vysocina Region … was produced with
            # voice-cloning software" names no one who produced it.
            spans = [
                (a, b)
                for a, b in spans
                if not any(x <= a and b <= y for x, y in quoting)
                and not _WHERE_IT_HAPPENED.search(_OWNERS_BEFORE.sub("", sentence[:a]))
            ]
        if focus:
            # "Dionysis Anninos-Vergotis, a cousin of the van's driver" names the cousin, not the driver asked for.
            spans = [(a, b) for a, b in spans if not _kin_of_focus(sentence[b:], focus)]
        return _near_focus(sentence, spans, focus)
    if kind == "date":
        # "When will her trial start?" is not answered by the day she was charged: a date to come is given
        # with words of what is planned or set ("is scheduled for", "will appear on", "goes ahead on").
        # "On what date in October is he due in court?" is not answered by "due to appear in court in October":
        # a date no finer than one the question gives tells nothing new.
        given = {w.lower() for w in words(question)}
        spans = [
            (a, b)
            for a, b in _date_spans(sentence)
            if {w.lower() for w in words(sentence[a:b])} - given or _DAY_BEFORE.search(sentence[:a])
        ]
        return bool(spans) and (not _ASKS_DATE_TO_COME.search(question) or _gives_date_to_come(sentence, spans))
    if kind == "version":
        return _VERSION.search(sentence) is not None
    if kind == "age":
        return bool(_AGE.search(sentence))
    if kind == "place":
        if _ASKS_WHERE_PUT.search(question) and _PUT_ON.search(sentence):
            # "Where are official results of Barbados elections published?" is answered by "Official results
            # are published on the directorate's website": a website, an office or a gazette says where,
            # though it names no place.
            return True
        if (
            _ASKS_WHERE_TO_GO.search(question)
            and (_VENUE.search(sentence) or WEB_ADDRESS.search(sentence))
            and _GUIDANCE.search(sentence)
        ):
            # "where can rebun voters vote early?" is answered by "Early voting takes place only at the town
            # office", "Registration records can be checked only at https://…": an office or a site, where one
            # may go ("…said she would vote at the town office next time" tells of one voter).
            return True
        spans = _place_spans(sentence, known)
        if _ASKS_STATE_OR_COUNTRY.search(question):
            # "Which nine states…" is not answered by "mostly in the Midwest and Mountain West": by a state
            # or a country (or its people's word), not by whatever stands after "in".
            spans = [(a, b) for a, b in spans if names_place(sentence, a, b)]
        elif _ASKS_LOCALITY.search(question):
            # "Which counties…" is not answered by a people's word ("The Danish firm Halvard…" names no
            # county), nor by whatever stands after "at" or "from" ("head of research at Halvard"): by a
            # place a gazetteer knows, or one said to be in ("offices in Borsod and Tolna counties").
            spans = [
                (a, b)
                for a, b in spans
                if not calls_by_place(sentence[a:b])
                and (names_place(sentence, a, b) or not _AT_OR_FROM.search(sentence[:a]))
            ]
            if _ASKS_SUBDIVISION.search(question):
                # Nor, for a part of a country, by a country or a state: "Which three Timor-Leste
                # municipalities…" is not answered by a consultancy's ties to Lebanon (a city or an island
                # may be one: Singapore, Malta).
                spans = [(a, b) for a, b in spans if not is_country_or_state(sentence[a:b])]
        for asks, says in _NOT_WHERE_IT_STRUCK:
            if asks.search(question) and not says.search(sentence):
                spans = [(a, b) for a, b in spans if calls_by_place(sentence[a:b])]
        return bool(spans)
    which = _ASKS_WHICH.search(question)
    if which and _PERSON_KIND.search(which.group()) and not re.match(r"['’-]", question[which.end() :]):
        return any(not is_place(sentence[a:b]) for a, b in _who_spans(sentence, known, names_only=True))
    if kind in ("which", "named"):
        web = _web_spans(sentence, known)
        if _ASKS_SITE.search(question):
            return bool(web or _SITE_BY_NAME.search(sentence))
        business = bool(_ASKS_BUSINESS.search(question))
        return bool(web or _names_of_others(sentence, known, _capitalised_words(original), business))
    return True


_POSSESSOR = re.compile(rf"\b({_OWNER_NAME})['’]s\b")  # the owner's name, in group 1


def _of_another_owner(sentence: str, question: str) -> bool:
    """Asked a figure of someone's thing ("How many requests per second hit Wyckham Borough Council's
    website?"), is the sentence's figure of another's ("Hallowfield's hosting provider said traffic peaked
    at 380,000 requests per second"): it names an owner the question does not, and no word of the one asked?"""
    asked = [set(words(m.group(1))) for m in _POSSESSOR.finditer(question) if m.start() > 0]
    if not asked:
        return False
    said = set(words(sentence))
    if any(owner & said for owner in asked):
        return False
    given = set(words(question))
    return any(
        not set(words(m.group(1))) & given and not _refers_back(sentence, m) for m in _POSSESSOR.finditer(sentence)
    )


def _refers_back(sentence: str, owner: re.Match[str]) -> bool:
    """Is the owner a word that refers to one named before rather than a name: "the Bureau's 2026
    reserve" in the State Electoral Bureau (PBW)'s statement is the PBW's own."""
    name = owner.group(1)
    return (
        " " not in name and not name.isupper() and re.search(r"\bthe\s+$", sentence[: owner.start()], re.I) is not None
    )


# A count asked for, which a share is not ("how many percent" asks for one).
_ASKS_COUNT = re.compile(r"\bhow many\b(?!\s+(?:percent|per cent|%))", re.I)
_PERCENT_AFTER = re.compile(r"\s*(?:percent|per cent)\b", re.I)
# A margin of votes, which a count of votes received is not: "won by 412 votes", "a 412-vote margin", "412
# votes ahead".
_ASKS_MARGIN = re.compile(r"\b(?:by how many|margin|ahead|lead|majority|difference|beat)\b", re.I)
_MARGIN_BEFORE = re.compile(
    r"\b(?:by|margin of|majority of|lead of|difference of)\s+(?:just\s+|only\s+|about\s+|some\s+|nearly\s+)?$",
    re.I,
)
_VOTES_AFTER = re.compile(r"\s+votes?\b", re.I)
_MARGIN_AFTER = re.compile(r"(?:-vote|\s+votes?)\s+(?:margin|lead|majority|ahead)\b", re.I)

# "In total", "across all states", "all told", "the total cost": a sum or a count of everything asked about…
_ASKS_TOTAL = re.compile(
    r"\b(?:in total|in all|altogether|all told|combined|across all|(?:the|a|its|their) total(?! of\b))\b", re.I
)
# … which a sentence states as one: "a total of", "the final cost", "combined", "in all", "altogether".
_STATES_TOTAL = re.compile(
    r"\b(?:total(?:s|l?ed|ling)?|in all|altogether|all told|combined|overall|cumulative|final|together|"
    r"aggregate|sum|all (?:the|of the)|across)\b",
    re.I,
)

# A count or sum asked of the whole world, which a sentence must give as one.
_WORLDWIDE = re.compile(
    r"\b(?:world-?wide|global(?:ly)?|around the (?:world|globe)|across the (?:world|globe)|internationally|"
    r"in (?:all|every) (?:the )?countr(?:y|ies))\b",
    re.I,
)
# A question that asks for what a cost or count came to in the end …
_ASKS_ACTUAL = re.compile(r"\b(?:actual(?:ly)?|in the end|end(?:ed|s)? up|ultimately|eventually)\b", re.I)
# … which a sentence that gives only a forecast does not hold: "estimated that it would cost about GH₵850,000"
# (one that says what was spent or paid holds it, whatever else it forecasts). Not a bare "would": "exposed
# 58,200 records and would notify each voter" reports the count.
_ONLY_ESTIMATE = re.compile(
    r"^(?!.*\b(?:actual(?:ly)?|final|in the end|ended up|came to|came in at|total(?:l?ed|ling)|spent|paid)\b)"
    r".*\b(?:estimat\w*|expected|projected|forecast\w*|anticipated|predicted|budgeted|earmarked)\b",
    re.I | re.S,
)


# The kinds of fact a question may ask for, in the order they are told apart: "How much did the
# company pay?" asks for a sum, not a number; "Who…, and what share…?" for a share.
_KINDS = (
    ("age", _ASKS_AGE),
    ("money", _ASKS_MONEY),
    ("share", _ASKS_PERCENT),
    ("number", _ASKS_NUMBER),
    ("number", _ASKS_TURNOUT),
    ("number", _ASKS_COMPARED_FIGURE),
    # "Which counties' offices were hit, and whose…": the place it opens with is asked, "whose" only
    # says more of it.
    ("place", _OPENS_WITH_PLACE),
    ("person", _ASKS_PERSON),
    ("date", _ASKS_DATE),
    ("place", _ASKS_PLACE),
    ("version", _ASKS_VERSION),
    ("which", _ASKS_WHICH),
    ("which", _ASKS_TO_NAME),
    ("named", _ASKS_NAMED),
)


# "list the counties whose…", "Name the group that…": a command that asks which ones (not "name of the
# analyst", nor "list how the settlement is divided").
_NAME_THEM = re.compile(
    r"^\W*(?:please\s+)?(?:list|name(?!\s+of\b)|identify)\s+(?:all\s+)?(?:the\s+)?"
    r"(?!(?:how|what|which|who|whom|whose|when|where|why|if|whether)\b)(?=[a-z])",
    re.I,
)


# "Who topped the poll…?": of many elected, the one with the most votes, which a sentence on a seat won or a margin
# does not say ("Mr Trevannec took the fifth seat with 498 votes"). Not "Who got the most votes?", which a
# single winner's "won by 212 votes" answers.
_ASKS_POLL_TOPPER = re.compile(r"\b(?:topped|tops|top of) the poll\b|\bpoll-topper\b", re.I)
_TELLS_POLL_TOPPER = re.compile(
    r"\b(?:topped|tops|top of|headed|led|leading|leads) the (?:poll|count|field|vote|list of winners)\b|"
    r"\bcame (?:first|top)\b|\bmost votes\b|\bhighest (?:number of )?votes\b|\bpoll-topp\w*|\bfirst place\b|"
    r"\bmost (?:first-preference|personal) votes\b",
    re.I,
)


def asks_poll_topper(question: str) -> bool:
    """Does the question ask who topped the poll?"""
    return bool(_ASKS_POLL_TOPPER.search(asked_part(question)))


def tells_poll_topper(text: str) -> bool:
    """Does the text say who had the most votes ("topped the poll", "the most votes", "came first")?"""
    return bool(_TELLS_POLL_TOPPER.search(text))


def which_asked(question: str) -> str:
    """What the question itself asks, a command to list or name put as "which…"."""
    return _NAME_THEM.sub("which ", asked_part(question), count=1)


def asked_kind(question: str) -> str:
    """The kind of fact the question asks for ("" for any: "What did the FBI say?"). A choice between
    options the question names asks for what settles it: "Whose website was down longer, A's or B's?"
    for a figure, not a person. "List the X…" asks which X."""
    asked = which_asked(question)
    choice = asked_choice(asked)
    if choice is not None:
        return choice.kind
    return next((kind for kind, pattern in _KINDS if pattern.search(asked)), "")


# "What motive did investigators identify…", "Which registrar was used…": the noun just before the verb
# names the thing asked for, and sources that say what it was use the word (or one of its meaning).
# Not a kind a name answers ("which company": "Bluecrest Voice, a telecom provider" answers it without
# the word), nor a kind another rule types ("what year", "what share"), nor a word that says no more
# than that something is asked ("what kind", "what steps").
_AUX = r"(?:did|does|do|is|are|was|were|has|have|had)"
_ASKS_THING = re.compile(
    rf"(?:^\W*|[.?!:;]\s+|^\W*(?i:according to|per|in|on|at|for|after|before|during)\b[^,?]{{0,80}},\s+)"
    rf"(?i:what|which)\s+(?P<before>(?:(?!(?i:{_AUX})\b)[\w'’-]+\s+){{0,3}}?)(?P<noun>[a-z]+)\s+(?i:{_AUX})\b"
)
# Words that say no more than that something is asked, or that sources put in other words ("What data
# was taken?": "voter records"), kinds a name answers that _NAME_KINDS does not list ("Which app…":
# "TikTok"; "Which judge…": "Harriet Voss"), and nouns that ask for a description.
_SAYS_NOTHING_OF_THE_THING = frozenset(
    "kind kinds type types sort sorts name names entity entities thing things step steps action actions role "
    "roles part parts way ways else other others more one ones year years date day month time number amount "
    "share percentage percent proportion fraction figure total data information measure measures change "
    "changes evidence impact effect effects message messages reason reasons outcome result results detail "
    "details issue issues problem problems app apps tool tools software service services hacker hackers judge "
    "judges clerk clerks lawyer lawyers attorney attorneys prosecutor prosecutors official officials "
    # Nouns that ask for a description, which sources give without the word: "What tactics did the
    # operation use?" is answered by "posed as Americans and paid for ads".
    "method methods technique techniques tactic tactics approach approaches strategy strategies means "
    "response responses purpose goal goals aim aims claim claims allegation allegations narrative narratives "
    "topic topics theme themes content concern concerns risk risks lesson lessons recommendation "
    "recommendations advice guidance argument arguments explanation bait baits lure lures ruse ruses pretext "
    "pretexts ploy ploys trick tricks sign signs indication indications indicator indicators clue clues hint hints "
    "trace traces fix fixes remedy remedies solution solutions "
    # Units and counts a figure gives without the word ("How many days…": "from May 1 to May 4";
    # "How many dollars…": "$5 million"), and staff, who are named or counted in other words.
    "times days weeks months hours minutes seconds decades dollars points bytes gigabytes megabytes terabytes "
    "tens dozens hundreds thousands millions billions staff".split()
)
# What may stand between "what" and the noun: not a modal or a question word, which begin another clause
# ("What can voters do if…", "What happens when a ballot…").
_NOT_BEFORE_THE_THING = re.compile(
    r"\b(?:can|could|will|would|should|may|might|must|when|where|why|how|who|if|whether|of)\b", re.I
)


def may_be_noun(word: str) -> bool:
    """Can the word be a noun ("motive"), or is it one no dictionary knows ("malware")? Not "exactly"."""
    readings = getAllLemmas(word)
    return not readings or "NOUN" in readings


# "How many ballot drop boxes were set on fire…": the things counted are named by the first plural after
# "how many" (the words before it describe them), and a count of them uses the word. Not past a word
# that begins another clause ("How many of the…").
_COUNTS_THING = re.compile(
    r"\b(?i:how many)\s+(?P<before>(?:(?!(?i:of|per|in|on|at|did|were|was|are|is|have|had|do|does)\b)"
    r"[a-z][\w'’-]*\s+){0,3}?)(?P<noun>[a-z]+s|people|men|women|children|staff)(?![\w'’-])(?!\s+of\b)"
)


def asked_thing(question: str, counted: bool = True) -> str | None:
    """The noun naming what a "what/which <thing> did…" question asks for ("motive", "malware", "fine"),
    or what a "how many <things>…" question counts ("boxes"), when the sources must use it to say what
    or how many the thing was; None for other questions, and for a choice between things the question
    names ("Which incident has the larger bill: A or B?"), whose sources speak of each by its name. Not what a
    count counts unless `counted` (a count's sentence may call them otherwise: "86 recipients")."""
    asked = asked_part(question)
    match = _ASKS_THING.search(asked) or (_COUNTS_THING.search(asked) if counted else None)
    if match is None or asked_choice(asked) is not None:
        return None
    noun, before = match.group("noun"), match.group("before")
    if (
        noun in _SAYS_NOTHING_OF_THE_THING
        or set(words(before)) & _SAYS_NOTHING_OF_THE_THING  # "What percentage of the vote…"
        or _NOT_BEFORE_THE_THING.search(before)
        or re.fullmatch(_NAME_KINDS, noun)
        or not terms(noun)
        or not may_be_noun(noun)
        # "What ransom did Lantern Spider demand?": the sum must be of the kind the noun says, beside it
        # ("left a note demanding 2.5 million US dollars"), which the word need not be.
        or (says_kind_of_sum(noun) and asked_kind(question) == "money")
    ):
        return None
    return noun


# Words that make a deed one still to come: "would publish", "plans to publish", "has yet to publish",
# "should publish", "pending a full review", "will … publish the findings", "if passed"; or only possible:
# "the regulator can impose fines" says nothing of whether it fined anyone.
TO_COME = frozenset(
    "will would shall should can could may might must plan plans planned planning intend intends intended expect "
    "expects expected promise promised promises pledged vowed yet going due pending once until if unless "
    "whether".split()
)
# ... or one only asked or offered: "asked for the logs to be published", "recommended that jurisdictions
# install version 4.2.3".
ASKED_FOR = frozenset("asked urged called demanded requested recommended advised offered".split())


# Inquiries whose findings a question may ask for, and how it asks: "What did the NEO's survey find?",
# "What were the findings of the NVRA review?", "What did the NRC's forensic report conclude?", "What did
# the full incident report conclude?" (not any report: an article's own "reports" are everywhere).
_INQUIRY = (
    r"(?:(?:forensic|incident|final|full|technical|independent|investigative) reports?|reviews?|surveys?|audits?|"
    r"inquir(?:y|ies)|investigations?|stud(?:y|ies)|analys[ie]s|probes?|assessments?|examinations?|evaluations?|"
    r"polls?|tests?)"
)
_ASKS_FINDINGS = (
    re.compile(
        rf"\bwhat\b[^?]*?\b(?P<inquiry>{_INQUIRY})\b[^?]*\b"
        r"(?:find|conclude|show|reveal|determine|uncover|identify|discover|detect|turn up)\b",
        re.I,
    ),
    re.compile(
        rf"\bwhat (?:were|are|was|is|have been) the (?:\w+ )?(?:findings|conclusions?|results?) of\b[^?]*?"
        rf"\b(?P<inquiry>{_INQUIRY})\b",
        re.I,
    ),
)
_FINDING = re.compile(
    r"\b(?:found|finds|concluded|concludes|conclusions?|showed|shows|revealed|reveals|determined|uncovered|findings|"
    r"results|according|suggests|suggested|indicates|indicated|estimated|rated|judged|identified|identifies|"
    r"discovered|discovers|detected|detects|turned up|turns up)\b",
    re.I,
)


# "What did they find?", "What did SatyaLens conclude?": a finding, whoever made it. A sentence that
# reports none ("A fabricated audio clip … was shared widely") does not answer it. The words of a finding
# are _FINDING's that say something was found: with no inquiry named to tie them to, "according to",
# "results" or "estimated" stand in any attributed sentence.
_ASKS_A_FINDING = re.compile(
    r"^\W*what (?:did|do|does|has|have|had)\b[^?]{0,60}?\b(?:find|conclude|discover|determine|uncover)\b\W*$", re.I
)
_FOUND = re.compile(
    r"\b(?:found|finds|concluded|concludes|conclusions?|findings|discovered|determined|uncovered|revealed|showed|"
    r"detected|identified)\b",
    re.I,
)


def reports_a_finding(sentence: str, question: str) -> bool:
    """Does the sentence report a finding, as done, when the question asks what someone found (true if it
    asks nothing of the kind)?"""
    if not _ASKS_A_FINDING.search(asked_part(question)) or asked_inquiry(question) is not None:
        return True  # an inquiry named ("What did the survey find?") is the gate's to weigh
    return any(not {w.lower() for w in words(sentence[: m.start()])} & TO_COME for m in _FOUND.finditer(sentence))


def asked_inquiry(question: str) -> str | None:
    """The inquiry whose findings the question asks for ("survey" in "What did the survey find?"), or None."""
    asked = asked_part(question)
    match = next((m for pattern in _ASKS_FINDINGS if (m := pattern.search(asked))), None)
    return match.group("inquiry").lower() if match else None


def reports_findings(sentence: str, inquiry: str, leans_on: str = "") -> bool:
    """Does the sentence say what the inquiry found ("The review found no changes"), not only that it is
    to come ("will commission a survey … and publish the findings", "pending a full review")? The inquiry
    may be named by the sentence it leans on ("The county commissioned a review. It found…"); the finding
    must be its own: "Lawmakers asked why the flaw had not been found. He said the 2021 test had not
    included the portal" reports nothing the test turned up."""
    if not _uses_inquiry(f"{leans_on} {sentence}", inquiry):
        return False
    return any(not {w.lower() for w in words(sentence[: m.start()])} & TO_COME for m in _FINDING.finditer(sentence))


def _uses_inquiry(sentence: str, inquiry: str) -> bool:
    """Does the sentence name the inquiry, singular or plural ("survey", "surveys"; "study", "studies")?"""
    if inquiry.endswith(("sis", "ses")):  # "analysis", "analyses"
        word = rf"{inquiry[:-3]}s[ie]s"
    else:
        singular = inquiry[:-3] + "y" if inquiry.endswith("ies") else inquiry.removesuffix("s")
        word = rf"(?:{singular}s?|{singular[:-1]}ies)" if singular.endswith("y") else rf"{singular}s?"
    return re.search(rf"\b{word}\b", sentence, re.I) is not None


# "In the 2021 review…", "for the 2022 midterms", "Montana's 2021 penetration test", "the October 2024
# municipal election": a year that says which of several alike events is asked about (not "founded in
# 2015", which describes what is asked of).
_SCOPING_YEAR = re.compile(
    rf"(?:\b(?i:the|its|their|his|her|this|that)|['’]s)\s+(?:(?i:{MONTH_NAME})\.?\s+)?((?:19|20)\d\d)\s+(?=[a-z])"
)


def scoping_years(question: str) -> set[str]:
    """The years that say which event the question asks about ("the 2021 review")."""
    return set(_SCOPING_YEAR.findall(asked_part(question)))


_SCOPED_EVENT = re.compile(rf"{_SCOPING_YEAR.pattern}(?P<event>[a-z]+(?:\s+[a-z]+)?)")


def scoped_events(text: str) -> dict[str, set[str]]:
    """The words of the events a text dates by a scoping year, with their years: "the 2020 municipal
    election" gives {"municip": {"2020"}, "elect": {"2020"}} (search terms, so "elections" is "election")."""
    found: dict[str, set[str]] = {}
    for match in _SCOPED_EVENT.finditer(text):
        for term in terms(match.group("event")):
            found.setdefault(term, set()).add(match.group(1))
    return found


# "Other than Virginia and South Carolina, which states…", "…on platforms other than Vidora?": names
# the question sets aside, up to the comma or the end of the clause.
_ASIDE = r"\b(?i:other than|apart from|aside from|besides|except(?: for)?|excluding)\s+"
_SETS_ASIDE = re.compile(rf"{_ASIDE}(?P<names>[^?;:]+?)(?=,\s+[a-z]|\s*[?;:]|\s*$)")
_ASIDE_CLAUSE = re.compile(rf"^\W*{_ASIDE}[^,]+,\s*")
# A name: capitalised words, with "of", "the", "for" or "&" inside ("Bureau of Elections"); an agency's
# may hold an "and" ("Cybersecurity and Infrastructure Security Agency").
_NAME_PART = r"[A-Z][\w'’.-]*"
_ASIDE_NAME = re.compile(rf"{_NAME_PART}(?:\s+(?:(?:of|the|for|&)\s+)*{_NAME_PART})*")
_AGENCY_NAME = re.compile(
    rf"{_NAME_PART}(?:\s+(?:(?:of|the|for|&)\s+)*(?:and\s+)?{_NAME_PART})*\s+"
    r"(?:Agency|Commission|Bureau|Department|Administration|Office|Council|Committee|Board|Service|Institute)\b"
)


def set_aside(question: str) -> list[str]:
    """The names a which, who or how-many question sets aside ("Other than Virginia and South Carolina,
    which states…": Virginia, South Carolina; "Apart from Russia, China and Iran, which…"); none for a
    yes/no question ("Other than Kramer, did anyone…"), whose "other than" describes what it asks of."""
    asked = asked_part(question)
    if asks_whether(question) or asks_whether(_ASIDE_CLAUSE.sub("", asked)):
        return []
    found = []
    for match in _SETS_ASIDE.finditer(asked):
        names = match.group("names")
        # "the Cybersecurity and Infrastructure Security Agency" is one name, though it holds an "and".
        found += [org.group() for org in _AGENCY_NAME.finditer(names)]
        for piece in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", names):
            # Only the name that opens the piece: not the verb after it ("CISA issued warnings").
            name = _ASIDE_NAME.match(re.sub(r"^(?:the|a|an)\s+", "", piece.strip(), flags=re.I))
            if (
                name
                and name.group().split()[0].lower() not in CALENDAR_WORDS
                and not any(name.group() in f for f in found)
            ):
                found.append(name.group())
    return found


# A yes/no question opens with an auxiliary verb ("Did…", "Has anyone…", "Is…").
AUXILIARY = re.compile(
    r"^\W*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might|must)\b", re.I
)
# "Was there a change…", "…remained consistent…": the verdict compares what the sources say, a
# judgement that quotes do not settle; such questions get the evidence without a verdict.
_JUDGED = re.compile(r"\b(?:chang\w*|consisten\w*|differ\w*|similar\w*|same)\b", re.I)
# "Is it X or Y?" asks to choose, not for a verdict ("…or not" is still yes/no).
_CHOICE = re.compile(r"\bor\b(?!\s+not\b)", re.I)
NEGATION = re.compile(
    r"\b(?:no|not|never|none|nobody|neither|nor|denied|denies|deny|refused|declined)\b|n['’]t\b", re.I
)
# Where a comparison or a multi-part question joins its parts: "X, while Y", "X, whereas Y",
# "X, and the Verge article Y", "How many X, and which Y?".
_PART_JOIN = re.compile(
    r",?\s+(?:while|whereas)\s+|,\s+(?:and|but)\s+(?=(?:the|another|an?|its)\s)|\s+compared (?:to|with)\s+"
    r"|,?\s+and\s+(?=(?:which|what|how|who|whom|whose|when|where|why)\b)",
    re.I,
)

# "…, and when?", "… and why": a second question word alone, asked of the clause before it.
_TRAILING_QUESTION_WORD = re.compile(
    r"^(?P<first>.+?),?\s+and\s+(?P<second>when|where|why|how|by whom)\s*\?*\s*$", re.I | re.S
)
# What asks the first part ("On what ", "Who ", "How many "), replaced by the second's question word.
_LEADING_QUESTION = re.compile(
    r"^\W*(?:(?:on|in|at|from|to|by|for|with|through)\s+)?(?:what|which|whose|who|how (?:many|much))\s+", re.I
)
_TWO_QUESTION_WORDS = re.compile(
    r"^\W*(?P<first>where|when|who|how|why)\s+and\s+(?P<second>where|when|who|how|why)\s+(?P<rest>[^?]+)", re.I
)


# "What did the FBI say about the threats?" asks what someone said: the speaker stands between the
# auxiliary and the verb of saying.
_ASKS_SAID = re.compile(
    r"\b(?i:what (?:[\w-]+\s+){0,3}?(?:(?P<did>did|does|do)|has|have|had))\s+(?P<speaker>(?:\S+\s+){0,7}?\S+)\s+"
    r"(?P<verb>(?(did)(?:say|tell|announce|claim|warn|write|post|report|conclude|argue|urge|recommend|advise|allege|"
    # "What does the Institute think the operation was after?": what it believes, in its name.
    r"think|believe|assess|suspect)"
    r"|(?:said|told|announced|stated|claimed|warned|written|posted|reported|concluded|argued|urged|recommended|"
    r"advised|alleged|thought|believed|assessed|suspected)))(?![\w-])"
)
# Verbs that say more than that something was said: a sentence that urges or alleges answers "What steps
# did the statement urge?" in whoever's name it does ("The agencies urged…"). Their forms as verbs only:
# not "claims" or "a warning", which may be nouns, nor "concluded", which a why-question asks about.
_TELLING_VERBS = {
    terms(base)[0]: re.compile(rf"\b(?:{forms})\b", re.I)
    for base, forms in {
        "urge": "urge[sd]?",
        "warn": "warn(?:s|ed)",
        "recommend": "recommend(?:s|ed)",
        "advise": "advise[sd]?",
        "allege": "allege[sd]?|allegedly",
    }.items()
}  # by the verb's stem
# A verb of saying, in prose (lower case: "State" in "Secretary of State" is none).
_SAYING = re.compile(
    r"say|says|said|stated|states|told|tells?|announced|announces|warned|warns|wrote|writes|posted|added|noted|"
    r"confirmed|confirms|denied|denies|claimed|claims|described|urged|urges|argued|insisted|insists|maintains|"
    r"maintained|contends|contended|testified|reported|informed|asserted|acknowledged|explained|concluded|"
    r"alleged|alleges|recommended|recommends|advised|advises|believes|believed|thinks|thought|assesses|assessed|"
    r"suspects|suspected"
)
# Verbs that may come before whom they quote ("…, said the FBI"); after the others stands whom they
# address ("officials told the FBI").
_SAID_BEFORE_SPEAKER = re.compile(r"said|says|added|wrote|noted")
_ACCORDING_TO = re.compile(r"\baccording to\b", re.I)
_SPEAKER_BEFORE = 8  # words between a speaker and the verb after it: "Secretary of State Brad Raffensperger said"
_SPEAKER_AFTER = 3  # words after "said" or "according to" to the speaker: "said the FBI", "according to the bureau"


def _asks_said(question: str) -> re.Match[str] | None:
    """The "what did X say" of the question, sought in each of its parts: in "What year did Kramer plead
    guilty, and what did the FCC say?" the speaker is the FCC."""
    return next(filter(None, (_ASKS_SAID.search(part) for part in _PART_JOIN.split(asked_part(question)))), None)


def speaker_asked(question: str) -> set[str]:
    """The terms naming whom a "what did X say" question asks about: the speaker's own words, not an
    owner's ("Kramer's lawyer" is a lawyer). None for any other question, or for a pronoun."""
    match = _asks_said(question)
    if not match:
        return set()
    own = [w for w in match.group("speaker").split() if not re.search(r"['’]s?$", w)]
    return set(concept_terms(" ".join(own)))


def verb_asked(question: str) -> re.Pattern[str] | None:
    """The forms of the verb of a "what did X urge / warn / recommend / advise / allege" question, as
    verbs ("warned", not "a warning label"); none for one that asks only what someone said ("say",
    "tell", "report"), which any sentence of saying does."""
    match = _asks_said(question)
    if not match:
        return None
    return _TELLING_VERBS.get(next(iter(terms(match.group("verb"))), ""))


# A pronoun that opens the sentence (after a short lead-in clause, as DANGLING in assistant.sentences reads it).
_OPENING_PRONOUN = re.compile(rf"{LEAD_IN}(it|they|he|she)\b", re.I)


def reports_speaker(sentence: str, speaker: set[str], by_pronoun: bool = False) -> bool:
    """Does the sentence report what the speaker said: a word of the speaker a few words before a verb of
    saying ("The FBI said…"), or just after "said" or "according to" in the same clause ("…, said the
    FBI", "According to the FBI, …")? With `by_pronoun` (the sentence before it names the speaker), a
    pronoun stands for them: "It said…"."""
    tokens = [t.group() for t in re.finditer(r"\S+", sentence)]
    said_by = [n for n, t in enumerate(tokens) if set(concept_terms(t)) & speaker]
    opening = _OPENING_PRONOUN.match(sentence) if by_pronoun else None
    if opening:  # the sentence's subject, saying it: "It said…", "They also said…"; not "They came from
        # Russia, state officials said", nor "…, officials said they believed"
        at = len(sentence[: opening.start(1)].split())
        if any(_SAYING.fullmatch(t.strip(".,;:!?()\"'“”‘’")) for t in tokens[at + 1 : at + 3]):
            return True
    if not said_by:
        return False
    for n, token in enumerate(tokens):
        bare = token.strip(".,;:!?()\"'“”‘’")
        according = _ACCORDING_TO.match(" ".join(tokens[n : n + 2])) is not None
        if not according and _SAYING.fullmatch(bare) and any(n - _SPEAKER_BEFORE <= at < n for at in said_by):
            return True
        if according or _SAID_BEFORE_SPEAKER.fullmatch(bare):
            if not according and token.endswith((",", ";", ".")):
                continue  # "…, he said. The FBI…": the sentence ended at the verb
            start = n + 2 if according else n + 1
            for at in range(start, min(start + _SPEAKER_AFTER, len(tokens))):
                if at in said_by:
                    return True
                if tokens[at].endswith((",", ";", ".")):
                    break  # the clause ends: "According to officials, the FBI…" quotes officials
    return False


_ASKS_REASON = re.compile(
    r"\bwhy\b|\b(?:on what grounds|for what reasons?|how come|"
    r"what (?:(?:is|was|are|were) the (?:main )?)?(?:reasons?|motives?)|what (?:made|led|prompted|caused)(?!-))\b",
    re.I,
)
# What says why: a cause ("because", "after his mother told him…"), a purpose ("in order to", "wanted to"),
# the grounds of a finding or ruling ("concluded", "found", "held that"). Not "since June" nor "after the
# election": those say when.
_NOT_WHEN = (
    r"(?!\s+(?:the|a|an|that|this|then|last|next|midnight|noon|Election Day|(?:weeks|months|years|days) of|"
    rf"(?:early |late |mid-?)?(?:\d+|(?:{MONTH_NAME}|{'|'.join(sorted(CALENDAR))})\.?))(?!\w))"
)
# A cause or a purpose: why something was done or happened, as a reason or a motive gives it.
_CAUSE_OR_PURPOSE = (
    r"because|due to|owing to|in order to|so that|so as to|wanted to|reasons?|motives?|in an effort to|intended to|"
    rf"aimed (?:at|to)|(?:after|since){_NOT_WHEN}"
)
_GIVES_REASON = re.compile(
    rf"\b(?:{_CAUSE_OR_PURPOSE}|as a result|result of|citing|cited|conclud\w*|found|held that|ruled that|"
    r"on the grounds|grounds|given that)\b",
    re.I,
)


# "How did the attackers get into the network?", "How did he gain access to…": the means of an intrusion,
# which a sentence gives by what was used ("using a remote access account", "through a remote-access
# account", "He used the username and password of a former volunteer", "by exploiting a flaw").
_ASKS_MEANS = re.compile(
    r"^\W*how (?:did|do|does|was|were|had|have|has)\b[^?]*?\b(?:get|got|gain(?:ed)?|break|broke|hack(?:ed)?|"
    r"infiltrat\w*|compromis\w*|enter(?:ed)?|breach(?:ed)?|access(?:ed)?)\b",
    re.I,
)
_GIVES_MEANS = re.compile(
    r"\b(?:using|used|uses|through|via|by (?:exploiting|using|sending|guessing|posing|stealing|buying|tricking)|"
    r"exploit(?:ed|ing)?|stolen|phish\w*|credentials?|passwords?|logins?)\b",
    re.I,
)


def asks_means(question: str) -> bool:
    """Does the question ask how someone got in ("How did the attackers get into the network?")?"""
    return bool(_ASKS_MEANS.search(asked_part(question)))


def gives_means(sentence: str, question: str) -> bool:
    """Does the sentence say what was used to get in? Not by a word of the question: asked how the
    phishers got the passwords, "passwords" restates it."""
    return _says_beyond_the_question(_GIVES_MEANS, sentence, question)


def asks_reason(question: str) -> bool:
    """Does the question ask why ("Why did…", "On what grounds…", "What made him think…")?"""
    return bool(_ASKS_REASON.search(asked_part(question)))


def gives_reason(sentence: str, question: str) -> bool:
    """Does the sentence say why something happened or was done (a cause, a purpose, the grounds)? Not
    by a word of the question: asked on what grounds analysts concluded the recording was fake,
    "Analysts concluded it was fake" restates the question."""
    return _says_beyond_the_question(_GIVES_REASON, sentence, question)


# Why a person did something: a cause or purpose of theirs, or who paid them. Not what an inquiry "found" or a
# court "ruled", which give the grounds of a finding, not a motive ("…found that the cables had been cut with a
# hacksaw" says how, not why he cut them).
_GIVES_MOTIVE = re.compile(
    rf"\b(?:{_CAUSE_OR_PURPOSE}|in protest|protest(?:ed|ing)?|revenge|grudge|ang(?:er|ry)|resent\w*|paid|payment|"
    r"hired|on behalf of|out of)\b",
    re.I,
)


def gives_motive(sentence: str, question: str) -> bool:
    """Does the sentence say why a person did what the question asks about, in words the question does not use?"""
    return _says_beyond_the_question(_GIVES_MOTIVE, sentence, question)


def _says_beyond_the_question(pattern: re.Pattern[str], sentence: str, question: str) -> bool:
    """Does the pattern match the sentence in words the question does not use?"""
    asked = set(terms(asked_part(question)))
    return any(not set(terms(m.group())) & asked for m in pattern.finditer(sentence))


def asks_who(question: str) -> bool:
    """Does the question ask who (a person, or people, by name)?"""
    return bool(_ASKS_PERSON.search(asked_part(question)))


# Several people counted but not named: "three Iranian men", "two employees of RT". Not "people" or
# "persons": "three people who attended the meeting said" counts sources, not who the story is about.
# Not a share ("ten percent of election officers") nor a thing ("three men-in-the-middle attacks").
_COUNTED_PEOPLE = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?!(?:percent|per cent|of)\b)"
    r"(?:[\w'’-]+\s+){0,3}?"
    r"(?:men|women|individuals|nationals|citizens|employees|officers|operatives|hackers|"
    r"defendants|suspects|contractors)(?![\w-])",
    re.I,
)
_COUNTS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten".split())}
# A name after an office is an official's ("Attorney General Merrick Garland"), who speaks about a
# case rather than being one of the people counted in it.
_OFFICES = (
    r"President|Vice|Director|Attorney|Deputy|Secretary|Judge|Justice|Senator|Sen|Rep|Representative|"
    r"Governor|Gov|Chairman|Chairwoman|Chair|Commissioner|Chief|Mayor|Prime|Minister|Special|Assistant|"
    r"Ambassador|Spokesperson|Spokesman|Spokeswoman|Sheriff|Clerk|General|Admiral|Agent|Dr"
)
_OFFICE_BEFORE = re.compile(rf"\b(?:{_OFFICES})\.?\s+$", re.I)  # "Sen. Mark Warner", "FBI Director Wray"
_OFFICE_WITHIN = re.compile(rf"^(?:{_OFFICES})\b")  # the name match took the title in: "Director Christopher Wray"
# "Christopher Wray, the FBI director, …"
_OFFICE_AFTER = re.compile(
    r"^,\s+(?:the|a|an)?\s*(?:[\w.'’-]+\s+){0,3}?(?:director|secretary|attorney general|attorney|spokes\w+|"
    r"judge|senator|chair\w*|commissioner|official|president|minister|governor|sheriff|clerk|prosecutor)\b",
    re.I,
)


# One person, not named: "a 23-year-old Washington man", "a Billings resident". Only words that mean
# one human being ("a hacker" may be a group's handle).
_ONE_PERSON = re.compile(
    r"\b(?i:an?|one)\s+(?:(?:\d{1,3}-year-old|former|[A-Z][\w.'’-]*)\s+){0,3}"
    r"(?i:man|woman|resident|citizen|employee|contractor|defendant)(?![\w-]|['’]s\b)"
)


def people_counted(sentence: str) -> int:
    """How many people the sentence counts without naming them (0: none counted)."""
    counts = [m.group(1).lower() for m in _COUNTED_PEOPLE.finditer(sentence)]
    several = max((int(c) if c.isdigit() else _COUNTS[c] for c in counts), default=0)
    return several or int(_ONE_PERSON.search(sentence) is not None)


def people_named(sentence: str, known: set[str], surnames: frozenset[str] = frozenset()) -> int:
    """How many people, not officials nor places, the sentence names that the question does not (one of
    `surnames` alone names the person its article named in full)."""
    return sum(
        not (
            is_place(sentence[a:b])
            or _OFFICE_WITHIN.match(sentence[a:b])
            or _OFFICE_BEFORE.search(sentence[:a])
            or _OFFICE_AFTER.match(sentence[b:])
        )
        for a, b in _who_spans(sentence, known, True, surnames)
    )


def names_someone(sentence: str, question: str, surnames: frozenset[str] = frozenset()) -> bool:
    """Does the sentence name a person (not an official speaking about the matter, not a place) that
    the question does not?"""
    return people_named(sentence, {w.lower() for w in words(question)}, surnames) > 0


def asks_whether(question: str) -> bool:
    """Does the question ask whether something is so ("Did…", "Does the article suggest…", "Is it X or
    Y?"), rather than for a fact (who, how many, where)?"""
    return bool(AUXILIARY.match(asked_part(question)))


# "How many voter records did Copper Lantern steal…", "Has Halvard Stratum Advisory paid…": a name doing the
# asked deed (not "Does the article…", nor a place: "did Mauritius report…").
# The auxiliary opens the question, or follows its question word: "Dunlin County supposedly had DDoS
# filtering…" says what the county had.
_DOER = re.compile(
    r"^\W*(?:(?i:how|what|which|who|whom|whose|when|where|why)\b[^?,;:]*?\s)?(?i:did|does|do|has|have|had)\s+"
    r"(?P<doer>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+"
    r"(?:(?i:ever|also|actually|really|then|later|first|finally|eventually)\s+)?[a-z]+"
)


def asked_doer(question: str) -> str | None:
    """The name of whoever the question says did the asked deed ("Copper Lantern"; "Hobbs" of "Governor
    Hobbs"), or None: not a day ("Tuesday's outage"), a title alone ("Secretary of State…"), a place."""
    found = _DOER.search(asked_part(question))
    if found is None:
        return None
    named = found.group("doer").split()
    while named and (_OFFICE_WITHIN.match(named[0]) or named[0].rstrip(".") in _HONORIFICS):
        named = named[1:]  # "Governor Hobbs", "Mr Raffensperger", "Republican Kari Lake"
    doer = " ".join(named)
    if (
        not named
        or named[0] in _OPENERS_OF_NAMES
        or any(w in CALENDAR or w in ("Election", "Day") or re.search(r"['’]s?$", w) for w in named)
        or is_place(doer)
        or demonym_place(doer)
    ):
        return None
    return doer


_OPENERS_OF_NAMES = frozenset("The A An This That These Those It They He She We You I".split())
# Besides offices (_OFFICES), what may stand before a name that the sources write otherwise or leave out
# ("Mr Raffensperger": "Brad Raffensperger"; "Republican Kari Lake": "Kari Lake").
_HONORIFICS = frozenset(
    """Mr Mrs Ms Miss Prof Professor Sir Dame Lord Lady Officer Republican Democrat Democratic Independent Former
    Acting Councillor Councilor Speaker CEO""".split()
)


def asked_places(question: str) -> list[str]:
    """The places the asked-for fact must be said of: the countries, U.S. states and counties the
    question names. None for a claim it asks to check (the article may say "the city" where the
    question says "Dubai"), nor for a choice or a comparison, whose parts each have their own place."""
    asked = asked_part(question)
    if asks_whether(question) or _CHOICE.search(asked) or len(question_parts(question)) > 1:
        return []
    if asked_choice(asked) is not None:
        return []  # "Across Turkmenistan's campaign and the Ethiopian attack, how many … in total?": one each
    if _ASKS_PLACE.search(asked):
        return []  # "Which county in Arizona…" is answered by "Maricopa County", which need not say Arizona
    return places_in(asked)


def asks_yes_no(question: str) -> bool:
    """Is the question answered by a verdict (yes or no) that the quoted evidence can support?"""
    asked = asked_part(question)
    return asks_whether(question) and not _CHOICE.search(asked) and not _JUDGED.search(asked)


def question_parts(question: str) -> list[str]:
    """The parts of a comparison or multi-part question, each to be answered by its own sentence
    (one part: the question itself; a choice between options has its own, see assistant.choices). "Where
    and when were they arrested?" asks two things of one clause: where they were, and when; so does "On what
    website were the emails published, and when?", the second asked of the first."""
    two = _TWO_QUESTION_WORDS.match(asked_part(question))
    if two:
        return [f"{two['first']} {two['rest']}".strip(" ,?"), f"{two['second']} {two['rest']}".strip(" ,?")]
    tail = _TRAILING_QUESTION_WORD.match(asked_part(question))
    if tail:
        first = tail["first"].strip(" ,?")
        # The second part keeps the first's words but its question word: "when website were the emails published".
        return [first, f"{tail['second'].lower()} {_LEADING_QUESTION.sub('', first, count=1)}"]
    parts = [p.strip(" ,?") for p in _PART_JOIN.split(asked_part(question))]
    # A later part of one word asks it of what the first asks about, named last: "By how many votes did Oldreive
    # win the Fogo Island by-election, and what was the turnout?" asks the turnout of the Fogo Island by-election.
    named = [m[0] for m in NAME.finditer(parts[0]) if m.start() > 0] if len(parts) > 1 else []
    parts = [parts[0], *(f"{p} of {named[-1]}" if _WHAT_WAS_THE.fullmatch(p) and named else p for p in parts[1:])]
    parts = [p for p in parts if len(terms(p)) >= 2]
    return parts if len(parts) > 1 else [asked_part(question)]


# A part that asks a figure by one noun: "what was the turnout", "what was the margin".
_WHAT_WAS_THE = re.compile(r"(?:what|how much|how many)\s+(?:was|were|is|are)\s+(?:the\s+)?[a-z-]+", re.I)

# ", and has anyone been charged…?", "…, and what did they want for the file?": a second question of its
# own after the first, which the sources may answer though they are silent on the first. A yes/no second
# question only after a comma, and with a subject of its own: "Which DDoS was bigger and which lasted longer"
# asks one comparison, "…the company he leads, which also announced…, and is facing scrutiny?" one thing.
_SECOND_QUESTION = re.compile(
    r",?\s+(?:and|but)\s+(?=(?:which|what|how|who|whom|whose|when|where|why)\s)"
    rf"|,\s+(?:and|but)\s+(?=(?:has|have|had|is|are|was|were|did|does|do|can|could|will|would)\s+{SUBJECT_START})",
    re.I,
)


# "…to examine the Naxos modems and the Bonifacio panels?", "…in both the Azerbaijani campaign leak and the
# Eswatini election staff incident?": one question asked of two named things at its end, each of which the
# sources speak of in an article of its own. The first thing follows a word that governs both (a preposition,
# "both", a verb); the second runs to the end of the question.
_GOVERNS_BOTH = re.compile(
    r"\b(?:in|of|at|on|for|from|to|by|with|about|against|over|behind|into|after|before|during|both|"
    r"(?!(?:did|does|do|is|are|was|were|has|have|had|and|or|the|a|an)\b)[a-z]+(?:ed|e|t))\s+$"
)
# What is asked of the two together: "the link between A and B", "What do A and B have in common?".
_RELATES_THEM = re.compile(
    r"\b(?:between|links?|linked|connects?|connected|connections?|ties|tied|common|differ\w*|compar\w*|same|"
    r"similar\w*|both\s+\w+\s+(?:were|are|had|have|did))\b",
    re.I,
)
_SECOND_NAMED = re.compile(r"\s+and\s+(?P<second>(?:the\s+)?[A-Z][^,;?]*?)\s*\??\s*$")


def _has_verb(head: str) -> bool:
    """Does the question's verb stand before the two things, which are then what it is asked of ("Who was
    charged in A and B?"), not who does it ("What did the FBI and CISA say?")? After its auxiliary, if any."""
    aux = re.search(rf"\b{_AUX}\b", head, re.I)
    after = head[aux.end() :] if aux else re.sub(r"^\W*\w+", "", head)
    return any("VERB" in getAllLemmas(w.lower()) for w in re.findall(r"[a-z]+", after))


def distributed_questions(question: str) -> list[str]:
    """The question asked of each of two named things it ends with ("Which firms were brought in to examine
    the Naxos modems?", "… the Bonifacio panels?"), or the question alone. Each thing names something (a
    capitalised word) and is at most six words long; a yes/no question ("Were A and B the same kind of
    attack?") and a relation between the two ("the link between A and B") are asked of both together."""
    asked = asked_part(question)
    match = _SECOND_NAMED.search(asked)
    if match is None or asks_yes_no(question) or _RELATES_THEM.search(asked):
        return [question]
    second, before = match["second"], asked[: match.start()]
    if len(second.split()) > 6:
        return [question]
    with_the = second.lower().startswith("the ")
    # The first thing: the fewest words before "and" that begin as the second does ("the …", or a name).
    for start in reversed([m.start() for m in re.finditer(r"(?<!\S)\S", before)][-6:]):
        first, head = before[start:], before[:start]
        if first.lower().startswith("the ") != with_the or not re.search(r"\b[A-Z]", first):
            continue
        head = re.sub(r"\bboth\s+$", "", head)
        if not _GOVERNS_BOTH.search(head) or not _has_verb(head):
            return [question]
        carried = question[len(asked) :]
        # "How many people have been charged in total in A and B?": the total is of both; each has its count.
        head = re.sub(r"\s+(?:in total|altogether|combined|in all)\b", "", head, flags=re.I)
        return [f"{head}{thing}?{carried}" for thing in (first, second)]
    return [question]


def separate_questions(question: str) -> list[str]:
    """The questions a question joins, each as it would be asked alone ("How much compensation has the
    operator paid?", "Has anyone been charged over the SIM swaps?"), or the question alone when it joins
    none. Each keeps the earlier questions a follow-up carries; a second part that leans on the first ("what
    did they want") is to be made standalone against it (assistant.followups)."""
    asked = asked_part(question)
    pieces = [p.strip(" ,?;") for p in _SECOND_QUESTION.split(asked)]
    if len(pieces) < 2 or any(len(terms(p)) < 2 for p in pieces):
        return [question]
    carried = question[len(asked) :]
    return [f"{p[0].upper()}{p[1:]}?{carried}" for p in pieces]
