"""Digest use cases: send, preview, history. Called by the CLI and the daemon's scheduler.

Each call opens its own sessions from ``app.sessions`` (safe from a scheduler thread).
Bookkeeping: the digest row and its items are committed *before* delivery; after the channel
accepts, one transaction marks it sent and its matches delivered. A digest left ``pending``
(a crash between acceptance and that commit) is resent first, as-is, with the same key.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from monitor.config import EmailChannel, FileChannel, WebhookChannel
from monitor.errors import DeliveryError, MonitorError, NotFoundError
from monitor.pipeline.schedule import next_digest_run, next_fire
from monitor.records import DigestRecord
from monitor.storage import claims as claim_store
from monitor.storage import digests as store
from monitor.storage.db import write_session
from monitor.units import format_utc
from monitor.usecases.context import App
from monitor.usecases.instance import Instance

if TYPE_CHECKING:  # `digest history` builds and renders nothing: imported where used
    from monitor.digest.build import DigestContent
    from monitor.digest.render import Format

log = logging.getLogger(__name__)
AnyChannel = EmailChannel | WebhookChannel | FileChannel


@dataclass
class DigestOutcome:
    """What one ``send_digest`` did.

    ``status``: ``sent`` (delivered), ``empty`` (nothing new, nothing sent), ``dry_run``.
    """

    channel: str
    status: str
    digest_id: int | None = None
    key: str | None = None
    match_count: int = 0
    story_count: int = 0
    held_back: int = 0
    detail: str = ""
    resent: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "channel": self.channel, "status": self.status, "digest_id": self.digest_id,
            "key": self.key, "match_count": self.match_count, "story_count": self.story_count,
            "held_back": self.held_back, "detail": self.detail, "resent": self.resent,
        }  # fmt: skip

    def lines(self) -> list[str]:
        """The outcome as plain text lines (the CLI prints them, the daemon logs them)."""
        out = [f"{self.channel}: resent unconfirmed digest #{i}" for i in self.resent]
        held = f", {self.held_back} held back" if self.held_back else ""
        counts = f"{self.match_count} matches in {self.story_count} stories{held}"
        ident = f" #{self.digest_id}" if self.digest_id else ""
        out.append(f"{self.channel}{ident}: {self.status}: {counts}: {self.detail}")
        return out


def channel_named(app: App, name: str) -> AnyChannel:
    channel = app.settings.channel(name)
    if channel is None:
        known = ", ".join(c.name for c in app.settings.digests) or "none configured"
        raise NotFoundError(f"no digest channel named {name!r} (channels: {known})")
    return channel


def new_key(channel: str, now: datetime) -> str:
    return f"{channel[:40]}-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:12]}"


def build_for(app: App, channel: AnyChannel, now: datetime) -> DigestContent:
    """The digest ``channel`` would get now, from its undelivered matches."""
    from monitor.digest.build import build_digest
    from monitor.usecases.stories import digest_stories, group_new

    group_new(app)
    with app.sessions() as session:
        candidates = store.undelivered_matches(session, channel.name, channel.min_score)
        failing = store.failing_feeds(session)
        start = store.last_sent_period_end(session, channel.name)
    stories = digest_stories(app, channel.name, [m.story_id for m in candidates])
    return build_digest(
        channel.name, channel.timezone, candidates, failing,
        max_items=channel.max_items, now=now, period_start=start, stories=stories,
    )  # fmt: skip


def _rebuild(app: App, channel: AnyChannel, digest: DigestRecord) -> DigestContent:
    """A pending digest's content from the matches it holds (every one of them)."""
    from monitor.digest.build import build_digest
    from monitor.usecases.stories import digest_stories

    with app.sessions() as session:
        ids = store.digest_match_ids(session, digest.id)
        matches = store.matches_by_id(session, ids)
        failing = store.failing_feeds(session)
    stories = digest_stories(app, channel.name, [m.story_id for m in matches])
    content = build_digest(
        channel.name, channel.timezone, matches, failing,
        max_items=max(len(matches), 1), now=digest.created_at,
        period_start=digest.period_start, stories=stories,
    )  # fmt: skip
    return _with_ids(content, digest)


def _with_ids(content: DigestContent, digest: DigestRecord) -> DigestContent:
    from dataclasses import replace

    return replace(content, key=digest.key, digest_id=digest.id, period_end=digest.period_end)


def deliver(channel: AnyChannel, content: DigestContent) -> str:
    """Hand the digest to its channel; returns a one-line description or raises DeliveryError."""
    if isinstance(channel, EmailChannel):
        from monitor.digest.channels import email

        return email.deliver(channel, content)
    if isinstance(channel, WebhookChannel):
        from monitor.digest.channels import webhook

        return webhook.deliver(channel, content)
    from monitor.digest.channels import file

    return file.deliver(channel, content)


def _send_recorded(app: App, channel: AnyChannel, content: DigestContent) -> str:
    """Deliver a digest whose row exists (``content.digest_id``) and record the outcome."""
    if content.digest_id is None:
        raise ValueError("a digest is recorded before it is sent")
    try:
        detail = deliver(channel, content)
    except DeliveryError as exc:
        with app.sessions.begin() as session:
            store.mark_failed(session, content.digest_id, str(exc))
        raise DeliveryError(f"digest {channel.name}: {exc}") from exc
    except Exception as exc:
        with app.sessions.begin() as session:
            store.mark_failed(session, content.digest_id, f"{type(exc).__name__}: {exc}")
        raise
    with app.sessions.begin() as session:
        store.mark_sent(session, content.digest_id, app.clock())
    log.info("digest %s #%s: %s", channel.name, content.digest_id, detail)
    return detail


# The claim to send a channel's digest lasts this long and is renewed every third of it while
# the send runs: a sender killed mid-send holds the channel (and its pending digest) no longer.
CHANNEL_LEASE = timedelta(seconds=30)
SEND_WAIT = 120.0  # seconds a send waits for another sender of the same channel to finish


def send_digest(
    app: App, channel_name: str, *, dry_run: bool = False, owner: str | None = None
) -> DigestOutcome:
    """Build the digest of the channel's undelivered matches and deliver it.

    The send holds the channel's claim in the database (``owner``: the daemon that claimed
    the run; by default this process), so two senders of one channel, on any hosts, never
    send the same matches, and a digest left pending is resent only by the next holder.
    Raises NotFoundError for an unknown channel and DeliveryError (after recording the
    failure; the matches stay undelivered) when the channel does not accept the digest, or
    when another sender held the channel for longer than :data:`SEND_WAIT`.
    """
    channel = channel_named(app, channel_name)
    if dry_run:
        content = build_for(app, channel, app.clock())
        return DigestOutcome(
            channel.name, "dry_run", match_count=content.match_count,
            story_count=len(content.items), held_back=content.held_back,
            detail="dry run: nothing delivered or recorded",
        )  # fmt: skip
    with holding_channel(app, channel, owner or Instance.current().id):
        return _send(app, channel)


def _send(app: App, channel: AnyChannel) -> DigestOutcome:
    now = app.clock()
    resent: list[int] = []
    with app.sessions() as session:
        pending = store.pending_digests(session, channel.name)
    for digest in pending:
        with app.sessions.begin() as session:
            left = store.drop_rejected(session, digest.id)
        if not left:
            log.warning(
                "digest %s #%s was never confirmed; all its matches were since marked "
                "irrelevant: not resent", channel.name, digest.id,
            )  # fmt: skip
            continue
        log.warning("digest %s #%s was never confirmed: resending it", channel.name, digest.id)
        _send_recorded(app, channel, _rebuild(app, channel, digest))
        resent.append(digest.id)

    content = build_for(app, channel, now)
    outcome = DigestOutcome(
        channel.name, "sent", match_count=content.match_count,
        story_count=len(content.items), held_back=content.held_back, resent=resent,
    )  # fmt: skip
    if content.empty and not channel.send_empty:
        with app.sessions.begin() as session:
            digest = store.create_digest(
                session, channel=channel.name, key=new_key(channel.name, now), status="empty",
                period_start=content.period_start, period_end=now, match_ids=[], now=now,
            )  # fmt: skip
        outcome.status, outcome.digest_id, outcome.key = "empty", digest.id, digest.key
        outcome.detail = "nothing new: no digest sent"
        return outcome
    with app.sessions.begin() as session:
        digest = store.create_digest(
            session, channel=channel.name, key=new_key(channel.name, now), status="pending",
            period_start=content.period_start, period_end=now,
            match_ids=content.match_ids, now=now,
        )  # fmt: skip
    content = _with_ids(content, digest)
    outcome.digest_id, outcome.key = digest.id, digest.key
    outcome.detail = _send_recorded(app, channel, content)
    return outcome


@contextmanager
def holding_channel(app: App, channel: AnyChannel, owner: str) -> Iterator[None]:
    """Hold the channel's send claim for the enclosed code, renewing it; wait for another
    holder up to :data:`SEND_WAIT`. A claim ``owner`` already held (the daemon's claimed
    run) is renewed, and left for its holder to release."""
    name = channel.name
    waited_for: str | None = None
    deadline = time.monotonic() + SEND_WAIT
    while True:
        now = app.clock()
        first_run = next_fire(channel.schedule, channel.timezone, now)
        with write_session(app.sessions) as session:
            already = claim_store.channel_holder(session, name, now) == owner
            if claim_store.hold_channel(session, name, now, CHANNEL_LEASE, owner, first_run):
                break
            holder = claim_store.channel_holder(session, name, now)
        if time.monotonic() > deadline:
            raise DeliveryError(
                f"digest {name}: {holder or 'another sender'} has been sending it for over "
                f"{SEND_WAIT:g} s; nothing sent (try again later)"
            )
        if waited_for != holder:
            waited_for = holder
            log.info("digest %s: %s is sending it; waiting for it to finish", name, holder)
        time.sleep(1.0)
    renewing = _Renewal(app, channel, owner)
    try:
        yield
    finally:
        renewing.stop()
        if not already:
            with write_session(app.sessions) as session:
                claim_store.release_channel_claim(session, name, owner)


class _Renewal:
    """A thread renewing a channel claim every third of the lease until stopped."""

    def __init__(self, app: App, channel: AnyChannel, owner: str) -> None:
        self.app, self.channel, self.owner = app, channel, owner
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="monitor-digest-lease", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        app, name = self.app, self.channel.name
        while not self._stop.wait(CHANNEL_LEASE.total_seconds() / 3):
            try:
                now = app.clock()
                with write_session(app.sessions) as session:
                    kept = claim_store.hold_channel(
                        session, name, now, CHANNEL_LEASE, self.owner, now
                    )
            except MonitorError as exc:
                log.warning("digest %s: could not renew the send claim: %s", name, exc)
                continue
            if not kept:
                log.warning("digest %s: the send claim was lost to another sender", name)


def preview_digest(app: App, channel_name: str, fmt: Format = "text") -> str:
    """The digest ``send`` would deliver now, rendered; records nothing."""
    from monitor.digest.render import render

    channel = channel_named(app, channel_name)
    return render(build_for(app, channel, app.clock()), fmt)


def digest_history(
    app: App, channel_name: str | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    """Digest rows, newest first."""
    with app.sessions() as session:
        rows = store.history(session, channel_name, limit)
    return [
        {
            "id": d.id,
            "channel": d.channel,
            "key": d.key,
            "status": d.status,
            "attempts": d.attempts,
            "last_error": d.last_error,
            "match_count": d.match_count,
            "period_start": format_utc(d.period_start),
            "period_end": format_utc(d.period_end),
            "created": format_utc(d.created_at),
            "sent": format_utc(d.sent_at),
        }
        for d in rows
    ]


# ---- on schedule (the daemon) -----------------------------------------------------------------
def schedule_digests(app: App) -> list[str]:
    """Give every enabled channel its next run in the database; returns the channels already due.

    A channel due now missed its time while no daemon ran (or failed and awaits its retry).
    """
    now = app.clock()
    due = []
    with app.sessions.begin() as session:
        for channel in app.settings.digests:
            if not channel.enabled:
                continue
            when = claim_store.ensure_channel_state(
                session, channel.name, next_fire(channel.schedule, channel.timezone, now)
            )
            if when <= now:
                due.append(channel.name)
    return due


def claim_due_digests(app: App, owner: str, lease: timedelta) -> list[str]:
    """Claim the enabled channels whose next run (in the database) has come."""
    now = app.clock()
    names = [c.name for c in app.settings.digests if c.enabled]
    if not names:
        return []  # no connection taken: a daemon without channels needs no database here
    claimed = []
    with app.sessions.begin() as session:
        for name in claim_store.due_channels(session, names, now):
            if claim_store.claim_channel_run(session, name, now, lease, owner):
                claimed.append(name)
    return claimed


def release_digest_claim(app: App, name: str, owner: str) -> None:
    """Give back a claimed run without sending (shutdown): it stays due."""
    with app.sessions.begin() as session:
        claim_store.release_channel_claim(session, name, owner)


Sender = Callable[[App, str], DigestOutcome]


def run_claimed_digest(
    app: App, name: str, owner: str, send: Sender | None = None
) -> DigestOutcome | None:
    """Send a claimed channel's digest and store its next run; None when the send failed.

    After a failure the next run is the channel's ``retry_after`` from now, unless its schedule
    comes first; the failure is logged, and its matches wait for that next run.
    """
    channel = channel_named(app, name)
    outcome: DigestOutcome | None = None
    try:
        # the send renews the daemon's claim on the run (one claim: DIGEST_LEASE, renewed)
        outcome = send(app, name) if send else send_digest(app, name, owner=owner)
    except DeliveryError as exc:  # its message names the digest already
        log.error("%s", exc, extra={"channel": name})
    except MonitorError as exc:
        log.error("digest %s: %s", name, exc, extra={"channel": name})
    except Exception:
        log.exception("digest %s: failed", name)
    finally:
        finished = app.clock()
        next_run = next_digest_run(
            channel.schedule,
            channel.timezone,
            finished,
            sent=outcome is not None,
            retry_after=channel.retry_after,
        )
        with app.sessions.begin() as session:
            claim_store.finish_channel_run(
                session, name, finished, next_run, owner, ran=outcome is not None
            )
        if outcome is None:
            log.info("digest %s: next attempt at %s", name, format_utc(next_run))
    return outcome
