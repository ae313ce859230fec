"""The grammar of attribution: who a sentence says is speaking.

Given one sentence, find the subject of its first attribution outside quotation marks, the way
news is written:

- a speech verb with its subject before it ("Lavrov said", "Stephen Young, a senior adviser,
  told", "the Pentagon's policy chief acknowledged", "Its leader, Pavel Dusek, said") or, after a
  comma, after it (", said transit manager Jo Lin", ", reports the Daily Mail");
- "according to ..." and records that speak for their authors ("figures from the statistics
  office show", "the survey found", "its website showed"): the author when the text names one
  ("by"/"from" X, X's figures), else the record itself;
- a participle that reports for the subject of its clause ("Kask disputed that, saying ...").

The subject is a name chunk, a pronoun, a group ("U.S. officials"), a title ("the minister") or a
description in lower case ("the finance ministry", "a detective", "district records"). Resolving
it to a person or organisation of the article is the job of ``claimants``.
"""

from __future__ import annotations

from collections.abc import Sequence

from claims.detection.gazetteer import (
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    ORGANISATION_NOUNS,
    PLACES,
    PRONOUNS,
    SPEECH_VERBS,
    SUBJECT_VERB_FILLERS,
)
from claims.detection.names import NameChunk, Token
from claims.detection.phrases import (
    PREPOSITIONS,
    ROLE_NOUNS,
    SentenceView,
    Subject,
    chunk_index,
    chunk_subject,
    names_someone,
    read_phrase,
    strip_possessive,
    word_set,
)

__all__ = ["SentenceView", "Subject", "find_subject", "strip_possessive", "transcript_speaker"]


_INVERTING_VERBS = word_set(
    "said says told added wrote writes asked explained reports reported noted notes "
    "acknowledged confirmed announced insisted argued warned stated tweeted posted"
)
# Speech verbs that also take a plain object ("wrote two books"): they report only a clause.
_OBJECT_VERBS = word_set(
    "wrote writes posted asked asks declared declares admitted admits conceded concedes "
    "rejected dismissed called calls described describes agreed agrees "
    "announced announces pledged promised vowed "
    "urged responded replied recalled pointed"
)
_CLAUSE_REACH = 8
_INVERTED_REACH = 9
_INVERSION_ENDS = frozenset([",", ";", "(", "\u2014", "\u2013"]) | word_set(
    "which who citing saying adding quoting in on at"
)
_PARTICIPLES = frozenset({"saying", "citing", "adding", "noting", "arguing", "insisting"})
# Words that end the noun phrase of a subject when walking back from its verb.
_CLAUSE_BOUNDARIES = frozenset(
    [",", ";", ":", "(", ")", "\u2014", "\u2013", '"', "\u201c", "\u201d", "\u2018"]
) | word_set(
    "that and but which who whom whose while when where as because if although though since "
    "so or nor yet after before than whether once until unless also"
)
_PASSIVE = word_set("was were is are be been being")
_RELATIVE_PRONOUNS = word_set("who whose whom which that")
_PHRASE_REACH = 14
_APPOSITIVE_REACH = 30


_TRIGGERS = SPEECH_VERBS | EVIDENCE_VERBS | _PARTICIPLES | {"according", "According"}


def find_subject(view: SentenceView) -> Subject | None:
    """The subject of the first attribution outside quotation marks that has one.

    Speech verbs and "according to" come first; a record that speaks ("the survey found") only
    when nobody in the sentence says anything ("Her survey found no salt, she noted").
    """
    tokens = view.tokens
    if True in view.quoted:
        plain = [i for i, quoted in enumerate(view.quoted) if not quoted]
        words = [tokens[i][0] for i in plain]
        if _TRIGGERS.isdisjoint(words):
            return None  # most sentences attribute nothing: no verb to look around
    else:
        words = [token[0] for token in tokens]
        if _TRIGGERS.isdisjoint(words):
            return None
        plain = list(range(len(tokens)))
    triggers = [position for position, word in enumerate(words) if word in _TRIGGERS]
    in_chunk = chunk_index(view)
    vague: Subject | None = None
    for evidence in (False, True):
        for position in triggers:
            subject = _attribution_at(view, plain, words, position, in_chunk, evidence=evidence)
            if subject is not None and subject.vague:
                vague = vague or subject  # "experts said": theirs, unless someone named speaks
            elif subject is not None:
                return subject
        if vague is not None:
            return vague  # "Experts said the survey found ...": the experts speak
    return None


def _attribution_at(
    view: SentenceView,
    plain: list[int],
    words: list[str],
    position: int,
    in_chunk: dict[int, NameChunk],
    *,
    evidence: bool,
) -> Subject | None:
    word = words[position]
    if evidence:
        if word not in EVIDENCE_VERBS:
            return None
        subject = _subject_before(view, plain, position, in_chunk)
        return subject if subject is not None and _can_publish(subject) else None
    if word in {"according", "According"}:
        if position + 1 < len(words) and words[position + 1] == "to":
            return _subject_after(view, plain, position + 2, in_chunk)
        return None
    if word in _PARTICIPLES and position > 0 and words[position - 1] == ",":
        return _clause_subject(view, plain, in_chunk)
    if word not in SPEECH_VERBS:
        return None
    if word in _INVERTING_VERBS and _opens_clause(words, position):
        subject = _inverted_subject(view, plain, position + 1, in_chunk)
        if subject is not None:
            return subject  # ", said Dana Reyes, a meteorologist", ", reports the Herald"
    if (
        word in _OBJECT_VERBS
        and not _reports_a_clause(words, position)
        and not any(view.quoted[: plain[position]])  # "“...,” she posted on X."
    ):
        return None  # "wrote two books", "posted a video", "asked 38 questions"
    return _subject_before(view, plain, position, in_chunk)


def _inverted_subject(
    view: SentenceView, plain: list[int], position: int, in_chunk: dict[int, NameChunk]
) -> Subject | None:
    """ ", said Jo Lin, a meteorologist." but not ", said the budget cut funding ...": after an
    inverted verb comes a short name that ends the sentence or its clause."""
    if position >= len(plain) or view.tokens[plain[position]][0] in PREPOSITIONS:
        return None
    end = position
    while end < len(plain) and end - position < _INVERTED_REACH:
        if view.tokens[plain[end]][0] in _INVERSION_ENDS:
            break
        end += 1
    if end < len(plain) and view.tokens[plain[end]][0] not in _INVERSION_ENDS:
        return None
    subject = read_phrase(view, plain[position], plain[end - 1], in_chunk)
    return subject if names_someone(subject) else None


def _reports_a_clause(words: Sequence[str], position: int) -> bool:
    """Whether a verb that may take a plain object reports something: "that", a quote, ":"."""
    following = words[position + 1 : position + 1 + _CLAUSE_REACH]
    if len(following) <= 1:
        return True  # "..., the council wrote."
    return following[0] in {",", ":", "\u201c", '"'} or "that" in following


def transcript_speaker(text: str) -> tuple[str, str] | None:
    """ "PRESENTER (Jo Lin): ..." or "LIN: ...": the (label, name) opening a transcript line."""
    colon = text.find(":", 0, 60)
    if colon <= 1:
        return None
    label = text[:colon]
    name = ""
    if label.endswith(")") and "(" in label:
        label, _, name = label[:-1].partition("(")
        label, name = label.strip(), name.strip()
    letters = label.replace(" ", "").replace(".", "").replace("-", "").replace("'", "")
    if not letters.isalpha() or not letters.isupper() or len(letters) < 2:
        return None
    if label.title() in PLACES or label in PLACES:
        return None  # a dateline: "WASHINGTON: ..."
    return label, name


def _opens_clause(words: Sequence[str], position: int) -> bool:
    """ "said Smith" inverts only after a quote or at the start: ", said Smith", "Said Smith"."""
    return position == 0 or words[position - 1] in {",", ":", ";", "\u2014", "\u2013"}


def _can_publish(subject: Subject) -> bool:
    """Whether a subject can be the author of a record ("the survey found", "NOAA data show")."""
    return bool(subject.pronoun or subject.words or subject.group or subject.role or subject.head)


def _subject_before(
    view: SentenceView, plain: list[int], position: int, in_chunk: dict[int, NameChunk]
) -> Subject | None:
    tokens = view.tokens
    cursor = position - 1
    while cursor >= 0 and (
        tokens[plain[cursor]][0].lower() in SUBJECT_VERB_FILLERS
        or tokens[plain[cursor]][0].endswith("ly")
    ):
        cursor -= 1
    if cursor < 0:
        return None
    index = plain[cursor]
    word = tokens[index][0]
    if word == ")" and index >= 3 and tokens[index - 2][0] == "(":
        index -= 3  # "the World Health Organization (WHO) said": the name before the brackets
        word = tokens[index][0]
    if word == "to":
        return _clause_subject(view, plain, in_chunk)  # "X used a speech to claim that ..."
    if word in _PASSIVE or (word in _CLAUSE_BOUNDARIES and word != ","):
        return None
    if word in PRONOUNS:
        return Subject(form=word, pronoun=word.lower())
    if word == ",":
        return _appositive_subject(view, index, in_chunk)
    first = index
    while (
        first > 0
        and index - first < _PHRASE_REACH
        and (
            tokens[first - 1][0] not in _CLAUSE_BOUNDARIES
            or first - 1 in in_chunk
            or _inside_number(tokens, first - 1)
        )
        and not view.quoted[first - 1]
    ):
        first -= 1  # "National Oceanic and Atmospheric Administration data": "and" is in a name
    return read_phrase(view, first, index, in_chunk)


def _inside_number(tokens: Sequence[Token], index: int) -> bool:
    """Whether ``tokens[index]`` is the comma of "1,200", which bounds no noun phrase."""
    return (
        tokens[index][0] == ","
        and 0 < index < len(tokens) - 1
        and tokens[index - 1][2] == tokens[index][1]
        and tokens[index + 1][1] == tokens[index][2]
        and tokens[index - 1][0].isdigit()
        and tokens[index + 1][0].isdigit()
    )


def _appositive_subject(
    view: SentenceView, comma: int, in_chunk: dict[int, NameChunk]
) -> Subject | None:
    """The speaker around an appositive: "Pavel Dusek, its leader, said", "Its leader, Pavel
    Dusek, said", "Tom Berg, 26, said", "Lund, speaking at a news conference, said"."""
    tokens = view.tokens
    for index in range(comma - 1, max(-1, comma - _APPOSITIVE_REACH), -1):
        if tokens[index][0] in {",", "\u2014", "\u2013", "("} or index == 0:
            opening = index if index > 0 or tokens[0][0] == "," else -1
            between = read_phrase(view, opening + 1, comma - 1, in_chunk)
            if _describes_another(view, opening + 1, comma - 1, in_chunk):
                # "Ramsey, who is challenging Mayor Castellano, said", "Smith, a former aide to
                # Governor Jones, said": the name inside the appositive is not the speaker.
                between = None
            if between is not None and between.words and between.kind == "person":
                return between  # the name itself is the appositive
            if opening <= 0:
                return between if names_someone(between) else None
            before = _subject_before_comma(view, opening, in_chunk)
            if (
                before is not None
                and before.head in EVIDENCE_NOUNS
                and tokens[opening + 1][0] in {"by", "from"}
            ):
                # "The report, by Sacramento-based EdPlan Partners, found": its author.
                author = read_phrase(view, opening + 2, comma - 1, in_chunk)
                if names_someone(author):
                    return author
            if before is not None:
                if between is not None and between.head and before.words and not before.title:
                    if between.kind == "organization":
                        before.kind = "organization"  # "Meridian Offshore, a developer, said"
                    else:
                        before.title = between.form
                return before
            return between if names_someone(between) else None
    return None


def _describes_another(
    view: SentenceView, first: int, last: int, in_chunk: dict[int, NameChunk]
) -> bool:
    """Whether an appositive names someone only inside a clause or a prepositional phrase."""
    tokens = view.tokens
    if first > last:
        return False
    if tokens[first][0].lower() in _RELATIVE_PRONOUNS:
        return True
    for index in range(first, last + 1):
        if index in in_chunk:
            return False  # the appositive opens with a name, or names it before any link
        if tokens[index][0].lower() in PREPOSITIONS:
            return any(later in in_chunk for later in range(index + 1, last + 1))
    return False


def _subject_before_comma(
    view: SentenceView, comma: int, in_chunk: dict[int, NameChunk]
) -> Subject | None:
    tokens = view.tokens
    last = comma - 1
    if last >= 2 and tokens[last][0] == ")":
        # "Cllr Jo Lin (Independent, Abbey ward), who voted against, said": skip the brackets.
        bracket = last
        while bracket > 0 and last - bracket < _APPOSITIVE_REACH and tokens[bracket][0] != "(":
            bracket -= 1
        if tokens[bracket][0] == "(":
            last = bracket - 1
    if last < 0:
        return None
    if tokens[last][0] in PRONOUNS:
        return Subject(form=tokens[last][0], pronoun=tokens[last][0].lower())
    first = last
    while (
        first > 0
        and last - first < _PHRASE_REACH
        and tokens[first - 1][0] not in _CLAUSE_BOUNDARIES
        and not view.quoted[first - 1]
    ):
        first -= 1
    subject = read_phrase(view, first, last, in_chunk)
    if subject is None or not (subject.words or subject.head or subject.pronoun):
        return None
    return subject


def _subject_after(
    view: SentenceView, plain: list[int], position: int, in_chunk: dict[int, NameChunk]
) -> Subject | None:
    if position >= len(plain):
        return None
    first = last = plain[position]
    tokens = view.tokens
    while (
        last + 1 < len(tokens)
        and last - first < _PHRASE_REACH
        and tokens[last + 1][0] not in _CLAUSE_BOUNDARIES
        and tokens[last + 1][0] not in {"citing", "saying", "adding"}
        and not view.quoted[last + 1]
    ):
        last += 1
    return read_phrase(view, first, last, in_chunk)


def _clause_subject(
    view: SentenceView, plain: list[int], in_chunk: dict[int, NameChunk]
) -> Subject | None:
    """ "The ministry disputed the figure, saying ...": the subject opening the sentence."""
    tokens = view.tokens
    if not plain or plain[0] != 0:
        return None
    if tokens[0][0] in PRONOUNS:
        return Subject(form=tokens[0][0], pronoun=tokens[0][0].lower())
    if 0 in in_chunk:
        chunk = in_chunk[0]
        following = chunk.last + 1
        if following < len(tokens) and tokens[following][0][0].islower():
            return chunk_subject(chunk)
    for last in range(min(len(tokens), 6)):
        word = tokens[last][0].lower()
        if word in _CLAUSE_BOUNDARIES:
            return None
        if word in ORGANISATION_NOUNS or word in ROLE_NOUNS:
            return read_phrase(view, 0, last, in_chunk)
    return None
