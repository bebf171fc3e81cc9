"""End to end: `monitor poll` against a real loopback HTTP server with good and hostile feeds."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from feedserver import FeedServer, make_gzip_bomb

GOOD = {
    # path: (fixture, content type, entries)
    "/rss2.xml": ("rss2.xml", "application/rss+xml", 5),
    "/atom.xml": ("atom.xml", "application/atom+xml", 4),
    "/rdf.xml": ("rdf.xml", "application/rdf+xml", 3),
    "/malformed.xml": ("malformed.xml", "application/rss+xml", 3),
    "/cp1251.xml": ("cp1251.xml", "application/xml", 3),
    "/koi8r.xml": ("koi8r.xml", "text/xml", 3),
    "/utf16.xml": ("utf16.xml", "application/xml", 3),
    "/persian.xml": ("persian.xml", "application/rss+xml", 4),
    "/no_guid.xml": ("no_guid.xml", "application/rss+xml", 3),
}
LAST_MODIFIED_ONLY = {"/persian.xml", "/malformed.xml", "/koi8r.xml", "/no_guid.xml"}


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    return make_gzip_bomb(200 << 20)


def name_of(path: str) -> str:
    return path.strip("/").rsplit(".", 1)[0].replace("_", "-")


def serve_everything(server: FeedServer, bomb: bytes) -> list[dict[str, str]]:
    for path, (fixture, ctype, _) in GOOD.items():
        # half the feeds validate with ETag, the other half with Last-Modified only
        server.fixture(path, fixture, ctype, etag=path not in LAST_MODIFIED_ONLY)
    server.fixture("/moved-target.xml", "rss2.xml")
    server.redirect("/moved.xml", 301, "/moved-target.xml")
    server.fixture("/temp-target.xml", "atom.xml", "application/atom+xml")
    server.redirect("/temp.xml", 302, "/temp-target.xml")
    server.status("/missing.xml", 404)
    server.status("/gone.xml", 410)
    server.status("/busy.xml", 429, {"Retry-After": "7200"})
    server.status("/broken.xml", 500)
    server.slow("/slow.xml")
    server.huge("/huge.xml", 50 << 20)
    server.gzip_bomb("/bomb.xml", bomb)
    server.feed(
        "/notafeed.html",
        b"<html><head><title>x</title></head><body><p>hi</p></body></html>",
        "text/html",
    )
    paths = [
        *GOOD,
        "/moved.xml",
        "/temp.xml",
        "/missing.xml",
        "/gone.xml",
        "/busy.xml",
        "/broken.xml",
        "/slow.xml",
        "/huge.xml",
        "/bomb.xml",
        "/notafeed.html",
    ]
    feeds = [{"name": name_of(p), "url": server.url(p)} for p in paths]
    feeds.append({"name": "nowhere", "url": "http://127.0.0.1:9/feed.xml"})  # connection refused
    return feeds


def test_poll_everything_once(monitor, feed_server: FeedServer, gzip_bomb: bytes) -> None:
    monitor.write_config(serve_everything(feed_server, gzip_bomb))
    started = time.monotonic()
    first = monitor.json("poll", "--json")
    elapsed = time.monotonic() - started
    assert elapsed < 60, f"poll took {elapsed:.1f}s"
    by_name = {f["name"]: f for f in first["feeds"]}
    for path, (_, _, count) in GOOD.items():
        line = by_name[name_of(path)]
        assert line["status"] == "ok", line
        assert line["new_entries"] == count, line
        assert line["error"] is None
    assert by_name["moved"]["new_entries"] == 5
    assert by_name["temp"]["new_entries"] == 4
    expected_errors = {
        "missing": "404",
        "gone": "410",
        "busy": "429",
        "broken": "500",
        "slow": "deadline",
        "huge": "limit",
        "bomb": "decompression",
        "notafeed": "not a feed",
        "nowhere": "Connect",
    }
    for name, reason in expected_errors.items():
        line = by_name[name]
        assert line["status"] == "error", line
        assert reason.lower() in line["error"].lower(), line
    totals = first["totals"]
    assert totals["errors"] == len(expected_errors)
    assert totals["new_entries"] == sum(c for _, _, c in GOOD.values()) + 5 + 4
    assert totals["feeds"] == len(first["feeds"])

    # every good entry is stored exactly once
    rows = monitor.sql(
        "SELECT f.name, count(*), count(DISTINCT e.identity) FROM entries e "
        "JOIN feeds f ON f.id = e.feed_id GROUP BY f.name"
    )
    stored = {name: (n, distinct) for name, n, distinct in rows}
    for path, (_, _, count) in GOOD.items():
        assert stored[name_of(path)] == (count, count)

    # second poll: validators give 304 and nothing new
    second = monitor.json("poll", "--json")
    by_name = {f["name"]: f for f in second["feeds"]}
    for path in GOOD:
        assert by_name[name_of(path)]["status"] == "not_modified", by_name[name_of(path)]
        assert by_name[name_of(path)]["new_entries"] == 0
    assert second["totals"]["new_entries"] == 0
    conditional = [h for p, h in feed_server.requests if p == "/rss2.xml"]
    assert "If-None-Match" in conditional[-1]
    conditional = [h for p, h in feed_server.requests if p == "/persian.xml"]
    assert "If-Modified-Since" in conditional[-1] and "If-None-Match" not in conditional[-1]
    # the 410 feed is now disabled and not fetched again
    assert by_name["gone"]["status"] == "disabled"
    assert feed_server.hits["/gone.xml"] == 1
    count = monitor.sql("SELECT count(*) FROM entries")[0][0]
    assert count == totals["new_entries"]

    # 301 updates the stored URL, 302 does not
    urls = dict(monitor.sql("SELECT name, url FROM feeds"))
    assert urls["moved"] == feed_server.url("/moved-target.xml")
    assert urls["temp"] == feed_server.url("/temp.xml")
    assert feed_server.hits["/moved.xml"] == 1  # the second poll went straight to the new URL

    # 429 Retry-After pushes the next fetch back at least that far
    (due,) = monitor.sql("SELECT next_due_at FROM feeds WHERE name = 'busy'")[0]
    due_at = datetime.fromisoformat(due).replace(tzinfo=UTC)
    assert due_at > datetime.now(UTC) + timedelta(minutes=100)

    # status shows the failing feeds with their errors
    status = monitor.json("status", "--json")
    failing = {f["name"]: f for f in status["feeds"] if f["result"] == "error" and f["enabled"]}
    assert set(failing) == set(expected_errors) - {"gone"}
    gone = next(f for f in status["feeds"] if f["name"] == "gone")
    assert not gone["enabled"] and "410" in gone["disabled_reason"]
    assert failing["broken"]["consecutive_errors"] == 2


def test_text_and_encodings_come_out_right(monitor, feed_server: FeedServer) -> None:
    paths = ("/cp1251.xml", "/koi8r.xml", "/utf16.xml", "/persian.xml", "/rss2.xml", "/atom.xml")
    for path in paths:
        fixture, ctype, _ = GOOD[path]
        feed_server.fixture(path, fixture, ctype)
    monitor.write_config([{"name": name_of(p), "url": feed_server.url(p)} for p in paths])
    monitor.run("poll", check=True)
    titles = {t for (t,) in monitor.sql("SELECT title FROM entries")}
    assert "Пограничники Таджикистана задержали нарушителей на Пяндже" in titles
    assert "«Талибы» перебросили подкрепление в Бадахшан — СМИ" in titles
    assert "ОДКБ обсудит укрепление таджикско-афганской границы" in titles
    assert "Сарҳадбонони Тоҷикистон дар дарёи Панҷ қочоқбаронро боздошт карданд" in titles
    assert "دیدار هیئت\u200cهای تاجیکستان و افغانستان در دوشنبه" in titles
    assert "Dushanbe & Kabul discuss reopening the Panji Poyon crossing" in titles
    summaries = " ".join(s for (s,) in monitor.sql("SELECT summary || ' ' || content FROM entries"))
    assert "<script" not in summaries and "document.write" not in summaries
    assert "track.example.net" not in summaries
    assert "<p" not in summaries and "&amp;" not in summaries
    urls = [u for (u,) in monitor.sql("SELECT url FROM entries WHERE url IS NOT NULL")]
    assert urls and not any("utm_" in u or "fbclid" in u or "#" in u for u in urls)
    stamps = monitor.sql("SELECT published_at FROM entries WHERE title LIKE 'Tajik border guards%'")
    assert stamps[0][0] is not None


def test_entry_identity_falls_back_to_link_then_hash(monitor, feed_server: FeedServer) -> None:
    feed_server.fixture("/no_guid.xml", "no_guid.xml")
    monitor.write_config([{"name": "noguid", "url": feed_server.url("/no_guid.xml")}])
    monitor.run("poll", check=True)
    identities = sorted(i for (i,) in monitor.sql("SELECT identity FROM entries"))
    assert "noguid-example-1" in identities
    assert "https://noguid.example.org/news/panji-poyon-closed-for-repairs" in identities
    assert any(i.startswith("sha1:") for i in identities)
    # a changed ETag with the same items stores nothing twice
    feed_server.fixture("/no_guid.xml", "no_guid.xml", etag=False, last_modified=False)
    again = monitor.json("poll", "--json")
    assert again["totals"]["new_entries"] == 0
    assert monitor.sql("SELECT count(*) FROM entries")[0][0] == 3


def test_local_files_and_file_urls(monitor) -> None:
    from conftest import REPO

    fixtures = REPO / "tests" / "fixtures" / "feeds"
    monitor.write_config(
        [
            {"name": "local-path", "url": str(fixtures / "atom.xml")},
            {"name": "file-url", "url": (fixtures / "rdf.xml").as_uri()},
        ]
    )
    first = monitor.json("poll", "--json")
    assert [f["new_entries"] for f in first["feeds"]] == [3, 4]  # file-url, local-path
    second = monitor.json("poll", "--json")
    assert {f["status"] for f in second["feeds"]} == {"not_modified"}


def test_poll_single_feed_and_unknown_feed(monitor, feed_server: FeedServer) -> None:
    feed_server.fixture("/rss2.xml", "rss2.xml")
    feed_server.fixture("/atom.xml", "atom.xml")
    monitor.write_config(
        [
            {"name": "a", "url": feed_server.url("/rss2.xml")},
            {"name": "b", "url": feed_server.url("/atom.xml")},
        ]
    )
    out = monitor.json("poll", "--feed", "b", "--json")
    assert [f["name"] for f in out["feeds"]] == ["b"]
    assert feed_server.hits["/rss2.xml"] == 0
    bad = monitor.run("poll", "--feed", "nope")
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0 and "nope" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_all_feeds_failing_exits_1(monitor, feed_server: FeedServer) -> None:
    feed_server.status("/x.xml", 500)
    monitor.write_config([{"name": "x", "url": feed_server.url("/x.xml")}])
    proc = monitor.run("poll")
    assert proc.returncode == 1
    assert "HTTP 500" in proc.stdout
