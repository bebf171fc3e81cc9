"""End to end: `monitor run` as a real subprocess against loopback feeds."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from feedserver import FeedServer, wait_for


def start_daemon(monitor, *args: str) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "monitor", "--config", str(monitor.config_path), "run", *args]
    return subprocess.Popen(
        cmd,
        cwd=monitor.home,
        env=monitor.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop(
    proc: subprocess.Popen[str], sig: int = signal.SIGTERM, timeout: float = 15
) -> tuple[int, str]:
    proc.send_signal(sig)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        raise AssertionError(f"daemon did not stop within {timeout}s:\n{err}") from None
    return proc.returncode, err


def test_polls_on_schedule_and_stops_cleanly(monitor, feed_server: FeedServer) -> None:
    feed_server.fixture("/rss2.xml", "rss2.xml")
    feed_server.fixture("/atom.xml", "atom.xml")
    monitor.write_config(
        [
            {"name": "fast", "url": feed_server.url("/atom.xml"), "interval": "1s"},
            {"name": "slow", "url": feed_server.url("/rss2.xml"), "interval": "1h"},
        ]
    )
    proc = start_daemon(monitor, "--tick", "0.3s")
    try:
        assert wait_for(lambda: feed_server.hits["/atom.xml"] >= 4, timeout=30), feed_server.hits
    finally:
        code, err = stop(proc)
    assert code == 0, err
    assert "Traceback" not in err
    assert feed_server.hits["/rss2.xml"] == 1  # hourly: polled once at start-up only
    assert "poll pass" in err and "daemon stopped" in err
    assert monitor.sql("SELECT count(*) FROM entries")[0][0] == 9
    # later passes were conditional requests answered 304
    status = monitor.json("status", "--json")
    fast = next(f for f in status["feeds"] if f["name"] == "fast")
    assert fast["result"] == "not_modified" and fast["next_due"] is not None
    assert monitor.sql("SELECT count(*) FROM feeds WHERE claimed_until IS NOT NULL")[0][0] == 0


def test_sigterm_abandons_a_slow_fetch_within_seconds(monitor, feed_server: FeedServer) -> None:
    feed_server.slow("/slow.xml", interval=0.2)
    monitor.write_config(
        [{"name": "slow", "url": feed_server.url("/slow.xml")}],
        fetch={"deadline": "60s", "read_timeout": "30s"},
    )
    proc = start_daemon(monitor, "--tick", "0.3s")
    try:
        assert wait_for(lambda: feed_server.hits["/slow.xml"] >= 1, timeout=20)
        time.sleep(0.5)
        started = time.monotonic()
    finally:
        code, err = stop(proc, timeout=10)
    assert code == 0, err
    assert time.monotonic() - started < 8
    assert "given back" in err
    # the abandoned feed is due again at once, not lost until its lease expires
    claimed = monitor.sql("SELECT claimed_until, next_due_at FROM feeds WHERE name = 'slow'")[0]
    assert claimed[0] is None and claimed[1] is not None


def test_second_daemon_on_one_sqlite_file_is_refused(monitor, feed_server: FeedServer) -> None:
    feed_server.fixture("/rss2.xml", "rss2.xml")
    monitor.write_config([{"name": "a", "url": feed_server.url("/rss2.xml"), "interval": "1h"}])
    first = start_daemon(monitor, "--tick", "0.5s")
    try:
        assert wait_for(lambda: feed_server.hits["/rss2.xml"] >= 1, timeout=20)
        second = monitor.run("run", timeout=30)
        assert second.returncode == 1
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1 and "already running" in lines[0], second.stderr
    finally:
        code, err = stop(first)
    assert code == 0, err


def test_sigint_also_exits_0(monitor, feed_server: FeedServer) -> None:
    feed_server.fixture("/rss2.xml", "rss2.xml")
    monitor.write_config([{"name": "a", "url": feed_server.url("/rss2.xml")}])
    proc = start_daemon(monitor, "--tick", "0.5s", "--log-format", "json")
    try:
        assert wait_for(lambda: feed_server.hits["/rss2.xml"] >= 1, timeout=20)
        time.sleep(0.5)
    finally:
        code, err = stop(proc, signal.SIGINT)
    assert code == 0, err
    import json

    records = [json.loads(line) for line in err.strip().splitlines()]
    assert any(r["message"].startswith("poll pass") and r["new_entries"] == 5 for r in records)
