"""End to end: `monitor matches list|show|mark|export` and `monitor stats` on a seeded database."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from conftest import one_error_line
from matchseed import SEEDS, seed_database


@pytest.fixture
def seeded(monitor: Any) -> tuple[Any, list[int]]:
    monitor.write_config()
    ids = seed_database(f"sqlite:///{monitor.db_path}")
    return monitor, ids


def ids_of(monitor: Any, *args: str) -> list[int]:
    return [m["id"] for m in monitor.json("matches", "list", "--json", *args)]


def test_list_json_shape_and_order(seeded: Any) -> None:
    monitor, ids = seeded
    rows = monitor.json("matches", "list", "--json")
    assert [r["id"] for r in rows] == ids  # seeds are newest first
    first = rows[0]
    assert isinstance(first["id"], int)
    assert first["title"] == SEEDS[0].title
    assert first["url"] == "https://border-wire.example.org/0"
    assert first["feed"] == "border-wire"
    assert first["published"].endswith("Z")
    assert first["language"] == "en"
    assert first["score"] == 2.5
    assert first["terms"] == ["Tajik border guards", "Panj River"]
    assert first["term_ids"] == ["tajik-border-guards", "panj-river"]
    assert first["status"] == "new"
    assert first["note"] is None
    assert first["matched_at"].endswith("Z")
    no_date = rows[2]
    assert no_date["published"] is None and no_date["time"] == no_date["fetched"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--since", "36h"), [0, 1]),
        (("--since", "7d"), [0, 1, 2]),
        (("--until", "36h"), [2, 3, 4]),
        (("--since", "7d", "--until", "36h"), [2]),
        (("--feed", "border-wire"), [0, 4]),
        (("--feed", "ozodi", "--feed", "tolo-news"), [2, 3]),
        (("--term", "panj-river"), [0]),
        (("--term", "PANJ RIVER"), [0]),
        (("--term", "Tajik–Afghan border"), [3]),
        (("--term", "badakhshan", "--term", "panji-poyon"), [1, 2]),
        (("--term", "Panj"), []),  # names match whole, not by substring
        (("--term", "Panj River", "--min-score", "99"), []),
        (("--term", "fund_50"), [4]),
        (("--term", "50% border_fund"), [4]),
        (("--lang", "ru"), [1]),
        (("--lang", "FA", "--lang", "tg"), [2, 3]),
        (("--min-score", "1"), [0, 1, 3]),
        (("--min-score", "2.5", "--feed", "border-wire"), [0]),
        (("--status", "new"), [0, 1, 2, 3, 4]),
        (("--status", "relevant"), []),
        (("--limit", "2"), [0, 1]),
        (("--limit", "1", "--term", "panji-poyon"), [2]),
        (("--limit", "0"), []),
    ],
)
def test_list_filters(seeded: Any, args: tuple[str, ...], expected: list[int]) -> None:
    monitor, ids = seeded
    assert ids_of(monitor, *args) == [ids[i] for i in expected]


def test_list_since_iso_date(seeded: Any) -> None:
    monitor, ids = seeded
    day = (datetime.now(UTC) - timedelta(days=20)).date().isoformat()
    assert ids_of(monitor, "--since", day) == ids[:4]
    assert ids_of(monitor, "--until", f"{day}T00:00:00Z") == ids[4:]


def test_list_table_and_empty(seeded: Any) -> None:
    monitor, _ = seeded
    proc = monitor.run("matches", "list", check=True)
    assert "Tajik border guards detain smugglers" in proc.stdout
    assert "Бадахшан" in proc.stdout
    assert "border-wire" in proc.stdout and "2.50" in proc.stdout
    assert "5 matches" in proc.stdout
    empty = monitor.run("matches", "list", "--min-score", "99")
    assert empty.returncode == 0 and empty.stdout == ""
    where = f"config {monitor.config_path}, database sqlite:///{monitor.db_path}"
    assert empty.stderr.strip() == f"no matches ({where})"
    assert monitor.json("matches", "list", "--json", "--min-score", "99") == []


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("matches", "list", "--since", "yesterday"), ("--since", "yesterday")),
        (("matches", "list", "--until", "2024-13-01"), ("--until",)),
        (("matches", "list", "--since", "1d", "--until", "2d"), ("--since", "--until")),
        (("matches", "list", "--status", "maybe"), ("--status", "maybe")),
        (("matches", "list", "--limit", "-1"), ("--limit",)),
        (("matches", "list", "--min-score", "high"), ("--min-score",)),
        (("matches", "export", "--format", "xml"), ("--format", "xml")),
        (("matches", "show", "9999"), ("9999",)),
        (("matches", "show", "abc"), ("ID",)),
        (("matches", "mark", "1", "--as", "maybe"), ("--as", "maybe")),
        (("matches", "mark", "--as", "seen"), ("ID",)),
        (("stats", "--since", "soon"), ("--since",)),
    ],
)
def test_bad_input_is_one_line_exit_2(seeded: Any, args: tuple[str, ...], needles: Any) -> None:
    monitor, _ = seeded
    one_error_line(monitor.run(*args), *needles)


def test_show(seeded: Any) -> None:
    monitor, ids = seeded
    data = monitor.json("matches", "show", str(ids[0]), "--json")
    assert data["id"] == ids[0] and data["feed"] == "border-wire"
    assert data["text"]["title"] == SEEDS[0].title
    assert data["text"]["summary"].startswith("Guards on the Panj River")
    fields = {(h["term_id"], h["field"]) for h in data["hits"]}
    assert fields >= {("panj-river", "title"), ("panj-river", "summary")}
    assert [b["term_id"] for b in data["breakdown"]] == ["tajik-border-guards", "panj-river"]
    assert data["history"] == []
    proc = monitor.run("matches", "show", str(ids[0]), check=True)
    out = proc.stdout
    needles = (SEEDS[0].title, "Border-Wire", "https://border-wire.example.org/0",
               "about this border?", "Panj River (place)", "+1.25", "not reviewed yet")  # fmt: skip
    for needle in needles:
        assert needle in out, needle


def test_show_survives_bad_offsets(seeded: Any) -> None:
    monitor, ids = seeded
    # seed 2 has hits whose offsets lie past the end of the title
    proc = monitor.run("matches", "show", str(ids[2]), check=True)
    assert SEEDS[2].title in proc.stdout


def test_mark_history_and_all_or_nothing(seeded: Any) -> None:
    monitor, ids = seeded
    a, b = ids[0], ids[1]
    proc = monitor.run("matches", "mark", str(a), str(b), "--as", "relevant", "--note", "real",
                       check=True)  # fmt: skip
    assert f"marked 2 matches relevant: {a}, {b}" in proc.stdout
    monitor.run("matches", "mark", str(a), "--as", "irrelevant", "--note", "old news", check=True)
    rows = {r["id"]: r for r in monitor.json("matches", "list", "--json")}
    assert rows[a]["status"] == "irrelevant" and rows[a]["note"] == "old news"
    assert rows[b]["status"] == "relevant" and rows[b]["note"] == "real"
    assert rows[a]["status_at"].endswith("Z")
    assert ids_of(monitor, "--status", "relevant") == [b]
    assert ids_of(monitor, "--status", "irrelevant") == [a]
    history = monitor.json("matches", "show", str(a), "--json")["history"]
    assert [(h["status"], h["note"]) for h in history] == [("relevant", "real"),
                                                           ("irrelevant", "old news")]  # fmt: skip

    before = monitor.sql("SELECT id, status, status_note FROM matches ORDER BY id")
    marks = monitor.sql("SELECT count(*) FROM match_marks")
    bad = monitor.run("matches", "mark", str(ids[2]), "777", "778", "--as", "seen")
    one_error_line(bad, "777", "778", "nothing was marked")
    assert str(ids[2]) not in bad.stderr.split("ids")[1].split(";")[0]
    assert monitor.sql("SELECT id, status, status_note FROM matches ORDER BY id") == before
    assert monitor.sql("SELECT count(*) FROM match_marks") == marks

    table = monitor.run("matches", "list", check=True).stdout
    assert "irrelevant" in table and "relevant" in table


def test_export_csv_stdout(seeded: Any) -> None:
    monitor, ids = seeded
    proc = monitor.run("matches", "export", "--format", "csv", "--min-score", "1", check=True)
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [int(r["id"]) for r in rows] == [ids[0], ids[1], ids[3]]
    assert rows[0]["terms"] == "Tajik border guards; Panj River"
    assert rows[0]["feed"] == "border-wire" and float(rows[0]["score"]) == 2.5
    assert rows[2]["title"] == SEEDS[3].title  # Persian survives
    assert list(rows[0])[:3] == ["id", "time", "published"]


def test_export_has_no_default_limit(seeded: Any) -> None:
    monitor, ids = seeded
    proc = monitor.run("matches", "export", "--format", "jsonl", check=True)
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in lines] == ids
    assert lines == monitor.json("matches", "list", "--json")


def test_export_json_file_and_filters(seeded: Any) -> None:
    monitor, ids = seeded
    out = monitor.home / "out.json"
    out.write_text("old", encoding="utf-8")
    proc = monitor.run("matches", "export", "--format", "json", "--output", str(out),
                       "--lang", "fa", "--lang", "tg", check=True)  # fmt: skip
    assert proc.stdout == "" and "wrote 2 matches" in proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in data] == [ids[2], ids[3]]
    assert data[1]["terms"] == ["Tajik–Afghan border", "security"]
    assert not [p for p in monitor.home.iterdir() if p.name.endswith(".tmp")]

    empty = monitor.home / "empty.json"
    monitor.run("matches", "export", "--format", "json", "-o", str(empty), "--min-score", "99",
                check=True)  # fmt: skip
    assert json.loads(empty.read_text(encoding="utf-8")) == []
    assert monitor.run("matches", "export", "--format", "csv", "--min-score", "99",
                       check=True).stdout.strip() == "id,time,published,matched_at,feed,language,score,status,note,title,url,terms,term_ids"  # noqa: E501  # fmt: skip

    bad = monitor.run("matches", "export", "--format", "json", "-o", "no/such/dir/x.json")
    one_error_line(bad, "--output")


def test_stats(seeded: Any) -> None:
    monitor, ids = seeded
    monitor.run("matches", "mark", str(ids[0]), str(ids[3]), "--as", "relevant", check=True)
    monitor.run("matches", "mark", str(ids[1]), "--as", "irrelevant", check=True)
    monitor.run("matches", "mark", str(ids[2]), "--as", "seen", check=True)
    report = monitor.json("stats", "--json")
    assert report["total"] == 4  # the 40-day-old match is outside the default 30d
    assert report["by_status"] == {"new": 0, "seen": 1, "relevant": 2, "irrelevant": 1}
    assert len(report["per_day"]) == 31 and sum(d["matches"] for d in report["per_day"]) == 4
    feeds = {f["feed"]: f for f in report["feeds"]}
    assert feeds["border-wire"]["matches"] == 1 and feeds["border-wire"]["relevant_share"] == 1.0
    assert feeds["asia-plus"]["relevant_share"] == 0.0
    assert feeds["ozodi"]["relevant_share"] is None  # seen is not a verdict
    langs = {x["language"]: x["matches"] for x in report["languages"]}
    assert langs == {"en": 1, "ru": 1, "tg": 1, "fa": 1}
    terms = {t["term_id"]: t for t in report["terms"]}
    assert terms["badakhshan"]["relevant_share"] == 0.0
    assert terms["panj-river"]["relevant_share"] == 1.0 and terms["panj-river"]["kind"] == "river"
    entities = [e["term_id"] for e in report["top_entities"]]
    assert "security" not in entities and "panj-river" in entities

    everything = monitor.json("stats", "--json", "--since", "60d")
    assert everything["total"] == 5 and len(everything["per_day"]) == 61

    text = monitor.run("stats", check=True).stdout
    assert "matches per day" in text and "█" in text
    assert "names and places" in text and "topics" in text and "Panj River" in text
    assert "per feed" in text and "100%" in text and "0%" in text
    assert "relevant share" in text


def test_stats_on_empty_database(monitor: Any) -> None:
    monitor.write_config()
    report = monitor.json("stats", "--json", "--since", "7d")
    assert report["total"] == 0 and len(report["per_day"]) == 8
    assert report["feeds"] == [] and report["top_entities"] == []
    empty = monitor.run("stats", check=True)
    assert empty.stdout == "" and empty.stderr.startswith("no matches since ")
    assert f"(config {monitor.config_path}, database sqlite:///" in empty.stderr


def test_filters_and_marks_on_postgres(monitor: Any, postgres_db: str) -> None:
    monitor.write_config()
    ids = seed_database(postgres_db)
    monitor.env["MONITOR_DATABASE_URL"] = postgres_db  # as --db, for every command
    assert ids_of(monitor) == ids
    assert ids_of(monitor, "--since", "7d", "--until", "36h") == [ids[2]]
    assert ids_of(monitor, "--term", "Tajik–Afghan border") == [ids[3]]
    assert monitor.run("matches", "list", "--term", "%").returncode == 2  # no wildcards
    assert ids_of(monitor, "--lang", "FA", "--lang", "tg") == [ids[2], ids[3]]
    assert ids_of(monitor, "--min-score", "1", "--limit", "2") == [ids[0], ids[1]]
    monitor.run("matches", "mark", str(ids[0]), "--as", "relevant", check=True)
    one_error_line(monitor.run("matches", "mark", str(ids[1]), "999", "--as", "seen"))
    assert ids_of(monitor, "--status", "relevant") == [ids[0]]
    assert ids_of(monitor, "--status", "seen") == []
    stats = monitor.json("stats", "--json", "--since", "60d")
    assert stats["total"] == 5 and stats["by_status"]["relevant"] == 1
    rows = list(csv.DictReader(io.StringIO(monitor.run("matches", "export", check=True).stdout)))
    assert [int(r["id"]) for r in rows] == ids
