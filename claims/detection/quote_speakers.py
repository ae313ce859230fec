"""Who speaks the sentences inside a quotation.

A quotation's sentences inherit the speaker named right after it closes (", he said"), right
before it opens ("X said: ..."), or of the sentence just before it in the same paragraph; a
quotation that names nobody and follows another in the same paragraph continues it.
"""

from __future__ import annotations

from collections.abc import Sequence

from claims.detection.attribution import SentenceView
from claims.detection.gazetteer import SPEECH_VERBS
from claims.detection.sentences import Sentence
from claims.detection.speaker_registry import SpeakerRegistry
from claims.detection.speakers import Speaker


def inherit_quote_speakers(
    views: list[SentenceView],
    spans: list[tuple[int, int]],
    speakers: list[Speaker | None],
    registry: SpeakerRegistry,
    paragraph_ends: list[int],
) -> None:
    """Give every sentence inside a quotation the speaker named where the quotation closes.

    A quotation that names nobody and follows another in the same paragraph continues it
    ("“We cannot wait,” Keller said. “Every child is at risk.”").
    """
    position = 0
    previous_speaker: Speaker | None = None
    previous_line_end = -1
    for start, end in spans:
        while position < len(views) and views[position].sentence.end <= start:
            position += 1
        covered = []
        index = position
        while index < len(views) and views[index].sentence.start < end:
            covered.append(index)
            index += 1
        if not covered:
            continue
        closing, opening = covered[-1], covered[0]
        speaker = speakers[closing] if _speaks_after(views[closing], end) else None
        if speaker is None and _speaks_before(views[opening], start):
            speaker = speakers[opening]
        if speaker is None and start < previous_line_end:
            speaker = previous_speaker
        if (
            speaker is None
            and opening > 0
            and paragraph_ends[opening - 1] == paragraph_ends[opening]
            and views[opening].sentence.start >= start
        ):
            # "Tran said pay was low. “We lost 212 teachers.”": the quote goes on for her.
            speaker = speakers[opening - 1]
        previous_speaker = speaker
        previous_line_end = paragraph_ends[closing]
        if speaker is None:
            continue
        for covered_index in covered:
            if speakers[covered_index] is None:
                speakers[covered_index] = speaker
        registry.remember(speaker)


def paragraph_ends(text: str, sentences: Sequence[Sentence]) -> list[int]:
    """For each sentence, the offset where its paragraph (its line) ends."""
    ends = []
    line_end = -1
    for sentence in sentences:
        if sentence.start > line_end:
            line_end = text.find("\n", sentence.start)
            if line_end == -1:
                line_end = len(text)
        ends.append(line_end)
    return ends


def _speaks_after(view: SentenceView, quote_end: int) -> bool:
    """Whether the sentence's speech verb comes after the quotation closes (", he said")."""
    verbs = _speech_verb_offsets(view)
    return bool(verbs) and verbs[-1] >= quote_end - view.sentence.start


def _speaks_before(view: SentenceView, quote_start: int) -> bool:
    """Whether the sentence's speech verb comes before the quotation opens ("X said: ...")."""
    verbs = _speech_verb_offsets(view)
    return bool(verbs) and verbs[0] < quote_start - view.sentence.start


def _speech_verb_offsets(view: SentenceView) -> list[int]:
    """Start offsets of the speech verbs outside quotation marks, computed once per sentence."""
    if view.speech_verbs is None:
        view.speech_verbs = [
            start
            for (word, start, _), quoted in zip(view.tokens, view.quoted, strict=True)
            if not quoted and (word in SPEECH_VERBS or word == "according")
        ]
    return view.speech_verbs
