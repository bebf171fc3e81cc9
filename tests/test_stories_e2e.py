"""End to end: `monitor poll` over loopback feeds in several languages, then `monitor stories`
list/show/mark, `matches list --json` and `rescan` see the same stories."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from typing import Any

from conftest import Monitor, one_error_line
from feedserver import FeedServer

DAY = datetime(2026, 11, 10, 6, 0, tzinfo=UTC)

CLASH = [
    ("en", "Tajik and Taliban forces clash on border in Shamsiddin Shohin district",
     "Two Tajik border guards were killed in an exchange of fire at a border post in Khatlon's "
     "Shamsiddin Shohin district overnight, officials said.", 0),
    ("ru", "На границе в Шамсиддин Шохине произошла перестрелка с талибами",
     "В результате боестолкновения на заставе в Шамсиддин Шохинском районе Хатлонской области "
     "погибли двое таджикских пограничников.", 1),
    ("fa", "درگیری مرزبانان تاجیکستان و طالبان در مرز شمس الدین شاهین",
     "در درگیری میان نیروهای طالبان و مرزبانان تاجیک در مرز شمس الدین شاهین دو مرزبان تاجیک "
     "کشته شدند.", 2),
    ("en", "Two Tajik border guards killed in clash with Taliban in Khatlon",
     "The State Committee for National Security said the guards died in a firefight with "
     "Taliban fighters near Shamsiddin Shohin on the Panj river.", 3),
]  # fmt: skip
SEIZURE = (
    "ru", "Пограничники изъяли 120 кг гашиша в Шамсиддин Шохине",
    "Пограничники Таджикистана задержали двоих наркокурьеров и изъяли 120 килограммов гашиша "
    "на участке в Шамсиддин Шохинском районе.", 4,
)  # fmt: skip
LATE = (
    "tg", "Дар марзи ноҳияи Шамсиддин Шоҳин миёни марзбонон ва Толибон задухӯрд шуд",
    "Дар натиҷаи тирпарронӣ ду сарҳадбони тоҷик кушта шуданд. Ҳодиса дар посгоҳи марзии "
    "ноҳияи Шамсиддин Шоҳин рух дод.", 6,
)  # fmt: skip


def rss(name: str, items: list[tuple[str, str, str, int]]) -> bytes:
    """An RSS feed of (language, title, summary, hours after DAY) items."""
    body = "".join(
        f"<item><title>{escape(title)}</title><link>https://{name}.example/{i}</link>"
        f"<guid>{name}-{i}</guid><description>{escape(summary)}</description>"
        f"<pubDate>{format_datetime(DAY + timedelta(hours=hours))}</pubDate></item>"
        for i, (_, title, summary, hours) in enumerate(items)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{name}'
        f"</title><link>https://{name}.example/</link><description>x</description>{body}"
        "</channel></rss>"
    ).encode()


def serve(server: FeedServer, outlets: dict[str, list[tuple[str, str, str, int]]]) -> list[Any]:
    feeds = []
    for name, items in outlets.items():
        server.feed(f"/{name}.xml", rss(name, items))
        feeds.append({"name": name, "url": server.url(f"/{name}.xml"), "language": items[0][0]})
    return feeds


def outlets(late: bool = False) -> dict[str, list[tuple[str, str, str, int]]]:
    out = {
        "wire-en": [CLASH[0]],
        "wire-ru": [CLASH[1], SEIZURE],
        "wire-fa": [CLASH[2]],
        "wire-en2": [CLASH[3]],
    }
    if late:
        out["wire-tg"] = [LATE]
    return out


def test_one_event_in_four_outlets_is_one_story_and_a_seizure_stays_apart(
    monitor: Monitor, feed_server: FeedServer
) -> None:
    monitor.write_config(serve(feed_server, outlets()))
    monitor.run("poll", check=True)
    stories = monitor.json("stories", "list", "--json")
    assert len(stories) == 2, stories
    clash, seizure = stories  # most significant first: the killing before the seizure
    assert clash["event"] == "clash" and clash["severity"] == 3
    assert clash["header"].startswith("Armed clash · Shurobod (Khatlon) · ")
    assert clash["header"].endswith(" · 4 outlets: en ru fa")
    assert "Taliban" in clash["header"]
    assert (clash["reports"], clash["languages"]) == (4, ["en", "ru", "fa"])
    assert sorted(clash["outlets"]) == ["wire-en", "wire-en2", "wire-fa", "wire-ru"]
    assert (seizure["event"], seizure["severity"], seizure["reports"]) == ("smuggling", 2, 1)
    assert clash["significance"] > seizure["significance"]

    matches = monitor.json("matches", "list", "--json")
    assert len(matches) == 5
    by_story = {m["id"]: m["story"] for m in matches}
    assert sorted(by_story.values()).count(clash["id"]) == 4
    for m in matches:
        assert {"story", "event", "severity", "terms", "score", "status"} <= set(m)
        assert m["event"] == ("clash" if m["story"] == clash["id"] else "smuggling")

    shown = monitor.json("stories", "show", str(clash["id"]), "--json")
    assert [i["id"] for i in shown["items"]] == clash["matches"]
    first, *rest = shown["items"]
    assert first["why"] == ["first report of this story"]
    assert all(any(w.startswith("same Shurobod") for w in i["why"]) for i in rest)
    assert {i["language"] for i in shown["items"]} == {"en", "ru", "fa"}
    assert shown["items"][1]["counts"] == {"killed": 2.0}

    text = monitor.run("stories", "show", str(clash["id"]), check=True).stdout
    assert clash["header"] in text and "why grouped" in text and "same Shurobod" in text
    table = monitor.run("stories", "list", check=True).stdout
    assert clash["header"] in table and "2 stories" in table
    match_text = monitor.run("matches", "show", str(clash["matches"][0]), check=True).stdout
    assert "relevance: is it about this border?" in match_text
    assert "significance: how much does it matter?" in match_text and "severity 3" in match_text


def test_a_late_report_joins_the_existing_story(monitor: Monitor, feed_server: FeedServer) -> None:
    monitor.write_config(serve(feed_server, outlets()))
    monitor.run("poll", check=True)
    before = {s["id"]: s for s in monitor.json("stories", "list", "--json")}
    monitor.write_config(serve(feed_server, outlets(late=True)))
    monitor.run("poll", check=True)
    after = monitor.json("stories", "list", "--json")
    assert {s["id"] for s in after} == set(before)
    clash = after[0]
    assert clash["reports"] == 5 and clash["languages"] == ["en", "ru", "tg", "fa"]
    assert clash["header"].endswith(" · 5 outlets: en ru tg fa")


def test_rescan_regroups_and_mark_marks_every_report(
    monitor: Monitor, feed_server: FeedServer
) -> None:
    monitor.write_config(serve(feed_server, outlets()))
    monitor.run("poll", check=True)
    headers = sorted(s["header"] for s in monitor.json("stories", "list", "--json"))
    report = monitor.json("rescan", "--json")
    assert report["regrouped"] == 5
    stories = monitor.json("stories", "list", "--json")
    assert sorted(s["header"] for s in stories) == headers
    out = monitor.run("stories", "mark", str(stories[0]["id"]), "--as", "relevant", check=True)
    assert "marked 4 matches relevant" in out.stdout
    statuses = {m["story"]: m["status"] for m in monitor.json("matches", "list", "--json")}
    assert statuses == {stories[0]["id"]: "relevant", stories[1]["id"]: "new"}
    one_error_line(monitor.run("stories", "show", "999"), "no story with id 999")
    one_error_line(monitor.run("stories", "list", "--since", "soon"), "--since")


AID = (
    "en", "US hands over equipment to Tajik border troops in Khorog",
    "The US embassy handed over night-vision devices and vehicles to Tajik border troops at a "
    "ceremony in Khorog, Gorno-Badakhshan.", 5,
)  # fmt: skip


def hook(receiver: Any) -> dict[str, Any]:
    return {"name": "hook", "type": "webhook", "url": receiver.url, "format": "json"}


def files(monitor: Monitor) -> dict[str, Any]:
    return {"name": "desk", "type": "file", "path": str(monitor.home / "out"), "formats": ["md"]}


def test_digests_are_story_first_ordered_by_severity_and_come_back_as_updates(
    monitor: Monitor, feed_server: FeedServer, receiver: Any
) -> None:
    feeds_now = outlets()
    feeds_now["wire-aid"] = [AID]
    monitor.write_config(serve(feed_server, feeds_now), digests=[hook(receiver), files(monitor)])
    monitor.run("poll", check=True)
    text = monitor.run("digest", "preview", "hook", "--format", "text", check=True).stdout
    monitor.run("digest", "send", "hook", check=True)
    body = json.loads(receiver.received[-1][2])
    stories = body["stories"]
    assert [s["event"] for s in stories] == ["clash", "smuggling", "aid"]  # by severity
    assert [s["severity"] for s in stories] == [3, 2, 1]
    clash = stories[0]
    assert clash["header"].startswith("Armed clash · Shurobod (Khatlon)")
    assert clash["update"] is False and len(clash["matches"]) == 4
    assert clash["languages"] == ["en", "ru", "fa"]
    assert body["counts"]["by_event"] == {"Armed clash": 1, "Smuggling": 1, "Aid": 1}
    for m in body["matches"]:
        assert {"story", "event", "severity", "duplicate_of", "id", "title"} <= set(m)
    assert {m["story"] for m in body["matches"] if m["id"] in clash["matches"]} == {clash["id"]}
    head = body["matches"][0]
    assert head["id"] == clash["matches"][0] and head["language"] == "en"
    assert head["duplicate_of"] is None
    assert [m["duplicate_of"] for m in body["matches"][1:4]] == [head["id"]] * 3

    assert text.index("Armed clash · Shurobod") < text.index("Smuggling · ") < text.index("Aid · ")
    assert "By event: Armed clash 1, Smuggling 1, Aid 1" in text
    assert f"match {head['id']} · story {clash['id']}" in text
    assert "Also reported by:" in text and "(fa) · match" in text
    assert "   Terms: " in text and "Entities:" not in text

    # A late Tajik report of the delivered clash: the next digest brings the story back,
    # marked as an update, with only the new report.
    feeds_now["wire-tg"] = [LATE]
    monitor.write_config(serve(feed_server, feeds_now), digests=[hook(receiver), files(monitor)])
    monitor.run("poll", check=True)
    monitor.run("digest", "send", "hook", check=True)
    again = json.loads(receiver.received[-1][2])
    assert len(again["stories"]) == 1
    update = again["stories"][0]
    assert (update["id"], update["update"], update["delivered_before"]) == (clash["id"], True, 4)
    assert update["languages"] == ["en", "ru", "tg", "fa"] and len(update["matches"]) == 1
    assert again["matches"][0]["language"] == "tg"

    # The file channel never sent anything: everything is new there, in one Markdown digest.
    monitor.run("digest", "send", "desk", check=True)
    (md,) = (monitor.home / "out").glob("*.md")
    page = md.read_text(encoding="utf-8")
    assert "Update" not in page
    assert page.index("## 1. Armed clash · Shurobod") < page.index("## 2. Smuggling")
    shown = monitor.json("stories", "show", str(clash["id"]), "--json")
    assert sorted(shown["delivered"]["hook"]) == sorted(clash["matches"] + update["matches"])
    assert sorted(shown["delivered"]["desk"]) == sorted(shown["matches"])
