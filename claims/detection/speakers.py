"""One speaker of an article, and the claimant it becomes.

Every way an article names the same speaker ("Sergey Lavrov", "Lavrov", "the Russian Foreign
Minister") is kept on one ``Speaker``; ``Speaker.mention`` gives the ``ClaimantMention`` whose name
is the longest full name and whose aliases are the other forms, at most ``MAX_ALIASES`` of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from claims.detection.gazetteer import HONORIFICS

ClaimantKind = Literal["person", "organization"]


@dataclass(frozen=True, slots=True)
class ClaimantMention:
    """The speaker of a claim, with every surface form the article uses for them."""

    name: str
    kind: ClaimantKind
    aliases: tuple[str, ...]


# How many surface forms one claimant keeps. An article names a speaker a handful of ways; a
# hostile one can invent thousands of titles for the same person, which must cost nothing.
MAX_ALIASES = 20


@dataclass(slots=True, eq=False)
class Speaker:
    """One speaker of an article; two speakers are the same only if they are the same object.

    Forms, full names and titles are dicts (insertion-ordered sets) keyed by the form, or by the
    lower-cased title, so that a lookup never scans them; each holds at most ``MAX_ALIASES``,
    the first ones the article uses, which are the ones that introduce the speaker.
    """

    kind: ClaimantKind
    forms: dict[str, None] = field(default_factory=dict)
    full_names: dict[str, None] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    group: bool = False
    gender: str = ""
    # The lower-case words of an organisation's names, for "the agency" or "the office".
    words: set[str] = field(default_factory=set)
    # The words that say what it is: "department" of "Calder City Police Department", "ministry"
    # of "Ministry of Energy"; "the city" is not that department.
    heads: set[str] = field(default_factory=set)

    def add_form(self, form: str) -> None:
        if form and len(self.forms) < MAX_ALIASES:
            self.forms.setdefault(form)

    def add_full_name(self, name: str) -> None:
        if len(self.full_names) < MAX_ALIASES:
            self.full_names.setdefault(name)

    def add_title(self, title: str) -> bool:
        """Remember ``title``; False when the speaker already holds as many as it may."""
        if title.lower() in self.titles:
            return True
        if len(self.titles) >= MAX_ALIASES:
            return False
        self.titles[title.lower()] = title
        return True

    def mention(self) -> ClaimantMention:
        candidates = self.full_names or self.forms
        # A name before a description: "Front Range Power", not "a company spokesperson".
        name = max(candidates, key=lambda form: (form[:1].isupper(), len(form.split()), len(form)))
        aliases = {name: None}
        aliases.update(dict.fromkeys(self.forms))
        for title in self.titles.values():
            if title not in HONORIFICS:
                aliases[title] = None
            elif self.kind == "person" and self.full_names:
                # The name is the person's without a title ("Denise Okafor"); a title too
                # generic to name her alone stays with her name: "Mayor Denise Okafor".
                aliases[f"{title} {name}"] = None
        return ClaimantMention(name=name, kind=self.kind, aliases=tuple(aliases)[:MAX_ALIASES])
