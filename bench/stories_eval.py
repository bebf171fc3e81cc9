"""Evaluate story grouping, event types and significance on labelled multi-outlet coverage.

Reads JSON lines with: id, story, event, severity, outlet, language, published, title,
summary, link (default: the dev sets tests/stories_dev/*.jsonl; or the blind
tests/stories_eval/coverage.jsonl, which must not be tuned on).
Prints pairwise grouping precision/recall/F1, rank concordance of significance with the
labelled severity (pairs of different severity ordered correctly / all such pairs), the
share of the most common significance and relevance values, and event/severity accuracy.

Usage: python bench/stories_eval.py [FILE.jsonl ...] [--verbose] [--watchlist PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import datetime
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.match import Matcher, load_watchlist  # noqa: E402
from monitor.stories.teller import ReportInput, StoryTeller  # noqa: E402
from monitor.text import html_to_text  # noqa: E402

DEV = sorted((ROOT / "tests" / "stories_dev").glob("*.jsonl"))
EVENT_ALIASES = {"armed_clash": "clash", "armed clash": "clash"}


def load(paths: list[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def when(row: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(str(row["published"]).replace("Z", "+00:00"))


def evaluate(rows: list[dict[str, Any]], watchlist_path: Path, verbose: bool) -> dict[str, Any]:
    watchlist = load_watchlist(watchlist_path)
    matcher = Matcher(watchlist, 0.5)
    teller = StoryTeller.for_matcher(matcher)
    reports, sig, rel, readings, term_ids = [], {}, {}, {}, {}
    below = 0
    for i, row in enumerate(rows):
        # As the parser stores them: markup (Google News summaries are HTML) made text.
        title, summary = html_to_text(row.get("title")), html_to_text(row.get("summary"))
        result = matcher.match(title, summary, "", row.get("language"))
        below += not result.relevant
        ids = list(result.term_ids)
        reading = teller.read(title, summary, outlet=str(row.get("outlet") or ""))
        item = ReportInput(
            i, when(row), result.language or row.get("language"), str(row.get("outlet")),
            title, summary, ids, result.score,
        )  # fmt: skip
        reports.append(teller.report(item, reading))
        sig[i] = teller.significance(reading, ids, result.score)
        rel[i] = result.score
        readings[i] = reading
        term_ids[i] = ids
    relevant = [i for i in range(len(rows)) if rel[i] >= matcher.threshold]
    figures = _figures(rows, list(range(len(rows))), reports, sig, rel, teller)
    matches = _figures(rows, relevant, reports, sig, rel, teller)
    stories = figures.pop("stories")
    story_sig = figures.pop("story_sig")
    matches.pop("stories"), matches.pop("story_sig")
    event_ok = sum(
        readings[i].event == EVENT_ALIASES.get(str(r["event"]), str(r["event"]))
        for i, r in enumerate(rows)
    )
    severity_ok = sum(readings[i].severity == int(r["severity"]) for i, r in enumerate(rows))
    if verbose:
        for story in sorted(stories, key=lambda s: -story_sig[s.key]):
            first = story.reports[0]
            header = teller.header(
                story.event, [term_ids[r.key] for r in story.reports],
                len({r.outlet for r in story.reports}), [r.language for r in story.reports],
            )  # fmt: skip
            print(f"\n{story_sig[first.key]:.4f}  {header}")
            for r in story.reports:
                row = rows[r.key]
                mark = "" if row["story"] == rows[first.key]["story"] else "  <-- other story"
                print(
                    f"   {row['story']:>4} {row['event']:>10}/{row['severity']} "
                    f"got {r.reading.event:>10}/{r.reading.severity} {sig[r.key]:.3f} "
                    f"{r.reading.counts or ''} {row['language']} {row['title'][:60]}{mark}"
                )
    return {
        "items": len(rows),
        "labelled_stories": len({r["story"] for r in rows}),
        "found_stories": len(stories),
        "below_threshold": below,
        **figures,
        "matches": {"items": len(relevant), **matches},
        "event_accuracy": event_ok / len(rows),
        "severity_accuracy": severity_ok / len(rows),
    }


def _figures(
    rows: list[dict[str, Any]],
    keys: list[int],
    reports: list[Any],
    sig: dict[int, float],
    rel: dict[int, float],
    teller: StoryTeller,
) -> dict[str, Any]:
    """Grouping pairs, concordance and top shares of the reports ``keys`` grouped alone."""
    stories = teller.group([reports[k] for k in keys])
    story_of: dict[int, int] = {}
    story_sig: dict[int, float] = {}
    for story in stories:
        outlets = len({r.outlet for r in story.reports})
        value = teller.story_significance((sig[r.key] for r in story.reports), outlets)
        for r in story.reports:
            story_of[r.key] = story.key
            story_sig[r.key] = value
    tp = fp = fn = 0
    for a, b in combinations(keys, 2):
        same_label = rows[a]["story"] == rows[b]["story"]
        same_found = story_of[a] == story_of[b]
        tp += same_label and same_found
        fp += same_found and not same_label
        fn += same_label and not same_found
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def concordance(values: dict[int, float]) -> float:
        good = total = 0
        for a, b in combinations(keys, 2):
            sa, sb = int(rows[a]["severity"]), int(rows[b]["severity"])
            if sa == sb:
                continue
            total += 1
            good += (values[a] - values[b]) * (sa - sb) > 0
        return good / total if total else 1.0

    def top_share(values: dict[int, float]) -> float:
        counts = Counter(round(values[k], 4) for k in keys)
        return counts.most_common(1)[0][1] / len(keys) if keys else 0.0

    return {
        "stories": stories,
        "story_sig": story_sig,
        "pairs": {"precision": precision, "recall": recall, "f1": f1},
        "concordance": {"story": concordance(story_sig), "report": concordance(sig)},
        "top_share": {
            "significance": top_share(story_sig),  # the story's, as `stories list` shows it
            "report_significance": top_share(sig),  # each match's own, as `matches list` does
            "relevance": top_share(rel),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEV)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--watchlist", type=Path, default=ROOT / "config" / "watchlist.yaml")
    args = parser.parse_args()
    out = evaluate(load(args.files), args.watchlist, args.verbose)
    p = out["pairs"]
    print(
        f"{out['items']} reports, {out['labelled_stories']} labelled stories, "
        f"{out['found_stories']} found ({out['below_threshold']} reports below the threshold)"
    )
    print(
        f"grouping pairs: precision {p['precision']:.3f}  recall {p['recall']:.3f}  "
        f"F1 {p['f1']:.3f}"
    )
    c = out["concordance"]
    print(f"severity concordance: stories {c['story']:.3f}  reports {c['report']:.3f}")
    t = out["top_share"]
    print(
        f"most common value: significance {t['significance']:.1%}  relevance {t['relevance']:.1%}"
    )
    m = out["matches"]
    mp, mt = m["pairs"], m["top_share"]
    print(
        f"matches only ({m['items']} above the threshold, grouped alone): precision "
        f"{mp['precision']:.3f}  recall {mp['recall']:.3f}  F1 {mp['f1']:.3f}  concordance "
        f"{m['concordance']['story']:.3f}  most common significance {mt['significance']:.1%} "
        f"(per match {mt['report_significance']:.1%}) relevance {mt['relevance']:.1%}"
    )
    print(
        f"event type accuracy {out['event_accuracy']:.3f}  "
        f"severity accuracy {out['severity_accuracy']:.3f}"
    )


if __name__ == "__main__":
    main()
