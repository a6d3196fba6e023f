"""What a template holds: what lies behind an area, and the message for a text no colour makes readable."""

from __future__ import annotations

from conftest import ROOT

from slidegen.check.library import Library
from slidegen.colour import Choice
from slidegen.models.template import Layer, LayoutInfo, Paint, unreadable
from slidegen.project import Project
from slidegen.units import Rect


def test_behind_an_area_lie_the_background_and_each_stop_of_a_gradient_over_it():
    band = LayoutInfo("Band", (), Paint(("#FFFFFF",)), width=1000, height=500)
    layout = LayoutInfo("Band", (), Paint(("#FFFFFF",)),
                        (Layer("Gradient", Rect(0, 0, 1000, 100), Paint(("#112233", "#445566")), "shape"),),
                        width=1000, height=500)
    assert band.behind(Rect(0, 0, 100, 50)).colours == ("#FFFFFF",)
    behind = layout.behind(Rect(0, 0, 100, 50))  # wholly on the gradient: its stops, not the white
    assert behind.colours == ("#112233", "#445566") and behind.layers == ("Gradient",)
    half = layout.behind(Rect(0, 50, 100, 100))  # half on it: its stops share that half; the background counts whole
    assert dict(half.shares) == {"#112233": 0.25, "#445566": 0.25, "#FFFFFF": 1.0}


def test_an_unreadable_text_on_a_gradient_says_the_margin_it_needed():
    project = Project.at(ROOT)
    loaded = Library(project).theme(project.themes / "mall" / "theme.yaml")
    theme = loaded.model.model_copy(update={"template": loaded.model.template.model_copy(update={"fix_colours": False})})
    choice = Choice("#1B4731", None, "", 3.05, "#898989", 3.05, 3.0, 3.09)
    problem = unreadable(loaded.doc, theme, LayoutInfo("Title Slide", ()), "title", "title", "title", choice,
                         ("background",))
    assert ('on layout "Title Slide" the title text #1B4731 has contrast 3:1 with #898989 behind it (background), and '
            "it needs 3:1 with 3 % to spare (3.09:1: the colours behind it are a gradient's or a picture's); set "
            "`template.colours.title.title` to a colour readable there (or remove `fix_colours: false` to let "
            "slidegen choose one)") in problem.message


def test_where_no_colour_at_all_is_readable_the_message_says_to_map_another_layout():
    project = Project.at(ROOT)
    loaded = Library(project).theme(project.themes / "mall" / "theme.yaml")  # slidegen may choose colours
    choice = Choice("#1B4731", None, "", 1.2, "#202020", 1.2, 4.5, 4.63)
    problem = unreadable(loaded.doc, loaded.model, LayoutInfo("Foto", ()), "closing", "body", "text", choice,
                         ("Picture 2",))
    assert problem.message.endswith("neither the template's colour nor black or white reaches 4.5:1 with 3 % to "
                                    "spare (4.63:1: the colours behind it are a gradient's or a picture's); no colour "
                                    "can be read on all of it; name another layout for `closing` under `template: "
                                    "layouts:` (check-theme lists them), one with a plainer background there")

