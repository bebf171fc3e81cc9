"""List event-type (and severity) confusions of the reader on labelled coverage.

For each file, per language: labelled → read, with the title and the cues that decided.

Usage: python bench/stories_confusions.py FILE.jsonl [...] [--severity] [--summary]
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
from monitor.stories.vocabulary import load_vocabulary  # noqa: E402
from monitor.text import html_to_text  # noqa: E402

EVENT_ALIASES = {"armed_clash": "clash", "armed clash": "clash"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--severity", action="store_true", help="also list severity misses")
    parser.add_argument("--summary", action="store_true", help="print the lead too")
    parser.add_argument("--events", type=Path, default=ROOT / "config" / "events.yaml")
    args = parser.parse_args()
    reader = Reader(load_vocabulary(args.events))
    for path in args.files:
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        by_lang: dict[str, list[str]] = defaultdict(list)
        pairs: Counter[tuple[str, str]] = Counter()
        ok = 0
        for row in rows:
            title, summary = html_to_text(row.get("title")), html_to_text(row.get("summary"))
            reading = reader.read(title, summary)
            want = EVENT_ALIASES.get(str(row["event"]), str(row["event"]))
            sev = int(row["severity"])
            bad_event = reading.event != want
            bad_sev = args.severity and reading.severity != sev
            ok += not bad_event
            if not (bad_event or bad_sev):
                continue
            pairs[(want, reading.event)] += bad_event
            line = (
                f"  {row['id']}: {want}/{sev} → {reading.event}/{reading.severity}  {title[:90]}"
                f"\n      cues: {'; '.join(reading.cues) or '-'} counts: {reading.counts or '-'}"
            )
            if args.summary:
                line += f"\n      lead: {summary[:300]}"
            by_lang[str(row.get("language"))].append(line)
        print(f"== {path}  event accuracy {ok / len(rows):.3f} ({len(rows)} reports)")
        print("   " + ", ".join(f"{a}→{b} {n}" for (a, b), n in pairs.most_common() if n))
        for lang in sorted(by_lang):
            print(f" [{lang}]")
            print("\n".join(by_lang[lang]))


if __name__ == "__main__":
    main()
