"""Evaluate the matcher on tests/eval/*.jsonl and measure throughput.

Usage: python bench/eval_match.py [--verbose] [--no-speed] [--watchlist PATH] [--threshold X]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.match import Matcher, Watchlist, WatchlistEntry, load_watchlist  # noqa: E402
from monitor.match.normalize import normalize  # noqa: E402

EVAL_DIR = ROOT / "tests" / "eval"
DEFAULT_WATCHLIST = ROOT / "config" / "watchlist.yaml"
DEFAULT_THRESHOLD = 0.5


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, expected: bool, got: bool) -> None:
        if expected and got:
            self.tp += 1
        elif expected:
            self.fn += 1
        elif got:
            self.fp += 1
        else:
            self.tn += 1


def load_items(eval_dir: Path = EVAL_DIR) -> list[dict[str, Any]]:
    """Every labelled item of every language file."""
    items: list[dict[str, Any]] = []
    for path in sorted(eval_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line))
    return items


def evaluate(matcher: Matcher, items: list[dict[str, Any]]) -> tuple[dict[str, Scores], list[Any]]:
    """Per-language scores (plus 'all') and the misclassified items with their results."""
    scores: dict[str, Scores] = {}
    wrong = []
    for item in items:
        result = matcher.match(item["title"], item["summary"], language=item["language"])
        for key in (item["language"], "all"):
            scores.setdefault(key, Scores()).add(item["relevant"], result.relevant)
        if result.relevant != item["relevant"]:
            wrong.append((item, result))
    return scores, wrong


def synthetic_watchlist(base: Watchlist, extra: int = 1200) -> Watchlist:
    """The real watchlist plus ``extra`` made-up aliases (in four scripts)."""
    rng = random.Random(7)
    alphabets = [
        "abcdefghijklmnopqrstuvwxyz",
        "абвгдежзиклмнопрстуфхцчшэюя",
        "ابپتجچحخدرزسشطعفقکگلمنوهی",
    ]
    entries = list(base.entries)
    for i in range(extra // 4):
        aliases = []
        for _ in range(4):
            letters = rng.choice(alphabets)
            aliases.append("".join(rng.choice(letters) for _ in range(rng.randint(6, 11))))
        entries.append(
            WatchlistEntry(
                id=f"synthetic-{i}",
                name=f"zzsynthetic{i}",
                kind="topic",
                role="topic",
                aliases=aliases,
            )
        )
    return Watchlist(entries)


def all_aliases(watchlist: Watchlist) -> list[str]:
    return sorted(
        {normalize(a.replace("~", "")) for e in watchlist.entries for a in e.all_aliases()}
    )


def regex_loop(aliases: list[str], texts: list[str]) -> int:
    """Baseline: one compiled regex per alias, applied to every text."""
    patterns = [re.compile(r"(?<!\w)" + re.escape(a) + r"\w{0,4}(?!\w)") for a in aliases]
    found = 0
    for text in texts:
        norm = normalize(text)
        for pattern in patterns:
            found += len(pattern.findall(norm))
    return found


def _best_of(runs: int, fn: Any) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def throughput(watchlist: Watchlist, items: list[dict[str, Any]], label: str) -> None:
    """MB/s of the automaton (+ scoring) vs a per-term regex loop, on feed items and articles."""
    matcher = Matcher(watchlist, DEFAULT_THRESHOLD)
    aliases = all_aliases(watchlist)
    short = [f"{i['title']}\n{i['summary']}" for i in items] * 10
    articles = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] * 4
    for kind, texts in (("feed items", short), ("long articles", articles)):
        size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        elapsed = _best_of(3, lambda texts=texts: [matcher.match("", "", t) for t in texts])
        sample = texts[: max(1, len(texts) // 10)]
        sample_mb = sum(len(t.encode("utf-8")) for t in sample) / 1e6
        regex_elapsed = _best_of(1, lambda sample=sample: regex_loop(aliases, sample))
        print(
            f"{label:<27} {len(aliases):>5} aliases  {kind:<13}"
            f" automaton {size_mb / elapsed:6.2f} MB/s"
            f"   per-term regex loop {sample_mb / regex_elapsed:6.3f} MB/s"
            f"   ({(size_mb / elapsed) / (sample_mb / regex_elapsed):5.0f}x)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", "-v", action="store_true", help="list misclassified items")
    parser.add_argument("--no-speed", action="store_true", help="skip the throughput benchmark")
    parser.add_argument("--watchlist", type=Path, default=DEFAULT_WATCHLIST)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    args = parser.parse_args(argv)

    watchlist = load_watchlist(args.watchlist)
    matcher = Matcher(watchlist, args.threshold)
    items = load_items()
    scores, wrong = evaluate(matcher, items)
    print(
        f"watchlist {watchlist.version}: {len(watchlist.entries)} entries,"
        f" threshold {args.threshold}"
    )
    print(
        f"{'lang':<5} {'n':>4} {'tp':>4} {'fp':>4} {'fn':>4}"
        f" {'precision':>10} {'recall':>8} {'F1':>6}"
    )
    for lang in [*sorted(k for k in scores if k != "all"), "all"]:
        s = scores[lang]
        n = s.tp + s.fp + s.fn + s.tn
        print(
            f"{lang:<5} {n:>4} {s.tp:>4} {s.fp:>4} {s.fn:>4}"
            f" {s.precision:>10.3f} {s.recall:>8.3f} {s.f1:>6.3f}"
        )
    if args.verbose:
        for item, result in wrong:
            verdict = "FN" if item["relevant"] else f"FP[{item['kind']}]"
            print(
                f"\n{verdict} {item['id']} score={result.score}  {item['title']}"
                f"\n    {item['summary']}"
            )
            for b in result.breakdown:
                print(f"      {b['contribution']:+.3f}  {b['label']}")
    if not args.no_speed:
        print()
        throughput(watchlist, items, "full watchlist")
        throughput(synthetic_watchlist(watchlist), items, "watchlist + 1200 synthetic")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
