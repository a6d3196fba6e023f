"""Chart descriptions from the survey: true numbers, missing shares shown as missing, honest summaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from slidegen.check.library import Library
from slidegen.models.survey import Results
from slidegen.plan.charts import dominant, method_charts, overview_chart
from slidegen.plan.text import Fonts
from slidegen.project import Project
from slidegen.units import Rect, cm

ROOT = Path(__file__).resolve().parents[2]
FONTS, _ = Fonts.of("Calibri")
FRAME = Rect(0, 0, cm(30.8), cm(12.8))


@pytest.fixture(scope="module")
def bundle():
    project = Project.at(ROOT)
    return Library(project).bundle(project.content / "decks" / "skype-2016-10-28.yaml")


def test_every_value_comes_from_the_survey_and_missing_stays_none(bundle):
    survey = bundle.survey(None).model
    theme = bundle.theme.model
    specs = method_charts(survey, list(range(21, 33)), "survey", FRAME, theme, FONTS)
    assert len(specs) == 1
    spec = specs[0]
    assert [s.key for s in spec.series] == ["done", "ongoing", "not_relevant", "missing"]
    assert spec.categories[0] == "21. Arbetsgrupper med kommuner och näringsliv"
    for i, n in enumerate(range(21, 33)):
        r = survey.method(n).results
        assert [s.values[i] for s in spec.series[:3]] == [r.done, r.ongoing, r.not_relevant]
    values = {s.key: s.values for s in spec.series}
    i26 = 5  # method 26 gives only 72 %
    assert values["done"][i26] == 72
    assert values["ongoing"][i26] is None and values["not_relevant"][i26] is None
    assert values["missing"][i26] == 28
    i21 = 0  # method 21 gives all three answers: nothing is missing
    assert values["missing"][i21] is None


def test_a_row_with_only_29_percent_shows_71_percent_unknown(bundle):
    survey = bundle.survey(None).model
    (spec, *_) = method_charts(survey, [4], "survey", FRAME, bundle.theme.model, FONTS)
    assert [s.values[0] for s in spec.series] == [29, None, None, 71]
    assert spec.series[0].labels == ("29\u00a0%",)
    assert spec.series[3].labels == (None,)  # the unknown share never gets a number that reads as an answer
    assert "metod 4, Miljömålsmärkta aktiviteter: genomfört 29\u00a0%, uppgift saknas 71\u00a0%" in spec.description


def test_narrow_segments_get_no_label(bundle):
    survey = bundle.survey(None).model
    narrow = Rect(0, 0, cm(12), cm(12.8))
    (spec, *_) = method_charts(survey, [21], "survey", narrow, bundle.theme.model, FONTS)
    labels = {s.key: s.labels[0] for s in spec.series}
    assert labels["done"] == "52\u00a0%"
    assert labels["not_relevant"] is None  # 10 % of a narrow bar cannot hold "10 %"


def test_sorting_by_share_done(bundle):
    survey = bundle.survey(None).model
    (spec, *_) = method_charts(survey, list(range(21, 33)), "done", FRAME, bundle.theme.model, FONTS)
    numbers = [int(c.split(".")[0]) for c in spec.categories]
    assert numbers[:3] == [26, 23, 21]  # 72 %, 62 %, 52 %
    assert numbers[-4:] == [25, 29, 30, 31]  # no share done: last, in survey order
    done = [survey.method(n).results.done for n in numbers]
    known = [d for d in done if d is not None]
    assert known == sorted(known, reverse=True)
    assert all(d is None for d in done[len(known):])


def test_twenty_bars_are_split_to_stay_legible(bundle):
    survey = bundle.survey(None).model
    specs = method_charts(survey, list(range(1, 21)), "survey", FRAME, bundle.theme.model, FONTS)
    assert sum(len(s.categories) for s in specs) == 20
    assert all(s.size >= 12 for s in specs)


@pytest.mark.parametrize(
    "results, expected",
    [
        (Results(done=72), "done"),  # 72 % is more than the 28 % anyone else could have
        (Results(done=29), None),  # the 71 % unknown could all be one other answer
        (Results(done=14, ongoing=71), "ongoing"),
        (Results(done=43, ongoing=14), None),  # 43 % unknown could equal the 43 % done
        (Results(done=48, ongoing=52, not_relevant=0), "ongoing"),
        (Results(), None),
    ],
)
def test_dominant_answer_only_when_the_numbers_tell(results, expected):
    assert dominant(results) == expected


def test_overview_counts_add_up_to_each_group(bundle):
    survey = bundle.survey(None).model
    spec = overview_chart(survey, Rect(0, 0, cm(14), cm(12)), bundle.theme.model, FONTS, None)
    assert spec.categories == ("Interna arbetssätt (20)", "Stöd till kommuner och\nnäringsliv (12)")
    totals = [sum(s.values[i] or 0 for s in spec.series) for i in range(2)]
    assert totals == [20, 12]
    by_key = {s.key: s.values for s in spec.series}
    # only methods 3 (48/52/0) and 21 (52/38/10) give all three shares; every other row with numbers lost
    # its empty cells in the source, so which answer is most common cannot be told from it
    assert by_key["done"] == (None, 1) and by_key["ongoing"] == (1, None) and by_key["not_relevant"] == (None, None)
    assert by_key["unclear"] == (19, 11)
    assert "Interna arbetssätt (20): genomfört vanligast 0, på gång vanligast 1, ej aktuellt vanligast 0" in spec.description


def test_a_row_whose_columns_are_uncertain_never_counts_as_dominant():
    assert dominant(Results(done=72)) == "done"
    assert dominant(Results(done=72), columns_uncertain=True) is None
