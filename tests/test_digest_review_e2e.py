"""Digests and reviews end to end: a rejected match is never delivered on any channel, the
Markdown highlights keep their spaces and mean names and places, the first digest's period is
true, and digest files follow the umask."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from conftest import Monitor
from feedserver import FeedServer
from receivers import Receiver, Sink


@pytest.fixture
def wire(feed_server: FeedServer) -> list[dict[str, str]]:
    feed_server.fixture("/rss2.xml", "rss2.xml")
    feed_server.fixture("/atom.xml", "atom.xml")
    return [
        {"name": "border-wire", "url": feed_server.url("/rss2.xml")},
        {"name": "steppe", "url": feed_server.url("/atom.xml")},
    ]


def channels(port: int, receiver: Receiver, out: Path) -> list[dict[str, object]]:
    return [
        {"name": "mail", "type": "email", "from": "monitor@example.org",
         "to": ["analyst@example.org"],
         "smtp": {"host": "127.0.0.1", "port": port, "security": "none", "timeout": "5s"}},
        {"name": "hook", "type": "webhook", "url": receiver.url, "format": "json"},
        {"name": "files", "type": "file", "path": str(out)},
    ]  # fmt: skip


def titles(monitor: Monitor) -> dict[int, str]:
    return dict(
        monitor.sql("SELECT m.id, e.title FROM matches m JOIN entries e ON e.id = m.entry_id")
    )


def test_a_match_marked_irrelevant_is_never_delivered_on_any_channel(
    monitor: Monitor, wire: list[dict[str, str]], smtp: tuple[int, Sink], receiver: Receiver
) -> None:
    port, sink = smtp
    out = monitor.home / "out"
    monitor.write_config(wire, digests=channels(port, receiver, out))
    monitor.run("poll", check=True)
    by_id = titles(monitor)
    assert len(by_id) >= 3
    rejected, *kept = sorted(by_id)
    monitor.run("matches", "mark", str(rejected), "--as", "irrelevant", check=True)
    status = monitor.json("status", "--json")
    assert {d["name"]: d["undelivered"] for d in status["digests"]} == {
        "files": len(kept), "hook": len(kept), "mail": len(kept),
    }  # fmt: skip
    for name in ("mail", "hook", "files"):
        monitor.run("digest", "send", name, check=True)

    hook_ids = [m["id"] for m in json.loads(receiver.received[0][2])["matches"]]
    assert sorted(hook_ids) == kept
    mail = sink.messages[0]
    text = {p.get_content_type(): p.get_content() for p in mail.iter_parts()}
    md = next(out.glob("*.md")).read_text(encoding="utf-8")
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    gone = by_id[rejected].split(" on ")[0]
    for body in (text["text/plain"], text["text/html"], md, html):
        assert gone not in body
    for channel in ("mail", "hook", "files"):
        got = monitor.sql(
            "SELECT match_id FROM digest_items WHERE channel = ? AND delivered = 1", channel
        )
        assert sorted(r[0] for r in got) == kept


def test_a_pending_digest_is_resent_without_what_was_rejected_since(
    monitor: Monitor, wire: list[dict[str, str]], smtp: tuple[int, Sink], receiver: Receiver
) -> None:
    port, _sink = smtp
    monitor.write_config(wire, digests=channels(port, receiver, monitor.home / "out"))
    monitor.run("poll", check=True)
    by_id = titles(monitor)
    monitor.run("digest", "send", "hook", check=True)
    # as if the process died after the receiver accepted, before the "sent" commit
    with sqlite3.connect(monitor.db_path) as conn:
        conn.execute("UPDATE digests SET status = 'pending', sent_at = NULL")
        conn.execute("UPDATE digest_items SET delivered = 0")
    rejected = max(by_id)
    monitor.run("matches", "mark", str(rejected), "--as", "irrelevant", check=True)
    proc = monitor.run("digest", "send", "hook", check=True)
    assert "resent unconfirmed digest #1" in proc.stdout
    first, resent = (json.loads(body) for _s, _h, body in receiver.received)
    assert rejected in [m["id"] for m in first["matches"]]
    assert sorted(m["id"] for m in resent["matches"]) == sorted(set(by_id) - {rejected})
    assert receiver.received[0][1]["Idempotency-Key"] == receiver.received[1][1]["Idempotency-Key"]
    delivered = monitor.sql("SELECT match_id FROM digest_items WHERE delivered = 1")
    assert rejected not in {r[0] for r in delivered}


def test_markdown_digest_highlights_names_and_places_with_spaces_kept(
    monitor: Monitor, wire: list[dict[str, str]]
) -> None:
    monitor.write_config(wire, digests=[{"name": "files", "type": "file", "path": "out"}])
    monitor.run("poll", check=True)
    md = monitor.run("digest", "preview", "files", "--format", "md", check=True).stdout
    assert not re.search(r"\w\*\*\w", md), "a highlight glued to its neighbour"
    assert "**Tajik border guards** detain smugglers on the **Panj River**" in md
    topics = set()
    for row in monitor.json("matches", "list", "--json"):
        hits = monitor.json("matches", "show", str(row["id"]), "--json")["hits"]
        topics |= {h["text"] for h in hits if h["kind"] == "topic" and h["field"] == "title"}
    assert {"detain", "smugglers"} <= topics, "the fixtures' titles have topic words"
    for word in topics:
        assert f"**{word}**" not in md  # topic words are not highlighted


def test_first_digest_period_starts_at_its_oldest_item(
    monitor: Monitor, wire: list[dict[str, str]]
) -> None:
    monitor.write_config(wire, digests=[{"name": "files", "type": "file", "path": "out",
                                         "timezone": "UTC"}])  # fmt: skip
    monitor.run("poll", check=True)
    md = monitor.run("digest", "preview", "files", "--format", "md", check=True).stdout
    since = re.search(r" since (\d{4}-\d\d-\d\d \d\d:\d\d)", md)
    assert since is not None, md
    oldest = min(
        datetime.fromisoformat(r[0]).strftime("%Y-%m-%d %H:%M")
        for r in monitor.sql(
            "SELECT published_at FROM entries JOIN matches m ON m.entry_id = entries.id"
        )
    )
    assert since.group(1) == oldest


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


def test_digest_files_follow_the_umask(
    monitor: Monitor, wire: list[dict[str, str]], umask: None
) -> None:
    monitor.write_config(wire, digests=[{"name": "files", "type": "file", "path": "out"}])
    monitor.run("poll", check=True)
    monitor.run("digest", "send", "files", check=True)
    modes = {p.suffix: p.stat().st_mode & 0o777 for p in (monitor.home / "out").iterdir()}
    assert modes == {".md": 0o640, ".html": 0o640}
