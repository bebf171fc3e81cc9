"""Webhook bodies: the versioned ``json`` schema (see docs/webhooks.md), Slack and Teams."""

from __future__ import annotations

from typing import Any

from monitor.digest.build import DigestContent, Item
from monitor.digest.render import text_segments, title
from monitor.text import strip_controls
from monitor.units import format_utc
from monitor.urls import link_target

SCHEMA = "monitor.digest/v1"
_SLACK_MAX_ITEMS = 40  # Slack allows 50 blocks per message
_TEAMS_MAX_ITEMS = 50


def _match(item: Item) -> list[dict[str, Any]]:
    head = {
        "id": item.match_id,
        "title": item.title,
        "url": item.url,
        "feed": item.feed,
        "outlet": item.outlet,
        "published": format_utc(item.published),
        "language": item.language,
        "score": item.score,
        "terms": list(item.terms),
        "snippet": text_segments(item.snippet),
        "duplicate_of": None,
        **_story_fields(item),
    }
    rest = [
        {"id": m.match_id, "title": m.title, "url": m.url, "feed": m.feed, "outlet": m.outlet,
         "language": m.language, "duplicate_of": item.match_id, **_story_fields(item)}
        for m in item.also
    ]  # fmt: skip
    return [head, *rest]


def _story_fields(item: Item) -> dict[str, Any]:
    return {"story": item.story_id, "event": item.event, "severity": item.severity}


def _story(item: Item) -> dict[str, Any]:
    return {
        "id": item.story_id,
        "header": item.header or item.title,
        "event": item.event,
        "severity": item.severity,
        "significance": item.significance,
        "update": item.update,
        "delivered_before": item.earlier,
        "languages": list(item.languages),
        "outlets": list(dict.fromkeys([item.outlet, *(m.outlet for m in item.also)])),
        "matches": item.match_ids[: 1 + len(item.also)],
        "more_matches": len(item.unlisted),
    }


def json_payload(d: DigestContent) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "digest": {
            "id": d.digest_id,
            "key": d.key,
            "channel": d.channel,
            "generated": format_utc(d.generated),
            "period": {"start": format_utc(d.period_start), "end": format_utc(d.period_end)},
            "match_count": d.match_count,
            "story_count": len(d.items),
            "held_back": d.held_back,
        },
        "counts": {
            "by_event": dict(d.by_event),
            "by_language": dict(d.by_language),
            "top_entities": dict(d.top_entities),
        },
        "failing_feeds": [
            {"name": f.name, "error": f.error, "consecutive_errors": f.consecutive_errors}
            for f in d.failing
        ],
        "matches": [m for item in d.items for m in _match(item)],
        "stories": [_story(item) for item in d.items],
    }


def _slack_escape(text: str) -> str:
    """Slack's three escapes: no feed text can open a link or a mention (``<!channel>``)."""
    text = strip_controls(text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_payload(d: DigestContent) -> dict[str, Any]:
    head = title(d)
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": head[:150]}},
    ]
    facts = [f"*{d.match_count}* new matches in *{len(d.items)}* stories"]
    if d.by_language:
        facts.append("languages: " + ", ".join(f"{k} {v}" for k, v in d.by_language))
    if d.held_back:
        facts.append(f"{d.held_back} held back")
    blocks.append({"type": "context", "elements": [
        {"type": "mrkdwn", "text": _slack_escape(" · ".join(facts))}]})  # fmt: skip
    if d.failing:
        lines = [f"• {f.name}: {f.error} ({f.consecutive_errors}×)" for f in d.failing[:10]]
        text = ":warning: *Failing feeds*\n" + _slack_escape("\n".join(lines))
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": text}})
    if d.by_event:
        events = " · ".join(f"{label} {n}" for label, n in d.by_event)
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": _slack_escape(events)}]})  # fmt: skip
    for item in d.items[:_SLACK_MAX_ITEMS]:
        name = _slack_escape(item.title)
        url = link_target(item.url)
        link = f"<{url}|{name}>" if url else name
        meta = _meta(item)
        headline = f"*{_slack_escape(_headline(item))}*\n" if item.header else ""
        blocks.append({"type": "section", "text": {"type": "mrkdwn",
                       "text": f"{headline}{link}\n{_slack_escape(meta)}"[:3000]}})  # fmt: skip
    if len(d.items) > _SLACK_MAX_ITEMS:
        more = len(d.items) - _SLACK_MAX_ITEMS
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": f"…and {more} more stories"}]})  # fmt: skip
    if d.empty:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": "All quiet."}})
    return {"text": head, "blocks": blocks}


def _headline(item: Item) -> str:
    return ("UPDATE · " if item.update else "") + item.header


def _meta(item: Item) -> str:
    """One line under a story: outlet, time, language, relevance, ids, other outlets."""
    meta = f"{item.outlet} · {item.published_local} · {item.language or '?'} · {item.score:.2f}"
    if item.story_id is not None:
        meta += f" · story {item.story_id}"
    meta += f" · match {item.match_id}"
    if item.also:
        meta += " · also: " + ", ".join(
            f"{m.outlet} ({m.language or '?'}, match {m.match_id})" for m in item.also
        )
    return meta


def _teams_escape(text: str) -> str:
    out = strip_controls(text)
    for ch in "\\*_[]()<>#`~":
        out = out.replace(ch, "\\" + ch)
    return out


def teams_payload(d: DigestContent) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "size": "Large", "weight": "Bolder", "wrap": True,
         "text": _teams_escape(title(d))},
        {"type": "TextBlock", "isSubtle": True, "wrap": True,
         "text": f"{d.match_count} new matches in {len(d.items)} stories"
         + (f" · {d.held_back} held back" if d.held_back else "")},
    ]  # fmt: skip
    if d.failing:
        text = "Failing feeds: " + "; ".join(f"{f.name} ({f.error})" for f in d.failing[:10])
        body.append({"type": "TextBlock", "color": "Warning", "wrap": True,
                     "text": _teams_escape(text)})  # fmt: skip
    if d.by_event:
        body.append({"type": "TextBlock", "isSubtle": True, "wrap": True, "text": _teams_escape(
            " · ".join(f"{label} {n}" for label, n in d.by_event))})  # fmt: skip
    for item in d.items[:_TEAMS_MAX_ITEMS]:
        if item.header:
            body.append({"type": "TextBlock", "weight": "Bolder", "wrap": True,
                         "spacing": "Medium", "text": _teams_escape(_headline(item))})  # fmt: skip
        name = _teams_escape(item.title)
        url = link_target(item.url)
        body.append({"type": "TextBlock", "wrap": True, "spacing": "Small",
                     "text": f"[{name}]({url})" if url else name})  # fmt: skip
        meta = _meta(item)
        body.append({"type": "TextBlock", "isSubtle": True, "wrap": True, "spacing": "None",
                     "text": _teams_escape(meta)})  # fmt: skip
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
    }
    return {
        "type": "message",
        "attachments": [
            {"contentType": "application/vnd.microsoft.card.adaptive", "content": card}
        ],
    }


def payload(d: DigestContent, fmt: str) -> dict[str, Any]:
    if fmt == "slack":
        return slack_payload(d)
    if fmt == "teams":
        return teams_payload(d)
    return json_payload(d)
