"""Reviewing matches: list, show, mark, export and stats (the use cases behind ``monitor matches``).

Matches are ordered newest first by their entry's published time, falling back to the time it
was fetched; ``--since``/``--until`` filter on that same time.
"""

from __future__ import annotations

import csv
import difflib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from monitor.errors import NotFoundError, UsageError
from monitor.files import write_atomic
from monitor.records import MatchFilter, ReviewRow
from monitor.storage import review as store
from monitor.units import format_utc, parse_when
from monitor.usecases.context import App

STATUSES = ("new", "seen", "relevant", "irrelevant")
MARKS = ("relevant", "irrelevant", "seen")
FORMATS = ("csv", "json", "jsonl")
CSV_COLUMNS = (
    "id", "time", "published", "matched_at", "feed", "language", "score", "status", "note",
    "title", "url", "terms", "term_ids",
)  # fmt: skip
# A cell starting with one of these is a formula to a spreadsheet (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Roles of watchlist terms that name a thing (a place, a group, a country), not a topic word.
ENTITY_ROLES = frozenset({"anchor", "country", "actor", "place", "region"})


def build_filter(
    now: datetime,
    *,
    since: str | None = None,
    until: str | None = None,
    feeds: Sequence[str] = (),
    terms: Sequence[str] = (),
    languages: Sequence[str] = (),
    min_score: float | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> MatchFilter:
    """Validate the user's filter options; a bad one is a UsageError that names the option."""
    status = (status or "all").strip().lower()
    if status != "all" and status not in STATUSES:
        raise UsageError(
            f"--status: unknown status {status!r} (use one of {', '.join(STATUSES)}, all)"
        )
    if limit is not None and limit < 0:
        raise UsageError(f"--limit: must be 0 or more, not {limit}")
    if min_score is not None and min_score != min_score:  # NaN
        raise UsageError("--min-score: must be a number")
    start, end = _when("--since", since, now), _when("--until", until, now)
    if start is not None and end is not None and start >= end:
        raise UsageError(
            f"--since ({format_utc(start)}) must be before --until ({format_utc(end)})"
        )
    return MatchFilter(
        since=start,
        until=end,
        feeds=_clean(feeds),
        terms=_clean(terms),
        languages=tuple(x.lower() for x in _clean(languages)),
        min_score=min_score,
        statuses=() if status == "all" else (status,),
        limit=limit,
    )


LANGUAGE_NAMES = {
    "english": "en", "russian": "ru", "tajik": "tg", "persian": "fa", "farsi": "fa",
    "dari": "fa", "pashto": "ps", "uzbek": "uz", "arabic": "ar", "kyrgyz": "ky", "turkmen": "tk",
}  # fmt: skip


def check_names(app: App, filters: MatchFilter) -> None:
    """An unknown ``--lang``, ``--term`` or ``--feed`` is a UsageError saying what is valid."""
    if not (filters.languages or filters.terms or filters.feeds):
        return
    with app.sessions() as session:
        languages, feeds, seen_terms = store.known_names(session)
    for code in filters.languages:
        if code not in languages and not re.fullmatch(r"[a-z]{2,3}", code):
            guess = LANGUAGE_NAMES.get(code)
            hint = f"did you mean {guess!r}? " if guess else ""
            raise UsageError(
                f"--lang: {code!r} is not a language code; {hint}"
                f"stored languages: {', '.join(sorted(languages)) or 'none yet'}"
            )
    for name in filters.feeds:
        if name not in feeds:
            raise UsageError(f"--feed: no feed named {name!r}{_nearest(name, feeds, 'feeds')}")
    if filters.terms:
        from monitor.match.watchlist import load_watchlist

        watchlist = load_watchlist(app.settings.watchlist)
        for term in filters.terms:
            if watchlist.get(term) is None and term.casefold() not in seen_terms:
                names = {e.id for e in watchlist.entries} | {e.name for e in watchlist.entries}
                raise UsageError(
                    f"--term: no watchlist term {term!r} (use an id or name from "
                    f"{app.settings.watchlist}){_nearest(term, names, 'terms')}"
                )


def _nearest(word: str, valid: set[str], what: str) -> str:
    folded = {v.casefold(): v for v in sorted(valid, reverse=True)}  # one spelling per name
    near = [folded[n] for n in difflib.get_close_matches(word.casefold(), folded, n=3, cutoff=0.6)]
    if near:
        return f"; did you mean {', '.join(map(repr, near))}?"
    if len(valid) <= 12:
        return f"; {what}: {', '.join(sorted(valid)) or 'none'}"
    return ""


def list_matches(app: App, filters: MatchFilter) -> list[dict[str, Any]]:
    """The filtered matches, newest first, as INTERFACE's ``matches list --json`` objects."""
    check_names(app, filters)
    with app.sessions() as session:
        return [match_json(row) for row in store.iter_matches(session, filters)]


def show_match(app: App, match_id: int) -> dict[str, Any]:
    """One match: entry text, hits, score breakdown and review history."""
    with app.sessions() as session:
        row = store.get_match(session, match_id)
        if row is None:
            raise NotFoundError(f"no match with id {match_id}")
        history = store.match_history(session, match_id)
    explanation = row.match.explanation or {}
    return {
        **match_json(row),
        "feed_title": row.feed_title,
        "link": row.entry.link,
        "author": row.entry.author,
        "text": {
            "title": row.entry.title or "",
            "summary": row.entry.summary or "",
            "content": row.entry.content or "",
        },
        "hits": [h for h in explanation.get("hits") or [] if isinstance(h, dict)],
        "breakdown": [b for b in explanation.get("breakdown") or [] if isinstance(b, dict)],
        "reading": row.match.reading if isinstance(row.match.reading, dict) else None,
        "grouping": row.match.grouping if isinstance(row.match.grouping, dict) else None,
        "history": [
            {"status": m.status, "note": m.note, "marked_at": format_utc(m.marked_at)}
            for m in history
        ],
    }


def mark_matches(app: App, ids: Sequence[int], status: str, note: str | None) -> list[int]:
    """Mark every match in ``ids`` (all or nothing); returns the ids marked, without repeats."""
    status = status.strip().lower()
    if status not in MARKS:
        raise UsageError(f"--as: unknown mark {status!r} (use one of {', '.join(MARKS)})")
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        raise UsageError("give at least one match id")
    note = note.strip() if note and note.strip() else None
    with app.sessions.begin() as session:
        missing = sorted(set(wanted) - store.existing_match_ids(session, wanted))
        if missing:
            word = "id" if len(missing) == 1 else "ids"
            raise NotFoundError(
                f"no match with {word} {', '.join(map(str, missing))}; nothing was marked"
            )
        store.mark_matches(session, wanted, status, note, app.clock())
    return wanted


def export_matches(app: App, filters: MatchFilter, fmt: str, out: Path | TextIO) -> int:
    """Write the filtered matches as csv, json or jsonl to a file (atomically) or a stream.

    Returns how many matches were written.
    """
    if fmt not in FORMATS:
        raise UsageError(f"--format: unknown format {fmt!r} (use one of {', '.join(FORMATS)})")
    check_names(app, filters)
    with app.sessions() as session:
        rows = (match_json(r) for r in store.iter_matches(session, filters))
        if isinstance(out, Path):
            return _write_atomically(out, lambda stream: write_rows(rows, fmt, stream))
        return write_rows(rows, fmt, out)


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, stream: TextIO) -> int:
    """Serialize match objects to ``stream``; returns how many."""
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(stream, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            cells = {
                **row,
                "terms": "; ".join(row["terms"]),
                "term_ids": "; ".join(row["term_ids"]),
            }
            writer.writerow({k: spreadsheet_safe(v) for k, v in cells.items()})
            count += 1
    elif fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    else:
        stream.write("[")
        for row in rows:
            stream.write(("," if count else "") + "\n  " + json.dumps(row, ensure_ascii=False))
            count += 1
        stream.write("\n]\n" if count else "]\n")
    return count


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula: text starting with ``=``, ``+``,
    ``-``, ``@``, tab or carriage return gets a leading ``'`` (OWASP's advice); the csv
    writer quotes cells holding separators, quotes or line breaks. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write_atomically(path: Path, write: Callable[[TextIO], int]) -> int:
    path = path.expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"--output: no such folder {str(folder)!r}")
    return write_atomic(path, write, newline="")


@dataclass
class _Tally:
    matches: int = 0
    statuses: Counter[str] = field(default_factory=Counter)

    def add(self, status: str, n: int = 1) -> None:
        self.matches += n
        self.statuses[status] += n

    def to_json(self) -> dict[str, Any]:
        relevant, irrelevant = self.statuses["relevant"], self.statuses["irrelevant"]
        reviewed = relevant + irrelevant
        return {
            "matches": self.matches,
            "new": self.statuses["new"],
            "seen": self.statuses["seen"],
            "relevant": relevant,
            "irrelevant": irrelevant,
            "relevant_share": round(relevant / reviewed, 4) if reviewed else None,
        }


def match_stats(
    app: App, since: datetime | None, until: datetime | None = None, top: int = 10
) -> dict[str, Any]:
    """Matches per day, top entities, counts per feed and language, relevant share per feed/term.

    ``relevant_share`` is relevant / (relevant + irrelevant), null while none is reviewed.
    """
    now = app.clock()
    f = MatchFilter(since=since, until=until)
    with app.sessions() as session:
        times = store.match_times(session, f)
        by_feed = store.count_by(session, f, "feed")
        by_lang = store.count_by(session, f, "language")
        terms = _term_tallies(store.term_rows(session, f))
    statuses: Counter[str] = Counter()
    feeds: dict[str, _Tally] = defaultdict(_Tally)
    for name, status, n in by_feed:
        feeds[name or "?"].add(status, n)
        statuses[status] += n
    langs: dict[str, _Tally] = defaultdict(_Tally)
    for lang, status, n in by_lang:
        langs[lang or "unknown"].add(status, n)
    days = Counter(t.astimezone(UTC).date() for t in times)
    first = since.astimezone(UTC).date() if since else min(days, default=now.date())
    last = (until - timedelta(microseconds=1)).astimezone(UTC).date() if until else now.date()
    last = max(last, max(days, default=last))
    term_list = [
        {"term_id": tid, "name": name, "kind": kind, "role": role, **tally.to_json()}
        for (tid, name, kind, role), tally in sorted(
            terms.items(), key=lambda kv: (-kv[1].matches, kv[0][1].casefold())
        )
    ]
    return {
        "generated": format_utc(now),
        "since": format_utc(since),
        "until": format_utc(until),
        "total": sum(statuses.values()),
        "by_status": {s: statuses[s] for s in STATUSES},
        "per_day": [{"date": d.isoformat(), "matches": days[d]} for d in _days(first, last)],
        "top_entities": [
            {"term_id": t["term_id"], "name": t["name"], "kind": t["kind"], "matches": t["matches"]}
            for t in term_list
            if t["role"] is None or t["role"] in ENTITY_ROLES
        ][:top],
        "feeds": _ranked(feeds, "feed"),
        "languages": _ranked(langs, "language"),
        "terms": term_list,
    }


def _term_tallies(
    rows: Iterator[tuple[list[Any], list[Any], dict[str, Any], str]],
) -> dict[tuple[str, str, str | None, str | None], _Tally]:
    """Per watchlist term (id, name, kind, role): matches by status."""
    out: dict[tuple[str, str, str | None, str | None], _Tally] = defaultdict(_Tally)
    for names, ids, explanation, status in rows:
        info: dict[str, tuple[str, str | None, str | None]] = {}
        for hit in explanation.get("hits") or []:
            if isinstance(hit, dict) and hit.get("term_id") is not None:
                tid = str(hit["term_id"])
                info.setdefault(
                    tid, (str(hit.get("name") or tid), hit.get("kind"), hit.get("role"))
                )
        pairs = (
            list(zip(map(str, ids), map(str, names), strict=True))
            if len(ids) == len(names)
            else [(str(i), info.get(str(i), (str(i), None, None))[0]) for i in ids]
        )
        for tid, name in dict(pairs).items():
            _, kind, role = info.get(tid, (name, None, None))
            out[(tid, name, kind, role)].add(status)
    return out


def _ranked(tallies: dict[str, _Tally], key: str) -> list[dict[str, Any]]:
    ordered = sorted(tallies.items(), key=lambda kv: (-kv[1].matches, kv[0]))
    return [{key: name, **tally.to_json()} for name, tally in ordered]


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def match_json(row: ReviewRow) -> dict[str, Any]:
    """INTERFACE's match object plus ``time``, ``matched_at``, ``term_ids``, ``note``..."""
    m, e = row.match, row.entry
    return {
        "id": m.id,
        "title": e.title or "",
        "url": e.url or e.link,
        "feed": row.feed,
        "published": format_utc(e.published_at),
        "language": row.language,
        "score": round(float(m.score), 4),
        "terms": [str(t) for t in m.terms or []],
        "status": m.status,
        "time": format_utc(row.when),
        "fetched": format_utc(e.fetched_at),
        "matched_at": format_utc(m.matched_at),
        "term_ids": [str(t) for t in m.term_ids or []],
        "note": m.status_note,
        "status_at": format_utc(m.status_at),
        "story": m.story_id,
        "event": m.event,
        "severity": m.severity,
        "significance": m.significance,
    }


def _when(option: str, value: str | None, now: datetime) -> datetime | None:
    if value is None or not value.strip():
        return None
    try:
        return parse_when(value, now)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def _clean(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))
