"""End to end with the real matcher: poll fixture feeds → list → show → mark → export → stats."""

from __future__ import annotations

import csv
import io
from typing import Any

from feedserver import FeedServer

FEEDS = {"/rss2.xml": "rss2.xml", "/cp1251.xml": "cp1251.xml", "/utf16.xml": "utf16.xml",
         "/persian.xml": "persian.xml"}  # fmt: skip
WINDOW = ("--since", "2024-05-01", "--until", "2024-07-01")  # the fixtures' dates


def test_poll_list_mark_stats(monitor: Any, feed_server: FeedServer) -> None:
    for path, fixture in FEEDS.items():
        feed_server.fixture(path, fixture)
    names = [p.strip("/").removesuffix(".xml") for p in FEEDS]
    monitor.write_config([{"name": n, "url": feed_server.url(f"/{n}.xml")} for n in names])
    poll = monitor.json("poll", "--json")
    assert poll["totals"]["errors"] == 0 and poll["totals"]["new_matches"] > 0

    rows = monitor.json("matches", "list", "--json", "--limit", "500")
    assert len(rows) == poll["totals"]["new_matches"]
    assert {r["feed"] for r in rows} == set(names)
    times = [r["time"] for r in rows]
    assert times == sorted(times, reverse=True)
    rogun = [r for r in rows if "Rogun" in r["title"]]
    assert not rogun  # not border news
    smugglers = next(r for r in rows if r["title"].startswith("Tajik border guards detain"))
    assert smugglers["status"] == "new" and smugglers["terms"]

    # each filter narrows the real matches the way it says
    assert {r["language"] for r in monitor.json("matches", "list", "--json", "--lang", "fa")} == {
        "fa"
    }
    term_id = smugglers["term_ids"][0]
    with_term = monitor.json("matches", "list", "--json", "--term", term_id)
    assert smugglers["id"] in [r["id"] for r in with_term]
    assert all(term_id in r["term_ids"] for r in with_term)
    by_name = monitor.json("matches", "list", "--json", "--term", smugglers["terms"][0].upper())
    assert [r["id"] for r in by_name] == [r["id"] for r in with_term]
    top = max(r["score"] for r in rows)
    assert {r["score"] for r in monitor.json("matches", "list", "--json", "--min-score",
                                              str(top))} == {top}  # fmt: skip

    shown = monitor.json("matches", "show", str(smugglers["id"]), "--json")
    assert shown["hits"] and shown["breakdown"]
    for hit in shown["hits"]:
        assert shown["text"][hit["field"]][hit["start"] : hit["end"]] == hit["text"]
    text = monitor.run("matches", "show", str(smugglers["id"]), check=True).stdout
    assert "is it about this border?" in text and smugglers["title"] in text

    persian = [r["id"] for r in rows if r["feed"] == "persian"]
    russian = [r["id"] for r in rows if r["feed"] == "cp1251"]
    monitor.run("matches", "mark", *map(str, persian), "--as", "relevant", check=True)
    monitor.run("matches", "mark", *map(str, russian), "--as", "irrelevant", "--note", "dup",
                check=True)  # fmt: skip
    relevant = monitor.json("matches", "list", "--json", "--status", "relevant")
    assert sorted(r["id"] for r in relevant) == sorted(persian)
    table = monitor.run("matches", "list", "--status", "irrelevant", check=True).stdout
    assert "irrelevant" in table and "cp1251" in table and "persian" not in table

    exported = list(csv.DictReader(io.StringIO(
        monitor.run("matches", "export", "--format", "csv", check=True).stdout)))  # fmt: skip
    assert len(exported) == len(rows)
    assert {r["status"] for r in exported if int(r["id"]) in russian} == {"irrelevant"}
    assert {r["note"] for r in exported if int(r["id"]) in russian} == {"dup"}

    stats = monitor.json("stats", "--json", *WINDOW)
    assert stats["total"] == len(rows)
    feeds = {f["feed"]: f for f in stats["feeds"]}
    assert feeds["persian"]["relevant_share"] == 1.0
    assert feeds["cp1251"]["relevant_share"] == 0.0
    assert feeds["rss2"]["relevant_share"] is None
    assert stats["by_status"]["relevant"] == len(persian)
    assert stats["top_entities"]
    assert {x["language"] for x in stats["languages"]} >= {"en", "ru", "tg", "fa"}
    chart = monitor.run("stats", *WINDOW, check=True).stdout
    assert "█" in chart and "per feed" in chart and "100%" in chart
