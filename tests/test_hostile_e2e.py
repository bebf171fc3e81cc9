"""End to end: one `monitor poll` over every kind of hostile feed at once, beside good feeds.

No hostile feed may stop the others: every good feed's entries are stored, every hostile
feed's error is reported on its own line, server hints are clamped, and a refused redirect
leaves the stored URL alone. (Time and peak memory of this poll: bench/hostile.py.)
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from feedserver import FeedServer
from hostile import serve_hostile


def test_one_poll_over_every_hostile_feed(
    monitor, feed_server: FeedServer, private_server: FeedServer, tmp_path: Path
) -> None:
    cat = serve_hostile(feed_server, private_server, tmp_path / "files")
    monitor.write_config(
        cat.feeds,
        fetch={"connect_timeout": "2s", "read_timeout": "2s", "deadline": "5s",
               "parse_deadline": "3s"},
    )  # fmt: skip
    proc = monitor.run("poll", "--json")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    import json

    report = json.loads(proc.stdout)
    by_name = {f["name"]: f for f in report["feeds"]}
    assert set(by_name) == {f["name"] for f in cat.feeds}
    for name, count in {**cat.good, **cat.odd_ok}.items():
        line = by_name[name]
        assert (line["status"], line["new_entries"]) == ("ok", count), line
    for name, reason in cat.errors.items():
        line = by_name[name]
        assert line["status"] == "error", line
        assert reason.lower() in line["error"].lower(), line
        assert "internal error" not in line["error"]

    stored = dict(monitor.sql(
        "SELECT f.name, count(e.id) FROM feeds f LEFT JOIN entries e ON e.feed_id = f.id "
        "GROUP BY f.name"
    ))  # fmt: skip
    for name, count in {**cat.good, **cat.odd_ok}.items():
        assert stored[name] == count, name
    for name in cat.errors:
        assert stored[name] == 0, name
    assert private_server.hits["/internal.xml"] == 0  # refused before any request was sent

    # hints clamped: every next fetch is due within the backoff ceiling (a day), none overflowed
    now = datetime.now(UTC)
    for name, due in monitor.sql("SELECT name, next_due_at FROM feeds"):
        due_at = datetime.fromisoformat(due).replace(tzinfo=UTC)
        assert now < due_at < now + timedelta(days=1, hours=3), (name, due)
    # a 301 to a refused host does not move the feed
    urls = dict(monitor.sql("SELECT name, url FROM feeds"))
    assert urls["to-private"] == feed_server.url("/to-private.xml")
    # the text of the markup bombs is clean
    (title, summary) = monitor.sql(
        "SELECT e.title, e.summary FROM entries e JOIN feeds f ON f.id = e.feed_id "
        "WHERE f.name = 'unclosed-script'"
    )[0]
    assert title == "Border bomb" and "<script" not in summary


def test_private_redirects_allowed_by_config(
    monitor, feed_server: FeedServer, private_server: FeedServer
) -> None:
    private_server.fixture("/internal.xml", "rss2.xml")
    feed_server.redirect("/to-private.xml", 301, private_server.url("/internal.xml"))
    # a feed configured on the private host itself may redirect within that host
    private_server.redirect("/old.xml", 301, "/internal.xml")
    monitor.write_config(
        [
            {"name": "redirected", "url": feed_server.url("/to-private.xml")},
            {"name": "own-host", "url": private_server.url("/old.xml")},
        ],
        fetch={"allow_private": True},
    )
    report = monitor.json("poll", "--json")
    assert [f["status"] for f in report["feeds"]] == ["ok", "ok"], report
    urls = dict(monitor.sql("SELECT name, url FROM feeds"))
    assert urls["redirected"] == private_server.url("/internal.xml")  # a 301: moved

    monitor.write_config([{"name": "own-host", "url": private_server.url("/old.xml")}])
    monitor.sql_exec("UPDATE feeds SET next_due_at = NULL, etag = NULL, last_modified = NULL")
    report = monitor.json("poll", "--json")
    assert report["feeds"][0]["status"] in ("ok", "not_modified"), report
