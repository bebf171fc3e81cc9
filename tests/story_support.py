"""Shared helpers for the story tests: one matcher and story teller on the shipped watchlist."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from match_support import shipped_matcher

from monitor.stories.grouping import Report
from monitor.stories.reading import Reading
from monitor.stories.teller import ReportInput, StoryTeller

T0 = datetime(2026, 11, 10, 6, 0, tzinfo=UTC)
MATCHER = shipped_matcher()
TELLER = StoryTeller.for_matcher(MATCHER)


def read(title: str, summary: str = "", outlet: str = "") -> Reading:
    return TELLER.read(title, summary, outlet=outlet)


def report(key: int, title: str, summary: str = "", hours: float = 0, lang: str = "en",
           outlet: str | None = None) -> Report:  # fmt: skip
    """A report as the pipeline makes one: matched, then read, ``hours`` after T0."""
    result = MATCHER.match(title, summary, "", lang)
    item = ReportInput(
        key, T0 + timedelta(hours=hours), lang, outlet or f"outlet{key}", title, summary,
        result.term_ids, result.score,
    )  # fmt: skip
    return TELLER.report(item)


def tiny_vocabulary(**extra: object) -> dict[str, object]:
    """A raw events.yaml of two event types (attack, analysis) and ``extra`` keys."""
    return {
        "events": [
            {"id": "attack", "label": "Attack", "cues": [
                {"id": "strike", "severity": 3, "aliases": ["attack"]}]},
            {"id": "analysis", "label": "Analysis", "cues": [
                {"id": "commentary", "severity": 0, "weight": 1.6, "aliases": ["opinion"]}]},
        ],
        "numbers": {"killed": ["killed"], "wounded": ["wounded"], "people": ["people"],
                    "kg": {"kg": 1}},
        **extra,
    }  # fmt: skip
