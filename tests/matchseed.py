"""Seed a monitor database with feeds, entries and matches, without the matcher."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from monitor.storage.db import open_database, session_factory
from monitor.storage.tables import entries, feeds, matches


@dataclass
class Seed:
    feed: str
    title: str
    terms: list[tuple[str, str, str, str]]  # (term id, name, kind, role)
    score: float
    published: timedelta | None  # before now; None: no published date
    fetched: timedelta = timedelta(hours=1)
    language: str | None = "en"
    summary: str = ""
    status: str = "new"
    url: str = ""
    extra_hits: list[dict[str, Any]] = field(default_factory=list)


FEEDS = {"border-wire": "en", "asia-plus": "ru", "ozodi": "tg", "tolo-news": "fa"}

SEEDS = [
    Seed("border-wire", "Tajik border guards detain smugglers on the Panj River",
         [("tajik-border-guards", "Tajik border guards", "force", "actor"),
          ("panj-river", "Panj River", "river", "place")],
         2.5, timedelta(hours=2), summary="Guards on the Panj River stopped a boat at night."),
    Seed("asia-plus", "Талибы перебросили подкрепление в Бадахшан",
         [("badakhshan", "Badakhshan", "province", "region")],
         1.2, timedelta(hours=30), language="ru"),
    Seed("ozodi", "Гузаргоҳи Панҷи Поён боз мешавад",
         [("panji-poyon", "Panji Poyon", "crossing", "place")],
         0.8, None, fetched=timedelta(days=3), language="tg"),
    Seed("tolo-news", "تقویت نیروها در مرز تاجیکستان و افغانستان",
         [("tajik-afghan-border", "Tajik–Afghan border", "border", "anchor"),
          ("security", "security", "topic", "topic")],
         3.0, timedelta(days=10), language="fa"),
    Seed("border-wire", "Rogun dam: 50% of the border_fund spent",
         [("fund_50", "50% border_fund", "topic", "topic")],
         0.6, timedelta(days=40)),
]  # fmt: skip


def hits_for(seed: Seed) -> list[dict[str, Any]]:
    """Hits with real offsets where a term's name occurs in the title, else none."""
    hits = []
    for term_id, name, kind, role in seed.terms:
        for fld, text in (("title", seed.title), ("summary", seed.summary)):
            at = text.find(name)
            if at >= 0:
                hits.append({"term_id": term_id, "name": name, "kind": kind, "role": role,
                             "alias": name, "field": fld, "start": at, "end": at + len(name),
                             "text": name})  # fmt: skip
    if not hits:  # at least record kind and role
        for term_id, name, kind, role in seed.terms:
            hits.append({"term_id": term_id, "name": name, "kind": kind, "role": role,
                         "alias": name, "field": "title", "start": 9999, "end": 10005,
                         "text": name})  # fmt: skip
    return hits + seed.extra_hits


def seed_database(url: str, seeds: list[Seed] = SEEDS, now: datetime | None = None) -> list[int]:
    """Create the schema and the rows; returns the match ids in the order of ``seeds``."""
    now = now or datetime.now(UTC)
    engine = open_database(url)
    ids: list[int] = []
    try:
        with session_factory(engine).begin() as session:
            feed_ids = {}
            for name, lang in FEEDS.items():
                feed_ids[name] = session.execute(
                    insert(feeds).values(name=name, origin="config", config_url=f"https://{name}.example.org/rss",
                                         url=f"https://{name}.example.org/rss", title=name.title(),
                                         language=lang, enabled=True, consecutive_errors=0,
                                         created_at=now, updated_at=now).returning(feeds.c.id)
                ).scalar_one()  # fmt: skip
            for i, seed in enumerate(seeds):
                entry_id = session.execute(insert(entries).values(
                    feed_id=feed_ids[seed.feed], identity=f"e{i}", title=seed.title,
                    summary=seed.summary, content="", language=seed.language,
                    url=seed.url or f"https://{seed.feed}.example.org/{i}",
                    published_at=now - seed.published if seed.published is not None else None,
                    fetched_at=now - seed.fetched,
                ).returning(entries.c.id)).scalar_one()  # fmt: skip
                breakdown = [
                    {"term_id": t[0], "label": f"{t[1]} ({t[3]})",
                     "contribution": round(seed.score / len(seed.terms), 3)}
                    for t in seed.terms
                ]  # fmt: skip
                match_id = session.execute(insert(matches).values(
                    entry_id=entry_id, score=seed.score, terms=[t[1] for t in seed.terms],
                    term_ids=[t[0] for t in seed.terms], status=seed.status,
                    explanation={"hits": hits_for(seed), "breakdown": breakdown},
                    matched_at=now - seed.fetched,
                ).returning(matches.c.id)).scalar_one()  # fmt: skip
                ids.append(match_id)
    finally:
        engine.dispose()
    return ids
