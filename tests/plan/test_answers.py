"""Planning slides of computed shares: a method nobody answered stays unknown, a method one survey lacks stays missing."""

from __future__ import annotations

import answers as sample
from edits import replace_once

from slidegen.build import load, plan
from slidegen.plan.model import ChartBox
from slidegen.project import Project

DECK = "skype-2016-10-28"


def planned(project: Project, slides: str, survey: str = "survey-2016.yaml"):
    deck = project.content / "decks" / f"{DECK}.yaml"
    replace_once(deck, "survey: survey-2015.yaml", f"survey: {survey}")
    deck.write_text(deck.read_text(encoding="utf-8") + slides, encoding="utf-8")
    (bundle,) = load(project, [deck])
    (deck_plan,) = plan([bundle])
    return deck_plan


def charts(deck_plan, prefix: str):
    return [box.chart for s in deck_plan.slides for box in s.boxes
            if isinstance(box, ChartBox) and box.chart.description.startswith(prefix)]


def test_a_method_without_a_column_is_unknown_in_the_chart_not_zero(project: Project):
    sample.install(project.content, table=[row[:-1] for row in sample.rows(sample.draw())])  # no Metod 32
    deck_plan = planned(project, "  - kind: chart\n    title: Utan metod 32\n    methods: 30-32\n")
    (spec,) = [c for c in charts(deck_plan, "Stapeldiagram") if len(c.categories) == 3]
    values = {s.key: s.values for s in spec.series}
    assert [values[k][-1] for k in ("done", "ongoing", "not_relevant")] == [None, None, None]
    assert values["missing"][-1] == 100  # the whole bar: not given
    assert "metod 32, Informationsmaterial till småföretag: uppgift saknas 100\u00a0% (n = 0)" in spec.description


def test_a_method_one_survey_lacks_is_missing_in_the_comparison(project: Project):
    sample.install(project.content, table=[row[:20] + row[21:] for row in sample.rows(sample.draw())])
    survey = project.content / "survey-2016.yaml"
    replace_once(survey, "      - number: 20\n", "      - number: 99\n")  # 2016 has no method 20
    deck_plan = planned(project, "  - kind: comparison\n    surveys: [survey-2015.yaml, survey-2016.yaml]\n"
                        "    methods: 18-20\n", survey="survey-2015.yaml")
    (spec,) = charts(deck_plan, "Liggande stapeldiagram")
    assert spec.categories[-1].startswith("20. ÅP som underlag")
    old, new = spec.series
    assert (old.name, new.name) == ("2015", "2016")
    assert old.values == (None, None, None)  # 2015 gives no share done for 18–20
    assert new.values[:2] == tuple(float(sample.expected_shares(sample.draw(), n)[0]["done"]) for n in (18, 19))
    assert new.values[2] is None  # not in the 2016 survey: missing, never 0
    assert len(spec.marks) == 4 and all(m.text == "–" for m in spec.marks)
    assert "20. ÅP som underlag för andra planer: 2015 uppgift saknas, 2016 uppgift saknas" in spec.description
