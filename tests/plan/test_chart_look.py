"""Chart colours on a template: the theme's where they pass on what lies behind, else a plot area of their own."""

from __future__ import annotations

from conftest import ROOT

from slidegen.check.library import Library
from slidegen.colour import difference, palette_passes
from slidegen.models.theme import Theme
from slidegen.plan.chart_look import chart_look
from slidegen.project import Project


def load_default() -> Theme:
    project = Project.at(ROOT)
    return Library(project).load(project.themes / "default" / "theme.yaml", Theme).model


def test_chart_colours_that_cannot_pass_on_the_template_get_a_plot_area_of_their_own():
    theme = load_default().model_copy(deep=True)
    chart = theme.colours.chart.model_copy(update={"done": "#FFFFFF", "ongoing": "#FFD966",
                                                   "not_relevant": "#BDD7EE", "missing": "#D9D9D9"})
    theme = theme.model_copy(update={"colours": theme.colours.model_copy(update={"chart": chart})})
    look = chart_look(theme, ["#44546A"])
    assert look.panel and look.background == "#FFFFFF" and palette_passes(look.palette, "#FFFFFF")
    assert look.note.startswith("no palette of chart colours can pass on the background #44546A")
    same = chart_look(load_default(), ["#FFFFFF"])
    assert not same.panel and same.note is None and same.palette == ("#0F4470", "#C9840B", "#3B3F44", "#90949A")
    picture = chart_look(load_default(), ["#FFFFFF", "#202020"])
    assert picture.panel and "not one colour" in picture.note


def test_colours_that_pass_but_look_alike_are_drawn_on_a_plot_area_of_their_own():
    theme = load_default().model_copy(deep=True)
    chart = theme.colours.chart.model_copy(update={"done": "#FFFFFF", "ongoing": "#FFD966",
                                                   "not_relevant": "#BDD7EE", "missing": "#D9D9D9"})
    theme = theme.model_copy(update={"colours": theme.colours.model_copy(update={"chart": chart})})
    look = chart_look(theme, ["#516482"])  # rstudio-vignette's slate: only near-black and light colours pass
    assert look.panel and look.background == "#FFFFFF" and palette_passes(look.palette, "#FFFFFF")
    assert look.note.startswith("the only chart colours that pass on the background #516482 make segments look alike")
    assert min(difference(a, b) for i, a in enumerate(look.palette) for b in look.palette[i + 1:]) >= 15
    own = chart_look(load_default(), ["#FFFFFF"])  # the theme's own colours are never second-guessed
    assert not own.panel and own.palette == ("#0F4470", "#C9840B", "#3B3F44", "#90949A")
