"""Colour arithmetic as WCAG 2 defines it, and choosing colours that reach its minimums."""

from __future__ import annotations

import pytest

from slidegen.colour import (
    APPROXIMATE,
    against,
    choose_colour,
    contrast,
    luminance,
    palette_passes,
    propose_palette,
    readable_on,
)


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


def test_a_colour_readable_behind_the_text_is_kept_else_the_first_readable_alternative():
    kept = choose_colour("#1B4731", ["#FFFFFF"], 4.5, [("#FFFFFF", "the template's")])
    assert (kept.colour, kept.source, kept.changed) == ("#1B4731", "theme", False)
    band = choose_colour("#1B4731", ["#5A238C"], 3.0, [(None, "template.colours.content.title"),
                                                      ("#FFFFFF", "the template's")])
    assert (band.colour, band.source, band.worst) == ("#FFFFFF", "the template's", "#5A238C")
    assert band.wanted_ratio < 3.0 <= band.ratio
    mid = choose_colour("#777777", ["#808080"], 4.5, [])  # neither given: black or white, the better
    assert mid.colour == "#000000" and mid.source == "black"
    none = choose_colour("#777777", ["#000000", "#FFFFFF"], 4.5, [], black_or_white=True)
    assert none.colour is None and none.worst in ("#000000", "#FFFFFF")



def test_a_sliver_of_another_colour_behind_a_text_does_not_count():
    # 1 % of the area on a dark band's edge, the rest light: dark text is readable
    assert against("#000000", [("#FFFFFF", 0.99), ("#202020", 0.01)])[0] == 21.0
    ratio_, worst = against("#000000", [("#FFFFFF", 0.9), ("#202020", 0.1)])
    assert worst == "#202020" and ratio_ < 1.5



def test_no_palette_can_pass_on_a_mid_dark_background_but_one_of_the_same_hues_passes_on_white():
    light = ["#FFFFFF", "#FFD966", "#BDD7EE", "#D9D9D9"]
    assert propose_palette(light, "#44546A") is None
    proposal = propose_palette(light, "#FFFFFF")
    assert proposal is not None and palette_passes(proposal, "#FFFFFF")
    assert proposal[1][1:3] > proposal[1][5:7]  # #FFD966 stays a yellow: more red than blue


def test_on_a_gradient_or_a_picture_a_colour_must_pass_with_some_to_spare():
    flat = choose_colour("#767676", ["#FFFFFF"], 4.5)  # 4.54:1 on plain white: kept
    assert flat.colour == "#767676" and flat.source == "theme"
    gradient = choose_colour("#767676", ["#FFFFFF", "#FEFEFE"], 4.5)  # the same, but a gradient: too close
    assert gradient.colour == "#000000" and gradient.source == "black"
    assert 4.5 <= gradient.wanted_ratio < 4.5 * APPROXIMATE


def test_a_long_palette_gets_colours_of_its_own_hues_in_its_own_order():
    long = ["#0F4470", "#C9840B", "#0F3C21", "#D46A90", "#279D8E", "#5B2A86", "#888888", "#AA0000", "#00AA00",
            "#0000AA", "#333333", "#EEEEEE"]
    proposal = propose_palette(long, "#777777")  # 12! orders are never tried: it is the luminance that changes
    assert proposal is not None and len(proposal) == 12 and palette_passes(proposal, "#777777")
    assert proposal[7][1:3] > proposal[7][3:5] and proposal[8][3:5] > proposal[8][1:3]  # the red stays red, the green green


def test_colours_that_look_alike_differ_little():
    from slidegen.colour import difference

    assert difference("#111111", "#111111") == 0
    assert difference("#111111", "#07121B") < 10  # near-black and a near-black blue
    assert difference("#0F4470", "#3B3F44") > 20  # navy and charcoal: alike in lightness, not in colour
    assert difference("#000000", "#FFFFFF") == pytest.approx(100, abs=0.01)
