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
``news_training.py``; provenance in ``model/MODEL_CARD.md``). Pure Python; no numpy needed.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SHIPPED_FILTER_PATH = Path(__file__).resolve().parent / "model" / "news_filter.json"
FORMAT_VERSION = 1


def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# What a sentence says will, may or is planned to happen: a forecast, a plan or a schedule.
_FUTURE = _cue(r"\b(?:will|won't|shall|'ll)\b")
_WOULD = _cue(r"\bwould\b")
_HEDGE = _cue(
    r"\b(?:could|may|might|likely|unlikely|possibly|possible|probably|perhaps|"
    r"not be ruled out|chance of|risk of)\b"
)
_EXPECT = _cue(
    r"\b(?:expects?|expected|expecting|anticipates?|predicts?|predicted|forecasts?|projects|"
    r"projected to|foresees?|sees? (?:a|an|the|growth|inflation)|outlook)\b"
)
_PLAN = _cue(
    r"\b(?:plans? to|planned|planning to|intends? to|aims? to|hopes? to|hoped|seeks? to|"
    r"is set to|are set to|set to (?:launch|open|begin|start|reach|publish|close)|"
    r"scheduled|due (?:on|to|in|by|at)|promised?|promises|pledged?|pledges|vowed?|vows|"
    r"going to|to be (?:held|run|built|published|announced)|(?:would|will) (?:be )?(?:announce|"
    r"publish|review|consider)|takes? effect|next (?:week|month|year|meeting|decision)|"
    r"upcoming|tomorrow|later this (?:week|month|year)|within (?:\w+ )?(?:days|weeks|months))\b"
)
# Procedure: who responded, who met, what happens next at an institution.
_PROCEDURAL = _cue(
    r"\b(?:did not|didn't|has not|have not|had not|could not|would not|was not|were not|"
    r"declined to|refused to)\s+(?:immediately\s+)?(?:respond|return|reply|comment|say|"
    r"elaborate|specify|confirm|disclose|identify|release|be reached|available|clear)"
    r"|\brequests? for comment\b|\bseeking comment\b|\bnot (?:immediately )?available\b"
    r"|\bnot immediately clear\b|\bno comment\b|\b(?:meets|will meet|adjourned|reconvene)\b"
    r"|\bmoved (?:an|a) (?:amendment|motion)\b|\bhas been (?:amended|corrected|updated)\b"
    r"|\b(?:hearing|meeting|debate|vote|session|conference call|funeral) (?:is|was|will be) "
    r"(?:held|scheduled)\b|\bno date has been set\b|\bmay be revised\b|\bprovisional\b"
    r"|\b(?:was|were) (?:not|no longer) (?:available|reachable)\b"
)
# Page furniture written as sentences: contacts, links, calls to action, editor's notes.
_BOILERPLATE = _cue(
    r"@|\bwww\.|https?://|\.(?:com|org|net|co\.uk)\b|\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b"
    r"|\bedited for\b|\bcondensed\b|\b(?:is|are) available (?:from|on|at)\b|\bwebsite\b"
    r"|\bnewsletter\b|\bsubscribe\b|\bsign up\b|\bdownload(?:ing)? (?:our|the)\b|\bhelpline\b"
    r"|\bcontributed (?:reporting|to this)\b|\bwrit(?:ing|ten) by\b|\bediting by\b"
    r"|\breporting by\b|\bcompiled by\b|\bmedia contact\b|\bfor more information\b"
    r"|\bis a (?:columnist|reporter|correspondent|writer|contributor)\b|\bthat's all\b"
    r"|\bshare this\b|\bnot supported\b|\bcookies?\b|\bwe rate\b|\brated? (?:this|the) claim\b"
    r"|\bcan be watched\b|\bairs on\b|\blive updates\b|\blast updated\b|\bsupport is available\b"
    r"|\bif you have been affected\b|\bget the latest\b"
)
_IMPERATIVE_OPENING = _cue(
    r"^(?:watch|send|call|email|e-mail|read|get|follow|join|sign|click|listen|subscribe|"
    r"share|tell|contact|visit|see|find|download|register)\b"
)
# Colour: what the scene looked like rather than what happened.
_COLOUR = _cue(
    r"\b(?:wearing|wore|applauded|cheered|heckled|wept|smiled|laughed|fell silent|"
    r"showed no emotion|sat with|standing room|gathered outside|arms folded|waved|"
    r"shook hands|shaking hands|hugged|chanting|chanted)\b"
)
# Evaluation rather than fact: reactions, verdict words, rhetoric.
_REACTION = _cue(
    r"\b(?:criticised|criticized|rejected|defended|welcomed|praised|condemned|disputed|"
    r"questioned|called for|called (?:the|it|this|that|them|him|her)\b|branded|described|"
    r"dismissed|hailed|slammed|blasted|denounced|urged|disagreed|agreed)\b"
)
_EVALUATIVE = _cue(
    r"\b(?:should|must|ought|need to|needs to|too|never|always|nobody|everyone|everybody|"
    r"anything|great|disgrace|brutal|thrilling|terrible|wonderful|unjustified|unfair|"
    r"reckless|shameful|dangerous|proud|devastated|best|worst|exhausted|"
    r"long overdue|looking closely|one possibility|hallmarks)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|we|We|we're|We're|our|Our|my|My|you|You|us)\b")
_QUESTION_OPENING = _cue(
    r"^(?:is|are|was|were|do|does|did|can|could|should|will|would|has|have|what|why|how|who|"
    r"where|when|which)\b"
)
_ASKED = _cue(r"\b(?:asked|questioned|wondered) (?:whether|if|why|how|what)\b")
_VAGUE_SUBJECT = _cue(
    r"^(?:critics|analysts|experts|observers|some|many|several|others|opponents|supporters|"
    r"residents|investors|economists|traders|scientists|researchers)\b"
)
_SPEECH = _cue(
    r"\b(?:said|says|say|told|tells|added|adds|according to|noted|wrote|writes|argued|"
    r"claimed|stated|insisted|warned|acknowledged|conceded|posited|asserted|testified|"
    r"tweeted|posted|reported|reports|explained|confirmed|announced|estimated)\b"
)
# Checkable content: figures, dates, records, past events.
_NUMBER = re.compile(r"\d")
_SPELLED_NUMBER = _cue(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|sixty|hundred|thousand|million|billion|half|third|quarter|fifth|dozen|"
    r"first|second|third|fourth|fifth|doubled|tripled|halved)\b"
)
_PERCENT_OR_MONEY = _cue(r"%|\bper ?cent\b|\bpercentage\b|[$€£¥]|\b(?:dollars|euros|pounds)\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MONTH_OR_DAY = _cue(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday|last (?:week|month|year))\b"
)
_RECORD = _cue(
    r"\b(?:record|highest|lowest|largest|biggest|smallest|most|fewest|first|last|since|"
    r"more than|less than|fewer than|at least|up from|down from|compared with|increase|"
    r"decrease|rose|fell|grew|dropped|jumped|climbed|declined)\b"
)
_PAST_ACTION = _cue(r"\b(?:was|were|had|has been|have been|did)\b|\b\w{3,}ed\b")
# Past participles of forecasting, planning and asking are not past events ("is expected").
_NOT_PAST = frozenset(
    (
        *("expected", "planned", "scheduled", "promised", "pledged", "vowed", "hoped"),
        *("called", "asked", "needed", "wanted", "aimed", "intended", "projected"),
        *("predicted", "forecasted", "proposed", "suggested", "questioned", "urged"),
        *("continued", "concerned", "involved"),
    )
)
# A future reported in indirect speech: "X said the government would pay ...".
_REPORTED_FUTURE = _cue(
    r"\b(?:said|says|told \w+|announced|confirmed|added|warned|insisted|argued|"
    r"estimated?s?|hopes|believes|thinks)\b(?: that)?(?: [\w'\u2019,-]+){0,8}? "
    r"(?:would|will|could|may|might|plans?|expects?|intends?|is going to|was going to)\b"
)
# A schedule in the present tense: "Early voting begins Oct. 17", "Council next meets ...".
_SCHEDULE = _cue(
    r"\b(?:begins?|opens?|starts?|ends?|closes?|meets?|votes?|elects?|delivers?|hosts?|"
    r"continues?|resumes?|runs? until|takes? place|goes to|is due|are due|kicks? off|"
    r"launches|returns? to)\b"
)
# A short quoted fragment inside reported speech is almost always a judgement ("a disgrace").
# after a copula or "as" ("the figures were \u201ca national disgrace\u201d"); after a verb of
# action ("have \u201cweaponized space\u201d") it is the speaker's words for a checkable act.
_QUOTED_FRAGMENT = re.compile(
    r"\b(?:is|are|was|were|be|been|being|as|seemed|looked|remained)\s+"
    r"[\u201c\"\u2018](?:[^\u201d\"\u2019 ]+ ?){1,7}[,.!?]?[\u201d\"\u2019]",
    re.IGNORECASE,
)
_CALLED = _cue(
    r"\b(?:called|branded|described|labelled|labeled|dubbed|termed)\b[^\u201c\"\u2018]{0,60}"
    r"[\u201c\"\u2018]"
)
# A present state; "has"/"have" are left out as they mostly open a past action ("have cut").
_PRESENT_STATE = _cue(r"\b(?:is|are|holds|operates|runs|employs|contains)\b")
_CAPITALISED = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+")
_LIVE_TIMESTAMP = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[\u2014\u2013-]")
_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d\u2018\u2019]")
_QUOTED = re.compile(
    r"\u201c[^\u201d]*\u201d?|\"[^\"]*\"?|(?<![A-Za-z])\u2018[^\u2019]*\u2019(?![A-Za-z])"
)
_OPEN_QUOTE_CLOSED_LATER = re.compile(r"^[^\u201c\"]*[\u201d\"]")

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
)


def news_features(text: str, score: float, *, published_year: int | None = None) -> list[float]:
    """The cues of news writing in one sentence, in the order of ``FEATURE_NAMES``."""
    quoted = sum(len(match.group()) for match in _QUOTED.finditer(text))
    # A sentence ending a quotation that opened in an earlier sentence: all of it is quoted.
    quote_continues = bool(_OPEN_QUOTE_CLOSED_LATER.match(text))
    quoted_share = 1.0 if quote_continues else min(1.0, quoted / max(1, len(text)))
    outside = _QUOTED.sub(" ", text) if quoted else text
    words = len(text.split())
    number = bool(_NUMBER.search(text))
    spelled = bool(_SPELLED_NUMBER.search(text))
    money = bool(_PERCENT_OR_MONEY.search(text))
    years = [int(year) for year in _YEAR.findall(text)]
    future_year = bool(published_year and any(year > published_year for year in years))
    month = bool(_MONTH_OR_DAY.search(text))
    checkable = number or spelled or money or bool(years) or month
    future = bool(_FUTURE.search(text))
    would = bool(_WOULD.search(text))
    hedge = bool(_HEDGE.search(text))
    expect = bool(_EXPECT.search(text))
    plan = bool(_PLAN.search(text))
    forward = future or would or hedge or expect or plan
    stripped = text.lstrip("\"\u201c\u2018'([ ")
    past = sum(
        1
        for match in _PAST_ACTION.finditer(text)
        if match.group().lower() not in _NOT_PAST
        and not text[max(0, match.start() - 4) : match.start()].lower().endswith(("be ", "is "))
    )
    dated = month or bool(years)
    clipped = min(max(score, 1e-4), 1 - 1e-4)
    return [
        math.log(clipped / (1 - clipped)),
        float(future),
        float(would),
        float(hedge),
        float(expect),
        float(plan),
        float(bool(_PROCEDURAL.search(text))),
        float(bool(_BOILERPLATE.search(text))),
        float(bool(_IMPERATIVE_OPENING.match(stripped))),
        float(bool(_COLOUR.search(text))),
        # "Rejected that, saying just 1,200 ballots were refused" carries its own figure.
        float(not checkable and bool(_REACTION.search(outside))),
        float(bool(_EVALUATIVE.search(text))),
        float(bool(_FIRST_PERSON.search(text))),
        float(text.rstrip("\"\u201d\u2019' )").endswith("?")),
        float(bool(_QUESTION_OPENING.match(stripped))),
        float(bool(_ASKED.search(outside))),
        float(bool(_VAGUE_SUBJECT.match(stripped))),
        float(bool(_SPEECH.search(outside))),
        float(number),
        float(spelled),
        float(money),
        float(bool(years)),
        float(future_year),
        float(month),
        float(bool(_RECORD.search(text))),
        min(3.0, past) / 3.0,
        float(bool(_REPORTED_FUTURE.search(text))),
        float(dated and bool(_SCHEDULE.search(outside))),
        float(bool(_QUOTED_FRAGMENT.search(text))),
        float(bool(_CALLED.search(text))),
        float(forward and checkable),
        float(past > 0 and checkable),
        float(bool(_PRESENT_STATE.search(text))),
        min(4.0, len(_CAPITALISED.findall(text))) / 4.0,
        float(bool(_LIVE_TIMESTAMP.match(text))),
        quoted_share,
        float(quote_continues),
        float(words < 8),
        float(words > 35),
        float(checkable),
        float(forward and not checkable and not past),
        float(quoted_share > 0.5 and not checkable and not past),
    ]


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
        features = news_features(text, score, published_year=published_year)
        total = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
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
