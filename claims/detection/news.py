"""Second stage for news: is a check-worthy sentence reportable as a claim?

The check-worthiness score learned from debates ranks sentences by how "claim-like" they read,
but news is written to a different pattern. A news story reports plans, forecasts and schedules
("is expected to", "will take effect on"), quotes opinion and rhetoric from named people,
records procedure and colour ("did not respond to a request for comment", "wearing a grey
suit"), and carries page furniture written as full sentences ("Tickets are available from the
club website."). None of these is a claim a fact-checker would check; a sentence with a
checkable main point (a figure, a date, a past action, a record) plus a forecast or an opinion
clause still is.

``news_features`` describes a sentence by such conventions of news writing: the modality of
its verbs, procedural and boilerplate patterns, questions, how much of it is quotation, and
its checkable content. ``NewsFilter`` combines those cues with the check-worthiness score in a
small logistic regression (weights in ``model/news_filter.json``, fitted by
``training/news_filter.py``; provenance in ``model/MODEL_CARD.md``). Pure Python; no numpy needed.
"""

from __future__ import annotations

import itertools
import json
import math
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claims.detection.gazetteer import SPEECH_VERBS

SHIPPED_FILTER_PATH = Path(__file__).resolve().parent / "model" / "news_filter.json"
FORMAT_VERSION = 1


class _Cue:
    """Words and phrases that signal one convention of news writing.

    Matching is on a lower-cased sentence: words and word pairs against the few of its words
    and pairs that some cue looks for, longer phrases as substrings of its space-padded text.
    That keeps the stage a small fraction of the detector's time (a regex alternation of
    hundreds of words tries each of them at every position).
    """

    __slots__ = ("phrases", "terms", "terms_or_openings")

    def __init__(self, *entries: str) -> None:
        items = [entry for group in entries for entry in group.split("|") if entry]
        self.terms = frozenset(item for item in items if item.count(" ") < 2)
        longer = [item for item in items if item.count(" ") > 1]
        self.phrases = tuple(f" {item} " for item in longer)
        # A longer phrase can only be there if its first two words are: a cheap test first.
        openings = frozenset(" ".join(item.split()[:2]) for item in longer)
        self.terms_or_openings = self.terms | openings
        _LOOKED_FOR.update(self.terms_or_openings)
        _PAIR_FIRST_WORDS.update(term.split()[0] for term in self.terms_or_openings if " " in term)

    def found(self, sentence: _Sentence) -> bool:
        # Most cues are absent from most sentences: one test settles those.
        if self.terms_or_openings.isdisjoint(sentence.terms):
            return False
        if not self.terms.isdisjoint(sentence.terms):
            return True
        return any(phrase in sentence.padded for phrase in self.phrases)


class _Sentence:
    __slots__ = ("padded", "terms", "tokens")

    def __init__(self, text: str) -> None:
        lowered = text.lower().replace("\u2019", "'").replace("won't", "will not")
        lowered = lowered.replace("n't", " not")
        tokens = _TOKEN.findall(lowered)
        self.tokens = tokens
        # Only the words and word pairs that something here looks for: a handful, against
        # which each cue is tested faster than against all of the sentence's words and pairs.
        # A pair can only be one of those if its first word opens one: no need to build the rest.
        pairs = [
            f"{first} {second}"
            for first, second in itertools.pairwise(tokens)
            if first in _PAIR_FIRST_WORDS
        ]
        self.terms = _LOOKED_FOR.intersection(itertools.chain(tokens, pairs))
        self.padded = " " + " ".join(tokens) + " "


# Every word and word pair a cue (or a word list tested against a sentence's terms) looks for,
# filled in as the cues below are made; and the first words of those pairs.
_LOOKED_FOR: set[str] = set()
_PAIR_FIRST_WORDS: set[str] = set()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split("|"))


_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[%$\u20ac\u00a3\u00a5?@]")

# What a sentence says will, may or is planned to happen: a forecast, a plan or a schedule.
_FUTURE = _Cue("will|shall|we'll|they'll|it'll|he'll|she'll|i'll|you'll")
_WOULD = _Cue("would")
# Modals before a verb ("could rise"); "may" only in lower case, as "May" is also a month.
_HEDGE = _Cue(
    "could|might|probably|perhaps|likely to|unlikely to|set to|poised to|not be ruled out|"
    "chance of|chance that|risk of"
)
_EXPECT = _Cue(
    "expect|expects|expected|expecting|anticipate|anticipates|predict|predicts|predicted|"
    "forecast|forecasts|projects|projected to|foresee|foresees|outlook|sees a|see a"
)
_PLAN = _Cue(
    "plan to|plans to|planned|planning to|intend to|intends to|aim to|aims to|hope to|hopes to|"
    "hoped|seek to|seeks to|is set to|are set to|scheduled|due on|due to|due in|due by|due at|"
    "promise|promised|promises|pledge|pledged|pledges|vow|vowed|vows|going to|to be held|"
    "take effect|takes effect|next week|next month|next year|next meeting|next decision|"
    "upcoming|tomorrow|later this week|later this month|later this year|within days|"
    "within weeks|within months|wants|want to|wants to|eyes on"
)
# Procedure: who responded, who met, what happens next at an institution.
_PROCEDURAL = _Cue(
    "not respond|not return|not reply|not comment|not say|not elaborate|not specify|"
    "not confirm|not disclose|not identify|not release|not immediately|not available|"
    "a teleconference|a news conference|a press conference|a press briefing|held talks|"
    "took questions|victory lap|"
    "declined to|refused to|be reached|for comment|seeking comment|no comment|meets|"
    "will meet|adjourned|reconvene|reconvenes|moved an amendment|moved a motion|"
    "been amended|been corrected|been updated|be held|no date has been set|may be revised|"
    "provisional|no longer available"
)
# What happens next to a bill, an inquiry or a debate, who has yet to answer, and what the scene
# looked like: not a claim unless the sentence also counts something ("The bill passed 61-38 and
# goes to the governor for her signature" is one), so a weaker cue than the two above.
_AFTERMATH = _Cue(
    "for her signature|for his signature|for signature|moved on to|then moved|has responded|"
    "have responded|was continuing|is continuing|are continuing|is under investigation|"
    "under review|is investigating|are investigating|looking into|be referred|are published|"
    "is published on|are released on|is released on|images showed|pictures showed|"
    "walked out|at a standstill|was packed|were packed|packed with|kept back|talked about|"
    "spoke about|was full"
)
# Page furniture written as sentences: contacts, links, calls to action, editor's notes.
_BOILERPLATE = _Cue(
    "@|www|http|https|com|co uk|edited for|condensed|is available from|are available from|"
    "is available on|are available on|is available at|are available at|website|newsletter|"
    "subscribe|sign up|download our|downloading our|download the|helpline|contributed reporting|"
    "written by|writing by|editing by|reporting by|compiled by|media contact|"
    "for more information|is a columnist|is a reporter|is a correspondent|is a writer|"
    "is a contributor|that's all|share this|not supported|cookie|cookies|we rate|"
    "rate this claim|rated this claim|can be watched|airs on|live updates|last updated|"
    "support is available|if you have been affected|get the latest"
)
_IMPERATIVE_OPENING = _words(
    "watch|send|call|email|e|read|get|follow|join|sign|click|listen|subscribe|share|tell|"
    "contact|visit|see|find|download|register"
)
# A call to action addressed to the reader: "Residents can apply online until ...", "Readers
# can contact ...", "Anyone with information should call ...": a modal, then what to do.
_CALL_TO_ACTION = re.compile(
    r"^(?:[A-Z][a-z]+|Anyone|Those)(?: [a-z]+){0,4}? (?:can|may|should|are (?:invited|encouraged|"
    r"urged|asked) to) (?:also )?(?:apply|contact|call|phone|email|e-mail|write|visit|find|report|"
    r"register|sign|submit|send|watch|read|check|book|join|download|follow|comment|share|learn|"
    r"donate|nominate|enter|request|text)\b"
)
# A photo caption: a scene in the present tense dated like a dateline ("A nurse prepares a dose
# of the vaccine at a clinic in Ashford on Feb. 9.", "Workers fill potholes on March 3, 2026.").
_DATED_SCENE = re.compile(
    r"\bon (?:(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)(?: \d{1,2})?(?:, \d{4})?\.$"
)
# "A nurse prepares", "A woman walks": one person of the scene, then a verb in the present.
_SCENE_VERB = re.compile(r"^(?:An?|The) (?:[a-z-]+ ){1,2}?([a-z]+s)\b")
_NOT_SCENE_VERBS = frozenset(("is", "has", "was", "says", "does", "goes", "this", "its", "his"))
# Colour: what the scene looked like rather than what happened.
_COLOUR = _Cue(
    "wearing|wore|applauded|cheered|heckled|wept|smiled|laughed|fell silent|showed no emotion|"
    "sat with|standing room|gathered outside|arms folded|waved|shook hands|shaking hands|"
    "hugged|chanting|chanted"
)
# Evaluation rather than fact: reactions, verdict words, rhetoric.
_REACTION = _Cue(
    "criticised|criticized|rejected|defended|welcomed|praised|condemned|disputed|questioned|"
    "called for|called the|called it|called this|called that|called them|called him|"
    "called her|branded|described|dismissed|hailed|slammed|blasted|denounced|urged|"
    "disagreed|agreed"
)
_EVALUATIVE = _Cue(
    "should|must|ought|need to|needs to|too|never|always|nobody|everyone|everybody|anything|"
    "great|disgrace|brutal|thrilling|terrible|wonderful|unjustified|unfair|reckless|shameful|"
    "dangerous|proud|devastated|best|worst|exhausted|long overdue|looking closely|"
    "one possibility|hallmarks"
)
_FIRST_PERSON = _Cue("i|i'm|i've|we|we're|we've|our|my|you|us")
_QUESTION_OPENING = _words(
    "is|are|was|were|do|does|did|can|could|should|will|would|has|have|what|why|how|who|where|"
    "when|which"
)
_ASKED = _Cue(
    "asked whether|asked if|asked why|asked how|asked what|questioned whether|wondered whether|"
    "wondered if"
)
_VAGUE_SUBJECT = _words(
    "critics|analysts|experts|observers|some|many|several|others|opponents|supporters|"
    "residents|investors|economists|traders|scientists|researchers"
)
_SPEECH = _Cue(
    "said|says|say|told|tells|added|adds|according to|noted|wrote|writes|argued|claimed|stated|"
    "insisted|warned|acknowledged|conceded|posited|asserted|testified|tweeted|posted|reported|"
    "reports|explained|confirmed|announced|estimated"
)
# Checkable content: figures, dates, records, past events.
_NUMBER = re.compile(r"\d")
_SPELLED_NUMBER = _Cue(
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    "sixty|hundred|thousand|million|billion|half|third|quarter|fifth|dozen|first|second|"
    "fourth|doubled|tripled|halved"
)
_PERCENT_OR_MONEY = _Cue(
    "%|$|\u20ac|\u00a3|\u00a5|percent|percentage|per cent|dollars|euros|pounds"
)
# A telephone number ("0800 555 0199", "212-555-0123"): contact details, not a figure.
_PHONE = re.compile(r"\b0\d{2,4}[ -]?\d{3}[ -]?\d{3,4}\b|\b\d{3}[-.]\d{3}[-.]\d{4}\b")
# A relative clause set off by commas ("The law, which will take effect in 2025, raised ...")
# qualifies a noun; the modality of the sentence is that of its main clause.
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose|where)\b[^,]*(?:,|$)")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MONTH_OR_DAY = _Cue(
    "jan|january|feb|february|march|april|june|july|aug|august|sep|sept|september|oct|october|"
    "nov|november|dec|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "yesterday|last week|last month|last year"
)
_RECORD = _Cue(
    "record|highest|lowest|largest|biggest|smallest|most|fewest|first|last|since|more than|"
    "less than|fewer than|at least|up from|down from|compared with|increase|decrease|rose|fell|"
    "grew|dropped|jumped|climbed|declined"
)
_ED_WORD = re.compile(r"\b[a-z]{3,}ed\b")
_PAST_WORDS = frozenset(("was", "were", "had", "did"))
_LOOKED_FOR.update(_PAST_WORDS)  # counted among a sentence's terms
# Past participles of forecasting, planning and asking are not past events ("is expected"),
# nor are the speech verbs: "warned" is the act of speaking, not the event spoken of.
_NOT_PAST = SPEECH_VERBS | frozenset(
    (
        *("expected", "planned", "scheduled", "promised", "pledged", "vowed", "hoped"),
        *("called", "asked", "needed", "wanted", "aimed", "intended", "projected"),
        *("predicted", "forecasted", "proposed", "suggested", "questioned", "urged"),
        *("continued", "concerned", "involved", "red", "need", "speed", "feed", "seed"),
    )
)
_MODALS = frozenset(("would", "will", "could", "may", "might", "plan", "plans", "expect"))
_REPORTING = _words(
    "said|says|told|announced|confirmed|added|warned|insisted|argued|estimated|estimates|"
    "estimate|hopes|believes|thinks"
)
# A schedule in the present tense: "Early voting begins Oct. 17", "Council next meets ...".
_SCHEDULE = _Cue(
    "begin|begins|open|opens|start|starts|end|ends|close|closes|meet|meets|vote|votes|elect|"
    "elects|deliver|delivers|host|hosts|continue|continues|resume|resumes|runs until|"
    "takes place|goes to|is due|are due|kicks off|launches|return to|returns to"
)
_PRESENT_STATE = _Cue("is|are|holds|operates|runs|employs|contains")
# A capitalised word after a lower-case word or a comma: a name. Counted from the space before
# it, which the regex engine finds far faster than it tries a look-behind at every position.
_CAPITALISED = re.compile(r" (?<=[a-z,;:] )[A-Z][a-z]")
_LIVE_TIMESTAMP = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[\u2014\u2013-]")
_QUOTED = re.compile(
    r"\u201c[^\u201d]*\u201d?|\"[^\"]*\"?|(?<![A-Za-z])\u2018[^\u2019]*\u2019(?![A-Za-z])"
)
_OPEN_QUOTE_CLOSED_LATER = re.compile(r"^[^\u201c\"]*[\u201d\"]")
# A short quoted fragment after a copula or "as" is almost always a judgement ("the figures
# were \u201ca national disgrace\u201d"); after a verb of action ("have \u201cweaponized
# space\u201d") it is the speaker's words for a checkable act.
_QUOTED_FRAGMENT = re.compile(
    r"\b(?:is|are|was|were|be|been|being|as|seemed|looked|remained)\s+"
    r"[\u201c\"\u2018](?:[^\u201d\"\u2019 ]+ ?){1,7}[,.!?]?[\u201d\"\u2019]",
    re.IGNORECASE,
)
_CALLED = re.compile(
    r"\b(?:called|branded|described|labelled|labeled|dubbed|termed)\b[^\u201c\"\u2018]{0,60}"
    r"[\u201c\"\u2018]"
)

FEATURE_NAMES: tuple[str, ...] = (
    "score_logit",
    "future",
    "would",
    "hedge",
    "expect",
    "plan",
    "procedural",
    "boilerplate",
    "imperative_opening",
    "colour",
    "reaction",
    "evaluative",
    "first_person",
    "question_mark",
    "question_opening",
    "asked_whether",
    "vague_subject",
    "speech",
    "number",
    "spelled_number",
    "percent_or_money",
    "year",
    "future_year",
    "month_or_day",
    "record",
    "past_action",
    "reported_future",
    "schedule_with_date",
    "quoted_fragment",
    "called_quote",
    "forward_and_checkable",
    "past_and_checkable",
    "present_state",
    "names",
    "live_timestamp",
    "quoted_share",
    "quote_continues",
    "short",
    "long",
    "checkable",
    "future_without_figures",
    "quote_without_figures",
    "forward_without_past",
    "aftermath_without_figures",
)


def news_features(text: str, score: float, *, published_year: int | None = None) -> list[float]:
    """The cues of news writing in one sentence, in the order of ``FEATURE_NAMES``."""
    has_quote = '"' in text or "\u201c" in text or "\u201d" in text or "\u2018" in text
    quoted = sum(len(match.group()) for match in _QUOTED.finditer(text)) if has_quote else 0
    # A sentence ending a quotation that opened in an earlier sentence: all of it is quoted.
    quote_continues = has_quote and bool(_OPEN_QUOTE_CLOSED_LATER.match(text))
    quoted_share = 1.0 if quote_continues else min(1.0, quoted / max(1, len(text)))
    sentence = _Sentence(text)
    outside = _Sentence(_QUOTED.sub(" ", text)) if quoted else sentence
    tokens = sentence.tokens
    number = bool(_NUMBER.search(text))
    spelled = _SPELLED_NUMBER.found(sentence)
    money = _PERCENT_OR_MONEY.found(sentence)
    # A year's first two digits are 18, 19 or 20: most figures are not years, no search then.
    may_have_year = number and ("18" in text or "19" in text or "20" in text)
    years = [int(year) for year in _YEAR.findall(text)] if may_have_year else []
    month = _MONTH_OR_DAY.found(sentence)
    checkable = number or spelled or money or bool(years) or month
    # A relative clause opens with "which", "who", "whose" or "where": no search without "wh".
    has_clause = ", " in text and "wh" in text
    main_text = _RELATIVE_CLAUSE.sub(",", text) if has_clause else text
    main = sentence if main_text == text else _Sentence(main_text)
    if main is not sentence and years:
        years_of_main = [int(year) for year in _YEAR.findall(main_text)]
    else:
        years_of_main = years
    future_year = bool(published_year and any(year > published_year for year in years_of_main))
    future = _FUTURE.found(main)
    would = _WOULD.found(main)
    hedge = _HEDGE.found(main) or " may " in main_text
    expect = _EXPECT.found(main)
    plan = _PLAN.found(main)
    forward = future or would or hedge or expect or plan
    padded = sentence.padded
    past = len(sentence.terms & _PAST_WORDS)
    # Most sentences have no word ending in "-ed": no search for one then (in the padded text a
    # word ends at a space or an apostrophe).
    if "ed " in padded or "ed'" in padded:
        past += sum(
            1
            for word in _ED_WORD.findall(padded)
            if word not in _NOT_PAST
            # "is expected", "be scheduled": a passive of the present or future.
            and f" is {word} " not in padded
            and f" be {word} " not in padded
            and f" are {word} " not in padded
        )
    if " has been " in padded or " have been " in padded:
        past += 1
    reported_future = False
    if would or future or hedge or expect or plan:
        for position, token in enumerate(tokens):
            if token in _REPORTING and not _MODALS.isdisjoint(tokens[position + 1 : position + 11]):
                reported_future = True
                break
    stripped = text.lstrip("\"\u201c\u2018'([ ")
    first_word = stripped.split(" ", 1)[0].lower().strip(",:;")
    clipped = min(max(score, 1e-4), 1 - 1e-4)
    words = len(tokens)
    # Each yes-or-no cue as 1.0 or 0.0 by a conditional rather than float(): some forty calls
    # of float() on a bool cost a sentence more than a microsecond.
    return [
        math.log(clipped / (1 - clipped)),
        1.0 if future else 0.0,
        1.0 if would else 0.0,
        1.0 if hedge else 0.0,
        1.0 if expect else 0.0,
        1.0 if plan else 0.0,
        1.0 if _PROCEDURAL.found(sentence) else 0.0,
        float(
            _BOILERPLATE.found(sentence)
            or (number and bool(_PHONE.search(text)))
            or (_may_call_to_action(stripped) and bool(_CALL_TO_ACTION.match(stripped)))
        ),
        1.0 if first_word in _IMPERATIVE_OPENING else 0.0,
        1.0 if _COLOUR.found(sentence) or (month and past == 0 and _is_caption(text)) else 0.0,
        # "Rejected that, saying just 1,200 ballots were refused" carries its own figure.
        1.0 if not checkable and _REACTION.found(outside) else 0.0,
        1.0 if _EVALUATIVE.found(sentence) else 0.0,
        1.0 if _FIRST_PERSON.found(sentence) else 0.0,
        1.0 if is_question(text) else 0.0,
        1.0 if first_word in _QUESTION_OPENING else 0.0,
        1.0 if _ASKED.found(outside) else 0.0,
        1.0 if first_word in _VAGUE_SUBJECT else 0.0,
        1.0 if _SPEECH.found(outside) else 0.0,
        1.0 if number else 0.0,
        1.0 if spelled else 0.0,
        1.0 if money else 0.0,
        1.0 if years else 0.0,
        1.0 if future_year else 0.0,
        1.0 if month else 0.0,
        1.0 if _RECORD.found(sentence) else 0.0,
        min(3.0, past) / 3.0,
        1.0 if reported_future else 0.0,
        1.0 if (month or years) and _SCHEDULE.found(outside) else 0.0,
        1.0 if has_quote and _QUOTED_FRAGMENT.search(text) else 0.0,
        1.0 if has_quote and _CALLED.search(text) else 0.0,
        1.0 if forward and checkable else 0.0,
        1.0 if past > 0 and checkable else 0.0,
        1.0 if _PRESENT_STATE.found(sentence) else 0.0,
        min(4.0, len(_CAPITALISED.findall(text))) / 4.0,
        1.0 if number and _LIVE_TIMESTAMP.match(text) else 0.0,
        quoted_share,
        1.0 if quote_continues else 0.0,
        1.0 if words < 8 else 0.0,
        1.0 if words > 35 else 0.0,
        1.0 if checkable else 0.0,
        1.0 if forward and not checkable and not past else 0.0,
        1.0 if quoted_share > 0.5 and not checkable and not past else 0.0,
        # Only a forecast or plan, with no past event beside it: the main point is the future.
        1.0 if forward and not past else 0.0,
        1.0 if not (number or spelled or money) and _AFTERMATH.found(sentence) else 0.0,
    ]


def _may_call_to_action(text: str) -> bool:
    """Whether ``text`` has the modal a call to action needs: most sentences have none, and
    looking for one is cheaper than trying the call to action's regex."""
    return " can " in text or " may " in text or " should " in text or " are " in text


def _is_caption(text: str) -> bool:
    """A scene in the present tense ending on its date: how a photo caption reads."""
    if not _DATED_SCENE.search(text):
        return False
    verb = _SCENE_VERB.match(text)
    return (
        verb is not None
        and verb.group(1) not in _NOT_SCENE_VERBS
        and "ss" not in verb.group(1)[-2:]
    )


# The reporter's or fact-checker's own verdict on what was said: "That is not accurate.", "That
# figure appears to be exaggerated: ...", "The claim is false". A confirmation ("That is
# correct: ...") restates the fact as the story's own and stays a claim; a verdict against a
# claim is the rating, not something to check.
_VERDICT = re.compile(
    r"^(?:That|This|These|Those|The|His|Her|Their|Its|Both)(?: [\w'\u2019,.-]+){0,4}? "
    r"(?:is|was|are|were|appears? to be|seems? to be|seems?|looks?|remains?)"
    r"(?: (?:also|still|simply|clearly|largely|mostly|partly|greatly|wildly|likely|probably))?"
    r" (?:(?:not (?:accurate|correct|true|right|supported|borne out)|false|wrong|misleading|"
    r"exaggerated|inaccurate|incorrect|overstated|understated|unsupported|unfounded|baseless|"
    r"unproven|untrue|outdated|out of date)\b|(?:an? )?(?:exaggeration|overstatement|"
    r"understatement|distortion|falsehood)\b)"
)


def is_verdict(text: str) -> bool:
    """Whether the sentence opens with a verdict against what someone claimed."""
    return _VERDICT.match(text.lstrip("\"\u201c\u2018'([ ")) is not None


def never_a_claim(text: str) -> bool:
    """A question or a verdict against a claim: never reportable, whatever its other cues."""
    return is_question(text) or is_verdict(text)


def is_question(text: str) -> bool:
    """A sentence that asks rather than asserts ("Will the mine reopen?"): never a claim,
    whether the reporter or a quoted speaker asks it."""
    return text.rstrip("\"\u201d\u2019' )").endswith("?")


class NewsFilterLoadError(ValueError):
    """The file is not a news filter this code can read."""


@dataclass(frozen=True, slots=True)
class NewsFilter:
    """Logistic regression over ``news_features``: the probability that a sentence a
    newsroom published is a claim a fact-checker would check."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    metadata: dict

    def probability(self, text: str, score: float, *, published_year: int | None = None) -> float:
        if never_a_claim(text):
            return 0.0
        return self.combine(news_features(text, score, published_year=published_year))

    def combine(self, features: Sequence[float]) -> float:
        """The filter's probability for one sentence's ``news_features``."""
        if len(features) != len(self.weights):
            raise ValueError(f"{len(features)} features for {len(self.weights)} weights")
        # The products summed in the same order as ever: the same probability to the last bit.
        total = self.bias + sum(map(operator.mul, self.weights, features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def probabilities(
        self, texts: Sequence[str], scores: Sequence[float], *, published_year: int | None = None
    ) -> list[float]:
        return [
            self.probability(text, score, published_year=published_year)
            for text, score in zip(texts, scores, strict=True)
        ]

    def to_json(self) -> str:
        return json.dumps(
            {
                "format_version": FORMAT_VERSION,
                "features": list(FEATURE_NAMES),
                "weights": [round(weight, 6) for weight in self.weights],
                "bias": round(self.bias, 6),
                "threshold": round(self.threshold, 6),
                "metadata": self.metadata,
            },
            indent=1,
        )

    @classmethod
    def load(cls, path: Path | None = None) -> NewsFilter:
        path = path or SHIPPED_FILTER_PATH
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise NewsFilterLoadError(f"cannot read news filter {path}: {error}") from error
        if data.get("format_version") != FORMAT_VERSION:
            raise NewsFilterLoadError(f"{path}: format {data.get('format_version')!r} unknown")
        if data.get("features") != list(FEATURE_NAMES):
            raise NewsFilterLoadError(f"{path}: its features are not the ones this code computes")
        return cls(
            weights=tuple(float(weight) for weight in data["weights"]),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            metadata=dict(data.get("metadata") or {}),
        )
