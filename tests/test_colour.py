"""Colour arithmetic as WCAG 2 defines it."""

from __future__ import annotations

import pytest

from slidegen.colour import contrast, luminance, readable_on


def test_luminance_runs_from_black_to_white():
    assert luminance("#000000") == 0
    assert luminance("#FFFFFF") == pytest.approx(1)
    assert luminance("#808080") == pytest.approx(0.2159, abs=1e-4)


def test_contrast_is_symmetric_and_21_at_most():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#FFFFFF", "#000000") == contrast("#000000", "#FFFFFF")
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes AA


def test_the_readable_text_colour_on_a_background():
    assert readable_on("#1F3864") == "#FFFFFF"
    assert readable_on("#FFD966") == "#000000"
