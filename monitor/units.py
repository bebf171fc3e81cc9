"""Small values written by people or feeds: durations, sizes, times, language codes, slugs."""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime, timedelta

_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([smhdw])", re.IGNORECASE)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "b": 1, "k": 1000, "m": 1000**2, "g": 1000**3}
MAX_DURATION_SECONDS = 100 * 365.25 * 86400


def parse_duration(value: str | int | float) -> timedelta:
    """Parse ``90``, ``30s``, ``15m``, ``1h30m``, ``7d`` into a timedelta.

    A bare number is seconds. Raises ValueError on anything else.
    """
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        text = value.strip().replace(" ", "")
        parts = _duration_parts(text)
        if re.fullmatch(r"\d+(\.\d+)?", text):
            seconds = float(text)
        elif parts:
            seconds = sum(float(n) * _UNITS[u.lower()] for n, u in parts)
        else:
            raise ValueError(f"invalid duration {value!r} (use e.g. 30s, 15m, 2h, 7d)")
    if not seconds >= 0:  # also NaN
        raise ValueError(f"negative duration {value!r}")
    if seconds > MAX_DURATION_SECONDS:  # also infinity: nothing later can overflow
        raise ValueError(f"duration {value!r} is longer than 100 years")
    return timedelta(seconds=seconds)


def _duration_parts(text: str) -> list[tuple[str, str]]:
    """``text`` (no spaces) as (number, unit) pairs when it is all such pairs, else []."""
    parts: list[tuple[str, str]] = _DURATION_PART.findall(text)
    return parts if "".join(n + u for n, u in parts).lower() == text.lower() else []


def parse_size(value: str | int) -> int:
    """Parse ``10MB``, ``512k``, ``1GiB`` or a byte count into bytes."""
    if isinstance(value, int):
        if value <= 0:
            raise ValueError(f"size must be positive, not {value}")
        return value
    m = _SIZE.match(value)
    if not m:
        raise ValueError(f"invalid size {value!r} (use e.g. 10MB, 512kB)")
    unit = (m.group(2) or "").lower()
    base = 1024 if "i" in unit else 1
    letter = unit[:1] if unit not in ("", "b") else unit
    factor = _SIZE_UNITS[letter] if base == 1 else 1024 ** ("kmg".index(letter) + 1)
    return int(float(m.group(1)) * factor)


# The longest delay a server's hint (Retry-After, max-age, Expires, ttl) can ever ask for; callers
# clamp further. Anything longer, or too long to compute, is read as this.
MAX_HINT = timedelta(days=365)


def hint_seconds(digits: str) -> timedelta:
    """A server's count of seconds (digits only), clamped to :data:`MAX_HINT`."""
    if len(digits) > 9:  # more than 31 years: no arithmetic on a number of any length
        return MAX_HINT
    return min(timedelta(seconds=int(digits)), MAX_HINT)


def http_date(value: str) -> datetime | None:
    """An HTTP date (RFC 9110) as an aware datetime; None when unreadable."""
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def parse_retry_after(value: str | None, now: datetime) -> timedelta | None:
    """A Retry-After header (seconds or an HTTP date) as a delay in [0, MAX_HINT]; None when
    absent or unreadable. Used by fetching and by webhook delivery."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return hint_seconds(value)
    when = http_date(value)
    if when is None:
        return None
    return min(max(when - now, timedelta(0)), MAX_HINT)


def parse_when(value: str, now: datetime) -> datetime:
    """Parse an ISO 8601 date or time, or a duration back from ``now`` (``36h``, ``7d``).

    Naive times are taken as UTC. The result is UTC-aware.
    """
    text = value.strip()
    if _duration_parts(text.replace(" ", "")):  # 36h, 1h30m, 3000d (not the year 3000)
        return now - parse_duration(text)
    try:
        return parse_iso(text)
    except ValueError:
        raise ValueError(
            f"invalid time {value!r} "
            "(use an ISO 8601 date or time, or a duration such as 36h or 7d)"
        ) from None


def parse_iso(text: str) -> datetime:
    """An ISO 8601 time (``Z`` allowed) as an aware UTC datetime; naive means UTC."""
    dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def format_duration(delta: timedelta) -> str:
    """Render a timedelta compactly: ``1d2h``, ``15m``, ``40s``."""
    seconds = int(abs(delta.total_seconds()))
    out = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            out.append(f"{seconds // size}{unit}")
            seconds %= size
    if seconds or not out:
        out.append(f"{seconds}s")
    return ("-" if delta.total_seconds() < 0 else "") + "".join(out[:2])


def format_utc(value: datetime | None) -> str | None:
    """An aware datetime as ISO 8601 UTC with a ``Z`` (``2026-01-02T03:04:05Z``); None stays."""
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z") if value else None


def language_code(value: object) -> str | None:
    """The primary language subtag of a tag (``en-US`` → ``en``, ``ru_RU`` → ``ru``), else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(value: str) -> str:
    """``[a-z0-9-]`` only: lower-cased, every other run of characters one hyphen."""
    return _SLUG.sub("-", value.lower()).strip("-")
