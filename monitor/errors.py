"""The one error hierarchy of monitor.

Everything the program raises on purpose derives from :class:`MonitorError`. The CLI prints
one line for each, and maps :class:`UsageError` (bad config, bad arguments) to exit code 2
and every other :class:`MonitorError` to exit code 1::

    MonitorError
    ├── UsageError                   exit 2
    │   ├── ConfigError              the config, watchlist or events file is invalid
    │   └── NotFoundError            no such feed, match, channel or file
    ├── StorageError                 the database cannot be used
    │   ├── DatabaseLockedError
    │   ├── DatabaseReadOnlyError
    │   ├── NotMonitorDatabaseError
    │   └── DatabaseCorruptError
    ├── FetchError                   a feed could not be fetched (recorded on the feed)
    │   └── HttpStatusError          an error status, with Retry-After and headers
    ├── ParseError                   a body is no feed (recorded on the feed)
    ├── DeliveryError                a channel did not accept a digest
    └── AlreadyRunningError          another daemon holds the database
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta


class MonitorError(Exception):
    """Root of all errors raised by monitor."""


class UsageError(MonitorError):
    """The user asked for something impossible: exit code 2."""


class ConfigError(UsageError):
    """The configuration file is missing, malformed or invalid."""


class StorageError(MonitorError):
    """The database could not be used: unreachable, failed migration, or one of the below."""


class DatabaseLockedError(StorageError):
    """Another process kept the database busy past the busy timeout."""


class DatabaseReadOnlyError(StorageError):
    """The database (or, for SQLite, its file or folder) cannot be written."""


class NotMonitorDatabaseError(StorageError):
    """The file or database is not a monitor database (or not a database at all)."""


class DatabaseCorruptError(StorageError):
    """The database file is damaged."""


class NotFoundError(UsageError):
    """A named object (feed, match, channel) does not exist."""


class FetchError(MonitorError):
    """A feed could not be fetched: network, HTTP status, size or deadline."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class HttpStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        retry_after: timedelta | None,
        headers: Mapping[str, str],
    ) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after
        self.headers = headers

    @property
    def gone(self) -> bool:
        return self.status == 410


class ParseError(MonitorError):
    """A feed body could not be parsed into any entries."""


class DeliveryError(MonitorError):
    """A digest could not be delivered on a channel."""


class AlreadyRunningError(MonitorError):
    """Another daemon already holds the database."""
