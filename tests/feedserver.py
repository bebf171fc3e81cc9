"""A real HTTP server on 127.0.0.1 for end-to-end tests: fixture feeds and hostile answers."""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
Route = Callable[["Handler"], None]


class Handler(BaseHTTPRequestHandler):
    server: FeedServer  # type: ignore[assignment]
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.server.hits[path] += 1
        self.server.requests.append((path, dict(self.headers.items())))
        route = self.server.routes.get(path)
        if route is None:
            self.reply(404, b"not found", "text/plain")
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route(self)

    def reply(
        self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str = "127.0.0.1") -> None:
        super().__init__((host, 0), Handler)
        self.host = host
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.stopping = threading.Event()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that give up (deadline, body cap) reset connections: expected here

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.server_address[1]}{path}"

    # ---- routes -------------------------------------------------------------------------
    def feed(
        self,
        path: str,
        body: bytes,
        ctype: str = "application/rss+xml",
        *,
        etag: bool = True,
        last_modified: bool = True,
        extra: dict[str, str] | None = None,
    ) -> None:
        """A feed that answers conditional requests with 304."""
        tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        stamp = email.utils.formatdate(1_700_000_000, usegmt=True)

        def route(h: Handler) -> None:
            if etag and h.headers.get("If-None-Match") == tag:
                h.send_response(304)
                h.send_header("ETag", tag)
                h.send_header("Content-Length", "0")
                h.end_headers()
                return
            if not etag and last_modified and h.headers.get("If-Modified-Since") == stamp:
                h.send_response(304)
                h.send_header("Content-Length", "0")
                h.end_headers()
                return
            headers = dict(extra or {})
            if etag:
                headers["ETag"] = tag
            if last_modified:
                headers["Last-Modified"] = stamp
            h.reply(200, body, ctype, headers)

        self.routes[path] = route

    def fixture(
        self, path: str, name: str, ctype: str = "application/rss+xml", **kw: object
    ) -> None:
        self.feed(path, (FIXTURES / name).read_bytes(), ctype, **kw)  # type: ignore[arg-type]

    def redirect(self, path: str, status: int, target: str) -> None:
        self.routes[path] = lambda h: h.reply(status, b"", "text/plain", {"Location": target})

    def status(self, path: str, status: int, headers: dict[str, str] | None = None) -> None:
        self.routes[path] = lambda h: h.reply(status, b"error page", "text/html", headers)

    def slow(self, path: str, interval: float = 0.3) -> None:
        """Headers at once, then one byte every ``interval`` seconds, forever."""

        def route(h: Handler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.send_header("Content-Length", "1000000")
            h.end_headers()
            h.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
            h.wfile.flush()
            while not self.stopping.wait(interval):
                h.wfile.write(b" ")
                h.wfile.flush()

        self.routes[path] = route

    def huge(self, path: str, size: int) -> None:
        """A body of ``size`` bytes with no Content-Length (close-delimited), streamed."""

        def route(h: Handler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.send_header("Connection", "close")
            h.end_headers()
            h.close_connection = True
            chunk = b"<item><title>x</title></item>" * 2000
            sent = 0
            while sent < size and not self.stopping.is_set():
                h.wfile.write(chunk)
                sent += len(chunk)

        self.routes[path] = route

    def gzip_bomb(self, path: str, bomb: bytes) -> None:
        self.routes[path] = lambda h: h.reply(
            200, bomb, "application/rss+xml", {"Content-Encoding": "gzip"}
        )


def make_gzip_bomb(expanded: int) -> bytes:
    """``expanded`` bytes of zeros (after an RSS prefix), gzip-compressed (~1000:1)."""
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [z.compress(b'<?xml version="1.0"?><rss version="2.0"><channel><title>')]
    block = b"\0" * (1 << 20)
    for _ in range(expanded >> 20):
        parts.append(z.compress(block))
    parts.append(z.flush())
    return b"".join(parts)


def wait_for(predicate: Callable[[], bool], timeout: float, step: float = 0.1) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
