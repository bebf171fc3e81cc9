"""Match rows: written by the pipeline and by rescans."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, insert, select, update

from monitor.records import MatchRecord, NewMatch
from monitor.storage.db import Session
from monitor.storage.tables import digest_items, matches, to_record

M = matches.c


def insert_matches(session: Session, new: Sequence[NewMatch], now: datetime) -> int:
    """Insert match rows for entries that have none; returns how many were written."""
    if not new:
        return 0
    session.execute(
        insert(matches),
        [
            {
                "entry_id": m.entry_id,
                "score": m.score,
                "terms": m.terms,
                "term_ids": m.term_ids,
                "explanation": m.explanation,
                "status": "new",
                "matched_at": now,
            }
            for m in new
        ],
    )
    return len(new)


def existing_matches(session: Session, entry_ids: Sequence[int]) -> dict[int, MatchRecord]:
    rows = session.execute(select(matches).where(M.entry_id.in_(list(entry_ids))))
    return {m.entry_id: to_record(MatchRecord, m) for m in rows}


def update_match(session: Session, match_id: int, new: NewMatch) -> None:
    """Refresh a match's score and explanation; its review status and history stay."""
    session.execute(
        update(matches)
        .where(M.id == match_id)
        .values(
            score=new.score, terms=new.terms, term_ids=new.term_ids, explanation=new.explanation
        )
    )


def delete_unreviewed_matches(session: Session, match_ids: Sequence[int]) -> int:
    """Drop matches that no longer reach the threshold, unless reviewed or already in a digest."""
    if not match_ids:
        return 0
    result = session.execute(
        delete(matches).where(
            M.id.in_(list(match_ids)),
            M.status == "new",
            M.id.not_in(select(digest_items.c.match_id)),
        )
    )
    return int(result.rowcount)
