"""A warm pass (every feed answers 304) costs what the conditional requests cost.

One SELECT reads every feed's validators, one transaction writes every outcome, nothing is
forked and nothing that parses or matches is imported.
"""

from __future__ import annotations

import asyncio
import json
import os
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, WATCHLIST, Monitor
from feedserver import FeedServer
from sqlalchemy import event

from monitor.config import FetchSettings, load_config
from monitor.fetch import Fetched, Fetcher, HostPools, NotModified, tls_context
from monitor.pipeline.poll import POOL_MIN_FEEDS
from monitor.usecases.context import App
from monitor.usecases.polling import poll_once

FEEDS = POOL_MIN_FEEDS + 4  # enough feeds for a pass to use parse workers when it has bodies
RSS = (REPO / "tests" / "fixtures" / "feeds" / "rss2.xml").read_bytes()


def serve(server: FeedServer) -> list[dict[str, str]]:
    feeds = []
    for i in range(FEEDS):
        server.feed(f"/f/{i}.xml", RSS.replace(b"</title>", f" {i}</title>".encode(), 1))
        feeds.append({"name": f"feed-{i}", "url": server.url(f"/f/{i}.xml")})
    return feeds


_forks: list[int] = []
_counting = [False]
os.register_at_fork(before=lambda: _forks.append(1) if _counting[0] else None)


@pytest.fixture
def app(tmp_path: Path, feed_server: FeedServer) -> Iterator[App]:
    config = tmp_path / "monitor.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "database": {"url": f"sqlite:///{tmp_path / 'monitor.db'}"},
                "watchlist": str(WATCHLIST),
                "feeds": serve(feed_server),
            }
        ),
        encoding="utf-8",
    )
    opened = App.open(load_config(str(config)))
    try:
        yield opened
    finally:
        opened.close()


def test_a_warm_pass_is_one_select_one_write_transaction_and_no_fork(app: App) -> None:
    cold = poll_once(app)
    assert {f.status for f in cold.feeds} == {"ok"}
    statements: list[tuple[str, int]] = []

    def seen(conn: Any, cursor: Any, sql: str, params: Any, context: Any, many: bool) -> None:
        statements.append((" ".join(sql.split()), len(params) if many else 1))

    event.listen(app.engine, "before_cursor_execute", seen)
    _counting[0] = True
    try:
        warm = poll_once(app)
    finally:
        _counting[0] = False
        event.remove(app.engine, "before_cursor_execute", seen)
    assert [f.status for f in warm.feeds] == ["not_modified"] * FEEDS
    selects = [sql for sql, _ in statements if sql.startswith("SELECT")]
    assert len(selects) == 1 and " FROM feeds" in selects[0], selects
    assert "etag" in selects[0] and "last_modified" in selects[0]
    writes = [(sql, rows) for sql, rows in statements if not sql.startswith("SELECT")]
    # the read, then one transaction for all outcomes: one executemany UPDATE of every feed
    assert [sql.split()[0] for sql, _ in writes] == ["BEGIN", "BEGIN", "UPDATE"], writes
    assert writes[2][1] == FEEDS and writes[2][0].startswith("UPDATE feeds SET")
    assert _forks == []
    rows = app.engine.connect().exec_driver_sql(
        "SELECT count(*) FROM feeds WHERE last_status = 'not_modified' AND claimed_until IS NULL"
    )
    assert rows.scalar() == FEEDS


WARM_SCRIPT = """
import json, sys
from monitor.cli.main import app
try:
    app(args=sys.argv[1:], prog_name="monitor", standalone_mode=False)
finally:
    heavy = ("feedparser", "monitor.parse", "monitor.match", "ahocorasick", "jinja2",
             "alembic", "lxml", "apscheduler", "monitor.digest")
    print(json.dumps(sorted(m for m in heavy if m in sys.modules)), file=sys.stderr)
"""


def test_monitor_poll_imports_no_parser_or_matcher_when_every_feed_is_304(
    monitor: Monitor, feed_server: FeedServer
) -> None:
    monitor.write_config(feeds=serve(feed_server))
    cold = monitor.json("poll", "--json")
    assert cold["totals"]["new_entries"] > 0
    proc = subprocess.run(
        [sys.executable, "-c", WARM_SCRIPT, "--config", str(monitor.config_path), "poll", "--json"],
        cwd=monitor.home,
        env=monitor.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert json.loads(proc.stdout)["totals"] == {
        "feeds": FEEDS,
        "new_entries": 0,
        "new_matches": 0,
        "errors": 0,
    }
    assert json.loads(proc.stderr.strip().splitlines()[-1]) == []


class CountingServer(FeedServer):
    """Counts the TCP connections it accepts."""

    connections = 0

    def process_request(self, request: Any, client_address: Any) -> None:
        self.connections += 1
        super().process_request(request, client_address)


def test_304_answers_leave_their_connection_open_for_the_next_request() -> None:
    server = CountingServer().start()
    try:
        urls = [f["url"] for f in serve(server)]

        async def twice() -> list[object]:
            async with Fetcher(FetchSettings(concurrency=16, per_host=2)) as f:
                first = await asyncio.gather(*(f.fetch(u) for u in urls))
                tags = [r.etag for r in first if isinstance(r, Fetched)]
                opened = server.connections
                again = await asyncio.gather(
                    *(f.fetch(u, etag=t) for u, t in zip(urls, tags, strict=True))
                )
                return [opened, server.connections, *again]

        opened, total, *results = asyncio.run(twice())
    finally:
        server.stop()
    assert all(isinstance(r, NotModified) for r in results) and len(results) == FEEDS
    assert opened <= 2  # per_host: the host's pool holds two connections, reused
    assert total == opened  # the 304s went over the same connections


def test_every_https_pool_verifies_with_one_context_and_plain_pools_cannot_do_tls() -> None:
    context = tls_context()
    assert tls_context() is context  # the CA bundle is read once per process
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert context.cert_store_stats()["x509_ca"] > 0
    plain = HostPools(2).context_for("http")
    assert plain.verify_mode == ssl.CERT_REQUIRED and plain.check_hostname
    assert plain.cert_store_stats()["x509_ca"] == 0  # no CA: a TLS handshake would fail
