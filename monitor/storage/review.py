"""Reviewing matches: filtered listing, one match, marks with history, stats aggregates.

Every query of matches goes through :func:`_filtered`, so ``list``, ``export`` and ``stats``
agree on what a filter means. A match's time is its entry's published time, falling back to
the time the entry was fetched (:data:`match_time`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, insert, or_, select, update

from monitor.records import EntryRecord, MarkRecord, MatchFilter, MatchRecord, ReviewRow
from monitor.storage.db import IN_BATCH, Session, in_batches
from monitor.storage.tables import entries, feeds, match_marks, matches, to_record

M, E, F = matches.c, entries.c, feeds.c
match_time: ColumnElement[datetime] = func.coalesce(E.published_at, E.fetched_at)
entry_language: ColumnElement[str | None] = func.coalesce(E.language, F.language)


_REVIEW_COLUMNS = (*M, *E, F.name, F.title, entry_language, match_time)
_MATCH_KEYS, _ENTRY_KEYS = tuple(M.keys()), tuple(E.keys())


def _review_row(row: Any) -> ReviewRow:
    values = tuple(row)
    n, m = len(_MATCH_KEYS), len(_MATCH_KEYS) + len(_ENTRY_KEYS)
    feed, feed_title, language, when = values[m:]
    return ReviewRow(
        to_record(MatchRecord, dict(zip(_MATCH_KEYS, values[:n], strict=True))),
        to_record(EntryRecord, dict(zip(_ENTRY_KEYS, values[n:m], strict=True))),
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
        .select_from(matches)
        .join(entries, E.id == M.entry_id)
        .join(feeds, F.id == E.feed_id)
    )
    if f.since is not None:
        query = query.where(match_time >= f.since)
    if f.until is not None:
        query = query.where(match_time < f.until)
    if f.feeds:
        query = query.where(F.name.in_(f.feeds))
    if f.languages:
        lang = func.lower(entry_language)
        query = query.where(
            or_(*(or_(lang == code, lang.like(f"{code}-%")) for code in f.languages))
        )
    if f.min_score is not None:
        query = query.where(M.score >= f.min_score)
    if f.statuses:
        query = query.where(M.status.in_(f.statuses))
    return query


def iter_matches(session: Session, f: MatchFilter) -> Iterator[ReviewRow]:
    """The filtered matches, newest first (then highest id), up to ``f.limit``; streamed."""
    query = _filtered(f, *_REVIEW_COLUMNS).order_by(match_time.desc(), M.id.desc())
    if f.limit is not None and not f.terms:
        query = query.limit(f.limit)
    if f.limit == 0:
        return
    count = 0
    for row in session.execute(query.execution_options(yield_per=IN_BATCH)):
        review = _review_row(row)
        if not f.term_matches(review.match.term_ids, review.match.terms):
            continue
        yield review
        count += 1
        if f.limit is not None and count >= f.limit:
            return


def get_match(session: Session, match_id: int) -> ReviewRow | None:
    query = _filtered(MatchFilter(), *_REVIEW_COLUMNS).where(M.id == match_id)
    row = session.execute(query).first()
    return _review_row(row) if row else None


def match_history(session: Session, match_id: int) -> list[MarkRecord]:
    """A match's marks, oldest first."""
    marks = match_marks.c
    query = (
        select(match_marks).where(marks.match_id == match_id).order_by(marks.marked_at, marks.id)
    )
    return [to_record(MarkRecord, m) for m in session.execute(query)]


def existing_match_ids(session: Session, ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for batch in in_batches(ids):
        found.update(session.scalars(select(M.id).where(M.id.in_(batch))))
    return found


def mark_matches(
    session: Session, ids: Sequence[int], status: str, note: str | None, now: datetime
) -> None:
    """Record a mark on each match: a history row, and the match's current status."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return
    session.execute(
        insert(match_marks),
        [{"match_id": i, "status": status, "note": note, "marked_at": now} for i in wanted],
    )
    for batch in in_batches(wanted):
        session.execute(
            update(matches)
            .where(M.id.in_(batch))
            .values(status=status, status_note=note, status_at=now)
        )


def count_by(session: Session, f: MatchFilter, column: str) -> list[tuple[str | None, str, int]]:
    """(feed name or language, status, matches) for the filtered matches."""
    key: Any = F.name if column == "feed" else func.lower(entry_language)
    query = _filtered(f, key, M.status, func.count(M.id)).group_by(key, M.status)
    return [(k, s, int(n)) for k, s, n in session.execute(query)]


def match_times(session: Session, f: MatchFilter) -> list[datetime]:
    """The time (published, else fetched) of every filtered match."""
    return list(session.scalars(_filtered(f, match_time)))


def term_rows(
    session: Session, f: MatchFilter
) -> Iterator[tuple[list[Any], list[Any], dict[str, Any], str]]:
    """(terms, term_ids, explanation, status) of every filtered match, streamed."""
    query = _filtered(f, M.terms, M.term_ids, M.explanation, M.status)
    for terms, term_ids, explanation, status in session.execute(
        query.execution_options(yield_per=IN_BATCH)
    ):
        yield terms or [], term_ids or [], explanation or {}, status


def known_names(session: Session) -> tuple[set[str], set[str], set[str]]:
    """Languages of stored entries, feed names, and names of terms matched so far."""
    languages = {
        str(x) for x in session.scalars(select(entry_language).distinct().join_from(entries, feeds))
        if x
    }  # fmt: skip
    feed_names = set(session.scalars(select(F.name)))
    terms: set[str] = set()
    for names, ids in session.execute(select(M.terms, M.term_ids)):
        terms.update(str(n).casefold() for n in names or ())
        terms.update(str(i) for i in ids or ())
    return languages, feed_names, terms
