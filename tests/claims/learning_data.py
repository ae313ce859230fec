"""Sentences for the learning loop's tests: a kind the shipped detector flags wrongly."""

import itertools

NAMES = [
    "Mayor Dana Whitcomb",
    "Senator Paul Hale",
    "The airline",
    "Governor Ruth Blake",
    "The union",
    "Coach Len Ortiz",
    "The hospital trust",
    "Director Sam Ivers",
]
WAYS = [
    "did not respond to a request for comment",
    "did not return a call seeking comment",
    "did not reply to messages seeking comment",
    "could not be reached for comment",
]
DAYS = ["on Monday", "on Tuesday", "late on Friday", "by publication time"]
# 128 sentences of a procedural kind that is never a checkable claim.
NO_COMMENT = [f"{n} {w} {d}." for n, w, d in itertools.product(NAMES, WAYS, DAYS)]
# Sentences of the newsroom's articles nobody decided about.
ARTICLE_SENTENCES = [
    "Unemployment fell to 4.1 percent in March, the lowest level since 2019.",
    "The council approved a budget of 214 million dollars by seven votes to two.",
    "The company said sales rose 12 percent to 3.5 billion dollars last year.",
    "Crime in the city has doubled since the mayor took office, Hale said.",
    "It was a sunny afternoon and the crowd was in good spirits.",
    "The minister arrived at the building shortly after nine.",
    "Read more about our coverage of the election.",
    "What happens next is anyone's guess.",
]
