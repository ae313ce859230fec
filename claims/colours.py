"""Colour contrast as WCAG 2.1 defines it, for the rating badges readers see.

Pure Python: a colour is a "#rrggbb" string.
"""

BLACK = "#000000"
WHITE = "#ffffff"
# WCAG 2.1 AA for normal text (success criterion 1.4.3).
MIN_TEXT_CONTRAST = 4.5


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_text_colour(background: str) -> str:
    """Black or white, whichever reads better on the background."""
    if contrast_ratio(background, BLACK) >= contrast_ratio(background, WHITE):
        return BLACK
    return WHITE


def badge_contrast(background: str) -> float:
    """The contrast of a badge's label on its background, with the text colour we pick."""
    return contrast_ratio(background, readable_text_colour(background))


# WCAG 2.1 AA for the parts of a graphic needed to understand it (success criterion 1.4.11).
MIN_GRAPHIC_CONTRAST = 3.0

# The dashboard's colour for each state of a claim: the admin's blue for new claims, green for
# published ones, red for a correction waiting; each at least 3:1 on the admin's white page and on
# its dark theme's #121212.
STATUS_COLOURS = {
    "new": "#417690",
    "checkable": "#00838f",
    "not_checkable": "#757575",
    "assigned": "#8e44ad",
    "in_review": "#c05f00",
    "drafted": "#9c6b00",
    "published": "#2e7d32",
    "correction_drafted": "#e53935",
}
# A reviewer's load: claims on time in the admin's blue, overdue ones in a red close to the
# admin's error colour (#ba2121, which falls just short of 3:1 on the dark theme).
ON_TIME_COLOUR = "#417690"
OVERDUE_COLOUR = "#c62828"


def needs_outline(colour: str, background: str = WHITE) -> bool:
    """Whether a bar of this colour needs a dark outline to stand out from the page (a light
    rating colour such as yellow does)."""
    return contrast_ratio(colour, background) < MIN_GRAPHIC_CONTRAST
