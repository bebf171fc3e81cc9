"""Shared helpers for the matching tests (the `matcher` fixture is in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from monitor.match import Matcher, Watchlist, load_watchlist

ROOT = Path(__file__).resolve().parent.parent
WATCHLIST = ROOT / "config" / "watchlist.yaml"


def shipped_watchlist() -> Watchlist:
    return load_watchlist(WATCHLIST)


def shipped_matcher(threshold: float = 0.5) -> Matcher:
    return Matcher(shipped_watchlist(), threshold)


def term_ids(matcher: Matcher, text: str) -> set[str]:
    """The watchlist ids found in ``text`` (as a title)."""
    return {h.term_id for h in matcher.find_hits(text, "title")}
