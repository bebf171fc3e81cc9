"""Bad config and bad arguments: one line on stderr, exit 2, no traceback."""

from __future__ import annotations

import pytest


def assert_one_line_error(proc, *needles: str, code: int = 2) -> None:
    assert proc.returncode == code, (proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_unknown_key(monitor) -> None:
    monitor.config_path.write_text("feeds: []\nfeedz: []\n")
    assert_one_line_error(monitor.run("status"), "feedz", "unknown key", str(monitor.config_path))


def test_unset_variable(monitor) -> None:
    monitor.config_path.write_text(
        "digests:\n  - name: hook\n    type: webhook\n    url: http://127.0.0.1:1/\n"
        "    secret: '${HOOK_SECRET_UNSET}'\n"
    )
    assert_one_line_error(monitor.run("status"), "HOOK_SECRET_UNSET", "digests[0].secret")


def test_missing_config_file(monitor) -> None:
    proc = monitor.run("status", env={})
    assert_one_line_error(proc, "not found")


@pytest.mark.parametrize(
    "args,needle",
    [
        (["poll", "--bogus"], "--bogus"),
        (["nosuchcommand"], "nosuchcommand"),
        (["feeds", "import"], "FILE.opml"),
    ],
)
def test_bad_arguments(monitor, args: list[str], needle: str) -> None:
    monitor.write_config([])
    assert_one_line_error(monitor.run(*args), needle)


def test_debug_shows_traceback(monitor) -> None:
    monitor.config_path.write_text("feeds: 5\n")
    proc = monitor.run("--debug", "status")
    assert proc.returncode != 0 and "Traceback" in proc.stderr


def test_bad_database_url(monitor) -> None:
    monitor.write_config([])
    proc = monitor.run("--db", "nosuchdb://x", "status")
    assert_one_line_error(proc, "database")
