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
