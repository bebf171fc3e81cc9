"""Real receivers on loopback for delivery tests: an SMTP server (aiosmtpd) and an HTTP hook."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller


class Sink:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        raw: bytes = envelope.content
        self.messages.append(message_from_bytes(raw, policy=policy.default))  # type: ignore[arg-type]
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[int, Sink]]:
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, sink
    finally:
        controller.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Receiver(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answers: list[int] = []  # status codes to answer, in order; then 200
        self.received: list[tuple[int, dict[str, str], bytes]] = []
        self.delay = 0.0  # seconds to wait before answering (a slow or hung receiver)
        self.closing = threading.Event()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hook/secret-path"


class _Handler(BaseHTTPRequestHandler):
    server: Receiver  # type: ignore[assignment]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        status = self.server.answers.pop(0) if self.server.answers else 200
        self.server.received.append((status, dict(self.headers.items()), body))
        if self.server.delay:
            self.server.closing.wait(self.server.delay)
        out = b"{}" if status < 300 else b"upstream exploded"
        self.send_response(status)
        self.send_header("Content-Length", str(len(out)))
        if status == 429:
            self.send_header("Retry-After", "1")
        self.end_headers()
        self.wfile.write(out)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    try:
        yield server
    finally:
        server.closing.set()
        server.shutdown()
        server.server_close()
