"""What a sentence says its source does not know or does not name.

News says what it cannot tell: "the site went offline for reasons that are not publicly known", "the
office 'does not know yet' whether the messages are the work of ordinary fraudsters", "registered
through a registrar in Iceland". The sentence that matches such a question best is then the one that
says the answer is not there, and quoting it as the answer tells the reader the opposite of what it
says. These checks read the sentence an answer would lead with.
"""

from __future__ import annotations

import re
from itertools import pairwise

from assistant.mentions import ORGANISATION_NOUNS, PARTY_NOUNS, introductions
from assistant.questions import (
    asked_kind,
    asked_part,
    asks_reason,
    asks_state_behind,
    asks_whether,
    asks_yes_no,
    deed_asked,
    full_names_in,
    gives_motive,
    which_asked,
)
from assistant.text import CALENDAR_WORDS, STOPWORDS, verb_base, words
from assistant.verdicts import asked_deed, done_to_within

# "Which registrar…", "Which German business paper…", "In the report, which hosting company…": the
# question's own "which", not one in a clause of it ("the emails in which…").
_WHICH = re.compile(
    r"^\W*(?:(?:according to|per|in|on|at|for|after|before|during)\b[^,?]{0,80},\s+)?"
    r"(?:(?:in|on|at|to|from|with|by|for)\s+)?which\s+(?P<words>(?:[\w'’-]+\s+){0,3}[\w'’-]+)",
    re.I,
)
# "Who was the clerk…", "What is the name of the campaign volunteer whose account…": which one.
# "What is the deckhand called who…" too.
_WHICH_ONE = re.compile(
    r"^\W*(?:who (?:is|was|are|were) the|(?:(?:what|which) (?:is|was|are|were) )?the names? of (?:the )?|"
    r"names? of (?:the )?|what (?:is|was|are|were) the(?=\s+(?:[\w'’-]+\s+){1,4}called\b))\s*(?=[a-z])",
    re.I,
)
_NOT_THE_NOUN = frozenset("of did does do is are was were has have had can could will would".split())


def forms(noun: str) -> set[str]:
    """The noun and its plural: "firm", "firms"; "agency", "agencies"."""
    return {noun, f"{noun}s"} | ({f"{noun[:-1]}ies"} if noun.endswith("y") else set())


# People a "which" question may ask to be named by their role ("Which judge is handling the case?"), which
# news often leaves unnamed ("A judge must still accept the charges").
_ROLE_NOUNS = (
    frozenset(
        "judge prosecutor magistrate official officer spokesperson spokesman spokeswoman researcher analyst "
        "investigator lawyer attorney employee staffer insider engineer clerk volunteer".split()
    )
    | PARTY_NOUNS
)  # "What are the names of the two suspects…": "…identified two suspects but declined to name them"
# Bodies a "which" question may ask to be named that articles seldom introduce by name ("hired by a
# rival campaign committee"), and which the mentions of an organisation do not list.
# A party's list of candidates is asked by its noun ("Which list did she organise for?") and left unnamed as
# "one of the lists".
_BODY_NOUNS = frozenset(["committee", "list"])
_NOUNS_TO_NAME = sorted(ORGANISATION_NOUNS | _ROLE_NOUNS | _BODY_NOUNS)


def asked_to_name(question: str) -> str | None:
    """The kind of organisation or person a "which" question asks to be named ("registrar", "paper",
    "company", "judge"), or None. The last such word before the verb counts ("German business paper" asks
    for a paper), and a compound's last part ("incident-response firm" asks for a firm)."""
    # "Name the political consultancy…" asks which one, and so does "Who was the former contractor whose
    # account…": a role or an organisation the answer must name.
    asked = _WHICH_ONE.sub("which ", which_asked(question), count=1)
    match = _WHICH.search(asked)
    # Not a choice between what the question names ("Which site was down longer, X or Y?"), nor a
    # question that gives the organisation's alias and asks who it is ("Which real company matches
    # "U.S. Company-1"?"): its sources describe it without a name and say elsewhere whom it matches.
    if match is None or re.search(r"\bor\b|[\"“”]", asked):
        return None
    found = None
    for word in match["words"].lower().split():
        if word in _NOT_THE_NOUN:
            break
        # "Which contractor's VPN account…" asks which contractor.
        head = re.sub(r"['’]s?$", "", word.rsplit("-", 1)[-1])
        found = next((n for n in _NOUNS_TO_NAME if head in forms(n)), found)
    # A website is named by its address, which no pattern here tells from the rest of a sentence.
    return None if found in ("website", "site") else found


# Words that begin the rest of a question after the asked kind: a verb in the past without "-ed" ("Which
# registrar held the domain?"), a relative or a preposition ("the driver whose van…", "the people behind…").
_REST_BEGINS = frozenset(
    "held ran won made paid sent told took gave wrote found got led left lost bought sold hit put set kept brought "
    "began chose drew built came went saw stood spent struck stuck caught fell meant read broke stole shut owns runs "
    "who whose whom that which where when behind about against over under near across between within during "
    "without".split()
)
# Words before the asked kind that only count or set it apart: "Which two other platforms…".
_BEFORE_THE_KIND = frozenset(
    "two three four five six seven eight nine ten other single one same new main first second last".split()
)
# Kinds a name does not answer, or that other rules read: "Which day…", "Which version…", "which counts
# stuck" (charges are described, not named), and a website, named by its address.
_NOT_NAMED_KINDS = CALENDAR_WORDS | frozenset(
    "day date time year week month version number share part rule law step measure way kind type sort count "
    "charge website site".split()
)


def kind_asked(question: str) -> str | None:
    """The kind of thing a "which" question asks to be named, whatever its word: a kind `asked_to_name` lists
    ("registrar"), else the word that ends the words after "which", where a small word, a verb or a relative
    begins the rest ("Which boatyard on Lastovo is run by…": "boatyard"; "Which voice-cloning tool was used…":
    "tool"; "Who is the senior NCSC Ireland person quoted…": "person", a name's words passed over). None when
    no such word is found, or it is one a name does not answer ("which day")."""
    listed = asked_to_name(question)
    if listed is not None:
        return listed
    asked = _WHICH_ONE.sub("which ", which_asked(question), count=1)
    match = _WHICH.search(asked)
    if match is None or re.search(r"\bor\b|[\"“”]", asked):
        return None
    after = [*match["words"].split(), *asked[match.end() :].split()[:1]]
    for word, following in pairwise(after):
        if word.lower() in _BEFORE_THE_KIND or word[:1].isupper():
            continue
        rest = following.lower()
        if not (rest in STOPWORDS or rest in _REST_BEGINS or rest.endswith(("ed", "ing"))):
            continue
        head = re.sub(r"['’]s?$", "", word.lower().rsplit("-", 1)[-1])
        # "platforms" asks for platforms; forms() spells the plural back.
        if head.endswith("ies"):
            head = f"{head[:-3]}y"
        elif head.endswith("s") and not head.endswith("ss"):
            head = head[:-1]
        return None if not head.isalpha() or head in STOPWORDS or head in _NOT_NAMED_KINDS else head
    return None


def kind_to_name(question: str) -> tuple[str, tuple[str, ...]] | None:
    """The kind of organisation or person a "which" question asks to be named, with the words that describe
    it ("Which threat group…": "group", ("threat",)); None when it asks none, or describes the one it means
    after a comma ("Which company, recently reviewed by TechCrunch, …": a riddle, not a kind)."""
    noun = asked_to_name(question)
    if noun is None:
        return None
    asked = _WHICH_ONE.sub("which ", which_asked(question), count=1)
    spelled = "|".join(re.escape(f) for f in forms(noun))
    found = re.search(rf"\bwhich\s+(?P<words>(?:[\w'’-]+\s+){{0,3}}?)(?:{spelled})\b(?P<comma>\s*,)?", asked, re.I)
    if found is None or found["comma"]:
        return None
    return noun, tuple(w.lower() for w in found["words"].split())


# "a registrar in Iceland", "an unnamed vendor", "a German business newspaper": the indefinite article
# (or a word that says the name is withheld) and up to four describing words before the noun, which may
# end a compound ("newspaper" for "paper", "incident-response firm" for "firm").
_UNNAMED_WORDS = r"(?:an?|another|one|some|unnamed|unidentified|undisclosed|unspecified)"
# What names a mention right after it: "a company called Xyro", "a group calling itself NoiseHarbor",
# "a contractor, Steppe Data Systems", "a vendor (Cloudwall)".
_NAMED_AFTER = re.compile(r"\s*(?:,\s*|\(\s*)?(?:called|named|calling itself|known as|dubbed|[A-Z0-9])")
# "Bluecrest Voice, a telecom provider", "Xyro is a registrar": a name the mention describes.
_NAMED_BEFORE = re.compile(r"[A-Z][\w'’&.-]*[\w&]\)?(?:,|\s+(?:is|was|are|were))\s+$")


# Words after which a noun phrase has ended: small words, and modals ("a judge must still…").
_PHRASE_ENDS = STOPWORDS | frozenset("must may might can could will would shall should".split())


def _ends_noun_phrase(text: str, at: int) -> bool:
    """Is the word ending at `at` the head of its noun phrase ("a registrar in Iceland", "an insurer
    covered"), not a word describing the next ("an Argentine national team record")?"""
    following = re.match(r"\s+([A-Za-z]+)", text[at:])
    return following is None or following[1].lower() in _PHRASE_ENDS or following[1].endswith("ed")


def speaks_of_the(text: str, noun: str) -> bool:
    """Does the text speak of "the <noun>" ("The print shop's owner…"), one its reader already knows of?"""
    spelled = "|".join(re.escape(f) for f in forms(noun))
    return re.search(rf"\bthe\s+(?:[\w'’-]+\s+){{0,3}}?[\w-]*?(?:{spelled})\b", text, re.I) is not None


def left_unnamed(text: str, noun: str, around: str = "") -> bool:
    """Does the text speak of a <noun> only as "a <noun>", never by its name, nor does the passage it
    stands in (`around`) introduce one by name ("an American online video company" is named two
    sentences on: "Tenet Media, a Tennessee online content company")?"""
    spelled = "|".join(re.escape(f) for f in forms(noun))
    mention = re.compile(rf"\b{_UNNAMED_WORDS}\s+(?:[\w'’-]+\s+){{0,4}}?[\w-]*?(?:{spelled})\b", re.I)
    found = [m for m in mention.finditer(text) if _ends_noun_phrase(text, m.end())]
    if not found:
        return False
    if any(n == noun for _, n, _ in introductions(f"{text} {around}")):
        return False
    # A role before a name: "Judge Maria Silva", "Prosecutor Ana Lima".
    if re.search(rf"\b{re.escape(noun.capitalize())}\s+[A-Z][a-z]", f"{text} {around}"):
        return False
    return not any(_NAMED_AFTER.match(text, m.end()) or _NAMED_BEFORE.search(text[: m.start()]) for m in found)


_QUOTE = r"[\"'“”‘’]?"
_NOT_KNOWN = r"(?:not (?:publicly |yet )?(?:known|clear|given|disclosed|explained|stated|made public)|unknown|unclear)"
_WONT_SAY = (
    r"(?:(?:did|does|do|would|could|has|have|had) not (?:yet )?(?:say|said|explain|explained|disclose|disclosed|"
    r"reveal|revealed|specify|specified|know)|(?:declined|refused) to (?:say|explain|disclose|reveal|specify)|"
    r"(?:is|was|are|were|remains|remained) (?:still )?(?:unclear|not (?:yet )?(?:known|clear))|unclear|"
    r"too early to (?:say|tell)|(?:cannot|could not|can't) (?:yet )?(?:say|tell|establish|determine)|"
    r"(?:has|have|had) not (?:yet )?been able to (?:say|tell|establish|determine|identify)|"
    # "We are still working to establish who paid it"
    r"(?:working|trying|seeking|attempting) to (?:establish|determine|identify|find out|work out))"
)
# "would not comment on the Rook Syndicate", "declined to comment": nothing said of it at all.
_NO_COMMENT = re.compile(
    r"\b(?:(?:would|will|did|does|do|could) not (?:immediately )?comment|(?:declined|refused) (?:to )?comment|"
    r"no comment)\b",
    re.I,
)
# What a sentence says is not known, by the kind of fact asked for (besides declining to comment).
# "…did not say what his motive might have been": what someone's motive or reason was, not told.
_WONT_SAY_WHAT = rf"\b{_WONT_SAY}{_QUOTE}\s+what\s+(?:(?:his|her|their|its|the)\s+)?"
_UNKNOWN_REASON = re.compile(
    rf"\breasons?\b[^.;]{{0,40}}\b{_NOT_KNOWN}|\b{_WONT_SAY}{_QUOTE}\s+why\b|{_WONT_SAY_WHAT}(?:motives?|reasons?)\b|"
    r"\bno (?:reason|motive) (?:was|has been|had been|is) (?:given|offered|stated|disclosed)",
    re.I,
)
# "It did not say who was behind it", "No group has claimed responsibility for the attack".
_UNKNOWN_WHO = re.compile(
    rf"\b{_WONT_SAY}{_QUOTE}\s+(?:who|which (?:group|actor|country|state|organi[sz]ation))(?:,\s+if anyone,)?\s+"
    r"(?:(?:was|were|is|are|had been|has been)\s+(?:behind|responsible)|carried out|sent|ran|launched|paid for|"
    r"commissioned|ordered|funded|financed)\b"
    r"|\bno (?:group|one|organi[sz]ation|actor|country|state|individual|person)\b[^.;]{0,20}?\s(?:has|have|had)\s+"
    r"(?:yet\s+|so far\s+|publicly\s+)*(?:claimed|been (?:identified|named|blamed))\b"
    r"|\b(?:has|have|had) not (?:yet\s+|publicly\s+)*been (?:claimed|attributed)\b"
    r"|\b(?:attackers?|perpetrators?|culprits?|those responsible)\b[^.;]{0,30}\b(?:remain(?:s|ed)?|is|are|was|were)\s+"
    r"(?:still\s+)?(?:unknown|unidentified|not (?:yet )?(?:known|identified))"
    rf"|\bidentit(?:y|ies)\b[^.;]{{0,40}}\b{_NOT_KNOWN}",
    re.I,
)
# "It was too early to attribute it to any group": who did it is not known, though someone may have
# claimed it (a claim is no attribution, so this does not answer who claimed it).
_UNATTRIBUTED = re.compile(
    r"\btoo early to attribute\b|\b(?:has|have|had) not (?:yet |publicly )?(?:attributed|linked|tied|connected)\b"
    r"[^.;]{0,40}\bto any\b"
    # "No government or security company has publicly attributed the group to a state": "no" opens the
    # subject ("Despite no official statement, Microsoft has linked the group to a state-backed unit" is
    # an attribution).
    r"|(?:^|[;:]\s*|\b(?:and|but)\s+)\W*no\s+(?:[\w'’-]+\s+){0,5}?(?:has|have|had)\s+(?:yet\s+|publicly\s+|so far\s+)*"
    r"(?:attributed|linked|tied)\b[^.;,]{0,40}\bto (?:a|any) (?:state|country|government)(?![\w-])",
    re.I,
)
# "She declined to name the firm", "police would not identify the two men".
_DECLINED_TO_NAME = re.compile(
    r"\b(?:(?:declined|refused) to|(?:did|does|do|would|could|will) not) (?:name|identify) (?:the|its|their|an?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>[a-z]+)\b",
    re.I,
)
_WITHHELD_OF_PRONOUN = (
    r"\b(?:(?:declined|refused) to|(?:did|does|do|would|could|will) not) (?:name|identify) (?:them|him|her)\b"
)
# "…a third-party payroll contractor, which the authority did not name": the name withheld in a clause
# after the mention.
_WITHHELD_AFTER = re.compile(
    r"\b(?:an?|another)\s+(?:[\w'’-]+\s+){0,4}?(?P<noun>[a-z]+),?\s+(?:which|whom|that)\s+(?:[\w'’-]+\s+){1,3}?"
    r"(?:(?:did|does|do|would|will|could|has|have|had)\s+not|(?:declined|refused)\s+to)\s+(?:name|identify)\b"
    # The organisation withholds nothing here: "a local newspaper, which did not name its sources" (no
    # subject of its own), "…, which the firm did not identify the hackers" (an object follows).
    r"(?!\s+(?:the|its|their|his|her|any|an?|who|which)\b)",
    re.I,
)
# "They did not give that person's name", "The NVRO has not released the clerk's name", "…did not give his
# name": the name withheld, of the noun before it (any person's, where none is said).
_NAME_NOT_GIVEN = re.compile(
    r"\b(?:(?:declined|refused) to|(?:did|does|do|would|could|will|has|have|had)\s+not(?:\s+yet)?)\s+"
    r"(?:give|given|release|released|disclose|disclosed|reveal|revealed|publish|published|provide|provided)\s+"
    r"(?:the|that|this|these|those)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z]+)['’]s?\s+names?\b"
    # Not an anonymous source ("a voter who would not give her name"), nor a name change.
    r"(?!\s+change)",
    re.I,
)
_FIRM = frozenset({"firm", "firms", "company", "companies"})
_PERSON = frozenset({"person", "persons", "people", "individual", "individuals"})
# "The office does not know who started…", "…does not say who, if anyone, commissioned…", "…did not say which
# company had hosted the site or who had paid for the domain": who did the deed that follows is not known.
_WHO_OR_WHICH_NOUN = re.compile(r"\b(?:who|which\s+[\w-]+)(?:,\s+if anyone,)?\s+(?:(?:had|has|have)\s+)?", re.I)
_UNSAID_BEFORE = re.compile(rf"\b{_WONT_SAY}{_QUOTE}\s+(?:[^.;]*?\s(?:or|and)\s+)?$", re.I)
_UNKNOWN_WHETHER = re.compile(rf"\b{_WONT_SAY}(?:\s+(?:yet|so far))?{_QUOTE}\s+(?:whether|if)\b", re.I)
# "The board has not announced a date", "No date has been set for the trial", "did not say when": asked
# when, the date is not told.
_UNKNOWN_WHEN = re.compile(
    rf"\b{_WONT_SAY}{_QUOTE}\s+when\b"
    r"|\b(?:has|have|had) (?:not|yet to) (?:yet )?(?:announced|set|given|fixed|scheduled|named|confirmed|decided)\s+"
    r"(?:a|any|the|its|their)\s+(?:new\s+|final\s+|firm\s+)?(?:date|timetable|timeline|schedule)\b"
    r"|\bno (?:new |final |firm )?(?:date|timetable|timeline)\b[^.;]{0,40}?\b(?:has|have|had) (?:yet )?been\s+"
    r"(?:set|announced|given|fixed|scheduled|decided)\b"
    r"|\b(?:date|timetable|timing)\b[^.;]{0,40}?\b(?:has|had|have) not (?:yet )?been (?:set|announced|fixed|decided)\b"
    r"|\bnot (?:yet )?been scheduled\b|\bno date (?:was|is) (?:given|set)\b",
    re.I,
)
# Asked someone's full name, "identified only by the surname Choi" says it is not given.
_ASKS_FULL_NAME = re.compile(r"\b(?:full|first|given|complete)\s+names?\b", re.I)
_PART_OF_NAME_ONLY = re.compile(
    r"\bidentified only (?:by|as|with)\s+(?:the\s+|his\s+|her\s+|their\s+)?"
    r"(?:surnames?|last names?|family names?|first names?|given names?|initials?)\b"
    r"|\b(?:whose|his|her|their)\s+full names?\s+(?:was|were|has|have|had)\s+not\s+(?:yet\s+)?been\s+"
    r"(?:given|released|disclosed|published|made public)\b",
    re.I,
)
_UNKNOWN_WHERE = re.compile(rf"\b{_WONT_SAY}{_QUOTE}\s+where\b", re.I)
_UNKNOWN_AMOUNT = re.compile(
    rf"\b{_WONT_SAY}{_QUOTE}\s+how (?:much|many)\b|\b(?:undisclosed|unspecified|unknown) "
    rf"(?:sum|amount|ransom|fee|figure|number|price)\b",
    re.I,
)


def declines_comment(sentence: str) -> bool:
    """Does the sentence report someone declining to comment ("…would not comment on the Rook Syndicate")?
    It tells no fact: it answers a question only by saying that what was asked is not told."""
    return bool(_NO_COMMENT.search(sentence))


def gives_only_part_of_name(sentence: str, question: str) -> bool:
    """Asked someone's full or first name, does the sentence say only part of it is given ("identified only by
    the surname Choi")?"""
    return bool(_ASKS_FULL_NAME.search(question) and _PART_OF_NAME_ONLY.search(sentence))


def says_not_known(sentence: str, question: str) -> bool:
    """Does the sentence say that what the question asks is not known or not told: the reason for a
    "why" question, the verdict for a "whether" question, the figure for a "how much" question, who
    did it for a "who" or "which group" question?"""
    if gives_only_part_of_name(sentence, question):
        return True
    kind = asked_kind(question)
    if asks_reason(question):
        unknown = _UNKNOWN_REASON
    elif kind in ("money", "number", "share"):
        unknown = _UNKNOWN_AMOUNT
    elif kind == "date":
        unknown = _UNKNOWN_WHEN
    elif re.match(r"\W*where\b", asked_part(question), re.I):  # not "which country's government…": who
        unknown = _UNKNOWN_WHERE
    elif asks_whether(question):  # "Did…", and a choice: "Are the texts ordinary fraud or aimed at the election?"
        if asks_yes_no(question) and asked_deed(question) is not None:
            # Whether the very deed asked was done: "declined to say whether the attack resembled the
            # earlier outage" says nothing of whether it used more machines. (A choice is said unknown in
            # its own words: "does not know yet whether the messages are the work of fraudsters or …".)
            return declines_comment(sentence) or says_whether_unknown(sentence, question)
        unknown = _UNKNOWN_WHETHER
    elif _asks_who_did_it(question):
        # Declining to comment on the ransom says nothing of who sent the note.
        return says_who_unknown(sentence, question) or says_which_unknown(sentence, question)
    else:
        return says_which_unknown(sentence, question)
    return declines_comment(sentence) or bool(unknown.search(sentence))


def says_who_unknown(sentence: str, question: str) -> bool:
    """Asked who did it ("Who was behind…", "Which group carried out…"), does the sentence say that is not
    known ("It did not say who was behind it", "No group has claimed responsibility")?"""
    if not _asks_who_did_it(question):
        return False
    claimed = re.search(r"\bclaim", asked_part(question), re.I)
    return bool(_UNKNOWN_WHO.search(sentence) or (_UNATTRIBUTED.search(sentence) and not claimed)) or (
        says_doer_unknown(sentence, question) or withholds_name(sentence, question)
    )


def says_which_unknown(sentence: str, question: str) -> bool:
    """Asked which <noun> ("Which parties did Lagoonside work for?"), does the sentence say which of them is
    not told, in the question's noun ("The report does not say which candidates or parties the consultancies
    worked for")?"""
    noun = asked_to_name(question)
    if noun is None:
        return False
    said = (m["which"].lower().split() for m in _WHICH_UNSAID.finditer(sentence))
    return any(forms(noun) & set(which) for which in said)


# "does not say which candidates or parties …": what is not told, in up to four words after "which".
_WHICH_UNSAID = re.compile(rf"\b{_WONT_SAY}\s+which\s+(?P<which>(?:[\w'’-]+\s+){{0,3}}[\w'’-]+)", re.I)


def withholds_name(sentence: str, question: str) -> bool:
    """Asked which <noun> ("Which contractor created the backup?"), does the sentence say its name is
    withheld ("She declined to name the firm", "…hired a firm, which it did not name")?"""
    return withheld_as(sentence, question) is not None


def withheld_as(sentence: str, question: str) -> str | None:
    """The noun the sentence speaks of the organisation or person asked for while withholding its name
    ("firm" of "She declined to name the firm"), or None. A firm or company stands for any organisation
    asked; withheld after the mention, so does any organisation's noun: "Which company operates the
    portal?" is not told by "…operated by a third-party payroll contractor, which the authority did not
    name"."""
    noun = asked_to_name(question)
    if noun is None:
        return None
    named = {*forms(noun), *(_FIRM if noun in ORGANISATION_NOUNS else ())}
    kinds = {f for n in (ORGANISATION_NOUNS if noun in ORGANISATION_NOUNS else {noun}) for f in forms(n)}
    found = [m["noun"] for m in _DECLINED_TO_NAME.finditer(sentence) if m["noun"].lower() in named]
    found += [m["noun"] for m in _WITHHELD_AFTER.finditer(sentence) if m["noun"].lower() in kinds]
    # "…had identified two suspects, neither of them from Sardinia, but declined to name them": withheld of a
    # pronoun after the mention.
    if any(re.search(rf"\b{f}\b[^.;]{{0,80}}?{_WITHHELD_OF_PRONOUN}", sentence, re.I) for f in forms(noun)):
        found.append(noun)
    # A person's name withheld may be said of "that person".
    people = _PERSON if noun in _ROLE_NOUNS else frozenset()
    found += [m["noun"] for m in _NAME_NOT_GIVEN.finditer(sentence) if m["noun"].lower() in named | people]
    return found[0].lower() if found else None


_WHETHER_REACH = 6  # words after "whether" where the deed asked about stands ("whether it had paid")


def says_whether_unknown(sentence: str, question: str) -> bool:
    """Asked whether a deed was done ("Did Tellaris pay NightTally's ransom?"), does the sentence say that
    whether it was is not told ("Tellaris declined to say whether it had paid the ransom")? The deed must be
    done to what the question names: "did not say whether it would publish the full audit log" tells
    nothing of turnout figures."""
    deed = asked_deed(question) if asks_whether(question) else None
    if deed is None:
        return False
    verb, done_to = deed
    base = verb_base(verb)
    for m in _UNKNOWN_WHETHER.finditer(sentence):
        after = words(sentence[m.end() :])
        for i, word in enumerate(after[:_WHETHER_REACH]):
            if verb_base(word) == base and done_to_within(done_to, " ".join(after[i + 1 :])):
                return True
    return False


# "…did not say what his motive might have been", "would not discuss a motive", "Prosecutors have not given a
# motive", "The court made no finding on motive": a person's motive not told.
_UNKNOWN_MOTIVE = re.compile(
    rf"{_WONT_SAY_WHAT}motives?\b"
    r"|\b(?:would|will|did|could|has|have|had) not (?:yet\s+)?(?:comment(?:ed)? on|discuss(?:ed)?|"
    r"speculated? (?:on|about)|give|given|disclosed?|revealed?|stated?|offered|offer)\s+"
    r"(?:a|any|the|his|her|their)\s+(?:possible\s+)?motives?\b"
    rf"|\bno (?:finding on|known|clear|stated) motives?\b|\bmotives?\b[^.;]{{0,30}}\b{_NOT_KNOWN}"
    # "Police have given no reason why he is alleged to have…", "No motive has been given".
    r"|\b(?:given|gave|give|offered|stated|disclosed)\s+no\s+(?:reason|motive|explanation)s?\b"
    r"|\bno\s+(?:reason|motive|explanation)s?\s+(?:has|have|was|were)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:given|offered|stated|disclosed)\b",
    re.I,
)


def asks_motive(question: str) -> bool:
    """Does the question ask why a person named did something ("Why did Mikkel Sonne-Aagaard send the
    threats?")? Not why a thing happened ("Why was the clerk able to approve transfers?"), which a setting or
    a flaw explains."""
    asked = asked_part(question)
    return bool(re.match(r"\W*why (?:did|would|do|does)\b", asked, re.I) and full_names_in(asked))


# "Why did Graham Olsberg add…": a person's own deed, whose motive a sentence must give. Not a judge's ruling
# ("Why did Judge Okafor reject the defense?"), whose grounds a ruling gives in other words.
_OWN_DEED = re.compile(
    r"\W*(?i:why\s+did)\s+(?!(?:Judge|Justice|Magistrate)\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+\s+[a-z]"
)


def asks_own_motive(question: str) -> bool:
    """Does the question ask why a person it names in full did something of their own (see asks_motive), not why
    a judge ruled so?"""
    return asks_motive(question) and _OWN_DEED.match(asked_part(question)) is not None


def says_motive_unknown(sentence: str) -> bool:
    """Does the sentence say someone's motive is not told ("…did not say what his motive might have been")?"""
    return _UNKNOWN_MOTIVE.search(sentence) is not None


def tells_motive(sentence: str, question: str) -> bool:
    """Does the sentence give a reason for what the person asked about did (questions.gives_motive)? Not one that
    says none was given ("Police have given no reason why he is alleged to have altered the templates")."""
    return gives_motive(sentence, question) and not says_motive_unknown(sentence)


def says_doer_unknown(sentence: str, question: str) -> bool:
    """Asked who did a deed ("Who started the false messages?"), does the sentence say that who did that
    very deed is not known ("The office does not know who started the false messages")?"""
    deed = deed_asked(question)
    return deed is not None and any(
        deed.match(sentence, m.end()) and _UNSAID_BEFORE.search(sentence[: m.start()])
        for m in _WHO_OR_WHICH_NOUN.finditer(sentence)
    )


def _asks_who_did_it(question: str) -> bool:
    """ "Who was behind…?", "Which group carried out…?"; not a "who" of a clause ("What did he say about the
    volunteers who quit?")."""
    return (
        bool(re.match(r"\W*who\b", asked_part(question), re.I))
        or asked_to_name(question) is not None
        or asks_state_behind(question)
    )


# "Who made the fake video of…?", "Who produced the deepfake clips?", "Who printed the handbooks?", "Who supplied
# the capsules?", "who was behind the february ddos",
# "What did police conclude about who made the audio?": who made a thing or was behind a deed.
_MAKING = r"(?:made|produced|created|generated|recorded|fabricated|faked|cloned|forged|doctored|printed|supplied)"
# ... or sent it out: "Who sent the forged letter…?", "Who posted the clip?".
_SENDING = r"(?:sent|wrote|posted|planted)"
_ASKS_MAKER = re.compile(
    rf"(?:^\W*|[.?!]\s+|\babout\s+)who\s+(?:(?:actually|really|first)\s+)?(?:(?:was|were|is|are)\s+behind|{_MAKING}|"
    rf"{_SENDING})\b",
    re.I,
)
# What ties a doer to the deed: "made by a consultant", "traced the account to…", "attributed it to Copper Heron",
# "the group it tracks as TG-417", "Police charged a student with making the clip", "a volunteer who made the
# clip", "Bluewater Reach ran the network". Not a tool ("generated by an AI voice tool"): what was used.
_TIES_MAKER = re.compile(
    rf"\b(?:{_MAKING}|built|designed|developed|manufactured|written|run|operated|ordered|commissioned|paid for|"
    r"posted|published|uploaded|spread|distributed|orchestrated|carried out|sent|planted)\s+by\s+"
    r"(?!(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:software|tools?|apps?|programs?|services?|models?|AI|"
    r"artificial intelligence|machines?|computers?|algorithms?)\b)"
    r"|\b(?:attribut\w*|traced?|tied|ties|linked|links|blamed|blames|connected|overlap\w*|pinned)\b[^.;]{0,80}?"
    r"\b(?:to|with|on)\b"
    r"|\bbehind\s+(?:it|them|the|this|that)\b|\bresponsib\w+\s+for\b|\bthe work of\b"
    r"|\b(?:tracks?|tracked|calls?|known)\s+as\b"
    r"|\b(?:charged|accused|convicted|arrested|identified|named|suspected)\b[^.;]{0,80}?\b(?:making|producing|creating|"
    r"generating|recording|fabricating|faking|cloning|forging|as the (?:maker|creator|author|producer|source))\b"
    r"|\badmit(?:ted|s)?\s+(?:to\s+)?(?:making|producing|creating|generating|recording|fabricating|faking|cloning)\b"
    rf"|\b(?:who|which|that)\s+(?:had\s+|has\s+)?{_MAKING}\b",
    re.I,
)
# A named doer of the deed in the active voice: "Bluewater Reach ran the network", "Pahlke made the clip".
_NAMED_MAKER = re.compile(
    rf"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s+(?:had\s+|has\s+)?(?:{_MAKING}|{_SENDING}|ran)\s+(?:the|a|an|it)\b"
)


def asks_maker(question: str) -> bool:
    """Does the question ask who made a thing or was behind a deed?"""
    return _ASKS_MAKER.search(asked_part(question)) is not None


def ties_maker(text: str) -> bool:
    """Does the text tie someone to the making of a thing or to a deed (see _TIES_MAKER)?"""
    return _TIES_MAKER.search(text) is not None or _NAMED_MAKER.search(text) is not None


# "What make and model of camera was hidden…", "what model of drone did Pahlke fly": the name a maker gives a
# product, which a sentence gives beside the thing ("a Vireo X2 camera", "camera, a Kestrel 4K,") or in words
# ("the model", "made by").
_ASKS_MODEL = re.compile(
    r"\b(?:what|which)\s+(?:make|model|brand)(?:\s+(?:and|or)\s+(?:make|model|brand))?\s+of\s+(?:the\s+)?"
    r"(?P<thing>[a-z][\w-]*)",
    re.I,
)
# Not "make", which is mostly the verb ("to make the clip").
_GIVES_MODEL = re.compile(r"\b(?:model|brand|made by|manufactured by|manufacturer)\b", re.I)
_MODEL_CODE = re.compile(r"\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]+\b")


def model_asked(question: str) -> str | None:
    """The thing whose make or model the question asks ("camera"), or None."""
    match = _ASKS_MODEL.search(asked_part(question))
    return match["thing"].lower() if match else None


def gives_model(text: str, thing: str, asked_names: set[str]) -> bool:
    """Does the sentence give a make or model of the thing: a name or code just before or after it that the
    question does not give itself ("a Vireo X2 camera"), or words that say it ("the model", "made by")? Not
    "the Ustica booth camera": the question's own place."""
    said = list(re.finditer(r"[\w'’-]+", text))
    for n, word in enumerate(said):
        if word.group().lower() not in forms(thing):
            continue
        # After it, what names it ("camera, a Vireo X2"), not where or when it was ("the drone on Sunday night").
        after = said[n + 1 : n + 3] if n + 1 < len(said) and said[n + 1].group().lower() in ("a", "an") else []
        for other in [*said[max(n - 2, 0) : n], *after]:
            token = other.group()
            if _MODEL_CODE.fullmatch(token) or (
                token[0].isupper()
                and other.start() > 0
                and token.lower() not in asked_names
                and token.lower() not in CALENDAR_WORDS
            ):
                return True
        if _GIVES_MODEL.search(text):
            return True
    return False
