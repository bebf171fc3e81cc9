from __future__ import annotations

from pathlib import Path

import pytest

from monitor.match import Matcher, Watchlist, load_watchlist

ROOT = Path(__file__).resolve().parent.parent
WATCHLIST = ROOT / "config" / "watchlist.yaml"


@pytest.fixture(scope="session")
def watchlist() -> Watchlist:
    return load_watchlist(WATCHLIST)


@pytest.fixture(scope="session")
def matcher(watchlist: Watchlist) -> Matcher:
    return Matcher(watchlist, 0.5)
