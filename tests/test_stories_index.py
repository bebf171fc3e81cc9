"""The story index decides exactly what the exhaustive grouping decides.

``StoryIndex`` compares a new report only with the members that offer evidence (see its
docstring for the invariant). These tests hold it to the exhaustive ``Grouper.assign`` over
the labelled coverage (tests/stories_dev, and the blind tests/stories_eval and
tests/stories_holdout: only measured here, never tuned on), as published and with every
report moved to one moment (so every pair is within the window and gets the time bonus: the
hardest case for the index).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from itertools import permutations
from pathlib import Path

import pytest
from match_support import ROOT
from story_support import MATCHER, TELLER

from monitor.stories.grouping import BRIDGE, Report, Story, StoryIndex, Verdict, group
from monitor.stories.teller import ReportInput

GROUPER = TELLER.grouper
FILES = [
    path
    for folder in ("stories_dev", "stories_eval", "stories_holdout")
    for path in sorted((ROOT / "tests" / folder).glob("*.jsonl"))
]
MOMENT = datetime(2026, 11, 10, 6, 0, tzinfo=UTC)


def _reports(files: list[Path]) -> list[Report]:
    out: list[Report] = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            title, summary = row.get("title") or "", row.get("summary") or ""
            result = MATCHER.match(title, summary, "", row.get("language"))
            when = datetime.fromisoformat(str(row["published"]).replace("Z", "+00:00"))
            item = ReportInput(
                len(out), when, result.language or row.get("language"), str(row.get("outlet")),
                title, summary, list(result.term_ids), result.score,
            )  # fmt: skip
            out.append(TELLER.report(item))
    return out


REPORTS = _reports(FILES)
AT_ONE_MOMENT = [replace(r, when=MOMENT) for r in REPORTS]
# Pair by pair (six variants of every ordered pair): the dev and first blind set suffice.
PAIRED = [replace(r, when=MOMENT) for r in _reports([f for f in FILES if "holdout" not in str(f)])]


def exhaustive(reports: list[Report]) -> list[tuple[tuple[int, ...], tuple[Verdict, ...]]]:
    """Stories (member keys) and each joining report's verdict, comparing with everything."""
    stories: list[Story] = []
    verdicts: dict[int, list[Verdict]] = {}
    for report in sorted(reports, key=lambda r: (r.when, r.key)):
        story, verdict = GROUPER.assign(report, stories)
        if story is None:
            story = Story(report.key)
            stories.append(story)
        elif verdict.score >= BRIDGE:  # twins: every other story it joins as strongly
            for twin in [s for s in stories if s is not story]:
                v = GROUPER.against(report, twin)
                if not (v.same and v.score >= BRIDGE and GROUPER.mergeable(story, twin)):
                    continue
                keep, gone = sorted((story, twin), key=stories.index)
                for member in gone.reports:
                    keep.add(member)
                stories.remove(gone)
                verdicts[keep.key] += verdicts.pop(gone.key)
                story = keep
        story.add(report)
        verdicts.setdefault(story.key, []).append(verdict)
    return [(tuple(r.key for r in s.reports), tuple(verdicts[s.key])) for s in stories]


def indexed(reports: list[Report]) -> list[tuple[tuple[int, ...], tuple[Verdict, ...]]]:
    index = StoryIndex(GROUPER)
    verdicts: dict[int, list[Verdict]] = {}
    for report in sorted(reports, key=lambda r: (r.when, r.key)):
        index.expire(report.when)
        story, verdict, merged = index.settle(report)
        story = story or Story(report.key)
        for gone in merged:
            verdicts[story.key] += verdicts.pop(gone.key)
        index.join(report, story)
        verdicts.setdefault(story.key, []).append(verdict)
    return [(tuple(r.key for r in s.reports), tuple(verdicts[s.key])) for s in index.live]


def test_the_coverage_is_big_enough_to_mean_something() -> None:
    assert len(REPORTS) > 200
    assert sum(len(keys) > 1 for keys, _ in exhaustive(REPORTS)) > 20  # many joined stories


@pytest.mark.parametrize("moved", [False, True], ids=["as published", "at one moment"])
def test_indexed_grouping_gives_exactly_the_exhaustive_stories_and_reasons(moved: bool) -> None:
    reports = AT_ONE_MOMENT if moved else REPORTS
    assert indexed(reports) == exhaustive(reports)
    assert [tuple(r.key for r in s.reports) for s in group(GROUPER, reports)] == [
        keys for keys, _ in exhaustive(reports)
    ]


def _around(report: Report) -> frozenset[str]:
    """The places and regions the report's entities lie in, but which it does not name."""
    return frozenset(
        above for e in report.entities for above in GROUPER._ancestors(e)
        if GROUPER.weight.get(above, 0) > 0
    ) - report.entities  # fmt: skip


def _variants(a: Report, b: Report) -> list[tuple[Report, Report]]:
    """The pair, and the pair with evidence taken away or moved, so that each path (words
    alone, entities alone, counterparts and enclosing places without a shared entity) is
    exercised on its own."""
    bare_a = replace(a, words=frozenset(), reading=replace(a.reading, counts={}))
    bare_b = replace(b, words=frozenset(), reading=replace(b.reading, counts={}))
    outside = replace(bare_b, entities=_around(a) | (b.entities - a.entities))
    return [
        (a, b),
        (replace(a, entities=frozenset()), replace(b, entities=frozenset())),
        (replace(a, words=frozenset()), replace(b, words=frozenset())),
        (bare_a, replace(bare_b, entities=b.entities - a.entities)),
        (bare_a, outside),  # b names where a's places lie
        (outside, bare_a),  # a names where b's places lie
    ]


def test_every_pair_that_compares_as_one_story_is_found_by_the_index() -> None:
    """The invariant itself, pair by pair: a report finds any single report it would join."""
    same = [0] * 6
    for x, y in permutations(PAIRED, 2):
        for k, (a, b) in enumerate(_variants(x, y)):
            verdict = GROUPER.compare(a, b)
            if not verdict.same:
                continue
            same[k] += 1
            index = StoryIndex(GROUPER)
            index.add(Story(b.key, [b]))
            story, found = index.assign(a)
            assert story is not None, (k, a.key, b.key, verdict)
            assert found == GROUPER.against(a, story)
    assert min(same) > 50, same  # each variant exercises many positive pairs


def test_story_aggregates_follow_the_reports_that_join() -> None:
    reports = sorted(REPORTS, key=lambda r: (r.when, r.key))[:40]
    story = Story(0)
    for r in reports:
        story.add(r)
    votes: dict[str, float] = {}
    for r in reports:
        votes[r.reading.event] = votes.get(r.reading.event, 0.0) + 0.1 + r.reading.confidence
    assert story.event == max(votes, key=lambda e: (votes[e], e))
    kinds = {k for r in reports for k in r.reading.counts}
    assert dict(story.counts) == {
        k: max(r.reading.counts.get(k, 0.0) for r in reports) for k in kinds
    }
    assert story.entities == {e for r in reports for e in r.entities}
    assert story.latest == max(r.when for r in reports)
    assert story.known == [r for r in reports if r.reading.confidence > 0]


def test_the_coverage_holds_stories_found_twice() -> None:
    """Twins merged (a report joining two stories strongly) happen here, so the equality above
    holds for merging too."""
    index = StoryIndex(GROUPER)
    merged = 0
    for report in sorted(AT_ONE_MOMENT, key=lambda r: (r.when, r.key)):
        index.expire(report.when)
        story, _, gone = index.settle(report)
        merged += len(gone)
        index.join(report, story or Story(report.key))
    assert merged > 0
    assert len(index.live) == len(index.stories) - merged
