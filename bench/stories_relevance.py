"""Matching precision/recall per language on the labelled story sets of real coverage.

A report of a story about this border should be a match; a report of a story about another
border (Af–Pak, Af–Iran, Uzbek–Afghan, Kyrgyz–Tajik, Tajik–Uzbek...) should stay unmatched.
Stories that are neither (internal events, general Afghan diplomacy) are left out. Which
stories are which is taken from each set's README ("Other borders" / "Traps").

Usage: python bench/stories_relevance.py [SET ...] [--verbose] [--watchlist PATH]
       (SET: real1 real2 real3 real4 real6 real8; default all of them)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.match import Matcher, load_watchlist  # noqa: E402
from monitor.text import html_to_text  # noqa: E402

# Per set: stories about another border (negatives), and stories left out (neither).
SETS: dict[str, tuple[set[str], set[str]]] = {
    "real1": (
        {"R09", "R11", "R27", "R29", "R36", "R37", "R44", "R47", "R48", "R52", "R55"},
        {"R26", "R40", "R42", "R41"},  # GBAO internal unrest
    ),
    "real2": (
        {"H11", "H13", "H16", "H17", "H18", "H32", "H33", "H52", "H56", "H73"},
        {"H12", "H15", "H29", "H65", "H66"},
    ),
    "real3": (
        {"R07", "R18", "R25", "R26", "R27", "R31", "R38", "R44", "R54"},
        {"R04", "R10", "R23", "R35", "R42"},  # internal events
    ),
    "real4": (
        {f"R4S{n:02d}" for n in (4, 9, 11, 18, 22, 23, 29, 30, 34, 36)},
        set(),
    ),
    "real6": (
        {"R6S05", "R6S13", "R6S34", "R6S35", "R6S37"},
        {f"R6S{n}" for n in (10, 11, 12, 15, 16, 17, *range(18, 31), 36, 38, 39)},
    ),  # left out: the Khorog/Rushan unrest and the Crocus attack in Moscow
    "real8": (
        {"R8S13", "R8S14", "R8S19", "R8S25", "R8S29", "R8S32", "R8S39", "R8S45", "R8S48"},
        set(),
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=list(SETS))
    parser.add_argument("--verbose", "-v", action="store_true", help="list the misses")
    parser.add_argument("--watchlist", type=Path, default=ROOT / "config" / "watchlist.yaml")
    args = parser.parse_args()
    matcher = Matcher(load_watchlist(args.watchlist), 0.5)
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for name in args.sets:
        others, left_out = SETS[name]
        path = ROOT / "tests" / f"stories_{name}" / "coverage.jsonl"
        per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn tn
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {"story": ""}
            if row["story"] in left_out or not row["story"]:
                continue
            title, summary = html_to_text(row.get("title")), html_to_text(row.get("summary"))
            got = matcher.match(title, summary, "", row.get("language")).relevant
            want = row["story"] not in others
            cell = (0 if got else 2) if want else (1 if got else 3)
            for key in (row["language"], "all"):
                per[key][cell] += 1
                total[key][cell] += 1
            if args.verbose and want != got:
                kind = "FN" if want else "FP"
                print(f"  {kind} {row['id']} {row['story']} {row['language']} {title[:90]}")
        _table(name, per)
    if len(args.sets) > 1:
        _table("all sets", total)


def _table(name: str, per: dict[str, list[int]]) -> None:
    print(f"{name}:  lang  P      R      F1     (tp fp fn tn)")
    for lang in sorted(per, key=lambda k: (k == "all", k)):
        tp, fp, fn, tn = per[lang]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"        {lang:>4}  {p:.3f}  {r:.3f}  {f:.3f}  ({tp} {fp} {fn} {tn})")


if __name__ == "__main__":
    main()
