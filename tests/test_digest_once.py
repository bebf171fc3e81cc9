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
