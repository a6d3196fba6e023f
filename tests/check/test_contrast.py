"""Theme contrast: every rule in the table applied, failures located at the colour with both colours and the ratio."""

from __future__ import annotations

import pytest
from edits import replace_once

from slidegen.check.contrast import RULES, checks, palette_rules
from slidegen.check.library import Library
from slidegen.colour import ratio
from slidegen.errors import ContentError
from slidegen.models.theme import Theme
from slidegen.project import Project


def edit_theme(project: Project, old: str, new: str) -> tuple[str, int]:
    """Replace text in the default theme; the path shown and the line of the change."""
    return "themes/default/theme.yaml", replace_once(project.themes / "default" / "theme.yaml", old, new)


def problems(project: Project) -> list[str]:
    with pytest.raises(ContentError) as err:
        Library(project).theme(project.themes / "default" / "theme.yaml")
    return [str(p) for p in err.value.sorted()]


def test_ratio_is_rounded_down_so_a_failure_never_reads_as_the_minimum():
    assert ratio(4.4999) == "4.4:1"
    assert ratio(2.85) == "2.8:1"
    assert ratio(3.0) == "3:1"
    assert ratio(21.0) == "21:1"


def test_grey_text_is_rejected_at_its_line_with_both_colours_and_the_ratio(project: Project):
    shown, line = edit_theme(project, '\n  text: "#1F2933"', '\n  text: "#999999"')
    assert problems(project) == [
        f"{shown}:{line}:9: colours.text: #999999 on background #FFFFFF has contrast 2.8:1; text needs at least 4.5:1"
    ]


def test_the_old_amber_is_rejected_against_white(project: Project):
    shown, line = edit_theme(project, 'ongoing: "#C9840B"', 'ongoing: "#E8A33D"')
    assert problems(project) == [
        f"{shown}:{line}:14: colours.chart.ongoing: #E8A33D on background #FFFFFF has contrast 2.1:1; "
        "chart segments need at least 3:1",
    ]


def test_neighbouring_segments_of_equal_lightness_are_rejected(project: Project):
    edit_theme(project, 'not_relevant: "#3B3F44"', 'not_relevant: "#8A6A2A"')
    found = problems(project)
    assert any("colours.chart.not_relevant: #8A6A2A next to chart.ongoing #C9840B" in p for p in found), found


def test_table_text_is_checked_against_both_row_colours(project: Project):
    edit_theme(project, 'table_row_alt: "#EDF2F6"', 'table_row_alt: "#5A6570"')
    (found,) = problems(project)
    assert "colours.table_text: #1F2933 on table_row_alt #5A6570 has contrast" in found
    assert found.endswith("text needs at least 4.5:1")


def test_header_text_is_checked_against_the_header_fill(project: Project):
    edit_theme(project, 'table_header_text: "#FFFFFF"', 'table_header_text: "#3A5A7A"')
    (found,) = problems(project)
    assert "colours.table_header_text: #3A5A7A on table_header #0B3B5B" in found


def test_titles_need_3_to_1_but_4_5_when_they_may_shrink_below_18_pt(project: Project):
    edit_theme(project, 'title: "#0B3B5B"', 'title: "#7A7A7A"')  # 4.3:1 on white
    Library(project).theme(project.themes / "default" / "theme.yaml")  # large text: 3:1 is enough
    edit_theme(project, "title_min: 22", "title_min: 16")
    (found,) = problems(project)
    assert "colours.title: #7A7A7A on background #FFFFFF has contrast 4.2:1; titles need at least 4.5:1" in found


def test_every_colour_of_the_theme_is_in_some_rule(project: Project):
    theme = Library(project).theme(project.themes / "default" / "theme.yaml").model
    used = {part for rule in (*RULES, *palette_rules(theme)) for part in (rule.fg, rule.bg)}
    fields = {n for n in Theme.model_fields["colours"].annotation.model_fields if n != "chart"}
    chart = {f"chart.{n}" for n in Theme.model_fields["colours"].annotation.model_fields["chart"].annotation.model_fields}
    palette = {f"chart.palette.{i}" for i in range(len(theme.colours.chart.palette))}
    # a plot area of their own (chart.background) takes the background's place in the chart rules when given
    assert used == fields | (chart - {"chart.palette", "chart.background"}) | palette


def test_a_palette_colour_too_light_for_the_background_is_rejected_at_its_place(project: Project):
    shown, line = edit_theme(project, '"#D46A90"', '"#F2B8CC"')
    found = problems(project)
    assert f"{shown}:{line}:48: colours.chart.palette[3]: #F2B8CC on background #FFFFFF has contrast 1.6:1; " \
        "chart segments need at least 3:1" in found


def test_palette_neighbours_and_the_last_next_to_the_first_must_differ(project: Project):
    edit_theme(project, '"#0F3C21"', '"#B06A10"')  # a medium colour between two medium ones
    found = problems(project)
    assert any("colours.chart.palette[2]: #B06A10 next to chart.palette[1] #C9840B has contrast" in p for p in found), found
    assert any("colours.chart.palette[3]: #D46A90 next to chart.palette[2] #B06A10" in p for p in found), found
    edit_theme(project, '"#B06A10"', '"#0F3C21"')
    edit_theme(project, '"#279D8E"', '"#2A8C82"')  # darker teal: fine beside the plum, too close to the first navy
    (found,) = problems(project)
    assert "colours.chart.palette[0]: #0F4470 after chart.palette[5] #2A8C82 has contrast 2.4:1" in found


def test_without_a_palette_bar_charts_take_done_and_ongoing(project: Project):
    path = project.themes / "default" / "theme.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(l for l in text.split("\n") if "palette" not in l), encoding="utf-8")
    theme = Library(project).theme(path).model
    assert theme.colours.chart.palette is None
    assert theme.colours.chart.series() == ("#0F4470", "#C9840B")
    assert palette_rules(theme) == ()


def test_charts_on_a_plot_area_of_their_own_are_checked_against_it(project: Project):
    edit_theme(project, 'missing: "#90949A"', 'missing: "#90949A"\n    background: "#0B3B5B"')
    found = problems(project)
    assert any("colours.chart.done: #0F4470 on chart.background #0B3B5B has contrast 1.1:1; chart segments need "
               "at least 3:1" in f for f in found), found


def test_shipped_themes_pass_every_rule(project: Project):
    for name in project.theme_names():
        theme = Library(project).theme(project.themes / name / "theme.yaml").model
        failed = [c.message() for c in checks(theme) if not c.ok]
        assert not failed, (name, failed)


