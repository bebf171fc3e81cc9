"""Offline or behind a broken network: one line per pass that says why, failures said once."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import Monitor
from feedserver import wait_for
from receivers import free_port
from test_daemon_e2e import start_daemon, stop

from monitor.pipeline.poll import FeedReport, failure_cause, pass_summary


def dead_feeds(n: int) -> list[dict[str, str]]:
    port = free_port()  # nothing listens: connection refused, on loopback only
    return [{"name": f"dead-{i}", "url": f"http://127.0.0.1:{port}/{i}.xml"} for i in range(n)]


def polled(monitor: Monitor) -> int:
    try:
        query = "SELECT count(*) FROM feeds WHERE last_fetched_at IS NOT NULL"
        return int(monitor.sql(query)[0][0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_daemon_logs_one_line_per_pass_saying_every_feed_failed_alike(monitor: Monitor) -> None:
    monitor.write_config(dead_feeds(4))
    proc = start_daemon(monitor, "--tick", "0.3s")
    try:
        assert wait_for(lambda: polled(monitor) == 4, timeout=60)
    finally:
        code, err = stop(proc)
    assert code == 0, err
    lines = err.splitlines()
    assert "monitor daemon started: 4 feeds" in err
    passes = [line for line in lines if "poll pass" in line]
    assert passes and all("(4 feeds failed: connection failed)" in p for p in passes), err
    assert not [line for line in lines if "dead-" in line], err  # no line per feed


def test_first_line_covers_every_feed_due_at_start_even_over_several_claims(
    monitor: Monitor,
) -> None:
    """More dead feeds than fetch slots: several claims, still one line saying all failed."""
    fetch = {"connect_timeout": "2s", "read_timeout": "2s", "deadline": "3s", "concurrency": 1}
    monitor.write_config(dead_feeds(9), fetch=fetch)
    proc = start_daemon(monitor, "--tick", "0.3s")
    try:
        assert wait_for(lambda: polled(monitor) == 9, timeout=60)
    finally:
        code, err = stop(proc)
    assert code == 0, err
    passes = [line for line in err.splitlines() if "poll pass" in line]
    assert passes, err
    assert "poll pass: 9 feeds" in passes[0], err
    assert "(9 feeds failed: connection failed)" in passes[0], err


@pytest.mark.parametrize(
    "error,cause",
    [
        ("ConnectError: [Errno -2] Name or service not known", "name resolution"),
        ("ConnectError: [Errno -3] Temporary failure in name resolution", "name resolution"),
        ("ConnectError: [Errno 101] Network is unreachable", "network unreachable"),
        ("ConnectError: [Errno 111] Connection refused", "connection refused"),
        ("ConnectError: All connection attempts failed", "connection failed"),
        ("deadline of 45s exceeded", "timeout"),
        ("HTTP 503", "HTTP 503"),
    ],
)
def test_failure_cause(error: str, cause: str) -> None:
    assert failure_cause(error) == cause


def test_pass_summary_only_when_every_feed_failed_alike() -> None:
    dns = "ConnectError: [Errno -2] Name or service not known"
    down = [FeedReport(f"f{i}", "error", error=dns) for i in range(31)]
    assert pass_summary(down) == "31 feeds failed: name resolution — is the network up?"
    assert pass_summary([*down, FeedReport("ok", "ok")]) is None
    assert pass_summary([*down, FeedReport("x", "error", error="HTTP 404")]) is None


def test_status_at_80_columns_shows_each_failure_once(monitor: Monitor) -> None:
    monitor.write_config(dead_feeds(3))
    monitor.run("poll")
    out = monitor.run("status", env={"COLUMNS": "80"}, check=True).stdout
    assert out.count("connection attempts") == 1, out
    assert "failing: 3 feeds (dead-0, dead-1, dead-2)" in out
    table = out.split("\nfeeds ")[1]  # (the config and database paths above are long here)
    assert all(len(line.rstrip()) <= 80 for line in table.splitlines())
