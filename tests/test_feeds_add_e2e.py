"""Adding feeds: by URL with autodiscovery from a web page; added and imported feeds are
first-class (checked by name, counted by the daemon, shown due)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Monitor, one_error_line
from feedserver import FeedServer, wait_for
from test_daemon_e2e import start_daemon, stop
from test_offline_e2e import polled

PAGE = b"""<!DOCTYPE html>
<html><head><title>Border Wire</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Border Wire" href="/rss2.xml">
<link rel="alternate" type="application/atom+xml" href="https://elsewhere.example/atom">
</head><body><p>News from the border.</p></body></html>"""
BARE_PAGE = b"<!doctype html><html><head><title>x</title></head><body>no feed</body></html>"


def test_add_finds_the_feed_a_page_advertises(monitor: Monitor, feed_server: FeedServer) -> None:
    feed_server.fixture("/rss2.xml", "rss2.xml")
    feed_server.feed("/", PAGE, "text/html; charset=utf-8")
    monitor.write_config([])
    page = feed_server.url("/")
    proc = monitor.run("feeds", "add", page, "--name", "wire", check=True)
    assert f"{page} is an HTML page; it advertises the feed {feed_server.url('/rss2.xml')}" in (
        proc.stdout
    )
    assert "added wire: " in proc.stdout and "5 items" in proc.stdout
    assert "feeds disable wire" in proc.stdout  # says how to remove it
    listed = monitor.json("feeds", "list", "--json")
    assert [(f["name"], f["url"], f["origin"]) for f in listed] == [
        ("wire", feed_server.url("/rss2.xml"), "import")
    ]
    assert listed[0]["next_due"] is not None  # due at the next pass, and said so
    assert " now " in monitor.run("feeds", "list", check=True).stdout
    check = monitor.json("feeds", "check", "--feed", "wire", "--json")
    assert check[0]["ok"] and check[0]["entries"] == 5
    again = monitor.run("feeds", "add", feed_server.url("/rss2.xml"))
    one_error_line(again, "already known as feed 'wire'")


def test_add_a_page_without_a_feed_or_a_url_without_scheme_is_an_error(
    monitor: Monitor, feed_server: FeedServer
) -> None:
    feed_server.feed("/bare", BARE_PAGE, "text/html")
    monitor.write_config([])
    one_error_line(
        monitor.run("feeds", "add", feed_server.url("/bare")),
        "an HTML page, not a feed (and the page advertises no feed)",
    )
    one_error_line(
        monitor.run("feeds", "add", "example.org/feed.xml"),
        "has no scheme", "did you mean 'https://example.org/feed.xml'",
    )  # fmt: skip
    one_error_line(monitor.run("feeds", "add", "ftp://example.org/x"), "only http:// and https://")
    one_error_line(
        monitor.run("feeds", "add", feed_server.url("/bare"), "--name", "Wire Feed"),
        "--name/--language: 'Wire Feed' is not a valid name",
    )
    one_error_line(
        monitor.run("feeds", "add", feed_server.url("/bare"), "--language", "English"),
        "--name/--language: 'English' is not a language code",
    )
    assert not Path(monitor.home / "example.org").exists()
    assert monitor.json("feeds", "list", "--json") == []


def test_a_page_where_a_feed_was_expected_names_the_advertised_feed(
    monitor: Monitor, feed_server: FeedServer
) -> None:
    feed_server.feed("/", PAGE, "text/html")
    monitor.write_config([{"name": "site", "url": feed_server.url("/")}])
    checks = json.loads(monitor.run("feeds", "check", "--json").stdout)
    assert checks[0]["problem"] == (
        f"an HTML page, not a feed; it advertises {feed_server.url('/rss2.xml')}, "
        "https://elsewhere.example/atom"
    )
    monitor.run("poll")
    status = monitor.json("status", "--json")
    assert "an HTML page, not a feed; it advertises" in status["feeds"][0]["error"]


def test_imported_feeds_are_checked_and_counted(monitor: Monitor, feed_server: FeedServer) -> None:
    feed_server.fixture("/atom.xml", "atom.xml")
    feed_server.fixture("/rss2.xml", "rss2.xml")
    opml = monitor.home / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        f'<outline type="rss" text="Steppe" xmlUrl="{feed_server.url("/atom.xml")}"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    monitor.write_config([{"name": "wire", "url": feed_server.url("/rss2.xml")}])
    monitor.run("feeds", "import", str(opml), check=True)
    check = monitor.json("feeds", "check", "--feed", "steppe", "--json")
    assert [(c["name"], c["ok"]) for c in check] == [("steppe", True)]
    proc = start_daemon(monitor, "--tick", "0.3s")
    try:
        assert wait_for(lambda: polled(monitor) == 2, timeout=60)
    finally:
        code, err = stop(proc)
    assert code == 0, err
    assert "monitor daemon started: 2 feeds (1 imported)" in err
