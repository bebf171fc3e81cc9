from __future__ import annotations

from pathlib import Path

import pytest
from match_support import shipped_watchlist

from monitor.errors import ConfigError
from monitor.match import Watchlist, load_watchlist

GOOD = """
entries:
  - id: panj
    name: Panj
    kind: river
    role: place
    side: both
    aliases: [Pyanj]
"""


@pytest.fixture(scope="module")
def watchlist() -> Watchlist:
    return shipped_watchlist()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "watchlist.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_and_looks_up(tmp_path: Path) -> None:
    wl = load_watchlist(write(tmp_path, GOOD))
    assert wl.get("panj") is wl.get("PANJ") is wl.entries[0]
    assert wl.get("nothing") is None


def test_version_is_stable_and_content_sensitive(tmp_path: Path) -> None:
    a = load_watchlist(write(tmp_path, GOOD)).version
    b = load_watchlist(write(tmp_path, GOOD)).version
    c = load_watchlist(write(tmp_path, GOOD.replace("Pyanj", "Pyandzh"))).version
    assert a == b != c


def test_version_ignores_provenance(tmp_path: Path) -> None:
    a = load_watchlist(write(tmp_path, GOOD)).version
    b = load_watchlist(write(tmp_path, GOOD + "    count: 3\n")).version
    assert a == b


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("entries: 3", "'entries' list"),
        ("entries:\n  - 5\n", "entries[0]: entry must be a mapping"),
        (GOOD.replace("role: place", "role: bogus"), "entries[0] (panj): role"),
        (GOOD + "    colour: red\n", "entries[0] (panj): unknown key 'colour'"),
        (GOOD.replace("    name: Panj\n", ""), "required key 'name' is missing"),
        (GOOD.replace("id: panj", "id: Panj River"), "entries[0] (Panj River): id"),
        (GOOD + GOOD.replace("entries:\n", ""), "duplicate id 'panj'"),
        (
            GOOD + GOOD.replace("entries:\n", "").replace("id: panj", "id: other"),
            "alias 'Panj' is already an alias of 'panj'",
        ),
        (GOOD.replace("role: place", "role: negative"), "role 'negative' needs a 'context'"),
        ("entries: [", "line"),
    ],
)
def test_errors_are_one_line_naming_file_and_entry(
    tmp_path: Path, text: str, fragment: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_watchlist(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert fragment in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_watchlist(tmp_path / "nope.yaml")


def test_shipped_watchlist_is_valid_and_large(watchlist: Watchlist) -> None:
    assert len(watchlist.entries) > 60
    roles = {e.role for e in watchlist.entries}
    assert {"anchor", "country", "border", "place", "actor", "topic", "negative"} <= roles
    for entry in watchlist.entries:
        assert entry.provenance.seeds or entry.provenance.added_by_hand, entry.id
