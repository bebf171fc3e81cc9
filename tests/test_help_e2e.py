"""Help texts: readable metavars (no Python types), commands in the order a user needs them."""

from __future__ import annotations

import re
import subprocess
import sys

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


@pytest.mark.parametrize("args", [["matches"], ["db"], ["stories"]], ids=" ".join)
def test_a_group_without_a_command_prints_its_help(monitor: Monitor, args: list[str]) -> None:
    proc = monitor.run(*args, env={"COLUMNS": "100"})
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"Usage: {' '.join(['monitor', *args])} [OPTIONS] COMMAND")
    assert "\nCommands:\n" in proc.stderr and "error" not in proc.stderr


def test_arguments_are_documented(monitor: Monitor) -> None:
    out = monitor.run("matches", "mark", "--help", env={"COLUMNS": "100"}, check=True).stdout
    assert "Usage: monitor matches mark [OPTIONS] ID...\n" in out
    assert re.search(r"^  ID\.\.\.  Match ids\.$", out, re.M), out
    assert re.search(r"^  --as MARK +relevant, irrelevant or seen\.  \[required\]$", out, re.M)


# A read-only command that prints no table imports neither Rich nor a CLI library's pydantic.
LEAN_SCRIPT = """
import sys
from monitor.cli.main import main
try:
    main(sys.argv[1:])
finally:
    print(sorted(m for m in ("rich", "typer") if m in sys.modules), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args", [["status", "--json"], ["matches", "list"], ["stories", "list"], ["--help"]]
)
def test_plain_output_imports_no_rich(monitor: Monitor, args: list[str]) -> None:
    monitor.write_config([])
    proc = subprocess.run(
        [sys.executable, "-c", LEAN_SCRIPT, "--config", str(monitor.config_path), *args],
        cwd=monitor.home, env=monitor.env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines()[-1] == "[]", proc.stderr
