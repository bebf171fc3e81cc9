"""Bad config and bad arguments: one line on stderr, exit 2, no traceback."""

from __future__ import annotations

import pytest
from conftest import one_error_line


def test_unknown_key(monitor) -> None:
    monitor.config_path.write_text("feeds: []\nfeedz: []\n")
    one_error_line(monitor.run("status"), "feedz", "unknown key", str(monitor.config_path))


def test_unset_variable(monitor) -> None:
    monitor.config_path.write_text(
        "digests:\n  - name: hook\n    type: webhook\n    url: http://127.0.0.1:1/\n"
        "    secret: '${HOOK_SECRET_UNSET}'\n"
    )
    one_error_line(monitor.run("status"), "HOOK_SECRET_UNSET", "digests[0].secret")


def test_missing_config_file(monitor) -> None:
    proc = monitor.run("status", env={})
    one_error_line(proc, "not found")


@pytest.mark.parametrize(
    "args,needle",
    [
        (["poll", "--bogus"], "--bogus"),
        (["nosuchcommand"], "nosuchcommand"),
        (["feeds", "import"], "FILE.opml"),
        (["matches", "list", "--limit", "abc"], "'--limit': 'abc' is not a valid integer"),
        (["matches", "list", "--limit", "-5"], "-5 is not in the range 0<=x<=1000000"),
        (["stories", "list", "--min-severity", "9"], "--min-severity"),
        (["matches", "mark", "1"], "Missing option '--as'"),
        (["matches", "show", "abc"], "'ID': 'abc' is not a valid integer"),
    ],
)
def test_bad_arguments(monitor, args: list[str], needle: str) -> None:
    monitor.write_config([])
    one_error_line(monitor.run(*args), needle)


def test_debug_shows_traceback(monitor) -> None:
    monitor.config_path.write_text("feeds: 5\n")
    proc = monitor.run("--debug", "status")
    assert proc.returncode != 0 and "Traceback" in proc.stderr


def test_bad_database_url(monitor) -> None:
    monitor.write_config([])
    proc = monitor.run("--db", "nosuchdb://x", "status")
    one_error_line(proc, "database")
