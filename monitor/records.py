"""Plain typed records that cross the storage boundary (no ORM object leaves ``storage/``).

Storage functions return and take these; use cases, the pipeline and the digest builder work
on them without a session. Frozen dataclasses, so a record is a value, not a live row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ChannelRun:
    """A digest channel's schedule state: when it is next due, who holds its claim."""

    name: str
    next_run_at: datetime | None
    last_run_at: datetime | None
    claimed_by: str | None
