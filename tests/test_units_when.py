"""`--since`/`--until` times: ISO dates and times, or durations back from now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.units import parse_when

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("36h", NOW - timedelta(hours=36)),
        ("1h30m", NOW - timedelta(hours=1, minutes=30)),
        ("7d", NOW - timedelta(days=7)),
        ("3000d", NOW - timedelta(days=3000)),  # four digits are a duration too, not a year
        ("2w", NOW - timedelta(weeks=2)),
        ("36 h", NOW - timedelta(hours=36)),
        ("2026-11-30", datetime(2026, 11, 30, tzinfo=UTC)),
        ("2026-11-30T06:00:00Z", datetime(2026, 11, 30, 6, tzinfo=UTC)),
        ("2026-11-30T09:00:00+03:00", datetime(2026, 11, 30, 6, tzinfo=UTC)),
    ],
)
def test_parse_when(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW) == expected


@pytest.mark.parametrize("text", ["yesterday", "7days", "2026-13-01", "d7", ""])
def test_parse_when_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="invalid time"):
        parse_when(text, NOW)
