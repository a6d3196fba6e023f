"""The one time stamped into built files: never the clock."""

from __future__ import annotations

import datetime as dt

from slidegen.stamp import EPOCH, LATEST, build_time


def test_the_meeting_date_at_midnight(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_time(dt.date(2016, 10, 28)) == dt.datetime(2016, 10, 28, 0, 0)


def test_no_date_yet_gives_the_earliest_time_a_zip_can_hold(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_time(None) == EPOCH == dt.datetime(1980, 1, 1)


def test_source_date_epoch_wins_and_is_kept_within_what_zip_can_store(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1477648800")  # 2016-10-28 10:00 UTC
    assert build_time(dt.date(2020, 1, 1)) == dt.datetime(2016, 10, 28, 10, 0)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert build_time(None) == EPOCH
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "99999999999")
    assert build_time(None) == LATEST
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "not a number")
    assert build_time(dt.date(2016, 10, 28)) == dt.datetime(2016, 10, 28)
