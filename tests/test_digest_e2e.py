"""End to end: `monitor poll` over fixture feeds, then `monitor digest send` to a real SMTP
server (aiosmtpd on loopback), a real HTTP receiver and a folder."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import sqlite3
from pathlib import Path
from typing import Any

from conftest import Monitor
from feedserver import FeedServer
from receivers import Receiver, Sink, free_port

_EVIL_TITLE = (
    "Tajik border guards &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; "
    "&amp;lt;b&amp;gt;seize&amp;lt;/b&amp;gt; heroin on the Panj River&#13;&#10;"
    "Bcc: victim@example.com"
)
EVIL_FEED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Evil Wire (test fixture)</title>
<link>https://evil.example.org/</link><description>x</description><language>en</language>
<item><title>{_EVIL_TITLE}</title>
<link>https://evil.example.org/1</link><guid>evil-1</guid>
<description>Tajikistan's border guards said the Panj River crossing near Afghanistan
was closed.</description>
<pubDate>Mon, 03 Jun 2024 08:00:00 +0000</pubDate></item>
</channel></rss>
"""


# ---------------------------------------------------------------------------- helpers
def feeds(server: FeedServer) -> list[dict[str, Any]]:
    server.fixture("/rss2.xml", "rss2.xml")
    server.fixture("/atom.xml", "atom.xml")
    server.fixture("/persian.xml", "persian.xml")
    server.feed("/evil.xml", EVIL_FEED.encode())
    return [
        {"name": "border-wire", "url": server.url("/rss2.xml")},
        {"name": "steppe", "url": server.url("/atom.xml")},
        {"name": "marz", "url": server.url("/persian.xml")},
        {"name": "evil", "url": server.url("/evil.xml")},
    ]


def email_channel(port: int, name: str = "mail") -> dict[str, Any]:
    return {
        "name": name,
        "type": "email",
        "from": "Monitor <monitor@example.org>",
        "to": ["analyst@example.org", "desk@example.org"],
        "smtp": {"host": "127.0.0.1", "port": port, "security": "none", "timeout": "5s"},
    }


def poll(monitor: Monitor) -> list[int]:
    monitor.run("poll", check=True)
    ids = [r[0] for r in monitor.sql("SELECT id FROM matches ORDER BY id")]
    assert len(ids) >= 4, "the fixture feeds should produce several matches"
    return ids


def delivered(monitor: Monitor, channel: str) -> list[int]:
    rows = monitor.sql(
        "SELECT match_id FROM digest_items WHERE channel = ? AND delivered = 1", channel
    )
    return sorted(r[0] for r in rows)


# ---------------------------------------------------------------------------- tests
def test_email_digest(monitor: Monitor, feed_server: FeedServer, smtp: tuple[int, Sink]) -> None:
    port, sink = smtp
    monitor.write_config(feeds(feed_server), digests=[email_channel(port)])
    ids = poll(monitor)
    proc = monitor.run("digest", "send", "mail")
    assert proc.returncode == 0, proc.stderr
    assert len(sink.messages) == 1
    msg = sink.messages[0]
    assert sorted(sink.envelopes[0].rcpt_tos) == ["analyst@example.org", "desk@example.org"]
    assert msg.get_content_type() == "multipart/alternative"
    parts = {p.get_content_type(): p.get_content() for p in msg.iter_parts()}
    assert set(parts) == {"text/plain", "text/html"}
    html = parts["text/html"]
    assert "&lt;script&gt;" in html and "<script>" not in html and "<b>seize" not in html
    assert "<mark>" in html
    assert msg["Bcc"] is None and "victim" not in str(msg.get("To"))
    subject = str(msg["Subject"])
    assert "mail" in subject and "\n" not in subject and "\r" not in subject
    for name in ("Message-ID", "Date", "List-Id"):
        assert msg[name]
    key = monitor.sql("SELECT key FROM digests WHERE status = 'sent'")[0][0]
    assert key in msg["Message-ID"]
    assert delivered(monitor, "mail") == ids

    again = monitor.run("digest", "send", "mail")
    assert again.returncode == 0, again.stderr
    assert len(sink.messages) == 1, "nothing new: no second message"
    assert [r[0] for r in monitor.sql("SELECT status FROM digests ORDER BY id")] == [
        "sent",
        "empty",
    ]

    hist = monitor.json("digest", "history", "mail", "--json")
    assert [h["status"] for h in hist] == ["empty", "sent"]


def test_unreachable_smtp_loses_nothing(
    monitor: Monitor, feed_server: FeedServer, smtp: tuple[int, Sink]
) -> None:
    port, sink = smtp
    closed = free_port()
    monitor.write_config(feeds(feed_server), digests=[email_channel(closed)])
    ids = poll(monitor)
    proc = monitor.run("digest", "send", "mail")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("monitor: error: digest mail:"), proc.stderr
    assert "Traceback" not in proc.stderr
    assert delivered(monitor, "mail") == []
    assert monitor.sql("SELECT status, attempts FROM digests") == [("failed", 1)]

    monitor.write_config(feeds(feed_server), digests=[email_channel(port)])
    assert monitor.run("digest", "send", "mail").returncode == 0
    assert delivered(monitor, "mail") == ids and len(sink.messages) == 1


def test_webhook_500_then_200_delivers_each_match_once(
    monitor: Monitor, feed_server: FeedServer, receiver: Receiver
) -> None:
    secret = "whsec_" + base64.b64encode(b"test-secret-key-0123456789").decode()
    hook = {"name": "hook", "type": "webhook", "url": receiver.url, "format": "json",
            "secret": secret, "timeout": "5s"}  # fmt: skip
    monitor.write_config(feeds(feed_server), digests=[hook])
    ids = poll(monitor)
    receiver.answers = [500]
    first = monitor.run("digest", "send", "hook")
    assert first.returncode == 1 and "500" in first.stderr
    assert "secret-path" not in first.stderr
    second = monitor.run("digest", "send", "hook")
    assert second.returncode == 0, second.stderr
    third = monitor.run("digest", "send", "hook")
    assert third.returncode == 0

    accepted = [json.loads(body) for status, _h, body in receiver.received if status == 200]
    got = [m["id"] for payload in accepted for m in payload["matches"]]
    assert sorted(got) == ids, "every match exactly once"
    assert len(receiver.received) == 2
    for _status, headers, body in receiver.received:
        signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
        key = base64.b64decode(secret.removeprefix("whsec_"))
        mac = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        assert f"v1,{mac}" in headers["webhook-signature"].split()
        assert headers["Idempotency-Key"] == headers["webhook-id"]
    payload = accepted[0]
    assert payload["schema"] == "monitor.digest/v1"
    first_match = payload["matches"][0]
    for field in ("title", "url", "feed", "published", "language", "score", "terms"):
        assert field in first_match
    assert delivered(monitor, "hook") == ids


def test_webhook_429_retry_after(
    monitor: Monitor, feed_server: FeedServer, receiver: Receiver
) -> None:
    hook = {"name": "hook", "type": "webhook", "url": receiver.url, "format": "slack"}
    monitor.write_config(feeds(feed_server), digests=[hook])
    poll(monitor)
    receiver.answers = [429]
    proc = monitor.run("digest", "send", "hook")
    assert proc.returncode == 0, proc.stderr
    assert [s for s, _h, _b in receiver.received] == [429, 200]
    assert receiver.received[0][1]["Idempotency-Key"] == receiver.received[1][1]["Idempotency-Key"]
    assert "blocks" in json.loads(receiver.received[1][2])


def test_file_channel_preview_dry_run(monitor: Monitor, feed_server: FeedServer) -> None:
    out = monitor.home / "out"
    files = {"name": "local-files", "type": "file", "path": str(out), "send_empty": True}
    monitor.write_config(feeds(feed_server), digests=[files])
    ids = poll(monitor)
    preview = monitor.run("digest", "preview", "local-files", "--format", "md", check=True)
    assert "Panj" in preview.stdout and "\\<script\\>" in preview.stdout
    dry = monitor.run("digest", "send", "local-files", "--dry-run", check=True)
    assert "dry_run" in dry.stdout
    assert monitor.sql("SELECT count(*) FROM digests") == [(0,)] and not out.exists()
    monitor.run("digest", "send", "local-files", check=True)
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 2 and all(n.startswith("local-files_") for n in written)
    assert delivered(monitor, "local-files") == ids
    monitor.run("digest", "send", "local-files", check=True)  # send_empty: an all-quiet digest
    quiet = sorted(out.glob("*.md"))[-1].read_text(encoding="utf-8")
    assert len(list(out.iterdir())) == 4 and "All quiet" in quiet
    assert not list(Path(out).glob(".*.tmp"))


def test_unknown_channel_is_usage_error(monitor: Monitor) -> None:
    monitor.write_config([])
    proc = monitor.run("digest", "send", "nope")
    assert proc.returncode == 2 and "no digest channel named 'nope'" in proc.stderr


def test_crash_after_acceptance_resends_same_digest(
    monitor: Monitor, feed_server: FeedServer, smtp: tuple[int, Sink]
) -> None:
    port, sink = smtp
    monitor.write_config(feeds(feed_server), digests=[email_channel(port)])
    ids = poll(monitor)
    monitor.run("digest", "send", "mail", check=True)
    # as if the process died after the server accepted, before the "sent" commit
    with sqlite3.connect(monitor.db_path) as conn:
        conn.execute("UPDATE digests SET status = 'pending', sent_at = NULL")
        conn.execute("UPDATE digest_items SET delivered = 0")
    proc = monitor.run("digest", "send", "mail", check=True)
    assert "resent unconfirmed digest #1" in proc.stdout
    assert len(sink.messages) == 2
    assert sink.messages[0]["Message-ID"] == sink.messages[1]["Message-ID"]
    assert monitor.sql("SELECT id, status FROM digests ORDER BY id") == [(1, "sent"), (2, "empty")]
    assert delivered(monitor, "mail") == ids
