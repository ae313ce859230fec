"""Who makes each claim of an article.

A sentence is attributed to the subject of its attribution (see ``attribution``), found in the
part of the sentence outside quotation marks. Sentences inside a quotation inherit the speaker
named right after the quote closes (", he said"), right before it opens ("X said: ..."), or of
the sentence just before it in the same paragraph; a quotation that names nobody and follows
another in the same paragraph continues it. The lines of a transcript ("PRESENTER (Jo Lin): ...",
"LIN: ...") belong to their speaker. The reporter's own sentences have no claimant. A
description with nothing to refer back to ("a detective", "district records") is its own
claimant.

Who "he", "it", "the agency" or "the minister" is, always looking back only, is the job of
``speaker_registry``; the sentences inside a quotation get their speaker from ``quote_speakers``;
``speakers`` holds one speaker with every form the article names them by, and the
ClaimantMention it becomes (its longest full name, at most ``MAX_ALIASES`` aliases). Every lookup
is a dictionary access, so an article costs linear time however it names its speakers.

A group speaks for itself as news describes it ("Economists warned", "Residents say", "Smaller
cloud firms have argued", "U.S. officials", "police said"), as the news-claims annotators read
it: an organisation claimant, and "they" later, never "it". A group in common words yields to
anyone more precise speaking in the same sentence. Places never speak, except countries ("Russia
said"): "Residents of Gaza City" do, "Gaza City" does not.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence
from dataclasses import dataclass

from claims.detection.attribution import SentenceView, transcript_speaker
from claims.detection.layout import CANDIDATE_MAX_CHARS
from claims.detection.names import Token, analyse_names
from claims.detection.quote_speakers import inherit_quote_speakers, paragraph_ends
from claims.detection.quotes import quote_spans
from claims.detection.sentences import Sentence
from claims.detection.speaker_registry import SpeakerRegistry
from claims.detection.speakers import MAX_ALIASES, ClaimantKind, ClaimantMention, Speaker

__all__ = [
    "MAX_ALIASES",
    "ArticleSpeakers",
    "ClaimantKind",
    "ClaimantMention",
    "analyse_speakers",
    "attribute_claimants",
]


@dataclass(frozen=True, slots=True)
class ArticleSpeakers:
    """The claimant of each sentence, and every person the article names (full and surnames)."""

    claimants: tuple[ClaimantMention | None, ...]
    people: frozenset[str]
    # For each sentence opening with "It", the institution the sentence before opened with
    # ("Kestrel Foods cut 300 jobs. It intends to bid."), which the statement names instead.
    it_referents: tuple[ClaimantMention | None, ...] = ()


def attribute_claimants(text: str, sentences: Sequence[Sentence]) -> list[ClaimantMention | None]:
    """The claimant of each sentence of ``text`` (None when the article itself asserts it)."""
    return list(analyse_speakers(text, sentences).claimants)


def analyse_speakers(text: str, sentences: Sequence[Sentence]) -> ArticleSpeakers:
    """Attribute every sentence of ``text`` and list the people the article names."""
    spans = quote_spans(text)
    span_ends = [end for _, end in spans]
    views = [_view(sentence, spans, span_ends) for sentence in sentences]
    registry = SpeakerRegistry()
    line_ends = paragraph_ends(text, sentences)
    speakers: list[Speaker | None] = []
    it_referents: list[Speaker | None] = []
    line_speaker: Speaker | None = None  # who speaks on this line of a transcript
    for index, view in enumerate(views):
        registry.learn(view)
        sentence = view.sentence
        opens_with_it = bool(view.tokens) and view.tokens[0][0] == "It"
        it_referents.append(registry.previous_opening if opens_with_it else None)
        if index == 0 or line_ends[index - 1] != line_ends[index]:
            line_speaker = None
        label = transcript_speaker(sentence.text) if view.tokens else None
        if label is not None:
            line_speaker = registry.transcript(*label)
            if line_speaker is not None:
                registry.spoke(line_speaker)
        # A transcript line may still report someone else ("PRESENTER: The office said ...").
        speaker = registry.attribute(view)
        speakers.append(speaker or line_speaker)
    inherit_quote_speakers(views, spans, speakers, registry, line_ends)
    mentions = {id(speaker): speaker.mention() for speaker in registry.speakers}
    for referent in it_referents:
        if referent is not None and id(referent) not in mentions:
            mentions[id(referent)] = referent.mention()
    return ArticleSpeakers(
        claimants=tuple(mentions[id(speaker)] if speaker else None for speaker in speakers),
        people=registry.people_names(),
        it_referents=tuple(
            mentions[id(referent)] if referent else None for referent in it_referents
        ),
    )


def _view(sentence: Sentence, spans: list[tuple[int, int]], span_ends: list[int]) -> SentenceView:
    if len(sentence.text) > CANDIDATE_MAX_CHARS:
        return SentenceView(sentence, (), [], ())  # not prose: nobody is quoted saying it
    tokens, chunks = analyse_names(sentence.text)
    inside = []
    # Quotations do not overlap, so those touching the sentence are consecutive in ``spans``.
    index = bisect.bisect_right(span_ends, sentence.start)
    while index < len(spans) and spans[index][0] < sentence.end:
        start, end = spans[index]
        inside.append((start - sentence.start, end - sentence.start))
        index += 1
    return SentenceView(sentence, tokens, _quoted_tokens(tokens, inside), chunks)


_token_start = operator.itemgetter(1)


def _quoted_tokens(tokens: Sequence[Token], inside: list[tuple[int, int]]) -> list[bool]:
    """Whether each token starts inside a quotation.

    Token starts are in order, so the tokens of a quotation are the slice two binary searches
    find: no Python loop over the words of a quoted sentence.
    """
    quoted = [False] * len(tokens)
    for start, end in inside:
        first = bisect.bisect_left(tokens, start, key=_token_start)
        last = bisect.bisect_left(tokens, end, first, key=_token_start)
        quoted[first:last] = [True] * (last - first)
    return quoted
