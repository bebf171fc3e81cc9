"""Fetch edge cases with httpx.MockTransport (the loopback server covers the rest end to end)."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from monitor.config import FetchSettings
from monitor.errors import FetchError, HttpStatusError
from monitor.fetch import Fetched, Fetcher, NotModified
from monitor.units import parse_retry_after

SETTINGS = FetchSettings(deadline=timedelta(seconds=2), max_body=1000)


class Chunks(httpx.AsyncByteStream):
    """A streamed body, as a real transport gives it (MockTransport reads ``content=`` eagerly)."""

    def __init__(self, body: bytes, size: int = 100) -> None:
        self.body, self.size = body, size

    async def __aiter__(self):
        for i in range(0, len(self.body), self.size):
            yield self.body[i : i + self.size]


def response(
    status: int, body: bytes = b"", headers: dict[str, str] | None = None
) -> httpx.Response:
    return httpx.Response(status, stream=Chunks(body), headers=headers)


def fetch(handler, url: str = "http://feeds.test/rss", **kw: object):
    async def go():
        async with Fetcher(SETTINGS, transport=httpx.MockTransport(handler)) as f:
            return await f.fetch(url, **kw)  # type: ignore[arg-type]

    return asyncio.run(go())


def test_ok_carries_validators_and_user_agent() -> None:
    seen = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen.update(request.headers)
        return response(200, b"<rss/>", headers={"ETag": '"a"', "Last-Modified": "x"})

    result = fetch(handler)
    assert isinstance(result, Fetched)
    assert (result.etag, result.last_modified, result.content) == ('"a"', "x", b"<rss/>")
    assert seen["user-agent"].startswith("monitor/") and "http" in seen["user-agent"]


def test_conditional_headers_and_304() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["if-none-match"] == '"a"'
        assert request.headers["if-modified-since"] == "Mon, 01 Jan 2024 00:00:00 GMT"
        return httpx.Response(304)

    result = fetch(handler, etag='"a"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    assert isinstance(result, NotModified)


def test_gzip_is_decoded_and_capped_after_decompression() -> None:
    small = gzip.compress(b"x" * 900)
    ok = fetch(lambda r: response(200, small, {"Content-Encoding": "gzip"}))
    assert isinstance(ok, Fetched) and ok.content == b"x" * 900
    bomb = gzip.compress(b"\0" * 100_000)
    assert len(bomb) < 1000
    with pytest.raises(FetchError, match="after decompression"):
        fetch(lambda r: response(200, bomb, {"Content-Encoding": "gzip"}))


def test_deflate_and_corrupt_encoding() -> None:
    body = zlib.compress(b"<rss/>")
    ok = fetch(lambda r: response(200, body, {"Content-Encoding": "deflate"}))
    assert isinstance(ok, Fetched) and ok.content == b"<rss/>"
    with pytest.raises(FetchError, match="corrupt"):
        fetch(lambda r: response(200, b"nonsense", {"Content-Encoding": "gzip"}))
    with pytest.raises(FetchError, match="unsupported"):
        fetch(lambda r: response(200, b"x", {"Content-Encoding": "zstd-x"}))


def test_declared_length_over_cap_is_refused() -> None:
    with pytest.raises(FetchError, match="limit"):
        fetch(lambda r: response(200, b"x" * 1001))


def test_redirect_limit_and_permanence() -> None:
    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"Location": "/again"})

    with pytest.raises(FetchError, match="redirects"):
        fetch(loop)

    def chain(request: httpx.Request) -> httpx.Response:
        hops = {"/rss": (301, "/a"), "/a": (308, "/b"), "/b": (302, "/c")}
        if request.url.path in hops:
            code, loc = hops[request.url.path]
            return httpx.Response(code, headers={"Location": loc})
        return response(200, b"<rss/>")

    result = fetch(chain)
    assert isinstance(result, Fetched)
    assert result.url == "http://feeds.test/c"
    assert result.permanent_url is None  # a 302 in the chain: keep the old URL

    def permanent(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/rss":
            return httpx.Response(308, headers={"Location": "https://new.test/feed"})
        return response(200, b"<rss/>")

    result = fetch(permanent)
    assert result.permanent_url == "https://new.test/feed"


def test_status_errors_carry_retry_after() -> None:
    with pytest.raises(HttpStatusError) as info:
        fetch(lambda r: httpx.Response(503, headers={"Retry-After": "120"}))
    assert info.value.status == 503 and info.value.retry_after == timedelta(seconds=120)
    with pytest.raises(HttpStatusError) as info:
        fetch(lambda r: httpx.Response(410))
    assert info.value.gone


def test_retry_after_http_date() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert parse_retry_after("Thu, 01 Jan 2026 00:10:00 GMT", now) == timedelta(minutes=10)
    assert parse_retry_after("garbage", now) is None
    assert parse_retry_after("Wed, 31 Dec 2025 00:00:00 GMT", now) == timedelta(0)


def test_network_errors_become_fetch_errors() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused")

    with pytest.raises(FetchError, match="ConnectError"):
        fetch(refuse)


def test_deadline_bounds_a_stalled_response() -> None:
    class Stall(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            await asyncio.sleep(30)
            raise AssertionError("unreachable")

    async def go():
        async with Fetcher(SETTINGS, transport=Stall()) as f:
            return await f.fetch("http://feeds.test/rss")

    with pytest.raises(FetchError, match="deadline"):
        asyncio.run(go())


def test_local_file_missing_and_too_big(tmp_path) -> None:
    async def go(url: str):
        async with Fetcher(SETTINGS) as f:
            return await f.fetch(url)

    with pytest.raises(FetchError, match="cannot read"):
        asyncio.run(go(str(tmp_path / "none.xml")))
    big = tmp_path / "big.xml"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(FetchError, match="limit"):
        asyncio.run(go(big.as_uri()))
