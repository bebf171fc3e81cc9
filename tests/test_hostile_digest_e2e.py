"""End to end: a digest of many look-alike items stays bounded, and nothing is lost."""

from __future__ import annotations

import json
from typing import Any

from feedserver import FeedServer
from hostile import item, rss

from monitor.digest.build import MAX_LISTED

COUNT = 400


def test_look_alike_flood_is_summarised_and_delivered_once(
    monitor: Any, feed_server: FeedServer, receiver: Any
) -> None:
    title = "Tajik border guards clash with Taliban fighters on the Panj river in Badakhshan"
    feed_server.feed("/flood.xml", rss("".join(item(i, title=f"{title} ({i})")
                                               for i in range(COUNT))))  # fmt: skip
    files = {"name": "files", "type": "file", "path": str(monitor.home / "out")}
    hook = {"name": "hook", "type": "webhook", "url": receiver.url}
    monitor.write_config([{"name": "flood", "url": feed_server.url("/flood.xml")}],
                         digests=[files, hook])  # fmt: skip
    monitor.run("poll", check=True)
    matched = monitor.sql("SELECT count(*) FROM matches")[0][0]
    assert matched == COUNT

    text = monitor.run("digest", "preview", "files", "--format", "text", check=True).stdout
    listed = text.count(" · match ")
    stories = json.loads(monitor.run("stories", "list", "--json", check=True).stdout or "[]")
    assert listed <= len(stories) * (1 + MAX_LISTED)
    assert "more reports" in text
    assert len(text) < 200_000

    monitor.run("digest", "send", "hook", check=True)
    body = json.loads(receiver.received[-1][2])
    assert body["digest"]["match_count"] == COUNT
    assert len(body["matches"]) <= len(stories) * (1 + MAX_LISTED)
    assert len(receiver.received[-1][2]) < 1_000_000
    delivered = monitor.sql(
        "SELECT count(DISTINCT di.match_id) FROM digest_items di "
        "JOIN digests d ON d.id = di.digest_id WHERE d.channel = 'hook' AND d.status = 'sent'"
    )[0][0]
    assert delivered == COUNT  # the unlisted reports count as delivered: never sent twice
    again = monitor.run("digest", "send", "hook", "--json", check=True)
    assert len(receiver.received) == 1, again.stdout  # nothing new: nothing sent
