"""Rating badges: whatever colour an editor picks, the label reads at WCAG AA."""

import itertools

import pytest
from django.core.exceptions import ValidationError

from claims.colours import (
    BLACK,
    MIN_GRAPHIC_CONTRAST,
    MIN_TEXT_CONTRAST,
    ON_TIME_COLOUR,
    OVERDUE_COLOUR,
    STATUS_COLOURS,
    WHITE,
    badge_contrast,
    contrast_ratio,
    needs_outline,
    readable_text_colour,
)
from claims.models import ClaimStatus, Rating


def test_contrast_matches_the_wcag_reference_values():
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast_ratio("#777777", WHITE) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#2e7d32", BLACK) == pytest.approx(4.10, abs=0.01)


def test_dark_greens_and_reds_get_white_labels_and_yellows_black():
    assert readable_text_colour("#2e7d32") == WHITE
    assert readable_text_colour("#8e0000") == WHITE
    assert readable_text_colour("#fbc02d") == BLACK


def test_every_colour_gets_a_label_colour_that_reaches_aa():
    steps = range(0, 256, 15)
    for red, green, blue in itertools.product(steps, steps, steps):
        colour = f"#{red:02x}{green:02x}{blue:02x}"
        assert badge_contrast(colour) >= MIN_TEXT_CONTRAST, colour


def test_the_default_ratings_all_read_at_aa(newsroom):
    for rating in Rating.objects.in_default_scale():
        assert contrast_ratio(rating.colour, rating.badge_text_colour) >= MIN_TEXT_CONTRAST


def test_a_colour_that_no_label_could_read_on_is_refused(newsroom, monkeypatch):
    # At AA every opaque colour has a readable label; a stricter house rule (AAA, 7:1)
    # leaves mid-tones without one, and the rating form then refuses them.
    monkeypatch.setattr("claims.models.ratings.MIN_TEXT_CONTRAST", 7.0)
    rating = Rating.objects.in_default_scale().get(slug="false")
    rating.colour = "#e53935"

    with pytest.raises(ValidationError) as refused:
        rating.full_clean()
    assert "colour" in refused.value.message_dict


def test_every_state_on_the_dashboard_stands_out_on_the_light_and_the_dark_admin():
    assert set(STATUS_COLOURS) == set(ClaimStatus.values)
    for colour in (*STATUS_COLOURS.values(), ON_TIME_COLOUR, OVERDUE_COLOUR):
        assert contrast_ratio(colour, WHITE) >= MIN_GRAPHIC_CONTRAST, colour
        assert contrast_ratio(colour, "#121212") >= MIN_GRAPHIC_CONTRAST, colour
    assert len(set(STATUS_COLOURS.values())) == len(STATUS_COLOURS)


def test_a_light_rating_colour_gets_an_outline_on_the_dashboard_and_a_dark_one_none():
    assert needs_outline("#fbc02d")
    assert not needs_outline("#2e7d32")
