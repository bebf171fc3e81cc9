"""The opened configuration every use case works with: settings, database, clock, matcher."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from monitor.config import LoadedConfig, Settings
from monitor.records import FeedSync
from monitor.storage import db
from monitor.storage import feeds as feed_store
from monitor.storage.db import Engine, Sessions

if TYPE_CHECKING:
    from monitor.match import Matcher


def utcnow() -> datetime:
    return datetime.now(UTC)


def build_matcher(settings: Settings) -> Matcher:
    """The matcher of the configured watchlist and threshold (raises ConfigError)."""
    from monitor.match import Matcher, load_watchlist

    return Matcher(load_watchlist(settings.watchlist), settings.matching.threshold)


@dataclass
class App:
    """An opened configuration: settings, database and (lazily) the matcher."""

    config: LoadedConfig
    engine: Engine
    clock: Callable[[], datetime] = field(default=utcnow)

    @classmethod
    def open(cls, config: LoadedConfig, *, auto_upgrade: bool = True) -> App:
        engine = db.open_database(config.settings.database.url, auto_upgrade=auto_upgrade)
        return cls(config, engine)

    @property
    def settings(self) -> Settings:
        return self.config.settings

    @cached_property
    def sessions(self) -> Sessions:
        return db.session_factory(self.engine)

    @cached_property
    def matcher(self) -> Matcher:
        return build_matcher(self.settings)

    @property
    def sqlite_file(self) -> Path | None:
        """The SQLite database file; None on PostgreSQL."""
        return db.sqlite_file(self.engine)

    def sync_feeds(self) -> FeedSync:
        with self.sessions.begin() as session:
            return feed_store.sync_config_feeds(session, self.settings.feeds, self.clock())

    def close(self) -> None:
        self.engine.dispose()
