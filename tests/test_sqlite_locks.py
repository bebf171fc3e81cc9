"""SQLite: a person's command beside the daemon waits for the write lock, never fails a feed."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time

from feedserver import FeedServer, wait_for


def test_poll_waits_for_the_write_lock_and_records_no_feed_error(
    monitor, feed_server: FeedServer
) -> None:
    count = 8
    feed_server.fixture("/rss2.xml", "rss2.xml")
    feeds = [{"name": f"f{i}", "url": feed_server.url(f"/rss2.xml?{i}")} for i in range(count)]
    monitor.write_config(feeds)
    monitor.run("db", "upgrade", check=True)
    monitor.run("status", check=True)  # the feeds are in the database
    holder = sqlite3.connect(monitor.db_path, isolation_level=None, timeout=30)
    holder.execute("BEGIN IMMEDIATE")  # as the daemon's writer does, for longer than usual
    holder.execute("UPDATE feeds SET updated_at = updated_at")
    cmd = [sys.executable, "-m", "monitor", "--config", str(monitor.config_path), "poll", "--json"]
    proc = subprocess.Popen(
        cmd, cwd=monitor.home, env=monitor.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        # every feed fetched and parsed: the poll now waits to store them
        assert wait_for(lambda: feed_server.hits["/rss2.xml"] >= count, timeout=60)
        time.sleep(1.0)
        holder.execute("COMMIT")  # a write the poll's transactions did not see
        out, err = proc.communicate(timeout=120)
    finally:
        holder.close()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    report = json.loads(out)
    assert report["totals"]["errors"] == 0, [f["error"] for f in report["feeds"] if f["error"]]
    assert report["totals"]["new_entries"] == 5 * count
    assert monitor.sql("SELECT count(*) FROM feeds WHERE last_error IS NOT NULL")[0][0] == 0
