"""Hostile feed bytes, unit by unit: text cleaning, hints, entities, decoding, redirects, files,
the parse deadline. (The all-in-one end-to-end poll is tests/test_hostile_e2e.py.)"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from feedserver import FeedServer
from hostile import billion_laughs, deflate_raw, entity_bomb, rss

from monitor.config import FetchSettings, Settings
from monitor.errors import FetchError, ParseError
from monitor.fetch import Fetched, Fetcher, is_public, read_local
from monitor.parse import check_entities, parse
from monitor.pipeline import poll as pipeline
from monitor.pipeline.schedule import Outcome, next_due
from monitor.pipeline.workers import deadline
from monitor.text import html_to_text, strip_controls
from monitor.units import MAX_HINT, parse_retry_after

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


# ---- HTML to text: a real parser --------------------------------------------------------------
@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ('<a title="x > y" href="/a">link</a> text', "link text"),
        ("before<style>body { color: red }", "before"),
        ("before<script>alert(1)", "before"),
        ("<p>one</p><p>two</p><br>three", "one two three"),
        ("<b>Ta</b>jik &amp; <i>Afghan</i>", "Tajik & Afghan"),
        ("a<!-- hidden -->b<!-- unclosed", "ab"),
        ("plain &lt;b&gt; text", "plain <b> text"),
    ],
)
def test_html_becomes_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


@pytest.mark.parametrize("unit", ["<p ", "<script>", "<div>", '<a title="', "<b><p>", "<!--"])
def test_pathological_markup_is_cleaned_whole(unit: str) -> None:
    # a million characters of the shapes that made the old regular expressions quadratic
    text = html_to_text("start " + unit * (1_000_000 // len(unit)) + " end")
    assert text.startswith("start") and "<" not in text.replace("<b>", "")


def test_invisible_characters_go_and_joiners_stay_where_script_needs_them() -> None:
    persian = "می\u200cخواهم"  # ZWNJ between letters: part of the spelling
    assert strip_controls(persian) == persian
    assert strip_controls("Ta\u200bjik\u2060 \u200f\u202eliated\u202c\ufeff") == "Tajik liated"
    assert strip_controls("\u200c\u200dword \u200d") == "word "
    assert strip_controls("a\x1b[31mred\x07\x9b") == "a[31mred"


# ---- server hints: clamped, never overflowing ------------------------------------------------
def test_absurd_retry_after_is_clamped() -> None:
    assert parse_retry_after("99999999999999999999", NOW) == MAX_HINT
    assert parse_retry_after("9" * 5000, NOW) == MAX_HINT  # past int()'s digit limit
    assert parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", NOW) == MAX_HINT
    assert parse_retry_after("120", NOW) == timedelta(seconds=120)
    assert parse_retry_after("٣", NOW) is None  # not ASCII digits


@pytest.mark.parametrize(
    "outcome",
    [
        Outcome(ok=True, headers={"cache-control": "max-age=" + "9" * 40}),
        Outcome(ok=True, headers={"expires": "Fri, 31 Dec 9999 23:59:59 GMT"}),
        Outcome(ok=True, ttl_minutes=10**30),
        Outcome(ok=False, retry_after=MAX_HINT),
    ],
)
def test_absurd_hints_stay_within_the_backoff_ceiling(outcome: Outcome) -> None:
    due = next_due(
        name="f",
        interval=timedelta(minutes=30),
        outcome=outcome,
        consecutive_errors=0 if outcome.ok else 1,
        now=NOW,
        max_delay=timedelta(days=1),
    )
    assert NOW < due <= NOW + timedelta(days=1, hours=3)


def test_webhook_retry_after_shares_the_parser() -> None:
    from monitor.digest.channels.webhook import retry_after

    assert retry_after("99999999999999999999", NOW.timestamp()) == 60.0
    assert retry_after(None, NOW.timestamp()) == 1.0


# ---- entity expansion ------------------------------------------------------------------------
def test_entity_expansion_is_bounded_before_parsing() -> None:
    with pytest.raises(ParseError, match="entities"):
        parse(entity_bomb())
    with pytest.raises(ParseError, match="entities"):
        parse(billion_laughs())
    utf16 = entity_bomb().decode().replace('encoding="utf-8"', 'encoding="utf-16"')
    with pytest.raises(ParseError, match="entities"):
        parse(utf16.encode("utf-16"))
    with pytest.raises(ParseError, match="recursive"):
        check_entities(b'<!DOCTYPE r [<!ENTITY a "&b;"><!ENTITY b "&a;">]><rss/>')
    # a few small entities are fine
    check_entities(b'<!DOCTYPE r [<!ENTITY co "Co.">]><rss><a>&co; &co;</a></rss>')


# ---- fetching --------------------------------------------------------------------------------
def fetch(handler: Any, url: str = "http://feeds.test/rss", **settings: Any) -> Any:
    async def go() -> Any:
        s = FetchSettings(deadline=timedelta(seconds=2), max_body=100_000, **settings)
        async with Fetcher(s, transport=httpx.MockTransport(handler)) as f:
            return await f.fetch(url)

    return asyncio.run(go())


def deflated(body: bytes) -> httpx.Response:
    return httpx.Response(
        200, stream=httpx.ByteStream(deflate_raw(body)), headers={"Content-Encoding": "deflate"}
    )


def test_raw_deflate_is_accepted_and_bounded() -> None:
    body = rss("")
    ok = fetch(lambda r: deflated(body))
    assert isinstance(ok, Fetched) and ok.content == body
    with pytest.raises(FetchError, match="after decompression"):
        fetch(lambda r: deflated(b"\0" * 1_000_000))


def test_a_redirect_body_is_never_read() -> None:
    class Endless(httpx.AsyncByteStream):
        read = 0

        async def __aiter__(self) -> Any:
            while True:
                Endless.read += 1
                yield b"x" * 65536

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/rss":
            return httpx.Response(302, headers={"Location": "/final"}, stream=Endless())
        return httpx.Response(200, stream=httpx.ByteStream(rss("")))

    assert isinstance(fetch(handler), Fetched)
    assert Endless.read == 0


def test_address_classes() -> None:
    private = "127.0.0.2 10.1.2.3 192.168.0.1 169.254.169.254 ::1 fe80::1 ::ffff:127.0.0.1"
    for address in [*private.split(), "100.64.0.1", "0.0.0.0", "224.0.0.1"]:
        assert not is_public(address), address
    assert is_public("93.184.216.34") and is_public("2606:4700::1111")


def test_the_address_connected_to_is_checked(
    feed_server: FeedServer, private_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS may answer "public" to the check and "private" to the connection: the peer counts."""
    feed_server.fixture("/feed.xml", "rss2.xml")
    port = feed_server.server_address[1]
    private_server.redirect("/start.xml", 302, f"http://localhost:{port}/feed.xml")

    async def public(host: str, port: int) -> None:  # a resolver that lies
        return None

    monkeypatch.setattr("monitor.fetch._check_name", public)

    async def go(**kw: Any) -> Any:
        async with Fetcher(FetchSettings(**kw)) as f:
            return await f.fetch(private_server.url("/start.xml"))

    with pytest.raises(FetchError, match=r"localhost \(127\.0\.0\.1\) refused"):
        asyncio.run(go())
    assert isinstance(asyncio.run(go(allow_private=True)), Fetched)


def test_local_files_must_be_regular(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/zero", fifo.as_uri(), str(tmp_path)):
        with pytest.raises(FetchError, match="not a regular file"):
            read_local(target, 1000)


# ---- the parse deadline ----------------------------------------------------------------------
def test_deadline_interrupts_python_code() -> None:
    with pytest.raises(ParseError, match="longer than"), deadline(0.2):
        while True:
            sum(range(1000))


def stuck_parse(seconds: float, *args: Any) -> Any:
    """A worker stuck where its own timer cannot reach it."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(60)


def test_a_stuck_worker_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from monitor.storage import db

    sessions = db.session_factory(db.open_database(f"sqlite:///{tmp_path / 'm.db'}"))
    settings = Settings(fetch=FetchSettings(parse_deadline=timedelta(seconds=0.5)))
    monkeypatch.setattr(pipeline, "PARSE_GRACE", 0.5)
    run = pipeline._Pass(sessions, settings, None, lambda: NOW, workers=1)

    async def go() -> None:
        monkeypatch.setattr(pipeline, "timed_ingest_job", stuck_parse)
        with pytest.raises(ParseError, match="worker replaced"):
            await run.ingest(rss(""), {}, 1000, None, False)
        first = run.pool
        assert first is None  # the stuck pool is gone
        monkeypatch.undo()
        packed = await run.ingest(rss(""), {}, 1000, None, False)
        assert packed.title == "Hostile" and run.pool is not None

    try:
        asyncio.run(go())
    finally:
        run.close()


def test_relative_links_resolve_against_the_feed_url() -> None:
    body = rss("<item><title>x</title><link>/a/b.html</link><guid>1</guid></item>")
    fetched = fetch(lambda r: httpx.Response(200, stream=httpx.ByteStream(body)))
    entry = parse(fetched.content, fetched.headers).entries[0]
    assert entry.link == "http://feeds.test/a/b.html"
    js = rss("<item><title>x</title><link>javascript:alert(1)</link><guid>1</guid></item>")
    assert parse(js).entries[0].link is None


class BrokenDatabase:
    """A matcher that meets the database fault a storage call would raise."""

    def match(self, *args: Any, **kw: Any) -> Any:
        from monitor.errors import StorageError

        raise StorageError("database /x/monitor.db is read-only: the process cannot write it")


def test_a_database_fault_stops_the_pass_with_its_message(tmp_path: Path) -> None:
    """Not one feed's error ("internal error: OperationalError ..." on every feed): one line."""
    from monitor.config import FeedSettings
    from monitor.errors import StorageError
    from monitor.storage import db
    from monitor.storage import feeds as feed_store

    fixtures = Path(__file__).parent / "fixtures" / "feeds"
    sessions = db.session_factory(db.open_database(f"sqlite:///{tmp_path / 'm.db'}"))
    feeds = [FeedSettings(name="atom", url=(fixtures / "atom.xml").as_uri())]
    settings = Settings(feeds=feeds)
    with sessions.begin() as s:
        feed_store.sync_config_feeds(s, feeds, NOW)
        jobs = [pipeline.FeedJob.of(f, settings.fetch.default_interval)
                for f in feed_store.all_feeds(s)]  # fmt: skip
    with pytest.raises(StorageError, match="read-only"):
        asyncio.run(
            pipeline.poll_feeds(
                sessions, settings, jobs, matcher=BrokenDatabase(), clock=lambda: NOW
            )
        )
