"""Speed-ups must leave every match decision unchanged (issue 12: throughput).

tests/fixtures/decisions/decisions.jsonl holds, for every item of tests/eval, tests/eval_real and
tests/eval_holdout and for every seed article, what the matcher decided with a frozen copy of
the watchlist (tests/fixtures/decisions/watchlist.yaml): decision, score, tier, the language
detected without a hint, and a digest of the whole explanation (hits with offsets and word
indices, breakdown). Watchlist edits in config/ do not touch it; an item whose text was edited
is skipped. A change of matching or scoring that is MEANT to change decisions regenerates it:

    python bench/eval_match.py --watchlist tests/fixtures/decisions/watchlist.yaml \\
        --pin-decisions tests/fixtures/decisions/decisions.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from monitor.match import Matcher, load_watchlist

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from eval_match import DEFAULT_THRESHOLD, pinned_decisions  # noqa: E402

PINNED = ROOT / "tests" / "fixtures" / "decisions"


def test_every_decision_is_unchanged() -> None:
    matcher = Matcher(load_watchlist(PINNED / "watchlist.yaml"), DEFAULT_THRESHOLD)
    pinned = {
        (row["set"], row["id"]): row
        for row in map(json.loads, (PINNED / "decisions.jsonl").read_text("utf-8").splitlines())
    }
    now = {(row["set"], row["id"]): row for row in pinned_decisions(matcher)}
    same_text = [
        key for key, row in pinned.items() if key in now and now[key]["text"] == row["text"]
    ]
    assert len(pinned) >= 1500
    assert len(same_text) >= 0.9 * len(pinned)  # the sets were not replaced
    changed = [(pinned[key], now[key]) for key in same_text if now[key] != pinned[key]]
    assert not changed, f"{len(changed)} decisions changed, e.g. {changed[:3]}"
