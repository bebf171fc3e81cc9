"""A channel's digest goes out once, whoever sends it and however many at once (PostgreSQL)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from typing import Any

from feedserver import FeedServer, wait_for
from receivers import Receiver


def sender(monitor, *args: str) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "monitor", "--config", str(monitor.config_path), *args]
    return subprocess.Popen(
        cmd, cwd=monitor.home, env=monitor.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def set_up(monitor, feed_server: FeedServer, receiver: Receiver, url: str) -> None:
    feed_server.fixture("/rss2.xml", "rss2.xml")
    hook: dict[str, Any] = {
        "name": "hook", "type": "webhook", "url": receiver.url, "format": "json",
        "timeout": "60s",
    }  # fmt: skip
    monitor.write_config(
        [{"name": "wire", "url": feed_server.url("/rss2.xml")}],
        database={"url": url},
        digests=[hook],
    )
    monitor.run("poll", check=True)


def keys(receiver: Receiver) -> list[str]:
    return [headers["Idempotency-Key"] for _status, headers, _body in receiver.received]


def test_two_sends_of_one_channel_at_once_deliver_once(
    monitor, feed_server: FeedServer, receiver: Receiver, postgres_db: str
) -> None:
    set_up(monitor, feed_server, receiver, postgres_db)
    receiver.delay = 2.0  # a slow receiver: the two sends overlap
    first, second = sender(monitor, "digest", "send", "hook", "--json"), None
    try:
        second = sender(monitor, "digest", "send", "hook", "--json")
        outs = [p.communicate(timeout=120) for p in (first, second)]
    finally:
        for p in (first, second):
            if p is not None and p.poll() is None:
                p.kill()
    assert [p.returncode for p in (first, second)] == [0, 0], outs
    statuses = sorted(json.loads(out)["status"] for out, _err in outs)
    assert statuses == ["empty", "sent"], outs  # the later one found nothing left to send
    assert len(receiver.received) == 1


def test_a_killed_senders_digest_goes_out_once_after_its_lease(
    monitor, feed_server: FeedServer, receiver: Receiver, postgres_db: str
) -> None:
    set_up(monitor, feed_server, receiver, postgres_db)
    receiver.delay = 120.0  # hung: the first sender waits for an answer
    first = sender(monitor, "digest", "send", "hook")
    try:
        assert wait_for(lambda: len(receiver.received) == 1, timeout=60)
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=30)
    receiver.delay = 0.0
    second = sender(monitor, "digest", "send", "hook", "--json")
    try:
        time.sleep(5)
        # the first sender's lease has not expired: its pending digest is not resent yet
        assert len(receiver.received) == 1 and second.poll() is None
        out, err = second.communicate(timeout=120)
    finally:
        if second.poll() is None:
            second.kill()
    assert second.returncode == 0, err
    outcome = json.loads(out)
    assert len(outcome["resent"]) == 1
    assert len(receiver.received) == 2
    assert keys(receiver)[0] == keys(receiver)[1]  # the same digest, resent once


def test_a_killed_daemons_digest_goes_out_once_from_another_daemon(
    monitor, feed_server: FeedServer, receiver: Receiver, postgres_db: str
) -> None:
    """`kill -9` of a daemon while its webhook hangs: the next daemon sends that digest once."""
    from sqlalchemy import create_engine, text
    from test_daemons_pg import daemons

    set_up(monitor, feed_server, receiver, postgres_db)
    engine = create_engine(postgres_db)
    try:  # the channel's run is due now (as after a missed schedule)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO channel_state (name, next_run_at) "
                    "VALUES ('hook', now() - interval '1 minute')"
                )
            )
    finally:
        engine.dispose()
    receiver.delay = 120.0  # hung: the first daemon waits for an answer
    with daemons(monitor) as d:
        first = d.start("--tick", "0.5s")
        assert wait_for(lambda: len(receiver.received) == 1, timeout=60), d.log(0)
        first.kill()
        first.wait(timeout=10)
        receiver.delay = 0.0
        d.start("--tick", "0.5s")
        # its claim is released as a dead daemon's, or expires within the 30 s lease
        assert wait_for(lambda: len(receiver.received) == 2, timeout=90), d.log(1)
        time.sleep(3)  # several more ticks: nothing else goes out
        assert len(receiver.received) == 2, d.log(1)
        assert keys(receiver)[0] == keys(receiver)[1]  # the same digest, resent once
        assert "digest hook: resent unconfirmed digest #1" in d.log(1), d.log(1)
        assert "DigestOutcome(" not in d.log(1)
