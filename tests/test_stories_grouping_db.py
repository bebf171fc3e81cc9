"""End to end: grouping at each `monitor poll` loads only the stories a new report could join
(story keys) and still gives exactly the stories of grouping everything at once."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from email.utils import format_datetime
from html import escape
from typing import Any

from conftest import Monitor
from feedserver import FeedServer
from match_support import ROOT

from monitor.config import load_config
from monitor.storage import stories as store
from monitor.stories.grouping import StoryIndex, group
from monitor.usecases.context import App
from monitor.usecases.stories import _input, teller_for

ROWS = [
    json.loads(line)
    for line in (ROOT / "tests" / "stories_dev" / "coverage.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


def when(row: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(str(row["published"]).replace("Z", "+00:00"))


def serve(server: FeedServer, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One RSS feed per outlet and language, holding ``rows``."""
    by_feed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_feed[f"{row['outlet']}-{row['language']}".replace(" ", "-").lower()].append(row)
    feeds = []
    for name, items in sorted(by_feed.items()):
        body = "".join(
            f"<item><title>{escape(r['title'])}</title><link>{escape(str(r['link']))}</link>"
            f"<guid>{escape(str(r['id']))}</guid><description>{escape(r['summary'])}"
            f"</description><pubDate>{format_datetime(when(r))}</pubDate></item>"
            for r in items
        )
        server.feed(
            f"/{name}.xml",
            (
                f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                f"<title>{escape(name)}</title><link>https://{name}.example/</link>"
                f"<description>x</description>{body}</channel></rss>"
            ).encode(),
        )
        feeds.append(
            {"name": name, "url": server.url(f"/{name}.xml"), "language": items[0]["language"]}
        )
    return feeds


def test_grouping_poll_by_poll_loads_candidates_only_and_equals_grouping_at_once(
    monitor: Monitor, feed_server: FeedServer
) -> None:
    rows = sorted(ROWS, key=when)
    third = len(rows) // 3
    feeds = serve(feed_server, rows[:third])  # arrivals in time order, a third at a time
    monitor.write_config(feeds, database={"url": f"sqlite:///{monitor.db_path}"})
    monitor.run("poll", check=True)
    assert monitor.sql("SELECT count(*) FROM story_keys")[0][0] > 0
    # Stories grouped before keys were kept (an upgraded database) are found all the same.
    monitor.sql_exec("DELETE FROM story_keys")
    serve(feed_server, rows[: 2 * third])
    monitor.run("poll", check=True)
    serve(feed_server, rows)  # and now through the keys
    monitor.run("poll", check=True)
    keyed = {sid for (sid,) in monitor.sql("SELECT DISTINCT story_id FROM story_keys")}
    half = 2 * third

    app = App.open(load_config(monitor.config_path))
    try:
        teller = teller_for(app)
        with app.sessions() as session:  # the stories of the second poll's window are keyed
            window = store.stories_since(session, when(rows[half]) - teller.grouper.window)
        assert window
        assert {s.id for s in window} <= keyed
        with app.sessions() as session:
            ids = [sid for (sid,) in monitor.sql("SELECT id FROM stories ORDER BY id")]
            members = store.members(session, ids)
        reports = [
            teller.report(_input(r), teller.read(r.title, r.summary))
            for sid in ids
            for r in members[sid]
        ]
        assert len(reports) > 40
        stored = sorted(sorted(r.match_id for r in members[sid]) for sid in ids)
        at_once = sorted(sorted(r.key for r in s.reports) for s in group(teller.grouper, reports))
        assert stored == at_once
        assert any(len(s) > 2 for s in stored)  # stories with several reports were joined

        # A report's lookup finds its own story, and fewer stories than the window holds.
        index = StoryIndex(teller.grouper)
        since = when(rows[half]) - teller.grouper.window
        some = max((r for r in reports if r.when >= since), key=lambda r: len(r.entities))
        with app.sessions() as session:
            found, unkeyed_ids = store.candidate_stories(session, since, index.lookup_keys(some))
        assert not unkeyed_ids
        own = next(sid for sid in ids if any(r.match_id == some.key for r in members[sid]))
        assert own in found
        assert len(found) < len(window)
    finally:
        app.close()
