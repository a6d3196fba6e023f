"""Errors: sorted, without repeats, and a summary that counts what is printed."""

from __future__ import annotations

from slidegen.errors import ContentError, Location, Problem


def test_a_problem_found_twice_is_printed_and_counted_once():
    p = Problem(Location("content/survey-2015.yaml", 122, 25, "groups[1].methods[5].results.done"), "120 is more than 100 %")
    q = Problem(Location("content/decks/a.yaml", 3, 1, "theme"), "there is no theme `x`")
    err = ContentError([p, q, p, p])
    assert str(err).splitlines() == [
        "content/decks/a.yaml:3:1: theme: there is no theme `x`",
        "content/survey-2015.yaml:122:25: groups[1].methods[5].results.done: 120 is more than 100 %",
        "2 errors in 2 files; nothing was written.",
    ]


def test_problems_sort_by_file_then_line_number_not_text():
    a = Problem(Location("content/x.yaml", 10, 1), "ten")
    b = Problem(Location("content/x.yaml", 9, 5), "nine")
    assert [p.message for p in ContentError([a, b]).sorted()] == ["nine", "ten"]


def test_a_problem_prints_as_one_line_whatever_the_content_holds():
    p = Problem(Location("content/x.yaml", 1, 1, "a\rb"), "unknown key `x\ny\tz\x07`")
    assert str(p) == "content/x.yaml:1:1: a\\rb: unknown key `x\\ny\\tz\\x07`"
