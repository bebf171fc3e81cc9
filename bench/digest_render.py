"""Measure building and rendering a digest over many undelivered matches.

    python bench/digest_render.py [--matches 10000] [--sample-html PATH]

Creates a throwaway SQLite database, inserts realistic multilingual matches, then times
``build_for`` (load + dedup + counts) and rendering HTML, text and Markdown. With
``--sample-html`` it writes a small realistic digest instead (used for docs/digest.png).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from monitor.config import LoadedConfig, Settings, validate
from monitor.digest.render import render
from monitor.storage import db
from monitor.storage.tables import entries, feeds, matches
from monitor.usecases.context import App
from monitor.usecases.digests import build_for, channel_named

NOW = datetime(2024, 6, 3, 2, 0, tzinfo=UTC)

FEEDS = [
    ("asia-plus-en", "Asia-Plus", "en"), ("eurasianet", "Eurasianet", "en"),
    ("rferl", "RFE/RL", "en"), ("khaama-press", "Khaama Press", "en"),
    ("asia-plus-ru", "Азия-Плюс", "ru"), ("sputnik-tj", "Sputnik Таджикистан", "ru"),
    ("ozodi-tg", "Радиои Озодӣ", "tg"), ("khovar-tg", "Ховар", "tg"),
    ("tolonews-fa", "طلوع‌نیوز", "fa"), ("bbc-persian", "BBC فارسی", "fa"),
]  # fmt: skip

# (feed index, title, lead, entities, score, words to highlight)
STORIES = [
    (0, "Tajik border guards detain 4 smugglers with 120 kg of heroin on the Panj River",
     "Tajikistan's Border Troops said on Monday they detained four men who crossed the Panj River "
     "from Afghanistan's Badakhshan province near Ishkashim carrying 120 kilograms of heroin.",
     ["Panj River", "Border Troops", "Badakhshan", "Ishkashim"], 3.42,
     ["Panj River", "Badakhshan", "Ishkashim", "Border Troops"]),
    (2, "Taliban move reinforcements to Badakhshan near Tajik frontier",
     "Sources in Faizabad say the Taliban have sent several hundred fighters to districts of "
     "Badakhshan bordering Tajikistan's Gorno-Badakhshan region after clashes with local miners.",
     ["Taliban", "Badakhshan", "GBAO"], 3.1, ["Taliban", "Badakhshan", "Gorno-Badakhshan"]),
    (4, "Пограничники Таджикистана задержали нарушителей на Пяндже",
     "По данным Главного управления пограничных войск ГКНБ, нарушители пытались переправиться "
     "через Пяндж в районе Шамсиддина Шохина Хатлонской области.",
     ["Пяндж", "ГКНБ", "Хатлон"], 2.86, ["Пяндж", "ГКНБ"]),
    (8, "نیروهای طالبان در بدخشان به مرز تاجیکستان اعزام شدند",
     "منابع محلی می‌گویند طالبان صدها نیروی تازه‌نفس را به ولسوالی‌های هم‌مرز با تاجیکستان در "
     "بدخشان فرستاده‌اند.",
     ["طالبان", "بدخشان", "تاجیکستان"], 2.7, ["بدخشان", "تاجیکستان"]),
    (6, "Сарҳадбонони Тоҷикистон дар дарёи Панҷ қочоқбаронро боздошт карданд",
     "Нерӯҳои сарҳадии Тоҷикистон мегӯянд, се нафар ҳангоми убур аз дарёи Панҷ бо маводи мухаддир "
     "боздошт шуданд.",
     ["Панҷ", "Сарҳадбонон"], 2.41, ["Панҷ"]),
    (1, "Dushanbe and Kabul discuss reopening the Panji Poyon crossing",
     "Officials from both sides met in Dushanbe to discuss reopening the Panji Poyon bridge to "
     "cargo traffic, closed since a shooting incident in April.",
     ["Panji Poyon", "Dushanbe", "Kabul"], 2.2, ["Panji Poyon", "Dushanbe"]),
    (3, "CSTO to fund new outposts on the Tajik-Afghan border",
     "The Collective Security Treaty Organization approved a programme to strengthen the "
     "Tajik-Afghan border with new outposts and surveillance equipment in Khatlon.",
     ["CSTO", "Tajik-Afghan border", "Khatlon"], 1.95, ["CSTO", "Tajik-Afghan border"]),
    (9, "بازار مشترک مرزی اشکاشم دوباره بازگشایی شد",
     "بازار مشترک اشکاشم میان تاجیکستان و افغانستان پس از دو سال دوباره به روی بازرگانان باز شد.",
     ["اشکاشم", "تاجیکستان"], 1.7, ["اشکاشم"]),
    (5, "В Хатлонской области построят новую погранзаставу",
     "Российская сторона профинансирует строительство заставы на участке таджикско-афганской "
     "границы в Хатлонской области.",
     ["Хатлон", "погранзастава"], 1.52, ["Хатлонской", "погранзастав"]),
]  # fmt: skip
DUPLICATES = [  # (story index, feed index, title)
    (0, 4, "Tajik border guards detain four smugglers with 120kg of heroin on the Panj river"),
    (0, 3, "Tajik border guards detain 4 smugglers with 120 kg heroin on Panj River"),
    (1, 3, "Taliban move reinforcements to Badakhshan near the Tajik frontier"),
]


def make_app(tmp: Path, max_items: int) -> App:
    channel = {"name": "daily-email", "type": "file", "path": str(tmp), "max_items": max_items}
    settings = validate({"digests": [channel]}, Settings)
    config = LoadedConfig(settings=settings, path=tmp / "m.yaml", packaged=False, data_dir=tmp)
    return App(config, db.open_database(f"sqlite:///{tmp / 'bench.db'}"), clock=lambda: NOW)


def hits_for(title: str, lead: str, words: list[str]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for field, text in (("title", title), ("summary", lead)):
        for w in words:
            i = text.find(w)
            if i >= 0:
                out.append({"field": field, "start": i, "end": i + len(w), "term": w})
    return out


def insert_rows(app: App, n: int, sample: bool) -> None:
    rnd = random.Random(7)
    with app.sessions.begin() as s:
        feed_rows: list[dict[str, Any]] = [
            dict(name=name, config_url=f"https://{name}.example.org/rss",
                 url=f"https://{name}.example.org/rss", title=title, language=lang,
                 created_at=NOW, updated_at=NOW, last_status=None, consecutive_errors=0,
                 last_error=None, last_ok_at=None)
            for name, title, lang in FEEDS
        ]  # fmt: skip
        feed_rows[7].update(last_status="error", consecutive_errors=5,
                            last_error="HTTP 503 Service Unavailable",
                            last_ok_at=NOW - timedelta(days=2, hours=3))  # fmt: skip
        feed_rows[3].update(last_status="error", consecutive_errors=2,
                            last_error="timed out after 20s",
                            last_ok_at=NOW - timedelta(hours=9))  # fmt: skip
        feed_ids = list(
            s.execute(
                insert(feeds).returning(feeds.c.id, sort_by_parameter_order=True), feed_rows
            ).scalars()
        )
        rows: list[tuple[dict[str, Any], list[str], float, list[dict[str, Any]]]] = []
        # Zipf-distributed vocabulary: the stories' own words first, then invented ones
        vocab = sorted({w for st in STORIES for w in f"{st[1]} {st[2]}".split()})
        syllables = ["ka", "ro", "ba", "du", "she", "ni", "pan", "kho", "taj", "af", "ma", "zor"]
        vocab += ["".join(rnd.choices(syllables, k=rnd.randint(2, 4))) for _ in range(20_000)]
        weights = [1 / (r + 1) for r in range(len(vocab))]
        for i in range(n):
            if sample and i >= len(STORIES) + len(DUPLICATES):
                break
            if i < len(STORIES):
                fi, title, lead, ents, score, words = STORIES[i]
            elif sample:
                si, fi, title = DUPLICATES[i - len(STORIES)]
                _f, _t, lead, ents, score, words = STORIES[si]
                score -= 0.4
            elif i % 10 == 0:  # another outlet's copy of an earlier story
                prev, ents, score, _h = rows[rnd.randrange(len(rows))]
                fi, title, lead = rnd.randrange(len(FEEDS)), prev["title"] + " —", prev["summary"]
                words = list(ents)
            else:  # a distinct story made of random words
                fi = rnd.randrange(len(FEEDS))
                title = " ".join(rnd.choices(vocab, weights, k=9))
                lead = " ".join(rnd.choices(vocab, weights, k=30))
                ents = sorted(set(rnd.choices(vocab[:300], k=3)))
                words, score = ents, round(rnd.uniform(0.5, 3.5), 2)
            entry = dict(feed_id=feed_ids[fi], identity=f"e{i}", title=title, summary=lead,
                         content="", url=f"https://{FEEDS[fi][0]}.example.org/news/{i}",
                         link=f"https://{FEEDS[fi][0]}.example.org/news/{i}",
                         language=FEEDS[fi][2], fetched_at=NOW,
                         published_at=NOW - timedelta(minutes=37 * (i % 40) + 5))  # fmt: skip
            rows.append((entry, ents, score, hits_for(title, lead, words)))
        entry_ids = s.execute(
            insert(entries).returning(entries.c.id, sort_by_parameter_order=True),
            [r[0] for r in rows],
        ).scalars()
        s.execute(
            insert(matches),
            [dict(entry_id=e, score=score, terms=ents, term_ids=[], status="new",
                  explanation={"hits": hits}, matched_at=NOW - timedelta(hours=2))
             for e, (_, ents, score, hits) in zip(entry_ids, rows, strict=True)],
        )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--matches", type=int, default=10_000)
    parser.add_argument("--sample-html", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sample = args.sample_html is not None
        app = make_app(Path(tmp), max_items=25 if sample else args.matches)
        insert_rows(app, args.matches, sample)
        channel = channel_named(app, "daily-email")
        if sample:
            content = replace(build_for(app, channel, NOW), key="daily-email-20240603T020000Z")
            args.sample_html.write_text(render(content, "html"), encoding="utf-8")
            print(f"wrote {args.sample_html}: {len(content.items)} stories")
            return
        t0 = time.perf_counter()
        content = build_for(app, channel, NOW)
        built = time.perf_counter() - t0
        took: dict[str, float] = {}
        sizes: dict[str, int] = {}
        for fmt in ("html", "text", "md"):
            t = time.perf_counter()
            sizes[fmt] = len(render(content, fmt))  # type: ignore[arg-type]
            took[fmt] = time.perf_counter() - t
        app.close()
    print(f"{args.matches} undelivered matches -> {len(content.items)} stories")
    print(f"build (load + dedup + counts): {built:.2f} s")
    for fmt in took:
        print(f"render {fmt:<4}: {took[fmt]:.2f} s ({sizes[fmt] / 1e6:.1f} MB)")
    print(f"email digest (build + text + html): {built + took['text'] + took['html']:.2f} s")
    print(f"file digest (build + html + md):    {built + took['html'] + took['md']:.2f} s")


if __name__ == "__main__":
    main()
