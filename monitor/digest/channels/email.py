"""Email channel: one multipart/alternative message (text + HTML) to all recipients over SMTP."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from monitor.config import EmailChannel
from monitor.digest.build import DigestContent
from monitor.digest.render import render
from monitor.errors import DeliveryError
from monitor.text import one_line


def subject(channel: EmailChannel, content: DigestContent) -> str:
    """Prefix, channel, local date, count and the top headline; never more than one line."""
    date = content.local(content.period_end, "%Y-%m-%d")
    if content.empty:
        text = f"{channel.subject_prefix} {channel.name} {date}: all quiet"
    else:
        n = content.match_count
        top = one_line(content.items[0].title, 90)
        text = f"{channel.subject_prefix} {channel.name} {date}: {n} new — {top}"
    return one_line(text, 200)


def message_id(channel: EmailChannel, key: str) -> str:
    """A Message-ID derived from the digest key, so a resend carries the same one."""
    domain = channel.from_.rpartition("@")[2].strip("<> ") or "monitor.invalid"
    return f"<{key}@{domain}>" if key else make_msgid(domain=domain)


def build_message(channel: EmailChannel, content: DigestContent) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = subject(channel, content)
    msg["From"] = channel.from_
    msg["To"] = ", ".join(channel.to)
    msg["Date"] = format_datetime(content.generated)
    msg["Message-ID"] = message_id(channel, content.key)
    domain = channel.from_.rpartition("@")[2].strip("<> ") or "monitor.invalid"
    msg["List-Id"] = f"monitor digest {channel.name} <{channel.name}.{domain}>"
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(render(content, "text"), subtype="plain", charset="utf-8")
    msg.add_alternative(render(content, "html"), subtype="html", charset="utf-8")
    return msg


def deliver(channel: EmailChannel, content: DigestContent) -> str:
    """Send one message; accepted = the server took it for at least one recipient."""
    msg = build_message(channel, content)
    smtp = channel.smtp
    host, port = smtp.host, smtp.effective_port
    timeout = smtp.timeout.total_seconds()
    where = f"SMTP {host}:{port}"
    try:
        client: smtplib.SMTP
        if smtp.security == "ssl":
            client = smtplib.SMTP_SSL(
                host, port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(host, port, timeout=timeout)
        with client:
            client.ehlo()
            if smtp.security == "starttls":
                client.starttls(context=ssl.create_default_context())
                client.ehlo()
            if smtp.username:
                client.login(smtp.username, smtp.password or "")
            refused = client.send_message(msg, from_addr=_bare(channel.from_), to_addrs=channel.to)
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(f"{where} refused every recipient: {_refused(exc.recipients)}") from exc
    except smtplib.SMTPResponseException as exc:
        text = (
            exc.smtp_error.decode("utf-8", "replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        raise DeliveryError(f"{where}: {exc.smtp_code} {one_line(text, 200)}") from exc
    except TimeoutError as exc:
        raise DeliveryError(f"{where}: timed out after {timeout:g}s") from exc
    except (OSError, smtplib.SMTPException) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise DeliveryError(f"{where}: {one_line(reason, 200)}") from exc
    accepted = len(channel.to) - len(refused)
    note = f" ({len(refused)} refused: {_refused(refused)})" if refused else ""
    return f"sent to {accepted} recipient{'s' if accepted != 1 else ''} via {host}:{port}{note}"


def _bare(addr: str) -> str:
    return parseaddr(addr)[1] or addr


def _refused(recipients: dict[str, tuple[int, bytes]]) -> str:
    return ", ".join(f"{r} ({code})" for r, (code, _msg) in recipients.items())
