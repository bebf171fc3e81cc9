"""Help texts: readable metavars (no Python types), commands in the order a user needs them."""

from __future__ import annotations

import re

import pytest
from conftest import Monitor

COMMANDS = [
    [], ["run"], ["poll"], ["status"], ["stats"], ["match"], ["rescan"], ["seed"], ["db"],
    ["db", "upgrade"], ["feeds"], ["feeds", "list"], ["feeds", "check"], ["feeds", "import"],
    ["feeds", "add"], ["feeds", "enable"], ["feeds", "disable"], ["matches"],
    ["matches", "list"], ["matches", "show"], ["matches", "mark"], ["matches", "export"],
    ["stories"], ["stories", "list"], ["stories", "show"], ["stories", "mark"],
    ["digest"], ["digest", "send"], ["digest", "preview"], ["digest", "history"],
]  # fmt: skip


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "monitor")
def test_help_shows_readable_metavars(monitor: Monitor, args: list[str]) -> None:
    proc = monitor.run(*args, "--help", env={"COLUMNS": "100"}, check=True)
    assert not re.search(r"<(bool|str|int|float|path|list)[^>]*>", proc.stdout), proc.stdout
    assert "9223372036854775807" not in proc.stdout
    assert all(len(line) <= 100 for line in proc.stdout.splitlines())


def test_commands_in_the_order_a_user_needs_them(monitor: Monitor) -> None:
    out = monitor.run("--help", env={"COLUMNS": "100"}, check=True).stdout
    listed = re.findall(r"^  ([a-z]+)  ", out.split("Commands:")[1], re.M)
    assert listed[:7] == ["run", "poll", "status", "feeds", "matches", "stories", "digest"]
    assert listed[-1] == "db"
    assert "..." not in out.split("Commands:")[1]  # no description cut short
