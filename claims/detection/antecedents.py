"""What a sentence-opening "It", "That", "This" or "They" stands for: the previous sentence's subject.

News writes a fact, then its comment in the next sentence with a pronoun for the thing just
named: "Inflation in the eurozone fell to 2.4 percent in April. It was the lowest rate since
2021." A statement standing alone needs the thing, so the pronoun becomes the subject noun
phrase of the sentence before (looking back only, one sentence). Only when the pronoun is the
subject of a verb and the previous subject is a plain noun phrase: a dummy "it" ("It is likely
that ...", "It took three years to ..."), a pronoun subject before, or a subject that is not
clearly delimited leave the sentence as written.
"""

from __future__ import annotations

import re

from claims.detection.phrases import word_set as _set
from claims.detection.reported_speech import strip_attribution, strip_quotes

# Finite verbs that end a subject noun phrase: auxiliaries and the irregular past tenses news
# uses for figures. Regular past tenses ("climbed") are recognised by their ending.
_FINITE = _set(
    """is are was were has have had will would can could may might must should remains remained
    stands stood rose rises fell falls grew grows hit hits reached came comes went goes took takes
    made makes saw sees lost loses won wins paid pays cut cuts put puts set sets held holds kept
    keeps left leaves beat beats spent spends sold sells told tells got gets gave gives ran runs
    drew draws met meets led leads became becomes began begins broke breaks shrank shrinks sank
    sank brought brings found finds knew shows showed stays totals topped tops"""
)


# Words that cannot open a subject noun phrase worth repeating: pronouns, prepositions, and
# connectives (a sentence opening with them has its subject elsewhere).
_NOT_A_SUBJECT = _set(
    """it its they their he his she her we our i you this that these those there here in on at
    for from by with after before since during as if when while although though because but and
    so yet however meanwhile still also one some none many most all each both only just"""
)


# Words after which an "-ed" word is an adjective inside the noun phrase ("for planned treatment").
_BEFORE_ADJECTIVE = _set(
    "the a an of for in on at to by with from and or its their his her this that"
)


# A noun phrase ends on a noun, not on these.
_BAD_ENDING = _set(
    "the a an of for in on at to by with from and or its their his her this that than"
)


_SUBJECT_MAX_WORDS = 14


# The verbs a pronoun subject takes in the sentences this resolves; anything else ("It rained",
# "That way ...") is left as written.
_PRONOUN_VERBS = _set(
    """is was are were has had have remains remained beats beat ranks ranked compares compared
    means meant puts put takes took brings brought makes made leaves left includes included
    excludes excluded marks marked represents represented equals compares exceeds exceeded
    covers covered would will could"""
) | (_FINITE - {"told", "tells", "knew", "shows", "showed", "finds", "found"})


# A dummy "it": extraposed clauses ("It is likely that ...", "It took two years to ...").
_DUMMY_IT = re.compile(
    r"^It\s+(?:is|was|has been|had been|remains|remained|would be|will be|took|takes)\b"
    r"(?:\s+[\w'-]+){0,4}?\s+(?:that|whether|to|who|when|if|how|why|what|for)\b"
)


_PLAIN_WORD = re.compile(r"[\w'\u2019.&-]+")


def subject_of(sentence: str) -> str | None:
    """The subject noun phrase of ``sentence`` when it plainly opens the sentence.

    An apposition after it is skipped ("The planet, designated HLD-4 b, completes ...").
    """
    body, _ = strip_attribution(" ".join(sentence.split()))
    words = strip_quotes(body).split()
    if len(words) < 3 or words[0].lower().strip(",") in _NOT_A_SUBJECT:
        return None
    if not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return None
    phrase: list[str] = []
    index = 0
    while index < min(len(words), _SUBJECT_MAX_WORDS + 1):
        word = words[index]
        if word.endswith(",") and phrase is not None and index > 0:
            # An apposition: up to its closing comma, then the verb must follow.
            close = next(
                (
                    end
                    for end in range(index + 1, min(len(words), index + 8))
                    if words[end].endswith(",")
                ),
                None,
            )
            verb = words[close + 1] if close is not None and close + 1 < len(words) else ""
            # After an apposition a present tense is the verb too ("..., carries 300").
            present = verb.islower() and verb.endswith("s") and not verb.endswith("ss")
            if close is None or not verb or not (present or _is_finite(words, close + 1)):
                return None
            return _noun_phrase([*words[:index], word.rstrip(",")])
        if not _PLAIN_WORD.fullmatch(word) or word.endswith("."):
            return None  # a colon, a dash or an abbreviation: not a plain subject
        if index > 0 and _is_finite(words, index):
            return _noun_phrase(words[:index])
        phrase.append(word)
        index += 1
    return None


def _is_finite(words: list[str], index: int) -> bool:
    word = words[index]
    lower = word.lower()
    previous = words[index - 1].lower().rstrip(",")
    return lower in _FINITE or (
        lower.endswith("ed") and word.islower() and previous not in _BEFORE_ADJECTIVE
    )


def _noun_phrase(words: list[str]) -> str | None:
    if not words or words[-1].lower() in _BAD_ENDING:
        return None
    return " ".join(words)


_HEAD_ENDS = _set("of in on at for from with to who which that between among under over about")


def _head(words: list[str]) -> str | None:
    """The head noun of a noun phrase: its last word before a preposition or a relative clause.

    None when it is a name (capitalised past the first word, or a number): "It" after "Teddy
    Okafor scored ..." is not Okafor.
    """
    end = len(words)
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in _HEAD_ENDS:
            end = index
            break
    head = words[end - 1]
    if head[:1].isdigit() or (end > 1 and head[:1].isupper()):
        return None
    return head


def resolve_leading_pronoun(body: str, previous: str) -> str:
    """``body`` with its opening "It", "That", "This", "They" or "Its" replaced by what it
    stands for."""
    # After "According to X, " the pronoun opens the statement in lower case.
    body = body[:1].upper() + body[1:]
    if body.startswith("Its "):
        return _resolve_its(body, previous)
    match = re.match(r"(It|That|This|They)\s+(\w+)", body)
    if not match or match.group(2).lower() not in _PRONOUN_VERBS or _DUMMY_IT.match(body):
        return body
    subject = subject_of(previous)
    if subject is None:
        return body
    words = subject.split()
    head = _head(words)
    if len(words) < 2 or head is None:
        return body  # "Production", "July", "Teddy Okafor": too bare or a name, not a thing
    plural = "and" in words or (head.lower().endswith("s") and not head.endswith("ss"))
    if (match.group(1) == "They") != plural:
        return body  # "They" stands for a plural, "It" for a singular
    if match.group(1) == "They" and match.group(2).lower() in {"is", "was", "has"}:
        return body
    return subject + body[match.end(1) :]


def _resolve_its(body: str, previous: str) -> str:
    """ "Its equilibrium temperature is ..." after "The planet, designated HLD-217 b, completes
    ...": "The planet's equilibrium temperature is ..."; a singular thing, not a name."""
    subject = subject_of(previous)
    if subject is None:
        return body
    words = subject.split()
    head = _head(words)
    if len(words) < 2 or head is None or len(words) > 4 or words[0].lower() != "the":
        return body  # a long phrase would not read as an owner
    if head.lower().endswith("s") and not head.endswith("ss"):
        return body  # "its" stands for a singular
    return subject + "'s" + body[len("Its") :]


_NUMBER_WORDS = _set(
    """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"""
)


_OF_THEM = re.compile(
    r"^(?:In |Of )?((?:[A-Z][\w-]*|[a-z]+|\d[\d,.]*)(?: percent| per cent)?) of them\b"
)


# A counted group the sentence before names anywhere ("... had reviewed all 19 cases"): not an
# approximate count, and not a measure ("19 years", "40 percent").
_COUNTED_GROUP = re.compile(
    r"(?<!about )(?<!around )(?<!some )(?<!nearly )(?<!over )(?<!than )(?<![\w$\u00a3\u20ac.,])"
    r"(\d{1,3}(?:,\d{3})*) ((?:[a-z-]+ )??[a-z-]+[^s\W]s)\b"
)
_MEASURES = _set(
    """percent years months weeks days hours minutes seconds times points metres meters
    kilometres miles tonnes euros dollars pounds crowns votes"""
)


def resolve_of_them(body: str, previous: str) -> str:
    """ "Twenty-six of them got out" after "43 miners were underground": "of the 43 miners"."""
    match = _OF_THEM.match(body)
    if match is None:
        return body
    subject = subject_of(previous)
    counted = subject is None or not subject.split()[0][:1].isdigit()
    if counted and _COUNTED_GROUP.search(previous):
        group = _counted_group(previous)
        if group is None:
            return body
        return _with_group(body, match, "the " + group)
    return body if subject is None else _with_subject(body, match, subject)


def _counted_group(previous: str) -> str | None:
    """The last counted group of ``previous`` ("19 cases"), not a measure ("19 years")."""
    found = [
        f"{count} {noun}"
        for count, noun in _COUNTED_GROUP.findall(previous)
        if noun.split()[-1] not in _MEASURES and noun.split()[0] not in _MEASURES
    ]
    return found[-1] if found else None


def _with_group(body: str, match: re.Match[str], phrase: str) -> str:
    opening = body[: match.start(1)]
    return f"{opening}{match.group(1)} of {phrase}" + body[match.end() :]


def _with_subject(body: str, match: re.Match[str], subject: str) -> str:
    words = subject.split()
    head = _head(words)
    if head is None or not head.lower().endswith("s") or head.endswith("ss"):
        return body  # "them" stands for a plural
    first = words[0]
    if first.lower() in {"the", "a", "an"}:
        phrase = "the " + " ".join(words[1:])
    elif first[:1].isdigit():
        phrase = "the " + subject
    elif first.lower().split("-")[0] in _NUMBER_WORDS:
        phrase = "the " + first.lower() + " " + " ".join(words[1:])
    else:
        return body  # "Most miners": no definite group to name
    return _with_group(body, match, phrase)
