"""Reading matches at a real terminal size: what comes first, which zone, what fits."""

from __future__ import annotations

import pytest
from conftest import Monitor
from feedserver import FeedServer


@pytest.fixture
def polled(monitor: Monitor, feed_server: FeedServer) -> Monitor:
    feed_server.fixture("/rss2.xml", "rss2.xml")
    feed_server.fixture("/persian.xml", "persian.xml")
    monitor.write_config(
        [
            {"name": "border-wire-with-a-long-feed-name", "url": feed_server.url("/rss2.xml")},
            {"name": "marz", "url": feed_server.url("/persian.xml")},
        ]
    )
    monitor.run("poll", check=True)
    return monitor


@pytest.mark.parametrize("columns", [80, 100, 120])
def test_match_list_shows_id_time_score_lang_status_title_first(
    polled: Monitor, columns: int
) -> None:
    rows = polled.json("matches", "list", "--json")
    assert len(rows) >= 4
    out = polled.run("matches", "list", env={"COLUMNS": str(columns)}, check=True).stdout
    lines = out.splitlines()
    assert lines[0].split()[:6] == ["id", "time", "(UTC)", "score", "lang", "status"]
    assert all(len(line.rstrip()) <= columns for line in lines)
    for row, line in zip(rows, lines[1:], strict=False):
        cells = line.split()
        assert cells[0] == str(row["id"])
        assert " ".join(cells[1:3]) == row["time"].replace("T", " ")[:16]
        assert cells[3] == f"{row['score']:.2f}" and cells[4] == row["language"]
        assert cells[5] == row["status"]
        assert row["title"][:24] in line  # the title is readable, not cut to nothing
    if columns >= 120:
        assert "feed" in lines[0].split()


def test_display_timezone_is_used_and_said(polled: Monitor) -> None:
    text = polled.config_path.read_text(encoding="utf-8")
    polled.config_path.write_text(text + "display: {timezone: Asia/Dushanbe}\n", encoding="utf-8")
    row = polled.json("matches", "list", "--json")[0]
    out = polled.run("matches", "list", "--limit", "1", check=True).stdout
    assert "time (Asia/Dushanbe)" in out.splitlines()[0]
    from datetime import datetime, timedelta

    utc = datetime.fromisoformat(row["time"].replace("Z", "+00:00"))
    assert (utc + timedelta(hours=5)).strftime("%Y-%m-%d %H:%M") in out
    show = polled.run("matches", "show", str(row["id"]), check=True).stdout
    assert (utc + timedelta(hours=5)).strftime("%Y-%m-%d %H:%M UTC+05") in show


_WORDS = (
    "Tajik border guards on the Panj River near Shurobod detained smugglers crossing from "
    "Afghanistan's Badakhshan province, officials in Khorog said on Monday. "
)
CONTENT = "http://purl.org/rss/1.0/modules/content/"
LONG_FEED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="{CONTENT}"><channel><title>Long Wire</title><link>https://long.example.org/</link>
<description>x</description><language>en</language>
<item><title>Clashes on the Tajik-Afghan border near Panj as guards detain smugglers</title>
<link>https://long.example.org/1</link><guid>long-1</guid>
<description>{_WORDS * 4}</description>
<content:encoded>{_WORDS * 30}</content:encoded>
<pubDate>Mon, 03 Jun 2024 08:00:00 +0000</pubDate></item>
</channel></rss>
"""


def test_match_show_fits_a_screen_and_wraps_words(
    monitor: Monitor, feed_server: FeedServer
) -> None:
    feed_server.feed("/long.xml", LONG_FEED.encode())
    monitor.write_config([{"name": "long", "url": feed_server.url("/long.xml")}])
    monitor.run("poll", check=True)
    out = monitor.run("matches", "show", "1", env={"COLUMNS": "100"}, check=True).stdout
    lines = out.splitlines()
    assert len(lines) <= 30, out
    assert all(len(line) <= 100 for line in lines)
    end = next(i for i, line in enumerate(lines) if line.startswith("relevance: "))
    text = lines[lines.index("summary") + 1 : end - 2]
    assert len(text) >= 6 and "content" in text
    words = set(_WORDS.split()) | {"…", "content"}
    broken = [w for line in text for w in line.split() if w not in words]
    assert not broken, broken  # every word whole: wrapped between words, not inside them
    assert "more characters: --json shows all" in out
    assert "is it about this border?" in out and "review not reviewed yet" in out


@pytest.mark.parametrize(
    "args,needles",
    [
        (["--lang", "russian"], ["--lang", "'russian' is not a language code", "'ru'", "en"]),
        (["--term", "nosuchterm"], ["--term", "no watchlist term 'nosuchterm'", "watchlist.yaml"]),
        (["--term", "Badakshan"], ["did you mean 'Badakhshan'"]),
        (["--feed", "marzz"], ["--feed", "no feed named 'marzz'", "did you mean 'marz'"]),
    ],
)
def test_unknown_filter_values_say_what_is_valid(
    polled: Monitor, args: list[str], needles: list[str]
) -> None:
    from conftest import one_error_line

    one_error_line(polled.run("matches", "list", *args), *needles)
    one_error_line(polled.run("matches", "export", *args), *needles)


def test_stats_on_day_one_fit_a_screen_with_topics_apart(
    monitor: Monitor, feed_server: FeedServer
) -> None:
    import email.utils
    import re
    from datetime import UTC, datetime, timedelta

    from conftest import REPO

    now = datetime.now(UTC)
    ages = iter(range(1, 100))

    def recent(_m: re.Match[str]) -> str:
        when = now - timedelta(hours=next(ages) * 5)
        return f"<pubDate>{email.utils.format_datetime(when)}</pubDate>"

    for name in ("rss2.xml", "persian.xml"):
        text = (REPO / "tests" / "fixtures" / "feeds" / name).read_text(encoding="utf-8")
        text = re.sub(r"<pubDate>[^<]*</pubDate>", recent, text)
        feed_server.feed(f"/{name}", text.encode())
    monitor.write_config(
        [{"name": "wire", "url": feed_server.url("/rss2.xml")},
         {"name": "marz", "url": feed_server.url("/persian.xml")}]
    )  # fmt: skip
    monitor.run("poll", check=True)
    report = monitor.json("stats", "--json")
    assert report["total"] >= 4
    out = monitor.run("stats", env={"COLUMNS": "100"}, check=True).stdout
    lines = out.splitlines()
    assert len(lines) <= 30, out
    header = next(line for line in lines if "names and places" in line)
    assert "topics" in header
    split = header.index("topics")
    topics = {t["name"] for t in report["terms"] if t["role"] == "topic"}
    places = {t["name"] for t in report["top_entities"]}
    assert topics and places
    body = lines[lines.index(header) + 1 :]
    for line in body:
        assert not any(f"{t} " in line[:split] for t in topics - places), line
    for name in places:
        if len(name) <= 28:  # shown whole, never cut inside a word
            assert any(name in line[:split] for line in body) or name not in out
    assert "no reviews yet" in out
