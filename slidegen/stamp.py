"""The one time stamped into built files: SOURCE_DATE_EPOCH when set, else the meeting date, never the clock."""

from __future__ import annotations

import datetime as dt
import os

EPOCH = dt.datetime(1980, 1, 1)
"""The earliest time a zip entry can carry; used when a meeting has no date yet."""

LATEST = dt.datetime(2107, 12, 31, 23, 59, 58)
"""The latest time a zip entry can carry."""


def build_time(meeting_date: dt.date | None) -> dt.datetime:
    """SOURCE_DATE_EPOCH (UTC) when set, else the meeting date at midnight, else 1980-01-01 (naive, UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        seconds = min(int(epoch), int(LATEST.replace(tzinfo=dt.timezone.utc).timestamp()))
        return max(EPOCH, dt.datetime.fromtimestamp(seconds, dt.timezone.utc).replace(tzinfo=None))
    if meeting_date is None:
        return EPOCH
    return dt.datetime.combine(meeting_date, dt.time(0, 0))
