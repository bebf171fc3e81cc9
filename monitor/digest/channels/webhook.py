"""Webhook channel: one signed POST per digest (json, Slack Block Kit or Teams Adaptive Card)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime

import httpx

from monitor.config import WHSEC_PROBLEM, WebhookChannel
from monitor.digest.build import DigestContent
from monitor.digest.payloads import payload
from monitor.errors import ConfigError, DeliveryError
from monitor.text import one_line
from monitor.units import parse_retry_after
from monitor.urls import origin

MAX_429_RETRIES = 3
MAX_RETRY_AFTER = 60.0


def signing_key(secret: str) -> bytes:
    """Standard Webhooks style: ``whsec_<base64>`` is decoded, any other secret used as UTF-8.

    A ``whsec_`` secret that is not base64 is a ConfigError (the config refuses it on load),
    never silently a different key.
    """
    if secret.startswith("whsec_"):
        try:
            return base64.b64decode(secret[6:], validate=True)
        except ValueError as exc:
            raise ConfigError(f"webhook secret: {WHSEC_PROBLEM}") from exc
    return secret.encode("utf-8")


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """``v1,<base64 HMAC-SHA256 of "id.timestamp.body">``."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(signing_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def headers_for(channel: WebhookChannel, key: str, body: bytes, timestamp: int) -> dict[str, str]:
    headers = {
        **channel.headers,
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "monitor-digest/1",
        "Idempotency-Key": key,
        "webhook-id": key,
        "webhook-timestamp": str(timestamp),
    }
    if channel.secret:
        headers["webhook-signature"] = sign(channel.secret, key, timestamp, body)
    return headers


def retry_after(value: str | None, now: float) -> float:
    """Seconds to wait from a Retry-After header (seconds or HTTP date), at most a minute."""
    delay = parse_retry_after(value, datetime.fromtimestamp(now, UTC))
    return 1.0 if delay is None else min(delay.total_seconds(), MAX_RETRY_AFTER)


def deliver(
    channel: WebhookChannel,
    content: DigestContent,
    *,
    sleep: Callable[[float], None] = time.sleep,
    transport: httpx.BaseTransport | None = None,
) -> str:
    """POST the payload; accepted = a 2xx answer. 429 waits Retry-After, a few times at most."""
    body = json.dumps(payload(content, channel.format), ensure_ascii=False).encode("utf-8")
    timeout = channel.timeout.total_seconds()
    where = f"webhook {origin(channel.url)}"
    attempts = 0
    with httpx.Client(timeout=httpx.Timeout(timeout), transport=transport) as client:
        while True:
            attempts += 1
            stamp = int(time.time())
            try:
                resp = client.post(
                    channel.url,
                    content=body,
                    headers=headers_for(channel, content.key, body, stamp),
                )
            except httpx.TimeoutException as exc:
                raise DeliveryError(f"{where}: timed out after {timeout:g}s") from exc
            except httpx.HTTPError as exc:
                raise DeliveryError(f"{where}: {one_line(str(exc) or type(exc).__name__)}") from exc
            if resp.status_code == 429 and attempts <= MAX_429_RETRIES:
                sleep(retry_after(resp.headers.get("Retry-After"), time.time()))
                continue
            if 200 <= resp.status_code < 300:
                return f"{where} answered {resp.status_code}"
            detail = one_line(resp.text, 120) if resp.text else resp.reason_phrase
            raise DeliveryError(f"{where} answered {resp.status_code}: {detail}")
