"""End to end: poll stores matches; `monitor match`, `monitor rescan`, `monitor seed`."""

from __future__ import annotations

import json
import shutil

import yaml
from conftest import REPO, WATCHLIST
from feedserver import FeedServer

BORDER_TITLES = {
    "Tajik border guards detain smugglers on the Panj River",
    "Пограничники Таджикистана задержали нарушителей на Пяндже",
    "Сарҳадбонони Тоҷикистон дар дарёи Панҷ қочоқбаронро боздошт карданд",
    "نیروهای طالبان در بدخشان به مرز تاجیکستان اعزام شدند",
}
NOT_BORDER_TITLES = {
    "Rogun dam reaches a new construction milestone",
    "В Душанбе открылась выставка ремёсел",
    "Нархи орд дар бозорҳои Душанбе рӯз то рӯз боло меравад",
    "افزایش قیمت آرد در بازارهای کابل",
}


def poll_four_languages(monitor, feed_server: FeedServer, **extra) -> None:
    feeds = []
    for path, ctype in (
        ("/rss2.xml", "application/rss+xml"),
        ("/cp1251.xml", "application/xml"),
        ("/utf16.xml", "application/xml"),
        ("/persian.xml", "application/rss+xml"),
    ):
        feed_server.fixture(path, path.strip("/"), ctype)
        feeds.append({"name": path.strip("/").split(".")[0], "url": feed_server.url(path)})
    monitor.write_config(feeds, **extra)
    monitor.run("poll", check=True)


def matched_titles(monitor) -> set[str]:
    rows = monitor.sql("SELECT e.title FROM matches m JOIN entries e ON e.id = m.entry_id")
    return {t for (t,) in rows}


def test_poll_matches_border_news_in_four_languages(monitor, feed_server: FeedServer) -> None:
    poll_four_languages(monitor, feed_server)
    titles = matched_titles(monitor)
    assert titles >= BORDER_TITLES
    assert not (NOT_BORDER_TITLES & titles)
    langs = dict(monitor.sql("SELECT title, language FROM entries"))
    assert langs["Пограничники Таджикистана задержали нарушителей на Пяндже"] == "ru"
    assert langs["Сарҳадбонони Тоҷикистон дар дарёи Панҷ қочоқбаронро боздошт карданд"] == "tg"
    assert langs["نیروهای طالبان در بدخشان به مرز تاجیکستان اعزام شدند"] == "fa"
    (explanation,) = monitor.sql(
        "SELECT m.explanation FROM matches m JOIN entries e ON e.id = m.entry_id "
        "WHERE e.title = 'Tajik border guards detain smugglers on the Panj River'"
    )[0]
    data = json.loads(explanation)
    hit = next(h for h in data["hits"] if h["field"] == "title" and h["name"] == "Panj")
    title = "Tajik border guards detain smugglers on the Panj River"
    assert title[hit["start"] : hit["end"]] == hit["text"] and hit["text"].startswith("Panj")
    assert data["breakdown"] and data["score"] >= data["threshold"]


def test_match_explains_any_text(monitor) -> None:
    monitor.write_config([])
    out = monitor.json(
        "match",
        "--text",
        "Таджикские пограничники задержали контрабандистов на границе с Афганистаном",
        "--json",
    )
    assert out["relevant"] is True and out["language"] == "ru"
    assert out["hits"] and all({"start", "end", "field", "name"} <= set(h) for h in out["hits"])
    negative = monitor.json(
        "match", "--text", "Punjab police arrest smugglers near Lahore", "--json"
    )
    assert negative["relevant"] is False
    human = monitor.run(
        "match", "--text", "Shooting across the Pyanj river near Khorog", check=True
    )
    assert "score" in human.stdout and "Panj" in human.stdout


def test_rescan_after_threshold_change(monitor, feed_server: FeedServer) -> None:
    poll_four_languages(monitor, feed_server)
    before = monitor.sql("SELECT count(*) FROM matches")[0][0]
    assert before >= 4
    mid = monitor.sql("SELECT id FROM matches ORDER BY score LIMIT 1")[0][0]
    monitor.sql_exec("UPDATE matches SET status = 'relevant' WHERE id = ?", mid)
    config = yaml.safe_load(monitor.config_path.read_text())
    config["matching"] = {"threshold": 100.0}
    monitor.config_path.write_text(yaml.safe_dump(config, allow_unicode=True))
    report = monitor.json("rescan", "--json")
    assert report["entries"] == monitor.sql("SELECT count(*) FROM entries")[0][0]
    assert report["removed"] == before - 1 and report["kept_reviewed"] == 1
    assert monitor.sql("SELECT id FROM matches") == [(mid,)]
    config["matching"] = {"threshold": 0.5}
    monitor.config_path.write_text(yaml.safe_dump(config, allow_unicode=True))
    again = monitor.json("rescan", "--since", "1d", "--json")
    assert again["new"] == before - 1
    assert monitor.run("rescan", "--since", "yesterday-ish").returncode == 2


def test_seed_plans_and_writes_keeping_curated_fields(monitor, tmp_path) -> None:
    work = tmp_path / "project"
    shutil.copytree(REPO / "seeds", work / "seeds")
    (work / "config").mkdir()
    shutil.copy(WATCHLIST, work / "config" / "watchlist.yaml")
    (work / "config" / "monitor.yaml").write_text("watchlist: watchlist.yaml\n")
    monitor.config_path = work / "config" / "monitor.yaml"
    before = (work / "config" / "watchlist.yaml").read_text()
    dry = monitor.run("seed", check=True)
    assert "new candidate" in dry.stdout and "--write" in dry.stdout
    assert (work / "config" / "watchlist.yaml").read_text() == before
    monitor.run("seed", "--write", check=True)
    after = yaml.safe_load((work / "config" / "watchlist.yaml").read_text())
    old = {e["id"]: e for e in yaml.safe_load(before)["entries"]}
    new = {e["id"]: e for e in after["entries"]}
    assert set(old) <= set(new) and len(new) > len(old)
    for entry_id, entry in old.items():
        for key in ("name", "kind", "role", "aliases"):
            assert new[entry_id].get(key) == entry.get(key)
    second = monitor.run("seed", check=True)
    assert "0 new candidate" in second.stdout


def test_match_pashto_uzbek_arabic_and_the_context_tier(monitor) -> None:
    monitor.write_config([])
    border = {
        "ps": "د تاجکستان او افغانستان پر پوله د قاچاقبرو سره نښته",
        "uz": "Tojikiston-Afg'oniston chegarasida kontrabandachilar bilan otishma",
        "ar": "اشتباك مع مهربين على الحدود الطاجيكية الأفغانية",
    }
    for language, text in border.items():
        out = monitor.json("match", "--text", text, "--json")
        assert out["relevant"] is True and out["language"] == language, out
        assert out["tier"] == "border"
    context = "Tajik security delegation holds talks with the Taliban in Kabul"
    out = monitor.json("match", "--text", context, "--json")
    assert out["relevant"] is True and out["tier"] == "context"
    assert out["score"] < monitor.json("match", "--text", border["ar"], "--json")["score"]
    human = monitor.run("match", "--text", context, check=True)
    assert "relevant (context tier)" in human.stdout
    domestic = "Pamiris rally in Moscow on the anniversary of the Khorog protests"
    assert monitor.json("match", "--text", domestic, "--json")["relevant"] is False
