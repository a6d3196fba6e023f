"""Counting answers: shares in whole per cent that add up to 100 (largest remainder), n, and what the notes say."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from slidegen.models.answers import Answers, MethodAnswers, largest_remainder
from slidegen.models.survey import Results


def test_thirds_round_to_100_not_99():
    assert largest_remainder([1, 1, 1]) == (34, 33, 33)  # the tie goes to the first
    assert largest_remainder([7, 7, 7]) == (34, 33, 33)


def test_the_largest_remainders_get_the_points_left():
    # 19 answers: 7 → 36.84, 8 → 42.11, 4 → 21.05; floors 36 + 42 + 21 = 99, the .84 gets the last point
    assert largest_remainder([7, 8, 4]) == (37, 42, 21)
    # 20 answers: exact values, nothing to hand out
    assert largest_remainder([9, 6, 5]) == (45, 30, 25)


def test_nobody_answered_gives_zeros_and_a_method_without_answers_is_unknown():
    assert largest_remainder([0, 0, 0]) == (0, 0, 0)
    assert MethodAnswers(4).results() == Results()
    assert MethodAnswers(4).n == 0


@given(st.lists(st.integers(min_value=0, max_value=21), min_size=3, max_size=3).filter(lambda c: sum(c) > 0))
def test_shares_always_add_up_to_100_and_stay_within_one_of_the_exact_share(counts):
    shares = largest_remainder(counts)
    assert sum(shares) == 100
    for count, share in zip(counts, shares):
        exact = Fraction(100 * count, sum(counts))
        assert exact - 1 < share < exact + 1
        assert share == 0 if count == 0 else share >= 0


def test_a_method_counts_its_boards_answers():
    m = MethodAnswers(3, {"AB": "done", "C": "done", "M": "ongoing", "O": "not_relevant", "Z": "done"})
    assert m.n == 5
    assert m.counts() == (3, 1, 1)
    assert m.results() == Results(done=60, ongoing=20, not_relevant=20)


def test_the_summary_names_who_is_missing_and_each_methods_n():
    answers = Answers(
        file="content/data/enkat-2016.xlsx",
        sheet="Svar",
        counties=tuple(c for c in ("AB", "C", "D", "E", "F", "G", "H", "K", "M", "N", "O", "S", "T", "U", "W", "X",
                                   "Y", "Z", "AC", "BD")),
        methods={
            1: MethodAnswers(1, {c: "done" for c in ("AB", "C", "D", "E", "F", "G", "H", "K", "M", "N", "O", "S", "T",
                                                     "U", "W", "X", "Y", "Z", "AC", "BD")}),
            2: MethodAnswers(2, {c: "ongoing" for c in ("AB", "C", "D", "E", "F", "G", "H", "K", "M", "N", "O", "S",
                                                        "T", "U", "W", "X", "Y", "Z", "AC")}),
        },
    )
    assert [c.name for c in answers.missing()] == ["Gotland"]
    assert answers.partial([1, 2])
    assert answers.n_range([1, 2]) == "19–20"
    assert answers.n_range([1]) == "20"
    assert answers.summary([1, 2]) == (
        "Andelarna är räknade ur content/data/enkat-2016.xlsx, blad Svar: svar från 20 av 21 länsstyrelser "
        "(Gotland saknas). Antal som svarat per metod: n = 20 för metod 1; n = 19 för metod 2."
    )
    assert answers.method(7).n == 0  # no column for it: nobody answered
