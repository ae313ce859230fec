"""Sentences for the learning loop's tests: a kind the shipped detector flags wrongly."""

import itertools

PLACES = [
    "Dorval",
    "Harbour City",
    "Calder",
    "Eastmoor",
    "Port Alva",
    "Linden",
    "Marenburg",
    "Westfield",
]
MINUTES = [12, 27, 42, 55]
DAYS = ["on Monday", "on Tuesday", "on Saturday", "on Sunday"]
# 128 almanac lines: the shipped detector flags them (times, places, days) and its news filter
# keeps them, yet no newsroom checks when the sun rises: only the editors can teach this kind.
ALMANAC_LINES = [
    f"Sunrise in {place} {day} is at 6:{minute:02d} am and sunset at 7:40 pm."
    for place, minute, day in itertools.product(PLACES, MINUTES, DAYS)
]
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
