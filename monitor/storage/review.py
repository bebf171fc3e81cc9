"""Reviewing matches: filtered listing, one match, marks with history, stats aggregates.

Every query of matches goes through :func:`_filtered`, so ``list``, ``export`` and ``stats``
agree on what a filter means. A match's time is its entry's published time, falling back to
the time the entry was fetched (:data:`match_time`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select, update
from sqlalchemy.orm import Session

from monitor.records import EntryRecord, MarkRecord, MatchFilter, MatchRecord, ReviewRow
from monitor.storage.db import IN_BATCH, in_batches
from monitor.storage.orm import Entry, Feed, Match, MatchMark, to_record

match_time: ColumnElement[datetime] = func.coalesce(Entry.published_at, Entry.fetched_at)
entry_language: ColumnElement[str | None] = func.coalesce(Entry.language, Feed.language)


_REVIEW_COLUMNS = (Match, Entry, Feed.name, Feed.title, entry_language, match_time)


def _review_row(row: Any) -> ReviewRow:
    match, entry, feed, feed_title, language, when = row
    return ReviewRow(
        to_record(MatchRecord, match),
        to_record(EntryRecord, entry),
        feed,
        feed_title,
        language,
        when,
    )


def _filtered(f: MatchFilter, *columns: Any) -> Select[Any]:
    """Matches joined to their entry and feed, narrowed by every filter SQL can apply.

    The term filter is applied in Python (:meth:`MatchFilter.term_matches`): term ids and
    names live in JSON columns whose text form differs between SQLite and PostgreSQL.
    """
    query = (
        select(*columns)
        .select_from(Match)
        .join(Entry, Entry.id == Match.entry_id)
        .join(Feed, Feed.id == Entry.feed_id)
    )
    if f.since is not None:
        query = query.where(match_time >= f.since)
    if f.until is not None:
        query = query.where(match_time < f.until)
    if f.feeds:
        query = query.where(Feed.name.in_(f.feeds))
    if f.languages:
        lang = func.lower(entry_language)
        query = query.where(
            or_(*(or_(lang == code, lang.like(f"{code}-%")) for code in f.languages))
        )
    if f.min_score is not None:
        query = query.where(Match.score >= f.min_score)
    if f.statuses:
        query = query.where(Match.status.in_(f.statuses))
    return query


def iter_matches(session: Session, f: MatchFilter) -> Iterator[ReviewRow]:
    """The filtered matches, newest first (then highest id), up to ``f.limit``; streamed."""
    query = _filtered(f, *_REVIEW_COLUMNS).order_by(match_time.desc(), Match.id.desc())
    if f.limit is not None and not f.terms:
        query = query.limit(f.limit)
    if f.limit == 0:
        return
    count = 0
    for row in session.execute(query.execution_options(yield_per=IN_BATCH)):
        match = row[0]
        if not f.term_matches(match.term_ids, match.terms):
            continue
        yield _review_row(row)
        count += 1
        if f.limit is not None and count >= f.limit:
            return


def get_match(session: Session, match_id: int) -> ReviewRow | None:
    query = _filtered(MatchFilter(), *_REVIEW_COLUMNS).where(Match.id == match_id)
    row = session.execute(query).first()
    return _review_row(row) if row else None


def match_history(session: Session, match_id: int) -> list[MarkRecord]:
    """A match's marks, oldest first."""
    query = (
        select(MatchMark)
        .where(MatchMark.match_id == match_id)
        .order_by(MatchMark.marked_at, MatchMark.id)
    )
    return [to_record(MarkRecord, m) for m in session.scalars(query)]


def existing_match_ids(session: Session, ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for batch in in_batches(ids):
        found.update(session.scalars(select(Match.id).where(Match.id.in_(batch))))
    return found


def mark_matches(
    session: Session, ids: Sequence[int], status: str, note: str | None, now: datetime
) -> None:
    """Record a mark on each match: a history row, and the match's current status."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return
    session.add_all(MatchMark(match_id=i, status=status, note=note, marked_at=now) for i in wanted)
    for batch in in_batches(wanted):
        session.execute(
            update(Match)
            .where(Match.id.in_(batch))
            .values(status=status, status_note=note, status_at=now)
        )
    session.flush()


def count_by(session: Session, f: MatchFilter, column: str) -> list[tuple[str | None, str, int]]:
    """(feed name or language, status, matches) for the filtered matches."""
    key: Any = Feed.name if column == "feed" else func.lower(entry_language)
    query = _filtered(f, key, Match.status, func.count(Match.id)).group_by(key, Match.status)
    return [(k, s, int(n)) for k, s, n in session.execute(query)]


def match_times(session: Session, f: MatchFilter) -> list[datetime]:
    """The time (published, else fetched) of every filtered match."""
    return list(session.scalars(_filtered(f, match_time)))


def term_rows(
    session: Session, f: MatchFilter
) -> Iterator[tuple[list[Any], list[Any], dict[str, Any], str]]:
    """(terms, term_ids, explanation, status) of every filtered match, streamed."""
    query = _filtered(f, Match.terms, Match.term_ids, Match.explanation, Match.status)
    for terms, term_ids, explanation, status in session.execute(
        query.execution_options(yield_per=IN_BATCH)
    ):
        yield terms or [], term_ids or [], explanation or {}, status


def known_names(session: Session) -> tuple[set[str], set[str], set[str]]:
    """Languages of stored entries, feed names, and names of terms matched so far."""
    languages = {
        str(x) for x in session.scalars(select(entry_language).distinct().join_from(Entry, Feed))
        if x
    }  # fmt: skip
    feeds = set(session.scalars(select(Feed.name)))
    terms: set[str] = set()
    for names, ids in session.execute(select(Match.terms, Match.term_ids)):
        terms.update(str(n).casefold() for n in names or ())
        terms.update(str(i) for i in ids or ())
    return languages, feeds, terms
