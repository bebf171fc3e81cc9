"""Digest building, rendering and bookkeeping over rows inserted directly (no matcher needed)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import insert

from monitor.config import LoadedConfig, Settings, validate
from monitor.digest.build import build_digest, group_stories, snippet
from monitor.digest.channels import email as email_channel
from monitor.digest.channels import webhook
from monitor.digest.render import render
from monitor.errors import DeliveryError, NotFoundError
from monitor.storage import db
from monitor.storage import digests as store
from monitor.storage.tables import entries, feeds, matches
from monitor.usecases import digests as service
from monitor.usecases.context import App

NOW = datetime(2024, 6, 3, 2, 0, tzinfo=UTC)


def make_app(tmp_path: Path, channels: list[dict[str, Any]]) -> App:
    watchlist = Path(__file__).resolve().parent.parent / "config" / "watchlist.yaml"
    settings = validate({"digests": channels, "watchlist": str(watchlist)}, Settings)
    config = LoadedConfig(
        settings=settings, path=tmp_path / "monitor.yaml", packaged=False, data_dir=tmp_path
    )
    engine = db.open_database(f"sqlite:///{tmp_path / 'monitor.db'}")
    app = App(config, engine, clock=lambda: NOW)
    return app


def add_feed(app: App, name: str, title: str | None = None, **kw: Any) -> int:
    with app.sessions.begin() as s:
        return int(s.execute(insert(feeds).values(
            name=name, config_url=f"https://{name}.example.org/rss", url=f"https://{name}.example.org/rss",
            title=title, language=kw.pop("language", "en"), created_at=NOW, updated_at=NOW, **kw,
        ).returning(feeds.c.id)).scalar_one())  # fmt: skip


def add_match(
    app: App, feed_id: int, title: str, *, summary: str = "", score: float = 1.0,
    url: str | None = None, hits: list[dict[str, Any]] | None = None,
    terms: list[str] | None = None, language: str = "en", published: datetime | None = None,
) -> int:  # fmt: skip
    with app.sessions.begin() as s:
        entry_id = s.execute(insert(entries).values(
            feed_id=feed_id, identity=f"{title}|{url}|{score}", url=url, link=url, title=title,
            summary=summary, content="", language=language,
            published_at=published or NOW - timedelta(hours=3), fetched_at=NOW,
        ).returning(entries.c.id)).scalar_one()  # fmt: skip
        return int(s.execute(insert(matches).values(
            entry_id=entry_id, score=score, terms=terms or ["Tajik-Afghan border"], term_ids=[],
            explanation={"hits": hits or []}, status="new", matched_at=NOW - timedelta(hours=1),
        ).returning(matches.c.id)).scalar_one())  # fmt: skip


@pytest.fixture
def app(tmp_path: Path) -> App:
    a = make_app(tmp_path, [{"name": "files", "type": "file", "path": str(tmp_path / "out")}])
    yield a
    a.close()


def test_snippet_highlights_hits_and_survives_bad_offsets(app: App) -> None:
    fid = add_feed(app, "wire")
    text = "Officials said on Monday that border guards on the Panj river detained three men."
    start = text.index("Panj")
    hits = [
        {"field": "summary", "start": start, "end": start + 4},
        {"field": "summary", "start": 500, "end": 900},  # out of range
        {"field": "summary", "start": "x", "end": 3},  # wrong type
        {"field": "title", "start": 0, "end": 5},
        "garbage",
    ]
    mid = add_match(app, fid, "Tajik guards", summary=text, hits=hits)
    with app.sessions() as s:
        m = store.matches_by_id(s, [mid])[0]
        segs = snippet(m)
    assert [x.text for x in segs if x.hit] == ["Panj"]
    assert "".join(x.text for x in segs) == text
    with app.sessions() as s:
        m = store.matches_by_id(s, [mid])[0]
    from dataclasses import replace

    assert "".join(x.text for x in snippet(replace(m, explanation={"hits": None}))) == text


def test_dedup_exact_and_near(app: App) -> None:
    a, b, c = add_feed(app, "a", "Alpha"), add_feed(app, "b", "Beta"), add_feed(app, "c", "Gamma")
    lead = "Tajik border guards detained a group of smugglers on the Panj River on Monday night."
    add_match(app, a, "Tajik border guards detain smugglers on the Panj River", summary=lead,
              url="https://a.example.org/1", score=2.0)  # fmt: skip
    add_match(app, b, "Tajik border guards detain smugglers on Panj river", summary=lead,
              url="https://b.example.org/x", score=1.5)  # fmt: skip
    add_match(app, c, "Something else", summary="different", url="https://a.example.org/1",
              score=1.0)  # fmt: skip
    add_match(app, c, "Rogun dam reaches a milestone", summary="Construction news.", score=0.9)
    with app.sessions() as s:
        ms = store.undelivered_matches(s, "files", None)
        groups = group_stories(ms)
    assert sorted(len(g) for g in groups) == [1, 3]
    d = build_digest("files", "Asia/Dushanbe", ms, [], max_items=10, now=NOW)
    assert len(d.items) == 2
    assert {m.outlet for m in d.items[0].also} == {"Beta", "Gamma"}
    html = render(d, "html")
    assert "Also reported by" in html


def test_markup_is_escaped_everywhere(app: App) -> None:
    fid = add_feed(app, "evil", "Evil <i>Wire</i>")
    title = "Border <script>alert(1)</script> <b>bold</b> [x](javascript:alert(1))"
    add_match(
        app,
        fid,
        title,
        summary="<img src=x onerror=alert(1)> Panj border",
        url="javascript:alert(1)",
        hits=[{"field": "title", "start": 0, "end": 6}],
    )
    with app.sessions() as s:
        d = build_digest("files", "UTC", store.undelivered_matches(s, "files", None), [],
                         max_items=5, now=NOW)  # fmt: skip
    html = render(d, "html")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>bold" not in html and "<img" not in html
    assert "javascript:" not in html.split("<body>")[1].replace("javascript:alert(1))", "")
    assert 'href="javascript' not in html
    md = render(d, "md")
    assert "<script>" not in md and "\\<script\\>" in md
    assert "](javascript" not in md


def test_send_marks_delivered_and_second_send_is_empty(app: App, tmp_path: Path) -> None:
    fid = add_feed(app, "wire")
    ids = [
        add_match(
            app,
            fid,
            [
                "Khorog market reopens",
                "Rogun dam milestone",
                "CSTO drills near Kulob",
                "Wakhan corridor patrols",
                "Flooding in Panj valley",
            ][i],
            score=i / 10,
        )
        for i in range(5)
    ]
    out = service.send_digest(app, "files")
    assert out.status == "sent" and out.match_count == 5
    files = sorted((tmp_path / "out").iterdir())
    assert [f.suffix for f in files] == [".html", ".md"]
    assert f"_{out.digest_id}." in files[0].name
    with app.sessions() as s:
        assert store.delivered_match_ids(s, "files") == set(ids)
    again = service.send_digest(app, "files")
    assert again.status == "empty" and again.match_count == 0
    assert len(list((tmp_path / "out").iterdir())) == 2


def test_max_items_holds_back(app: App) -> None:
    app2 = make_app(app.config.data_dir, [
        {"name": "small", "type": "file", "path": str(app.config.data_dir / "o"), "max_items": 2,
         "min_score": 0.3}])  # fmt: skip
    fid = add_feed(app2, "wire")
    titles = [
        "Khorog market reopens",
        "Rogun dam milestone",
        "CSTO drills near Kulob",
        "Wakhan corridor patrols",
        "Flooding in Panj valley",
        "Ishkashim bridge repairs",
    ]
    for i, t in enumerate(titles):
        add_match(app2, fid, t, score=0.1 + i / 10)
    out = service.send_digest(app2, "small")
    # scores 0.1..0.6; min_score 0.3 keeps 4 (0.3..0.6 with float fuzz), 2 sent, rest held back
    assert out.story_count == 2 and out.held_back >= 1
    out2 = service.send_digest(app2, "small")
    assert out2.match_count == out.held_back and out2.held_back == 0
    app2.close()


def test_failed_send_keeps_matches_and_pending_is_resent(app: App, tmp_path: Path) -> None:
    fid = add_feed(app, "wire")
    ids = {
        add_match(app, fid, t, score=1 + i)
        for i, t in enumerate(["Alpha news", "Rogun dam", "Kulob drills"])
    }
    (tmp_path / "out").write_text("not a folder")
    with pytest.raises(DeliveryError):
        service.send_digest(app, "files")
    with app.sessions() as s:
        assert store.delivered_match_ids(s, "files") == set()
        assert [d.status for d in store.history(s, "files", 5)] == ["failed"]
    (tmp_path / "out").unlink()
    # simulate a crash after acceptance: a pending digest holding two matches
    with app.sessions.begin() as s:
        pend = store.create_digest(s, channel="files", key="k-pending", status="pending",
                                   period_start=None, period_end=NOW, match_ids=sorted(ids)[:2],
                                   now=NOW)  # fmt: skip
    out = service.send_digest(app, "files")
    assert out.resent == [pend.id]
    assert out.match_count == 1
    with app.sessions() as s:
        assert store.delivered_match_ids(s, "files") == ids
    assert any(f.name.endswith(f"_{pend.id}.md") for f in (tmp_path / "out").iterdir())


def test_unknown_channel(app: App) -> None:
    with pytest.raises(NotFoundError):
        service.send_digest(app, "nope")


def test_dry_run_records_nothing(app: App) -> None:
    fid = add_feed(app, "wire")
    add_match(app, fid, "Story")
    out = service.send_digest(app, "files", dry_run=True)
    assert out.status == "dry_run" and out.match_count == 1
    with app.sessions() as s:
        assert store.history(s, None, 5) == []
    assert "Story" in service.preview_digest(app, "files", "md")


def test_email_subject_and_message(app: App) -> None:
    fid = add_feed(app, "wire")
    add_match(app, fid, "Evil\r\nBcc: victim@example.com\x00\x07 title")
    with app.sessions() as s:
        d = build_digest("mail", "UTC", store.undelivered_matches(s, "files", None), [],
                         max_items=5, now=NOW)  # fmt: skip
    from monitor.config import EmailChannel

    ch = validate(
        {
            "name": "mail",
            "type": "email",
            "from": "m@example.org",
            "to": ["a@example.org"],
            "smtp": {"host": "localhost"},
        },
        EmailChannel,
    )
    msg = email_channel.build_message(ch, d)
    raw = msg.as_bytes()
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed["Bcc"] is None
    assert "\n" not in str(parsed["Subject"]) and "Evil" in str(parsed["Subject"])
    assert parsed.get_content_type() == "multipart/alternative"


def test_webhook_signature_and_429(app: App) -> None:
    fid = add_feed(app, "wire")
    mid = add_match(app, fid, "Story")
    with app.sessions() as s:
        d = build_digest("hook", "UTC", store.undelivered_matches(s, "files", None), [],
                         max_items=5, now=NOW)  # fmt: skip
    from dataclasses import replace

    d = replace(d, key="key-1", digest_id=7)
    from monitor.config import WebhookChannel

    ch = validate(
        {"name": "hook", "type": "webhook", "url": "http://hook.test/x", "secret": "s3cret"},
        WebhookChannel,
    )
    seen: list[httpx.Request] = []

    def handler(req: httpx.Request) -> httpx.Response:
        seen.append(req)
        if len(seen) == 1:
            return httpx.Response(429, headers={"Retry-After": "2"})
        return httpx.Response(200)

    waits: list[float] = []
    webhook.deliver(ch, d, sleep=waits.append, transport=httpx.MockTransport(handler))
    assert waits == [2.0] and len(seen) == 2
    req = seen[-1]
    assert req.headers["Idempotency-Key"] == "key-1"
    signed = (
        f"{req.headers['webhook-id']}.{req.headers['webhook-timestamp']}.".encode() + req.content
    )
    expected = base64.b64encode(hmac.new(b"s3cret", signed, hashlib.sha256).digest()).decode()
    assert req.headers["webhook-signature"] == f"v1,{expected}"
    body = json.loads(req.content)
    assert body["schema"] == "monitor.digest/v1" and body["matches"][0]["id"] == mid

    def always_429(req: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": "0"})

    with pytest.raises(DeliveryError, match="429"):
        webhook.deliver(ch, d, sleep=lambda _s: None, transport=httpx.MockTransport(always_429))


def test_slack_and_teams_payloads(app: App) -> None:
    from monitor.digest.payloads import payload

    fid = add_feed(app, "wire")
    add_match(app, fid, "A <b>story</b> & more", url="https://x.example.org/1")
    with app.sessions() as s:
        d = build_digest("hook", "UTC", store.undelivered_matches(s, "files", None), [],
                         max_items=5, now=NOW)  # fmt: skip
    slack = json.dumps(payload(d, "slack"))
    assert "&lt;b&gt;" in slack and "<https://x.example.org/1|" in slack
    teams = payload(d, "teams")
    assert teams["attachments"][0]["content"]["type"] == "AdaptiveCard"
