"""Use cases of the watchlist: explain a text, re-match stored entries, seed from documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from monitor.config import LoadedConfig
from monitor.errors import ConfigError, NotFoundError
from monitor.match import MatchResult
from monitor.records import NewMatch
from monitor.storage import entries as entry_store
from monitor.storage import matches as match_store
from monitor.usecases.context import App, build_matcher


def explain_text(
    config: LoadedConfig, text: str, *, title: str = "", language: str | None = None
) -> MatchResult:
    """Match a free text (as summary) and an optional title; stores nothing."""
    return build_matcher(config.settings).match(title, text, "", language)


@dataclass(frozen=True)
class RescanReport:
    entries: int
    new: int
    updated: int
    removed: int
    kept_reviewed: int
    regrouped: int = 0  # matches of the period grouped into stories again


def rescan(app: App, since: datetime | None) -> RescanReport:
    """Re-match stored entries after a watchlist or threshold change.

    New matches are added, existing ones get the new score and explanation (their review
    status stays), and matches that fell below the threshold are removed unless a reviewer
    judged them or a digest already carried them.
    """
    matcher = app.matcher
    threshold = app.settings.matching.threshold
    counted = new = updated = removed = kept = 0
    now = app.clock()
    with app.sessions() as reader:
        for batch in entry_store.iter_entries(reader, since):
            with app.sessions.begin() as session:
                existing = match_store.existing_matches(session, [e.id for e in batch])
                fresh: list[NewMatch] = []
                drop: list[int] = []
                for entry in batch:
                    result = matcher.match(
                        entry.title, entry.summary, entry.content, entry.language
                    )
                    row = NewMatch(
                        entry.id,
                        result.score,
                        list(result.terms),
                        list(result.term_ids),
                        result.to_explanation(),
                    )
                    old = existing.get(entry.id)
                    if result.score >= threshold:
                        if old is None:
                            fresh.append(row)
                        elif old.score != result.score or old.term_ids != row.term_ids:
                            match_store.update_match(session, old.id, row)
                            updated += 1
                    elif old is not None:
                        drop.append(old.id)
                new += match_store.insert_matches(session, fresh, now)
                gone = match_store.delete_unreviewed_matches(session, drop)
                removed += gone
                kept += len(drop) - gone
            counted += len(batch)
    from monitor.usecases.stories import regroup

    return RescanReport(counted, new, updated, removed, kept, regroup(app, since))


def seed_dir_for(config: LoadedConfig, explicit: Path | None, cwd: Path) -> Path:
    """``--seeds``, else ``seeds/`` here, else ``seeds/`` beside the config folder."""
    for candidate in (explicit, cwd / "seeds", config.path.parent.parent / "seeds"):
        if candidate is not None and candidate.is_dir():
            return candidate
    if explicit is not None:
        raise NotFoundError(f"{explicit}: no such folder of seed documents")
    raise NotFoundError("no seeds/ folder found here or beside the config; use --seeds DIR")


def seed(config: LoadedConfig, seeds: Path, *, write: bool) -> list[str]:
    """Derive candidates from the seed documents; with ``write``, merge them into the watchlist."""
    from monitor.match.seed import apply_merge, derive_candidates, plan_merge

    if write and config.packaged:
        raise ConfigError(
            "the packaged watchlist is read-only: pass --config with a config of your own"
        )
    watchlist = config.settings.watchlist
    plan = plan_merge(watchlist, derive_candidates(seeds), seeds)
    lines = plan.render()
    if write and not plan.empty:
        apply_merge(watchlist, plan)
        lines.append(f"wrote {watchlist}")
    elif not write and not plan.empty:
        lines.append("nothing written: run with --write to merge these into the watchlist")
    return lines
