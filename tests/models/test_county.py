"""The 21 counties: found by any name a coordinator writes, in the official order of their letters."""

from __future__ import annotations

import pytest

from slidegen.models.county import COUNTIES, county_names, find_county, fold, order


def test_twenty_one_counties_from_stockholm_to_norrbotten():
    assert len(COUNTIES) == 21
    assert (COUNTIES[0].code, COUNTIES[0].name) == ("AB", "Stockholm")
    assert (COUNTIES[-1].code, COUNTIES[-1].name) == ("BD", "Norrbotten")
    assert len({c.code for c in COUNTIES}) == 21


@pytest.mark.parametrize("written", ["Skåne", "skåne län", "M", "m", "Länsstyrelsen i Skåne län", "Länsstyrelsen Skåne", " Skåne  Län "])
def test_every_way_of_writing_a_county_finds_it(written):
    assert find_county(written).name == "Skåne"


def test_accents_matter_and_unknown_names_find_nothing():
    assert find_county("Skane") is None
    assert find_county("Atlantis") is None
    assert "Skåne" in county_names() and "Skåne län" in county_names()


def test_order_and_folding_for_file_names():
    assert order("Stockholm") == 0 and order("Skåne") == 9 and order("Norrbotten") == 20
    assert fold("  Västra  Götaland ") == "vastra gotaland"
