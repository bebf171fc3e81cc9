"""Fetching feeds over HTTP(S) or from local files, with every bound a hostile server needs.

``fetch()`` returns :class:`Fetched` or :class:`NotModified` and raises :class:`FetchError`;
it never parses. Bounds: connect/read timeouts, a wall-clock deadline for the whole fetch,
a body cap enforced while streaming *and after decompression*, and a redirect limit.
"""

from __future__ import annotations

import asyncio
import email.utils
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpx

from monitor import USER_AGENT
from monitor.config import FetchSettings
from monitor.errors import FetchError, HttpStatusError
from monitor.urls import host_of

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, "
    "text/xml;q=0.9, */*;q=0.5"
)
_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}
_CHUNK = 64 * 1024


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


def parse_retry_after(value: str | None, now: datetime) -> timedelta | None:
    """Seconds or an HTTP date, as a non-negative delay; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return timedelta(seconds=int(value))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(when - now, timedelta(0))


class _Decoder:
    """Incremental gzip/deflate decoding that never produces more than ``limit`` bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit = limit
        self.size = 0
        enc = encoding.strip().lower()
        if enc in ("", "identity"):
            self._z: zlib._Decompress | None = None
        elif enc in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            self._z = zlib.decompressobj()
        else:
            raise FetchError(f"unsupported Content-Encoding {encoding!r}")

    def feed(self, data: bytes) -> bytes:
        if self._z is None:
            out = data
        else:
            try:
                # max_length bounds the expansion of this one chunk (a gzip bomb stops here).
                out = self._z.decompress(data, self.limit - self.size + 1)
            except zlib.error as exc:
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
        self._client = httpx.AsyncClient(
            transport=self._transport,
            follow_redirects=False,
            timeout=httpx.Timeout(
                s.read_timeout.total_seconds(), connect=s.connect_timeout.total_seconds()
            ),
            limits=httpx.Limits(max_connections=s.concurrency, max_keepalive_connections=32),
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
        if not url.lower().startswith(("http://", "https://")):
            return await asyncio.to_thread(
                read_local, url, self.settings.max_body, last_modified=last_modified
            )
        host = host_of(url)
        sem = self._hosts.setdefault(host, asyncio.Semaphore(self.settings.per_host))
        deadline = self.settings.deadline.total_seconds()
        async with self._overall, sem:
            try:
                async with asyncio.timeout(deadline):
                    return await self._fetch_http(url, etag, last_modified)
            except TimeoutError:
                raise FetchError(f"deadline of {deadline:g}s exceeded") from None

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
        current = url
        permanent = True
        for _hop in range(self.settings.max_redirects + 1):
            try:
                request = self._client.build_request("GET", current, headers=headers)
                response = await self._client.send(request, stream=True)
            except httpx.InvalidURL as exc:
                raise FetchError(f"invalid URL: {exc}") from exc
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out ({type(exc).__name__})") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{type(exc).__name__}: {exc}".rstrip(": ")) from exc
            try:
                status = response.status_code
                hdrs = {k.lower(): v for k, v in response.headers.items()}
                if status in _REDIRECTS:
                    location = hdrs.get("location")
                    if not location:
                        raise FetchError(f"HTTP {status} without Location", status=status)
                    permanent = permanent and status in _PERMANENT
                    current = urljoin(current, location)
                    continue
                moved = current if permanent and current != url else None
                if status == 304:
                    return NotModified(url=current, headers=hdrs, permanent_url=moved)
                if status >= 400 or status < 200:
                    now = datetime.now(UTC)
                    raise HttpStatusError(
                        f"HTTP {status} {response.reason_phrase}".strip(),
                        status=status,
                        retry_after=parse_retry_after(hdrs.get("retry-after"), now),
                        headers=hdrs,
                    )
                content = await self._read_body(response, hdrs)
                return Fetched(
                    url=current,
                    content=content,
                    headers=hdrs,
                    status=status,
                    permanent_url=moved,
                    etag=hdrs.get("etag"),
                    last_modified=hdrs.get("last-modified"),
                )
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out reading the body ({type(exc).__name__})") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{type(exc).__name__}: {exc}".rstrip(": ")) from exc
            finally:
                await response.aclose()
        raise FetchError(f"more than {self.settings.max_redirects} redirects")

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
    """Read a ``file://`` URL or a local path; its mtime serves as Last-Modified."""
    if url.lower().startswith("file://"):
        parts = urlsplit(url)
        path = Path(unquote(parts.path))
    else:
        path = Path(url)
    try:
        stat = path.stat()
        mtime = email.utils.format_datetime(
            datetime.fromtimestamp(int(stat.st_mtime), UTC), usegmt=True
        )
        if last_modified and last_modified == mtime:
            return NotModified(url=url)
        if stat.st_size > limit:
            raise FetchError(f"file of {stat.st_size:,} bytes exceeds the {limit:,} byte limit")
        with path.open("rb") as fh:
            content = fh.read(limit + 1)
    except OSError as exc:
        raise FetchError(f"cannot read {path}: {exc.strerror}") from exc
    if len(content) > limit:
        raise FetchError(f"file exceeds the {limit:,} byte limit")
    return Fetched(url=url, content=content, headers={}, last_modified=mtime)
