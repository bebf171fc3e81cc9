"""One event found as two stories: a report that joins both strongly merges them (in memory,
in the database at `monitor poll`, and in the digests, where nothing is sent twice)."""

from __future__ import annotations

import json
from typing import Any

from conftest import Monitor, one_error_line
from feedserver import FeedServer
from story_support import TELLER, report
from test_stories_e2e import hook, serve

from monitor.stories.grouping import BRIDGE, Story, group

GROUPER = TELLER.grouper

# A snap check ordered (Russian) and the drills reported (English): the first reports share
# only the country, so they start two stories; a third names the leader, the drills and the
# troops' number, and joins each strongly.
ORDER = (
    "ru", "Рахмон поручил провести внезапную проверку боеготовности армии",
    "Президент Таджикистана Эмомали Рахмон поручил провести масштабную проверку боеготовности "
    "вооружённых сил на фоне обострения обстановки на таджикско-афганской границе.", 0,
)  # fmt: skip
DRILLS = (
    "en", "Tajikistan holds largest-ever military drills near Afghan border",
    "Some 230,000 troops are taking part in the drills, the defence ministry said.", 2,
)  # fmt: skip
BOTH = (
    "en", "Rahmon sends 230,000 troops on drills near Afghan border in combat readiness check",
    "President Emomali Rahmon ordered the snap check; 230,000 troops take part in the "
    "exercises.", 3,
)  # fmt: skip


def _report(key: int, item: tuple[str, str, str, int], hours: float | None = None) -> Any:
    lang, title, summary, at = item
    return report(key, title, summary, at if hours is None else hours, lang)


def test_a_report_joining_two_stories_strongly_merges_them() -> None:
    order, drills, both = _report(1, ORDER), _report(2, DRILLS), _report(3, BOTH)
    assert not GROUPER.compare(order, drills).same
    assert [[r.key for r in s.reports] for s in group(GROUPER, [order, drills])] == [[1], [2]]
    for other in (order, drills):
        verdict = GROUPER.compare(both, other)
        assert verdict.same and verdict.score >= BRIDGE, verdict
    stories = group(GROUPER, [order, drills, both])
    assert [[r.key for r in s.reports] for s in stories] == [[1, 2, 3]]
    # Near-miss: the same report half a day later joins each less strongly: it joins one, and the
    # other stays a story of its own.
    later = _report(3, BOTH, hours=14)
    assert all(GROUPER.compare(later, x).score < BRIDGE for x in (order, drills))
    assert len(group(GROUPER, [order, drills, later])) == 2


def test_stories_a_pair_of_reports_tells_apart_are_not_merged() -> None:
    seized = report(1, "Border guards seize 120 kg of hashish in Shamsiddin Shohin district")
    other = report(2, "Border guards seize 45 kg of heroin in Shamsiddin Shohin district", hours=2)
    assert GROUPER.compare(seized, other).vetoed
    assert not GROUPER.mergeable(Story(1, [seized]), Story(2, [other]))
    assert GROUPER.mergeable(Story(1, [_report(1, ORDER)]), Story(2, [_report(2, DRILLS)]))


def test_poll_merges_a_stored_story_and_the_digest_sends_nothing_twice(
    monitor: Monitor, feed_server: FeedServer, receiver: Any
) -> None:
    feeds_now = {"ozodi-ru": [ORDER], "wire-en": [DRILLS]}
    monitor.write_config(serve(feed_server, feeds_now), digests=[hook(receiver)])
    monitor.run("poll", check=True)
    first = monitor.json("stories", "list", "--since", "3650d", "--json")
    assert len(first) == 2
    monitor.run("digest", "send", "hook", check=True)
    sent = json.loads(receiver.received[-1][2])
    assert len(sent["stories"]) == 2
    older, newer = sorted(s["id"] for s in first)

    def keys(story_id: int) -> set[str]:
        return {
            k for (k,) in monitor.sql("SELECT key FROM story_keys WHERE story_id = ?", story_id)
        }

    newer_keys = keys(newer)
    assert newer_keys - keys(older)

    feeds_now["news-en"] = [BOTH]
    monitor.write_config(serve(feed_server, feeds_now), digests=[hook(receiver)])
    monitor.run("poll", check=True)
    (story,) = monitor.json("stories", "list", "--since", "3650d", "--json")
    assert story["id"] == older and story["reports"] == 3
    shown = monitor.json("stories", "show", str(older), "--json")
    joined = [r for r in shown["items"] if r["title"].startswith("Rahmon sends")]
    assert f"also joins story {newer}: merged" in joined[0]["why"]
    assert sorted(shown["delivered"]["hook"]) == sorted(
        m for s in sent["stories"] for m in s["matches"]
    )
    gone = monitor.run("stories", "show", str(newer))
    assert f"no story with id {newer}" in one_error_line(gone)
    # The kept story is found by the merged one's keys; the merged one has none left.
    assert not keys(newer) and keys(older) >= newer_keys

    # The next digest brings the merged story back as an update with the new report only.
    monitor.run("digest", "send", "hook", check=True)
    again = json.loads(receiver.received[-1][2])
    (update,) = again["stories"]
    assert (update["id"], update["update"], update["delivered_before"]) == (older, True, 2)
    assert len(update["matches"]) == 1 and again["matches"][0]["title"].startswith("Rahmon")
