"""End to end: feed text is data, never markup, in the terminal, a spreadsheet, a chat or a
digest; control and invisible characters never get through."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from feedserver import FeedServer
from hostile import rss

from monitor.urls import link_target

ESC = "\x1b"
BORDER = "Tajik border guards clash with Taliban fighters on the Panj river in Badakhshan"
TITLES = [
    f"[/] {BORDER}",
    f"[link=https://evil.example/phish]Click[/link] {BORDER}",
    f'=HYPERLINK("https://evil.example","x") {BORDER}',
    "Ta\u200bjik\u2060 border\u202e guards clash with Taliban on the Panj in Badakhshan\ufeff",
]
PHISH = "https://good.example/x><!channel><https://evil.example/phish|Click"


def hostile_feed() -> bytes:
    items = []
    for i, title in enumerate(TITLES):
        link = PHISH if i == 1 else f"https://news.example.org/{i}\x1b]8;;https://evil/\x07"
        esc = title.replace("&", "&amp;").replace("<", "&lt;")
        link = link.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        items.append(
            f"<item><title>{esc}\x1b[2J</title><link>{link}</link><guid>t{i}</guid>"
            f"<description>Border {i} in Badakhshan &lt;b&gt;\x1b[31m</description></item>"
        )
    body = rss("".join(items)).replace(b"<title>Hostile<", b"<title>[bold]Outlet[/] \x1b[5m<")
    return body.replace(b"\x1b", b"&#27;")  # XML 1.0 refuses a raw ESC; the reference gets in


@pytest.fixture
def seeded(monitor: Any, feed_server: FeedServer, receiver: Any) -> Any:
    feed_server.feed("/hostile.xml", hostile_feed())
    hook = {"name": "chat", "type": "webhook", "url": receiver.url, "format": "slack",
            "send_empty": True}  # fmt: skip
    teams = {"name": "teams", "type": "webhook", "url": receiver.url, "format": "teams"}
    files = {"name": "files", "type": "file", "path": str(monitor.home / "out")}
    monitor.write_config(
        [{"name": "hostile", "url": feed_server.url("/hostile.xml")}],
        digests=[hook, teams, files],
    )
    report = monitor.json("poll", "--json")
    assert report["feeds"][0]["status"] == "ok", report
    return monitor


def test_stored_text_has_no_controls_or_invisible_marks(seeded: Any) -> None:
    rows = seeded.sql("SELECT title, summary, link FROM entries ORDER BY guid")
    assert len(rows) == len(TITLES)
    for title, summary, link in rows:
        for text in (title, summary, link or ""):
            assert ESC not in text and "\x07" not in text
            assert not set(text) & {"\u200b", "\u2060", "\u202e", "\ufeff"}
    assert rows[3][0].startswith("Tajik border guards")
    (feed_title,) = seeded.sql("SELECT title FROM feeds")[0]
    assert ESC not in feed_title


def test_terminal_shows_markup_as_text_and_no_controls(seeded: Any) -> None:
    # rows written before ingest cleaned text (or by another tool) are cleaned on output too
    seeded.sql_exec("UPDATE entries SET title = title || ?, link = ?", "\x1b[2J\x1b]8;;x\x07",
                    "https://news.example.org/\x1b[31m")  # fmt: skip
    ids = [r["id"] for r in seeded.json("matches", "list", "--json")]
    assert len(ids) == len(TITLES)
    outputs = {
        "list": seeded.run("matches", "list", check=True).stdout,
        "show": "".join(seeded.run("matches", "show", str(i), check=True).stdout for i in ids),
        "feeds": seeded.run("feeds", "list", check=True).stdout,
        "status": seeded.run("status", check=True).stdout,
        "stats": seeded.run("stats", check=True).stdout,
        "preview-text": seeded.run(
            "digest", "preview", "files", "--format", "text", check=True
        ).stdout,
        "preview-md": seeded.run("digest", "preview", "files", "--format", "md", check=True).stdout,
    }
    for name, out in outputs.items():
        assert ESC not in out and "\x07" not in out, name
    assert "[/]" in outputs["show"] and "[link=https://evil.example/phish]" in outputs["show"]
    assert "[/]" in outputs["list"]
    assert "[bold]Outlet[/]" in outputs["show"]  # the feed's own title, as the outlet


def test_csv_cells_never_start_a_formula(seeded: Any) -> None:
    seeded.run("matches", "mark", "1", "--as", "seen", "--note", "@SUM(A1:A9)", check=True)
    out = seeded.run("matches", "export", "--format", "csv", check=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert any(r["title"].startswith("'=HYPERLINK") for r in rows)


def test_chat_links_cannot_break_out(monitor: Any, feed_server: FeedServer, receiver: Any) -> None:
    item = (
        f"<item><title>Click: {BORDER} &amp;lt;!here&amp;gt;</title>"
        f"<link><![CDATA[{PHISH}]]></link><guid>phish</guid></item>"
    )
    feed_server.feed("/phish.xml", rss(item))
    monitor.write_config(
        [{"name": "phish", "url": feed_server.url("/phish.xml")}],
        digests=[{"name": "chat", "type": "webhook", "url": receiver.url, "format": "slack"},
                 {"name": "teams", "type": "webhook", "url": receiver.url, "format": "teams"}],
    )  # fmt: skip
    monitor.run("poll", check=True)
    monitor.run("digest", "send", "chat", check=True)
    monitor.run("digest", "send", "teams", check=True)
    slack, teams = (json.loads(body) for _s, _h, body in receiver.received)
    text = json.dumps(slack)
    assert "<!channel>" not in text and "<!here>" not in text and "&lt;!here&gt;" in text
    assert "evil.example/phish|" not in text
    sections = [b["text"]["text"] for b in slack["blocks"] if b["type"] == "section"]
    phish = next(s for s in sections if "Click" in s)
    assert "<https://good.example/x%3E%3C!channel%3E%3Chttps://evil.example/phish%7CClick|" in phish
    card = json.dumps(teams)
    assert "(https://good.example/x%3E%3C!channel%3E%3Chttps://evil.example/phish%7CClick)" in card


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("/relative/path", None),
        ("https://ok.example/a b)c]d|e>f", "https://ok.example/a%20b%29c%5Dd%7Ce%3Ef"),
        ("https://ok.example/\x1b[31m", "https://ok.example/%1B%5B31m"),
    ],
)
def test_link_targets(url: str, target: str | None) -> None:
    assert link_target(url) == target


def test_debug_log_shows_webhook_origin_only(
    monitor: Any, feed_server: FeedServer, receiver: Any
) -> None:
    feed_server.fixture("/rss.xml", "rss2.xml")
    hook = {"name": "hook", "type": "webhook", "url": receiver.url, "send_empty": True}
    monitor.write_config([{"name": "f", "url": feed_server.url("/rss.xml")}], digests=[hook])
    monitor.run("poll", check=True)
    proc = monitor.run("--debug", "digest", "send", "hook", check=True)
    port = receiver.server_address[1]
    assert f"http://127.0.0.1:{port}" in proc.stderr  # httpx's request line, reduced
    assert "secret-path" not in proc.stderr + proc.stdout
