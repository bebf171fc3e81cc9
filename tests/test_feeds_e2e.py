"""End to end: `monitor feeds list|check|import|enable|disable`."""

from __future__ import annotations

from conftest import REPO
from feedserver import FeedServer

OPML = REPO / "tests" / "fixtures" / "feeds" / "feeds.opml"


def test_check_reports_reachability_items_and_age(monitor, feed_server: FeedServer) -> None:
    feed_server.fixture("/rss2.xml", "rss2.xml")
    feed_server.status("/down.xml", 503, {"Retry-After": "60"})
    feed_server.feed("/page.html", b"<html><body>no feed here</body></html>", "text/html")
    monitor.write_config(
        [
            {"name": "good", "url": feed_server.url("/rss2.xml")},
            {"name": "down", "url": feed_server.url("/down.xml")},
            {"name": "page", "url": feed_server.url("/page.html")},
        ]
    )
    proc = monitor.run("feeds", "check", "--json")
    assert proc.returncode == 1  # not every feed is usable
    import json

    checks = {c["name"]: c for c in json.loads(proc.stdout)}
    assert checks["good"]["ok"] and checks["good"]["entries"] == 5
    assert checks["good"]["newest_age_hours"] > 24
    assert checks["good"]["title"] == "Border Wire (test fixture)"
    assert not checks["down"]["ok"] and checks["down"]["http_status"] == 503
    assert "503" in checks["down"]["problem"]
    assert not checks["page"]["ok"] and "not a feed" in checks["page"]["problem"]
    # checking stores nothing
    assert not monitor.db_path.exists() or monitor.sql("SELECT count(*) FROM entries")[0][0] == 0
    human = monitor.run("feeds", "check", "--feed", "good")
    assert human.returncode == 0 and "1 of 1 feeds reachable" in human.stdout


def test_import_opml_then_list_enable_disable(monitor) -> None:
    monitor.write_config([{"name": "eurasianet", "url": "https://eurasianet.org/rss"}])
    out = monitor.run("feeds", "import", str(OPML), check=True).stdout
    assert "2 added, 1 skipped" in out  # eurasianet is already in the config
    feeds = {f["name"]: f for f in monitor.json("feeds", "list", "--json")}
    imported = {n: f for n, f in feeds.items() if f["origin"] == "import"}
    assert {f["url"] for f in imported.values()} == {
        "https://asiaplustj.info/ru/rss",
        "https://feeds.bbci.co.uk/persian/rss.xml",
    }
    again = monitor.run("feeds", "import", str(OPML), check=True).stdout
    assert "0 added, 3 skipped" in again
    name = next(iter(imported))
    monitor.run("feeds", "disable", name, check=True)
    assert not {f["name"]: f for f in monitor.json("feeds", "list", "--json")}[name]["enabled"]
    monitor.run("feeds", "enable", name, check=True)
    assert {f["name"]: f for f in monitor.json("feeds", "list", "--json")}[name]["enabled"]
    bad = monitor.run("feeds", "enable", "no-such-feed")
    assert bad.returncode == 2 and "no-such-feed" in bad.stderr


def test_import_rejects_hostile_or_bad_opml(monitor, tmp_path) -> None:
    monitor.write_config([])
    bomb = tmp_path / "bomb.opml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<opml version="2.0"><body><outline text="&b;" xmlUrl="http://x/"/></body></opml>'
    )
    proc = monitor.run("feeds", "import", str(bomb))
    assert proc.returncode == 2 and "OPML" in proc.stderr and "Traceback" not in proc.stderr
    html = tmp_path / "page.opml"
    html.write_text("<html><body/></html>")
    proc = monitor.run("feeds", "import", str(html))
    assert proc.returncode == 2 and "not an OPML file" in proc.stderr
    missing = monitor.run("feeds", "import", str(tmp_path / "none.opml"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_gone_feed_can_be_enabled_again(monitor, feed_server: FeedServer) -> None:
    feed_server.status("/gone.xml", 410)
    monitor.write_config([{"name": "gone", "url": feed_server.url("/gone.xml")}])
    monitor.run("poll")
    feed = monitor.json("feeds", "list", "--json")[0]
    assert not feed["enabled"] and "410" in feed["disabled_reason"]
    feed_server.fixture("/gone.xml", "rss2.xml")
    monitor.run("feeds", "enable", "gone", check=True)
    out = monitor.json("poll", "--json")
    assert out["feeds"][0]["status"] == "ok" and out["feeds"][0]["new_entries"] == 5
