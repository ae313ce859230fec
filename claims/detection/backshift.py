"""Reported speech back in the speaker's tense, for a statement that is the claim itself.

"She said the city had cut 400 jobs" reports "The city has cut 400 jobs" (or "cut"); a
statement undoes the shift, and joins a second reported clause ("and that ...") to the first.
"""

from __future__ import annotations

import re

# Reported speech shifts the speaker's tense back ("The city has cut 400 jobs" is reported as
# "she said the city had cut 400 jobs"); a statement is the claim itself, so the shift is undone:
# "had" + participle becomes the present perfect when the claim runs up to now ("since 2019",
# "now"), the simple past otherwise.
_IRREGULAR_PAST = {
    "risen": "rose",
    "fallen": "fell",
    "grown": "grew",
    "shrunk": "shrank",
    "seen": "saw",
    "taken": "took",
    "given": "gave",
    "begun": "began",
    "become": "became",
    "done": "did",
    "gone": "went",
    "come": "came",
    "drawn": "drew",
    "driven": "drove",
    "broken": "broke",
    "written": "wrote",
    "shown": "showed",
    "known": "knew",
    "thrown": "threw",
    "sunk": "sank",
    "won": "won",
    "lost": "lost",
    "cut": "cut",
    "spent": "spent",
    "paid": "paid",
    "made": "made",
    "sold": "sold",
    "told": "told",
    "left": "left",
    "kept": "kept",
    "met": "met",
    "led": "led",
    "held": "held",
    "hit": "hit",
    "put": "put",
    "set": "set",
    "built": "built",
    "sent": "sent",
    "brought": "brought",
    "bought": "bought",
    "found": "found",
    "fought": "fought",
}


# "had" + participle, the participle maybe hyphenated ("pre-positioned") or after a quotation
# mark that opens the speaker's own words ("had “doubled”").
_BACKSHIFT = re.compile(
    r"\b(?P<subject>[\w'\u2019%-]+)(?P<comma>,)? had (?P<quote>[\"\u201c]?)"
    r"(?P<adverb>(?:now|already|also|previously|originally|recently|quietly|not)[\"\u201d]? )?"
    r"(?P<verb>been|[a-z]+(?:-[a-z]+)*)\b"
)


# The claim runs up to the time of speaking: the present perfect, not the simple past.
_UP_TO_NOW = re.compile(r"\b(?:since|so far|to date)\b")


_PLURAL_SUBJECTS = frozenset({"they", "we", "people", "police", "staff", "crew", "cattle"})


# Where a noun phrase's head ends: the words that open what follows it ("Trade between the two
# countries": the head is "Trade").
_AFTER_HEAD = frozenset(
    [
        "of",
        "between",
        "in",
        "on",
        "for",
        "from",
        "at",
        "with",
        "among",
        "to",
        "by",
        "under",
        "across",
        "near",
        "who",
        "which",
        "that",
        "whose",
        "due",
    ]
)


# Heads that take their number from the noun after "of".
_PART_OF = frozenset(
    ["percent", "cent", "%", "half", "most", "all", "some", "none", "majority", "rest"]
)


# Words that open an adverbial before the subject ("Since 2019, ..."), not the subject.
_ADVERBIAL = re.compile(
    r"\s*(?:since|in|on|at|after|before|during|by|until|under|over|for|as|when|while|if)\b",
    re.IGNORECASE,
)


# Where a coordinated or reported clause opens, so that its own subject is read.
_CLAUSE_START = re.compile(r"(?:^|;|\band\b|\bbut\b|\bthat\b)\s*")


def _participle(verb: str) -> str | None:
    """The simple past of a past participle ("risen" -> "rose"), None if not a participle."""
    last = verb.rsplit("-", 1)[-1]
    prefix = verb[: len(verb) - len(last)]
    if last.startswith("re") and last[2:] in _IRREGULAR_PAST:
        return prefix + "re" + _IRREGULAR_PAST[last[2:]]  # "repaid", "rebuilt"
    if last in _IRREGULAR_PAST:
        return prefix + _IRREGULAR_PAST[last]
    return verb if last.endswith("ed") and len(last) > 3 else None


def _plural_subject(clause: str) -> bool:
    """Whether the subject that ``clause`` (the words before its verb) ends with is plural."""
    parts = clause.split(",")
    # An adverbial opening ("Since 2019, its cost") puts the subject after its comma; otherwise
    # the subject is the first part and the rest an apposition ("the wall, completed in 2022,").
    subject = parts[-1] if len(parts) > 1 and _ADVERBIAL.match(parts[0]) else parts[0]
    words = [word.strip("\"\u201c\u201d'\u2019") for word in subject.split()]
    if not words:
        return False
    end = next((i for i, word in enumerate(words) if i and word.lower() in _AFTER_HEAD), len(words))
    head = words[end - 1]
    if head.lower() in _PART_OF and words[end : end + 1] == ["of"]:
        # "94 percent of officers have", "half of the budget has": the whole decides.
        return _plural_subject(" ".join(words[end + 1 :]))
    lower = head.lower()
    if "and" in (word.lower() for word in words[:end]) or lower in _PLURAL_SUBJECTS:
        return True
    if head.replace(",", "").isdigit():
        return head not in {"1", "0"}
    if lower.endswith(("'s", "\u2019s", "ss", "us", "is")):
        return False
    return lower.endswith("s") and len(lower) > 2


def _inside_quotation(text: str, position: int) -> bool:
    """Whether ``position`` of ``text`` lies inside a quotation (double or single marks)."""
    before = text[:position]
    doubles = len(re.findall(r"[\"\u201c\u201d]", before))
    if doubles % 2:
        return True
    opened = [match.end() for match in re.finditer(r"(?:^|(?<=[\s(]))[\u2018']", before)]
    return bool(opened) and not re.search(r"[\u2019'](?![\w])", before[opened[-1] :])


def undo_backshift(body: str) -> str:
    """``body`` of a reported clause with each "had" + participle back in the speaker's tense.

    A "had" inside the speaker's own quoted words is theirs, and stays.
    """
    if " had " not in body:
        return body
    up_to_now = _UP_TO_NOW.search(body) is not None
    return _BACKSHIFT.sub(lambda match: _shifted(match, up_to_now), body)


def _shifted(match: re.Match[str], up_to_now: bool) -> str:
    verb = match.group("verb")
    adverb = match.group("adverb") or ""
    past = _participle(verb)
    body = match.string
    if (verb != "been" and past is None) or _inside_quotation(body, match.start("quote")):
        return match.group()  # "had debts", "had to close": "had" is the verb itself
    if adverb.startswith("not") and verb != "been":
        return match.group()  # "had not paid" needs "did not pay": left as written
    clause_at = [m.end() for m in _CLAUSE_START.finditer(body, 0, match.start("subject"))]
    clause = body[clause_at[-1] if clause_at else 0 : match.start("subject")]
    plural = _plural_subject(clause + match.group("subject"))
    after = body[match.end() :]
    lead = match.group("subject") + (match.group("comma") or "") + " " + match.group("quote")
    if verb == "been":
        following = after.split(None, 1)[0].rstrip('.,;:!?"\u201d') if after.split() else ""
        if up_to_now or adverb == "now ":
            return lead + f"{'have' if plural else 'has'} {adverb}been"
        if not (following.endswith(("ed", "en", "ing")) or following in _IRREGULAR_PAST):
            return match.group()  # "had been ill for two years": the past perfect is the claim
        return lead + ("were" if plural else "was") + (" not" if adverb.startswith("not") else "")
    if up_to_now or adverb == "now ":
        return lead + f"{'have' if plural else 'has'} {adverb}{verb}"
    return lead + f"{adverb}{past}"


# "said the site had been empty and that no developer had come forward": the second "that"
# opens the second reported clause, which the statement joins as "..., and no developer ...".
# A demonstrative "that" ("and that hurt families") is followed by its verb and stays.
_SECOND_REPORTED_CLAUSE = re.compile(
    r",? and that (?=(?:(?:the|a|an|no|its|his|her|their|this|these|those|some|all|most|more|"
    r"every|each|there|he|she|it|they|we|only|about|nearly)\b|[A-Z\d$\u00a3\u20ac]))"
)


def join_reported_clauses(body: str) -> str:
    """``body`` of a reported clause with the "and that" of a second one made ", and"."""
    return _SECOND_REPORTED_CLAUSE.sub(", and ", body) if " and that " in body else body
