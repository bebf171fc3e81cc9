"""Aggregate figures of the reader's event types on labelled coverage (no titles, no items).

Per language: precision and recall of the ``analysis`` and ``diplomacy`` readings (of every
event type with ``--all``), where the labelled items of that type went (and what was read as
them), and the overall event accuracy. Safe to run on a blind set: it prints counts only.

Usage: python bench/reading_types.py FILE.jsonl [...] [--events PATH] [--all]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.stories.reading import Reader  # noqa: E402
from monitor.stories.vocabulary import EVENT_TYPES, load_vocabulary  # noqa: E402
from monitor.text import html_to_text  # noqa: E402

EVENT_ALIASES = {"armed_clash": "clash", "armed clash": "clash"}
WATCHED = ("analysis", "diplomacy")


def _ratio(good: int, total: int) -> str:
    return f"{good / total:.3f} ({good}/{total})" if total else "  -   (0/0)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--events", type=Path, default=ROOT / "config" / "events.yaml")
    parser.add_argument("--all", action="store_true", help="every event type, not two")
    args = parser.parse_args()
    reader = Reader(load_vocabulary(args.events))
    pairs: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)  # lang → (gold, read)
    for path in args.files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            title, summary = html_to_text(row.get("title")), html_to_text(row.get("summary"))
            got = reader.read(title, summary).event
            want = EVENT_ALIASES.get(str(row["event"]), str(row["event"]))
            lang = str(row.get("language") or "?")
            pairs[lang][(want, got)] += 1
            pairs["all"][(want, got)] += 1
    for lang in sorted(pairs, key=lambda x: (x == "all", x)):
        counts = pairs[lang]
        total = sum(counts.values())
        right = sum(n for (w, g), n in counts.items() if w == g)
        print(f"[{lang}] {total} items, event accuracy {_ratio(right, total)}")
        for event in EVENT_TYPES if args.all else WATCHED:
            tp = counts[(event, event)]
            read = sum(n for (w, g), n in counts.items() if g == event)
            gold = sum(n for (w, g), n in counts.items() if w == event)
            went = Counter({g: n for (w, g), n in counts.items() if w == event and g != event})
            came = Counter({w: n for (w, g), n in counts.items() if g == event and w != event})
            print(
                f"  {event:<10} precision {_ratio(tp, read):<18} recall {_ratio(tp, gold):<18}"
                f" missed as: {dict(went.most_common()) or '-'}"
                f"  false from: {dict(came.most_common()) or '-'}"
            )


if __name__ == "__main__":
    main()
