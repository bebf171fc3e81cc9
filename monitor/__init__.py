"""monitor: a news-monitoring agent for the Tajikistan–Afghanistan border."""

from __future__ import annotations

__version__ = "0.1.0"
HOMEPAGE = "https://github.com/monitor-border/monitor"
USER_AGENT = f"monitor/{__version__} (+{HOMEPAGE})"
