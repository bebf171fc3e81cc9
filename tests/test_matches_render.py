"""Units of the review output and filters: highlighting, bars, option validation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.cli.matches_view import HIGHLIGHT, bar, highlighted
from monitor.errors import UsageError
from monitor.records import MatchFilter
from monitor.usecases.review import build_filter

NOW = datetime(2024, 6, 10, 12, tzinfo=UTC)


def spans(text: str, hits: list[dict[str, object]]) -> list[str]:
    out = highlighted(text, hits)
    return [text[s.start : s.end] for s in out.spans if s.style == HIGHLIGHT]


def test_highlight_uses_offsets_and_survives_bad_ones() -> None:
    text = "Пограничники Таджикистана на Пяндже"
    good = {"start": 13, "end": 25, "text": "Таджикистана"}
    assert spans(text, [good]) == ["Таджикистана"]
    # offsets past the end or pointing at other text: found by the hit's text, else skipped
    moved = {"start": 0, "end": 6, "text": "Пяндже"}
    assert spans(text, [moved]) == ["Пяндже"]
    assert spans(text, [{"start": 90, "end": 99, "text": "nowhere"}]) == []
    assert spans(text, [{"start": "x", "end": None}, {}, {"start": 5, "end": 2}]) == []


def test_bar() -> None:
    assert bar(0, 10, 20) == ""
    assert bar(10, 10, 20) == "█" * 20
    assert bar(5, 10, 3) == "█▌"
    assert bar(1, 1000, 10) == "▏"  # never invisible


def test_build_filter() -> None:
    f = build_filter(NOW, since="36h", until="2024-06-10", feeds=["a", " a ", ""], status="ALL",
                     languages=["RU"], terms=["x"], limit=5)  # fmt: skip
    assert f == MatchFilter(
        since=NOW - timedelta(hours=36), until=datetime(2024, 6, 10, tzinfo=UTC), feeds=("a",),
        terms=("x",), languages=("ru",), statuses=(), limit=5,
    )  # fmt: skip
    assert build_filter(NOW, status="relevant").statuses == ("relevant",)
    for kwargs, option in (({"since": "soon"}, "--since"), ({"status": "done"}, "--status"),
                           ({"limit": -1}, "--limit"), ({"since": "1h", "until": "2h"}, "--since"),
                           ({"min_score": float("nan")}, "--min-score")):  # fmt: skip
        with pytest.raises(UsageError, match=option):
            build_filter(NOW, **kwargs)  # type: ignore[arg-type]


def test_term_filter_is_exact_on_ids_and_casefolded_on_names() -> None:
    f = MatchFilter(terms=("panj", "Tajik–Afghan Border"))
    assert f.term_matches(["panj"], ["Panj"])
    assert f.term_matches(["x"], ["tajik–afghan border"])
    assert not f.term_matches(["nizhny-panj"], ["Nizhny Panj"])
    assert not f.term_matches(["PANJ"], [])
    assert MatchFilter().term_matches([], [])
