"""Database maintenance: apply the schema migrations (``monitor db upgrade``)."""

from __future__ import annotations

from monitor.config import LoadedConfig
from monitor.storage import db


def upgrade_database(config: LoadedConfig) -> tuple[str | None, str | None]:
    """Apply migrations up to the newest; returns the revisions before and after."""
    engine = db.create_db_engine(config.settings.database.url)
    try:
        return db.upgrade(engine)
    finally:
        engine.dispose()
