"""Shared helpers for the matching tests (kept out of conftest.py, which the CLI tests own)."""

from __future__ import annotations

from pathlib import Path

from monitor.match import Matcher, Watchlist, load_watchlist

ROOT = Path(__file__).resolve().parent.parent
WATCHLIST = ROOT / "config" / "watchlist.yaml"


def shipped_watchlist() -> Watchlist:
    return load_watchlist(WATCHLIST)


def shipped_matcher(threshold: float = 0.5) -> Matcher:
    return Matcher(shipped_watchlist(), threshold)
