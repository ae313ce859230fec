"""Removing the page furniture that news sites wrap around a story, before text extraction.

The extraction library already scores blocks by text density; this pass removes what it
cannot tell from story text by density alone (a share toolbar written as a sentence, a
newsletter prompt, a "related stories" box inside the story body), recognised by the class
and id names that publishing systems give them.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

# Words that, as one part of a class or id name, mark an element as furniture.
_FURNITURE_WORDS = frozenset(
    {
        "ad",
        "ads",
        "advert",
        "advertisement",
        "adslot",
        "banner",
        "breadcrumb",
        "breadcrumbs",
        "comment",
        "comments",
        "consent",
        "cookie",
        "cookies",
        "didomi",
        "gdpr",
        "newsletter",
        "outbrain",
        "partage",
        "paywall",
        "promo",
        "recommended",
        "related",
        "share",
        "sharing",
        "sharebar",
        "signup",
        "social",
        "subscribe",
        "taboola",
        "tools",
    }
)
# Multi-word names, matched on the whole hyphen/underscore-joined name.
_FURNITURE_PHRASES = re.compile(
    r"most[-_]?(read|popular|viewed)|read[-_]?more|also[-_]?like|lire[-_]?aussi|"
    r"more[-_]?stories|meme[-_]?sujet|inline[-_]?promo",
    re.IGNORECASE,
)
_NAME_PARTS = re.compile(r"[\s_\-]+")

# Structural containers: a stray furniture word in their class must not remove the story.
_NEVER_PRUNED = frozenset({"html", "head", "body", "main", "article"})


def _is_furniture(element: HtmlElement) -> bool:
    names = f"{element.get('class', '')} {element.get('id', '')}"
    if not names.strip():
        return False
    if _FURNITURE_PHRASES.search(names):
        return True
    parts = {part.lower() for part in _NAME_PARTS.split(names) if part}
    return not parts.isdisjoint(_FURNITURE_WORDS)


def _paragraph_characters(element: HtmlElement) -> int:
    return sum(len(paragraph.text_content()) for paragraph in element.iter("p"))


def prune_furniture(document: HtmlElement) -> None:
    """Remove furniture elements (and everything inside them) from the document, in place.

    An element holding most of the page's paragraph text is the story itself, whatever its
    class says ("article-body js-share-tracking"), and is kept.
    """
    furniture = [
        element
        for element in document.iter()
        if isinstance(element.tag, str)
        and element.tag not in _NEVER_PRUNED
        and _is_furniture(element)
    ]
    story_share = _paragraph_characters(document) / 2
    for element in furniture:
        if _paragraph_characters(element) <= story_share:
            # drop_tree keeps the text that follows the element (lxml stores it on the tail).
            element.drop_tree()
