"""Court and election outcomes, a kind of fact of their own: whether a sentence states the arrest or
charge, the plea, the sentence, the verdict or the result a question asks for, as done rather than still
to come.
"""

from __future__ import annotations

import re

# Court outcomes are a kind of fact of their own, asked for by the question's own verb: "How did Reames
# plead?" is not answered by when he is arraigned, "What sentence did Lenhart receive?" not by his plea
# and the maximum he faces, "Was Kramer found guilty?" not by his fine. A question that only mentions one
# ("Who is the individual who pleaded not guilty…", "When will the man that pleaded guilty be
# sentenced?") asks for something else: the verb must not stand in a relative clause.
_MAIN_CLAUSE = r"(?:(?!\b(?:who|whom|whose|that|which)\b)[^?])*"
# What makes an outcome one still to come, or only possible: "could be sentenced to up to five years",
# "is scheduled to be sentenced", "prosecutors asked that he be sentenced to", "is expected to plead", "may
# lodge an appeal" (a lower-case "may": "On May 4 he appealed" is done).
_PENDING = re.compile(
    r"\b(?:could|would|might|(?-i:may|can)|faces?|facing|scheduled|set|expected|asked|asks|seeks?|seeking|"
    r"recommend\w*|plans?|intends?|will)\b[^.;]{0,25}$",
    re.I,
)
# "challenge the tribunal's decision in court": a challenge in court (not "challenge the count").
_COURT_CHALLENGE = (
    r"challeng(?:e|es|ed|ing)\b[^?]*\b(?:court|tribunal|ruling|decision|judgment|judgement|verdict|sentence|fine)\b"
)
_HIGHER_COURT = r"(?:higher|high|supreme|constitutional) court"  # where an appeal goes
_APPEAL = re.compile(rf"\bappeal\w*|\bchalleng\w*|\b{_HIGHER_COURT}\b", re.I)

# An appeal decided: "the appeal was dismissed", "won her appeal", "the Supreme Court upheld the ruling".
_APPEAL_DECIDED = re.compile(
    r"\bappeal\w*\b[^.;]{0,60}\b(?:rejected|dismissed|upheld|granted|allowed|overturned|quashed|reduced|succeeded|"
    r"failed|thrown out|refused|denied)\b"
    r"|\b(?:rejected|dismissed|upheld|granted|allowed|won|lost|refused|denied)\s+(?:[\w'’]+\s+){0,3}appeals?\b"
    rf"|\b(?:(?:appeals?|appellate) court|{_HIGHER_COURT})\b[^.;]{{0,60}}\b(?:upheld|overturned|quashed|"
    r"reduced|confirmed|reversed|ruled|rejected|dismissed|cleared)\b",
    re.I,
)


def _asks_appeal(auxiliaries: str) -> re.Pattern[str]:
    """A question that opens with one of the auxiliaries (done: "did", "has"…; to come: "will", "is"…)
    and asks whether an appeal or a challenge in court is made."""
    return re.compile(rf"^\W*(?:{auxiliaries})\b{_MAIN_CLAUSE}\b(?:appeal(?:s|ed|ing)?|{_COURT_CHALLENGE})", re.I)


# What states an election's result: who won, lost, was elected, conceded or went through.
_ELECTED = re.compile(
    r"\b(?:won|wins?|winners?|winning|lost|loses|defeat\w*|beat|beats|(?:re-?)?elected|victor\w*|"
    r"conced\w*|advanc\w*|qualif\w*|prevail\w*|ruled? (?:\w+ )?favou?r|percent of the (?:vote|ballots)|"
    r"runoff|run-off)\b",
    re.I,
)
# "What was the (final official) result of (Luxembourg's 9 November 2025) …": the noun follows within a few
# words.
_RESULT_OF = r"\bwhat (?:was|were|is|are) the (?:\w+ ){0,2}(?:result|outcome)s? of (?:[\w'’.-]+\s+){0,6}?"
# The election or referendum itself ends the phrase: not "the results of the election audit".
_ITSELF = r"(?=\s*(?:[?,.;]|$|\s+(?:in|on|of|for|at|held|to|over)\b))"

_OUTCOMES = (
    (  # a plea
        re.compile(
            rf"^\W*(?:how|when|did|does|do|has|have|will|would|is|was)\b{_MAIN_CLAUSE}\bplead(?:ed)?\b"
            r"|\bwhat (?:\w+ )?plea\b",
            re.I,
        ),
        re.compile(r"\bple(?:ad(?:s|ed|ing)?|d|as?)\b", re.I),
        True,
    ),
    (  # a sentence received
        re.compile(
            r"\bwhat (?:\w+ ){0,2}sentence\b|\bwhat (?:prison|jail) term\b"  # a penalty may be a fine
            rf"|\bhow (?:long|many (?:years|months))\b{_MAIN_CLAUSE}\bsentenced\b"
            rf"|^\W*(?:was|were|has|have|had)\b{_MAIN_CLAUSE}\bsentenced\b",
            re.I,
        ),
        re.compile(
            r"\bsentenced\s+(?:\w+\s+){0,3}?to\s+(?!up to\b|as much as\b)"
            r"|\b(?:received|receives|given|handed|imposed|serv\w+|got)\b[^.;]{0,30}\bsentence\b"
            r"|\bordered (?:\w+ )?to serve\b|\bjailed for\b"
            r"|\b(?:received|receives|got|gets)\s+(?:\w+\s+){0,2}(?:years?|months?)\b",
            re.I,
        ),
        True,
    ),
    (  # a verdict
        re.compile(
            rf"^\W*(?:was|were|has|have|had|is|are)\b{_MAIN_CLAUSE}\b(?:found (?:not )?guilty|convicted|acquitted)\b"
            r"|\bwhat (?:was |is )?the verdict\b",
            re.I,
        ),
        re.compile(
            r"\b(?:found|was|were|been|is|are) (?:not )?guilty\b|\bconvict(?:ed|ions?)\b|\bacquit\w*|\bverdicts?\b",
            re.I,
        ),
        True,
    ),
    (  # an election's result: who won, lost, was elected or went through to the next round
        re.compile(
            # The verb within a few words of the auxiliary: "Did Margaret Dunphy win…", not "Did the Sporting
            # News report a victory for the Cowboys, and … a win for the Lions?"
            r"^\W*(?:did|does|has|have|had|was|were|is|are)\s+(?:[\w'’.-]+\s+){1,5}?"
            r"(?:win|won|(?:re-?)?elected|advance[sd]?|qualif(?:y|ied))\b"
            # "did the MDA end up winning the algarve vote": done, not "Is Dunphy winning the race?".
            r"|^\W*(?:did|has|have|had)\s+(?:[\w'’.-]+\s+){1,5}?(?:end(?:ed)? up|go on to|gone on to)\s+winning\b"
            r"|^\W*who (?:has |have )?won\b|\bwho (?:was|were) (?:re-?)?elected\b"
            # "Which list won the most seats…", "What party won…"
            r"|^\W*(?:which|what)\s+(?:[\w'’-]+\s+){1,3}?(?:has |have )?won\b"
            # "What was the result of the Nor Haykashen runoff?" (not "Where are the official results of …
            # published?": where, not what; nor the results of a poll of voters).
            rf"|{_RESULT_OF}(?:elections?|by-elections?|runoff|run-off){_ITSELF}",
            re.I,
        ),
        _ELECTED,
        True,
    ),
    (  # a referendum's result: "What was the result of Luxembourg's referendum on lowering the voting age?"
        # is not answered by what it asks voters.
        re.compile(rf"{_RESULT_OF}(?:referendum|plebiscite)s?{_ITSELF}", re.I),
        re.compile(
            rf"{_ELECTED.pattern}|\b(?:approv\w*|reject\w*|passed|carried(?!\s+out)|"
            r"voted (?:yes|no|in favou?r|for|against)|(?:yes|no) (?:side|camp)s?)\b",
            re.I,
        ),
        True,
    ),
    (  # an arrest or a charge: "Has anyone been arrested over the letters?" is not answered by what the
        # letters said. The verb after the auxiliary and its subject, not a participle after a noun ("Did
        # the three people charged over the leak plead guilty?" asks for the plea).
        re.compile(
            r"^\W*(?:was|were|is|are)\s+(?:[\w'’.-]+\s+){0,4}?(?:arrested|detained|charged|indicted)\b"
            r"|^\W*(?:has|have|had)\s+(?:[\w'’.-]+\s+){0,4}?been\s+(?:arrested|detained|charged|indicted)\b"
            r"|^\W*who (?:was|were|has been|have been|got)\s+(?:arrested|detained|charged|indicted)\b",
            re.I,
        ),
        re.compile(r"\b(?:arrest\w*|detain\w*|detention|custody|charg(?:ed|es|ing)|indict(?:ed|ment|ments))\b", re.I),
        True,
    ),
    (  # an appeal made: "Did Ondřej K. appeal the judgment?" is not answered by the judgment, nor by
        # "both … may lodge an appeal within eight days".
        _asks_appeal("did|has|have|had|was|were"),
        _APPEAL,
        True,
    ),
    (  # an appeal to come: "Is the council going to challenge the decision in court?" is not answered by
        # "the council would consider the decision before deciding on its next steps".
        _asks_appeal("does|do|will|would|is|are"),
        _APPEAL,
        False,
    ),
    (  # an appeal decided: "What was the outcome of Jonas R.'s appeal?" is not answered by "his lawyer said
        # his client would appeal the sentence".
        re.compile(
            r"\b(?:outcome|result|ruling|decision|fate)\s+(?:of|on|in)\s+[^?]{0,40}\bappeal\b"
            r"|\bwhat happened (?:to|with)\s+[^?]{0,40}\bappeal\b|\b(?:win|won|lose|lost)\s+[^?]{0,30}\bappeal\b"
            r"|\bappeal\s+(?:was|were|been)\s+(?:successful|rejected|dismissed|upheld|granted)\b",
            re.I,
        ),
        _APPEAL_DECIDED,
        True,
    ),
    # "When will he be sentenced?" asks the date of the sentencing, still to come: not of the plea.
    (re.compile(rf"^\W*when\b{_MAIN_CLAUSE}\bsentenced\b", re.I), re.compile(r"\bsentenc\w*", re.I), False),
)


def _states(said: re.Pattern[str], sentence: str, done_only: bool) -> bool:
    return any(not (done_only and _PENDING.search(sentence[: m.start()])) for m in said.finditer(sentence))


def states_asked_outcome(sentence: str, question: str) -> bool:
    """Does the sentence state the kind of court or election outcome the question asks for (true if it asks
    for none)?"""
    return all(_states(said, sentence, done_only) for asks, said, done_only in _OUTCOMES if asks.search(question))
