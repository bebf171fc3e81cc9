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


# ---- digests on schedule, and kill -9 -------------------------------------------------------
BORDER_ITEM = """<item><title>Shooting on the Tajik-Afghan border near Pyanj, {n} detained</title>
<link>https://news.example.org/late-{n}</link><guid>late-{n}</guid>
<description>Tajik border guards exchanged fire with smugglers crossing the Panj river from
Afghanistan's Kunduz province.</description>
<pubDate>Tue, 04 Jun 2024 0{n}:00:00 +0000</pubDate></item>"""


def serve_growing_feed(server: FeedServer, extra: int) -> None:
    from feedserver import FIXTURES

    body = (FIXTURES / "rss2.xml").read_text(encoding="utf-8").replace("<ttl>60</ttl>", "")
    items = "".join(BORDER_ITEM.format(n=n) for n in range(1, extra + 1))
    server.feed("/wire.xml", body.replace("</channel>", items + "</channel>").encode())


def accepted_match_ids(receiver) -> list[list[int]]:
    """The match ids of each digest the receiver accepted, once per idempotency key."""
    import json

    seen: dict[str, list[int]] = {}
    for status, headers, body in receiver.received:
        if status < 300:
            payload = json.loads(body)
            seen[headers["Idempotency-Key"]] = [m["id"] for m in payload["matches"]]
    return list(seen.values())


def mark_digest_overdue(monitor, channel: str) -> None:
    """As if the machine had been down at the channel's scheduled time."""
    monitor.sql_exec(
        "INSERT INTO channel_state (name, next_run_at) VALUES (?, '2020-01-01 00:00:00') "
        "ON CONFLICT(name) DO UPDATE SET next_run_at = '2020-01-01 00:00:00'",
        channel,
    )


def hook(receiver, schedule: str = "* * * * *") -> dict[str, str]:
    return {"name": "hook", "type": "webhook", "url": receiver.url, "schedule": schedule,
            "timezone": "UTC", "format": "json"}  # fmt: skip


def test_missed_digest_at_start_then_scheduled_digest_with_new_item(
    monitor, feed_server: FeedServer, receiver
) -> None:
    serve_growing_feed(feed_server, 0)
    monitor.write_config(
        [{"name": "wire", "url": feed_server.url("/wire.xml"), "interval": "1s"}],
        digests=[hook(receiver)],
    )
    monitor.run("poll", check=True)
    first_ids = {r[0] for r in monitor.sql("SELECT id FROM matches")}
    assert first_ids
    mark_digest_overdue(monitor, "hook")
    proc = start_daemon(monitor, "--tick", "0.3s")
    try:
        # the digest missed while "down" is sent once at start-up
        assert wait_for(lambda: len(accepted_match_ids(receiver)) >= 1, timeout=30)
        assert set(accepted_match_ids(receiver)[0]) == first_ids
        serve_growing_feed(feed_server, 1)  # a new border item appears
        assert wait_for(
            lambda: monitor.sql("SELECT count(*) FROM matches")[0][0] > len(first_ids), 30
        )
        # the cron schedule (every minute) delivers it in a later digest
        assert wait_for(lambda: len(accepted_match_ids(receiver)) >= 2, timeout=75)
    finally:
        code, err = stop(proc)
    assert code == 0, err
    digests = accepted_match_ids(receiver)
    all_ids = {r[0] for r in monitor.sql("SELECT id FROM matches")}
    delivered = [i for d in digests for i in d]
    assert sorted(delivered) == sorted(all_ids)  # every match once, none twice
    assert len(digests[1]) == 1 and digests[1][0] not in first_ids


def test_kill_9_then_restart_loses_nothing_and_sends_nothing_twice(
    monitor, feed_server: FeedServer, receiver
) -> None:
    serve_growing_feed(feed_server, 0)
    monitor.write_config(
        [{"name": "wire", "url": feed_server.url("/wire.xml"), "interval": "1s"}],
        digests=[hook(receiver, schedule="0 0 1 1 *")],  # yearly: only catch-ups send here
    )
    monitor.run("poll", check=True)
    mark_digest_overdue(monitor, "hook")
    proc = start_daemon(monitor, "--tick", "0.2s")
    try:
        assert wait_for(lambda: len(accepted_match_ids(receiver)) >= 1, timeout=30)
        for n in (1, 2, 3):  # items keep arriving while the daemon polls every second
            serve_growing_feed(feed_server, n)
            time.sleep(0.7)
        assert wait_for(lambda: monitor.sql("SELECT count(*) FROM entries")[0][0] >= 8, 30)
    finally:
        proc.kill()  # SIGKILL: no clean-up of any kind
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    # after the restart the undelivered matches go out in the next digest, and only those
    mark_digest_overdue(monitor, "hook")
    proc = start_daemon(monitor, "--tick", "0.2s")
    try:
        assert wait_for(lambda: len(accepted_match_ids(receiver)) >= 2, timeout=30)
        assert wait_for(lambda: feed_server.hits["/wire.xml"] >= 1, timeout=10)
    finally:
        code, err = stop(proc)
    assert code == 0, err
    digests = accepted_match_ids(receiver)
    all_ids = sorted(r[0] for r in monitor.sql("SELECT id FROM matches"))
    delivered = sorted(i for d in digests for i in d)
    assert delivered == all_ids, (digests, all_ids)
    assert monitor.sql("SELECT count(*) FROM entries")[0][0] == 8  # 5 + 3, each once
    undelivered = monitor.sql(
        "SELECT count(*) FROM matches WHERE id NOT IN "
        "(SELECT match_id FROM digest_items WHERE channel = 'hook' AND delivered = 1)"
    )[0][0]
    assert undelivered == 0


def test_failed_digest_is_retried_at_its_retry_time_not_the_next_cron_time(
    monitor, feed_server: FeedServer, receiver
) -> None:
    serve_growing_feed(feed_server, 0)
    channel = {**hook(receiver, schedule="0 0 1 1 *"), "retry_after": "1s"}  # yearly schedule
    monitor.write_config(
        [{"name": "wire", "url": feed_server.url("/wire.xml"), "interval": "1h"}],
        digests=[channel],
    )
    monitor.run("poll", check=True)
    match_ids = sorted(r[0] for r in monitor.sql("SELECT id FROM matches"))
    assert match_ids
    mark_digest_overdue(monitor, "hook")
    receiver.answers = [500]  # the first delivery fails, the next one is accepted
    proc = start_daemon(monitor, "--tick", "0.2s")
    try:
        delivered = wait_for(lambda: len(accepted_match_ids(receiver)) >= 1, timeout=30)
    finally:
        code, err = stop(proc)
    assert delivered and code == 0, err
    assert [status for status, _, _ in receiver.received] == [500, 200]
    assert sorted(accepted_match_ids(receiver)[0]) == match_ids
    history = monitor.json("digest", "history", "--json")
    assert [d["status"] for d in reversed(history)] == ["failed", "sent"]
    assert "next attempt at" in err
    # after the success the next run is the schedule's: 1 January, not a retry
    next_run = monitor.sql("SELECT next_run_at FROM channel_state WHERE name = 'hook'")[0][0]
    assert next_run[5:16] == "01-01 00:00", next_run
