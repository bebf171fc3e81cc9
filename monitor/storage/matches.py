"""Match rows: written by the pipeline and by rescans."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from monitor.records import MatchRecord, NewMatch
from monitor.storage.orm import DigestItem, Match, to_record


def insert_matches(session: Session, matches: Sequence[NewMatch], now: datetime) -> int:
    """Insert match rows for entries that have none; returns how many were written."""
    if not matches:
        return 0
    session.connection().execute(  # Core: see insert_entries
        insert(cast(Table, Match.__table__)),
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
            for m in matches
        ],
    )
    return len(matches)


def existing_matches(session: Session, entry_ids: Sequence[int]) -> dict[int, MatchRecord]:
    rows = session.scalars(select(Match).where(Match.entry_id.in_(list(entry_ids))))
    return {m.entry_id: to_record(MatchRecord, m) for m in rows}


def update_match(session: Session, match_id: int, new: NewMatch) -> None:
    """Refresh a match's score and explanation; its review status and history stay."""
    session.execute(
        update(Match)
        .where(Match.id == match_id)
        .values(
            score=new.score, terms=new.terms, term_ids=new.term_ids, explanation=new.explanation
        )
    )


def delete_unreviewed_matches(session: Session, match_ids: Sequence[int]) -> int:
    """Drop matches that no longer reach the threshold, unless reviewed or already in a digest."""
    if not match_ids:
        return 0
    result = session.execute(
        delete(Match).where(
            Match.id.in_(list(match_ids)),
            Match.status == "new",
            Match.id.not_in(select(DigestItem.match_id)),
        )
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
