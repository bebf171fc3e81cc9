"""Fetching feeds over HTTP(S) or from local files, with every bound a hostile server needs.

``fetch()`` returns :class:`Fetched` or :class:`NotModified` and raises :class:`FetchError`;
it never parses. Bounds: connect/read timeouts, a wall-clock deadline for the whole fetch
(local files too), a body cap enforced while streaming *and after decompression*, and a
redirect limit. httpx follows redirects; :class:`_GuardedTransport` checks every hop: where it
may lead (no loopback, private or link-local address, by name and by the address actually
connected to, unless the feed's own host or ``fetch.allow_private``) and that a redirect's
body is never read.
"""

from __future__ import annotations

import asyncio
import contextvars
import email.utils
import functools
import ipaddress
import os
import ssl
import stat
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx

from monitor import USER_AGENT
from monitor.config import FetchSettings
from monitor.errors import FetchError, HttpStatusError
from monitor.units import parse_retry_after
from monitor.urls import host_of

__all__ = [
    "FetchResult",
    "Fetched",
    "Fetcher",
    "NotModified",
    "read_local",
]

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, "
    "text/xml;q=0.9, */*;q=0.5"
)
_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}
_CHUNK = 64 * 1024
# The host of the URL being fetched (the feed's configured URL), for the guard's checks.
_ORIGIN: contextvars.ContextVar[str] = contextvars.ContextVar("monitor_fetch_origin")


@dataclass(frozen=True)
class Fetched:
    """A 2xx answer (or a local file) with its body, decompressed and within the cap."""

    url: str
    content: bytes
    headers: Mapping[str, str]
    status: int = 200
    permanent_url: str | None = None  # set when every redirect hop was permanent (301/308)
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class NotModified:
    """A 304 answer to a conditional request: nothing to parse."""

    url: str
    headers: Mapping[str, str] = field(default_factory=dict)
    permanent_url: str | None = None


FetchResult = Fetched | NotModified


def is_public(address: str) -> bool:
    """Whether an IP address is globally routable (not loopback, private, link-local, ...)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class _GuardedTransport(httpx.AsyncBaseTransport):
    """Checks each hop before and after connecting; empties redirect answers.

    A hop to a host other than the feed's own must not lead to a non-public address: its name
    is resolved first (every address must be public) and the address actually connected to is
    checked again (DNS may answer differently the second time). Redirect bodies are dropped
    unread: httpx would read them whole.
    """

    def __init__(self, inner: httpx.AsyncBaseTransport, *, allow_private: bool) -> None:
        self.inner = inner
        self.allow_private = allow_private

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        guarded = not self.allow_private and host != _ORIGIN.get(host)
        if guarded:
            await _check_name(host, request.url.port or 443)
        response = await self.inner.handle_async_request(request)
        if guarded:
            peer = _peer_address(response)
            if peer is not None and not is_public(peer):
                await response.aclose()
                raise _refused(host, peer)
        if response.status_code in _REDIRECTS and "location" in response.headers:
            await response.aclose()
            return httpx.Response(
                response.status_code,
                headers=response.headers,
                request=request,
                extensions={"http_version": response.extensions.get("http_version", b"")},
            )
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


async def _check_name(host: str, port: int) -> None:
    try:
        ipaddress.ip_address(host)
        addresses = [host]
    except ValueError:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port)
        except OSError:
            return  # the connection attempt reports the failure
        addresses = [str(info[4][0]) for info in infos]
    refused = [a for a in addresses if not is_public(a)]
    if refused:
        raise _refused(host, refused[0])


def _refused(host: str, address: str) -> FetchError:
    where = host if host == address else f"{host} ({address})"
    return FetchError(
        f"redirect to {where} refused: a non-public address (set fetch.allow_private to allow)"
    )


def _peer_address(response: httpx.Response) -> str | None:
    stream = response.extensions.get("network_stream")
    if stream is None:
        return None
    addr = stream.get_extra_info("server_addr")
    return str(addr[0]) if addr else None


class _Decoder:
    """Incremental gzip/deflate decoding that never produces more than ``limit`` bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self._first = False
        enc = encoding.strip().lower()
        self._deflate = enc == "deflate"
        if enc in ("", "identity"):
            self._z: zlib._Decompress | None = None
        elif enc in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            self._z = zlib.decompressobj()
            self._first = True  # servers send zlib-wrapped or raw deflate: try both, as httpx does
        else:
            raise FetchError(f"unsupported Content-Encoding {encoding!r}")

    def feed(self, data: bytes) -> bytes:
        if self._z is None:
            out = data
        else:
            first, self._first = self._first, False
            try:
                # max_length bounds the expansion of this one chunk (a gzip bomb stops here).
                out = self._z.decompress(data, self.limit - self.size + 1)
            except zlib.error as exc:
                if first and self._deflate:
                    self._z = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, no zlib header
                    return self.feed(data)
                raise FetchError(f"corrupt compressed body: {exc}") from exc
            if self._z.unconsumed_tail:
                raise self._too_big()
        self.size += len(out)
        if self.size > self.limit:
            raise self._too_big()
        return out

    def flush(self) -> bytes:
        return b"" if self._z is None else self.feed(b"")

    def _too_big(self) -> FetchError:
        return FetchError(f"body exceeds the {self.limit:,} byte limit (after decompression)")


@functools.cache
def tls_context() -> ssl.SSLContext:
    """httpx's verifying TLS context, made when the process first meets an https feed.

    Reading the CA bundle costs ~30 ms of CPU; a daemon would otherwise pay it every pass.
    """
    return httpx.create_ssl_context()


@functools.cache
def _no_tls_context() -> ssl.SSLContext:
    """For plain-HTTP pools, which never use it: verifying, no CA, so any TLS use fails closed."""
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class HostPools(httpx.AsyncBaseTransport):
    """One connection pool per scheme, host and port, each made when its host is first asked.

    Connections are reused per host either way; what separate pools buy is cost. httpcore's
    pool walks every connection it holds (and polls each idle socket) on every request and
    every response, partly in quadratic loops, so one pool of 32 connections spends more CPU
    than a pass of 304s spends on HTTP itself; a host's pool holds at most ``per_host``. One
    TLS context serves every pool (see :func:`tls_context`).
    """

    def __init__(self, per_host: int) -> None:
        self.per_host = per_host
        self._pools: dict[tuple[bytes, bytes, int | None], httpx.AsyncHTTPTransport] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        key = (url.raw_scheme, url.raw_host, url.port)
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = httpx.AsyncHTTPTransport(
                verify=self.context_for(url.scheme),
                limits=httpx.Limits(
                    max_connections=self.per_host, max_keepalive_connections=self.per_host
                ),
            )
        return await pool.handle_async_request(request)

    def context_for(self, scheme: str) -> ssl.SSLContext:
        return tls_context() if scheme == "https" else _no_tls_context()

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            await pool.aclose()


class Fetcher:
    """An HTTP client with overall and per-host concurrency limits. Use as an async context."""

    def __init__(
        self,
        settings: FetchSettings,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings
        self._transport = transport
        self._overall = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        inner = self._transport or HostPools(s.per_host)
        self._client = httpx.AsyncClient(
            transport=_GuardedTransport(inner, allow_private=s.allow_private),
            follow_redirects=True,
            max_redirects=s.max_redirects,
            timeout=httpx.Timeout(
                s.read_timeout.total_seconds(), connect=s.connect_timeout.total_seconds()
            ),
            headers={
                "User-Agent": USER_AGENT,
                "Accept": ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            },
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult:
        """Fetch ``url`` once within the deadline. Raises FetchError on any failure."""
        deadline = self.settings.deadline.total_seconds()
        if not url.lower().startswith(("http://", "https://")):
            try:
                async with asyncio.timeout(deadline):
                    return await asyncio.to_thread(
                        read_local, url, self.settings.max_body, last_modified=last_modified
                    )
            except TimeoutError:
                raise FetchError(f"deadline of {deadline:g}s exceeded") from None
        host = host_of(url)
        sem = self._hosts.setdefault(host, asyncio.Semaphore(self.settings.per_host))
        async with self._overall, sem:
            token = _ORIGIN.set(host)
            try:
                async with asyncio.timeout(deadline):
                    return await self._fetch_http(url, etag, last_modified)
            except TimeoutError:
                raise FetchError(f"deadline of {deadline:g}s exceeded") from None
            finally:
                _ORIGIN.reset(token)

    async def _fetch_http(
        self, url: str, etag: str | None, last_modified: str | None
    ) -> FetchResult:
        if self._client is None:
            raise RuntimeError("use Fetcher as an async context manager")
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            request = self._client.build_request("GET", url, headers=headers)
            response = await self._client.send(request, stream=True)
        except httpx.InvalidURL as exc:
            raise FetchError(f"invalid URL: {exc}") from exc
        except httpx.TooManyRedirects as exc:
            raise FetchError(f"more than {self.settings.max_redirects} redirects") from exc
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {exc}".rstrip(": ")) from exc
        try:
            return await self._result(url, response)
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out reading the body ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {exc}".rstrip(": ")) from exc
        finally:
            await response.aclose()

    async def _result(self, url: str, response: httpx.Response) -> FetchResult:
        status = response.status_code
        hdrs = {k.lower(): v for k, v in response.headers.items()}
        if status in _REDIRECTS:
            raise FetchError(f"HTTP {status} without Location", status=status)
        current = str(response.url)
        # Every hop permanent (301/308): the feed has moved. One 302 in the chain: it has not.
        permanent = all(hop.status_code in _PERMANENT for hop in response.history)
        moved = current if response.history and permanent and current != url else None
        if status == 304:
            if not response.is_stream_consumed:
                # read the (empty) body: an unread answer closes its connection
                await self._read_body(response, hdrs)
            return NotModified(url=current, headers=hdrs, permanent_url=moved)
        if status >= 400 or status < 200:
            raise HttpStatusError(
                f"HTTP {status} {response.reason_phrase}".strip(),
                status=status,
                retry_after=parse_retry_after(hdrs.get("retry-after"), datetime.now(UTC)),
                headers=hdrs,
            )
        content = await self._read_body(response, hdrs)
        # the base for the feed's relative links (the parser keeps only absolute http(s) ones)
        hdrs.setdefault("content-location", current)
        return Fetched(
            url=current,
            content=content,
            headers=hdrs,
            status=status,
            permanent_url=moved,
            etag=hdrs.get("etag"),
            last_modified=hdrs.get("last-modified"),
        )

    async def _read_body(self, response: httpx.Response, headers: Mapping[str, str]) -> bytes:
        limit = self.settings.max_body
        declared = headers.get("content-length", "")
        encoding = headers.get("content-encoding", "")
        if declared.isdigit() and int(declared) > limit and not encoding:
            raise FetchError(f"body of {int(declared):,} bytes exceeds the {limit:,} byte limit")
        decoder = _Decoder(encoding, limit)
        raw = 0
        parts: list[bytes] = []
        async for chunk in response.aiter_raw(_CHUNK):
            raw += len(chunk)
            if raw > limit:
                raise FetchError(f"body exceeds the {limit:,} byte limit")
            parts.append(decoder.feed(chunk))
        parts.append(decoder.flush())
        return b"".join(parts)


def read_local(url: str, limit: int, *, last_modified: str | None = None) -> FetchResult:
    """Read a ``file://`` URL or a local path; its mtime serves as Last-Modified.

    Only regular files: a FIFO, a device or a directory is refused before any read (opened
    non-blocking, so opening a FIFO cannot hang), and at most ``limit`` bytes are read.
    """
    if url.lower().startswith("file://"):
        parts = urlsplit(url)
        path = Path(unquote(parts.path))
    else:
        path = Path(url)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise FetchError(f"cannot read {path}: {exc.strerror}") from exc
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise FetchError(f"cannot read {path}: not a regular file")
    with os.fdopen(fd, "rb") as fh:
        mtime = email.utils.format_datetime(
            datetime.fromtimestamp(int(info.st_mtime), UTC), usegmt=True
        )
        if last_modified and last_modified == mtime:
            return NotModified(url=url)
        if info.st_size > limit:
            raise FetchError(f"file of {info.st_size:,} bytes exceeds the {limit:,} byte limit")
        try:
            content = fh.read(limit + 1)
        except OSError as exc:
            raise FetchError(f"cannot read {path}: {exc.strerror}") from exc
    if len(content) > limit:
        raise FetchError(f"file exceeds the {limit:,} byte limit")
    return Fetched(url=url, content=content, headers={}, last_modified=mtime)
