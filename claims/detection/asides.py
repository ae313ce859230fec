"""What a claim's sentence says beside the claim, which its statement goes without.

News hangs asides on a claim: who a named thing is (", which tracks retractions,", ", the
city-owned utility,"), what comes next (", and will ..."), how people feel about it (", and
families know it"), and when the writer says it (" already"). A fact-checker's claimReviewed
keeps the claim: the statement drops these, and adds nothing.
"""

from __future__ import annotations

import re

# ", which tracks withdrawn papers," after a name: who or what the name is, not the claim. The
# clause is closed by a comma and the sentence's verb follows; a clause holding a figure may be
# the claim itself ("Ms Berg, who earned $200,000 in 2023, ...") and stays.
_RELATIVE_ASIDE = re.compile(
    r"(?P<name>\b[A-Z][\w'\u2019.&-]+),\s+(?:which|who)\s+"
    r"[^,;:\"\u201c\u201d\d%$\u00a3\u20ac]{3,80}?,\s+(?=[a-z])"
)
# ", the city-owned utility," after a name: an apposition describing it, then the verb.
_APPOSITION = re.compile(
    r"(?P<name>\b[A-Z][\w'\u2019.&-]+),\s+(?:the|a|an)\s+[a-z][a-z -]{2,50}?,\s+"
    r"(?=(?:is|are|was|were|has|have|had|adds|added|said|says|[a-z]{3,}(?:s|ed))\b)"
)
# What is still to come, tacked on the fact with "and": "suffered a broken ankle and would
# miss the rest of the season". A forecast is not what a fact-checker can check yet.
_FUTURE_TAIL = re.compile(
    r",? and (?:will|would|is expected to|are expected to)\b(?! have\b)[^,;]*[.!?]?$"
)
# How others feel about the fact, after it: ", and families know it", ", and organisers hope
# to beat that".
_FEELING_TAIL = re.compile(
    r",? and (?:[a-z]+ )?[a-z]+s (?:know|hope|fear|expect|believe|think|feel|say|want)\b"
    r"[^,;\d]{0,40}$"
)
# "The fleet already shrank": a word of the time of writing, not of the claim.
_ALREADY = re.compile(r"(?<=\w) already(?= [a-z])")


# "Kestrel Foods reported revenue of $1.84 billion": the claim is the figure the company had;
# that it reported it is the reporting. Results news writes this way for money counted.
_REPORTED_RESULT = re.compile(
    r"\b(?P<verb>reported|reports) (?=(?:an? )?(?:(?:net|pre-tax|operating|gross|annual|quarterly|"
    r"full-year|first-quarter|second-quarter|third-quarter|fourth-quarter|record) )*"
    r"(?:revenue|revenues|profit|profits|turnover|sales|loss|losses|earnings|income) of\b)"
)
# "declared a state of emergency and said the army deployed 2,500 soldiers": the second claim
# joins the first as the fact it reports.
_AND_SAID = re.compile(
    r" and (?:said|says|added|noted) (?:that )?(?=(?:the|a|an|its|their|[A-Z])\b)"
)


def _had(match: re.Match[str]) -> str:
    # "reported ... on July 25": the day of the reporting, which "had" would misplace.
    if _REPORTING_DAY.search(match.string, match.end()):
        return match.group()
    return "had " if match.group("verb") == "reported" else "has "


_REPORTING_DAY = re.compile(
    r"\bon (?:[A-Z]|\d)|\b(?:yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\b"
)


def drop_asides(body: str) -> str:
    """``body`` without the asides news hangs on its claim, and without the reporting of a
    result or of a second claim ("reported revenue of", "and said the army ...")."""
    if ", " in body:
        if " which " in body or " who " in body:
            body = _RELATIVE_ASIDE.sub(r"\g<name> ", body)
        if ", the " in body or ", a" in body:
            body = _APPOSITION.sub(r"\g<name> ", body)
    if " and " in body:
        body = _FUTURE_TAIL.sub("", body)
        body = _FEELING_TAIL.sub("", body)
    if " reported " in body or " reports " in body:
        body = _REPORTED_RESULT.sub(_had, body)
    if " and " in body:
        body = _AND_SAID.sub(" and ", body)
    if " already " in body:
        body = _ALREADY.sub("", body)
    return body
