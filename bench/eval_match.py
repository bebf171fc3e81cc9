"""Evaluate the matcher on labelled sets and measure its throughput.

Usage: python bench/eval_match.py [--verbose] [--no-speed] [--watchlist PATH] [--threshold X]
                                  [--eval-dir DIR]... [--before TREE [--before-watchlist PATH]]
                                  [--rounds N]

``--eval-dir`` may be given several times (tests/eval, tests/eval_real, tests/eval_holdout):
one table per set. ``--before TREE`` (another checkout of the project, e.g. an older commit)
also evaluates that tree's matcher on the same items, with its own watchlist unless
``--before-watchlist`` names one, and counts the items whose decision or score differs; the
throughput of both trees is then timed in the same run, on the same texts, in interleaved
rounds (each tree in its own process), so load from elsewhere hits both alike; a pass is
timed in CPU seconds of its process (on an idle machine the same as wall time).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
# The tree whose matcher this process measures (a child of a --before run sets it).
CODE = Path(os.environ.get("EVAL_MATCH_CODE", ROOT))
sys.path.insert(0, str(CODE))

from monitor.match import Matcher, Watchlist, WatchlistEntry, load_watchlist  # noqa: E402
from monitor.match.normalize import normalize  # noqa: E402

EVAL_DIR = ROOT / "tests" / "eval"
DEFAULT_WATCHLIST = ROOT / "config" / "watchlist.yaml"
DEFAULT_THRESHOLD = 0.5
KINDS = ("feed items", "long articles")
Decision = tuple[bool, float, str | None, str | None]  # relevant, score, tier, language


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


def decisions(matcher: Matcher, items: list[dict[str, Any]]) -> list[Decision]:
    """Each item's decision, score, tier and language detected without the hint."""
    out: list[Decision] = []
    for item in items:
        result = matcher.match(item["title"], item["summary"], language=item["language"])
        detected = matcher.match(item["title"], item["summary"]).language
        out.append((result.relevant, result.score, getattr(result, "tier", None), detected))
    return out


PINNED_SETS = ("tests/eval", "tests/eval_real", "tests/eval_holdout")


def _digest(value: Any) -> str:
    blob = json.dumps(value, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def pinned_decisions(matcher: Matcher) -> list[dict[str, Any]]:
    """What the matcher decides for every item of the labelled sets and every seed article.

    Per item: its text's digest (an edited item is not compared), the decision, score, tier,
    the language detected without a hint, and a digest of the whole explanation (hits with
    offsets and word indices, breakdown). tests/test_match_decisions.py compares these.
    """
    cases: list[tuple[str, str, str, str, str, str | None]] = []
    for name in PINNED_SETS:
        for item in load_items(ROOT / name):
            title, summary, language = item["title"], item["summary"], item["language"]
            cases.append((name, item["id"], title, summary, "", language))
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        cases.append(("seeds", path.name, "", "", path.read_text(encoding="utf-8"), None))
    rows = []
    for name, item_id, title, summary, content, language in cases:
        result = matcher.match(title, summary, content, language)
        rows.append(
            {
                "set": name,
                "id": item_id,
                "text": _digest([title, summary, content, language]),
                "relevant": result.relevant,
                "score": result.score,
                "tier": getattr(result, "tier", None),
                "language": matcher.match(title, summary, content).language,
                "explanation": _digest(result.to_explanation()),
            }
        )
    return rows


def scores_of(items: list[dict[str, Any]], got: list[Decision]) -> dict[str, Scores]:
    scores: dict[str, Scores] = {}
    for item, (relevant, *_) in zip(items, got, strict=True):
        for key in (item["language"], "all"):
            scores.setdefault(key, Scores()).add(item["relevant"], relevant)
    return scores


def print_table(scores: dict[str, Scores]) -> None:
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


def speed_texts(items: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The timed texts: every eval item (title + lead) 10 times, the seed articles 4 times."""
    return {
        "feed items": [f"{i['title']}\n{i['summary']}" for i in items] * 10,
        "long articles": [
            p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
        ]
        * 4,
    }


def _size_mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def regex_baseline(watchlist: Watchlist, texts: dict[str, list[str]], label: str) -> None:
    """The per-term regex loop on a tenth of the texts (what the automaton replaces)."""
    aliases = all_aliases(watchlist)
    for kind in KINDS:
        sample = texts[kind][: max(1, len(texts[kind]) // 10)]
        elapsed = _best_of(1, lambda sample=sample: regex_loop(aliases, sample))
        print(
            f"{label:<27} {len(aliases):>5} aliases  {kind:<13}"
            f" per-term regex loop {_size_mb(sample) / elapsed:6.3f} MB/s"
        )


# --- the child process: one tree's matcher, driven over a pipe ------------------------------


def serve(spec_path: Path) -> None:
    """Answer ``["decisions", set]`` and ``["time", watchlist, kind]`` with one JSON line each."""
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    watchlist = load_watchlist(Path(spec["watchlist"]))
    matchers = {
        "full": Matcher(watchlist, spec["threshold"]),
        "synthetic": Matcher(synthetic_watchlist(watchlist), spec["threshold"]),
    }
    aliases = {name: m._automaton.size for name, m in matchers.items()}
    print(json.dumps({"version": watchlist.version, "aliases": aliases}), flush=True)
    for line in sys.stdin:
        op, *names = json.loads(line)
        answer: Any
        if op == "decisions":
            answer = decisions(matchers["full"], spec["sets"][names[0]])
        else:
            matcher, texts = matchers[names[0]], spec["texts"][names[1]]
            start = time.process_time()
            for text in texts:
                matcher.match("", "", text)
            answer = time.process_time() - start
        print(json.dumps(answer), flush=True)


class Tree:
    """A child process measuring one tree's matcher."""

    def __init__(self, label: str, code: Path, watchlist: Path, spec: dict[str, Any]) -> None:
        self.label = label
        spec_path = Path(f"/tmp/eval_match_{os.getpid()}_{label}.json")
        spec_path.write_text(json.dumps({**spec, "watchlist": str(watchlist)}), encoding="utf-8")
        env = {**os.environ, "EVAL_MATCH_CODE": str(code.resolve())}
        self._proc = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(spec_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self._spec_path = spec_path
        hello = self._read()
        self.version: str = hello["version"]
        self.aliases: dict[str, int] = hello["aliases"]

    def _read(self) -> Any:
        out: IO[str] | None = self._proc.stdout
        line = out.readline() if out is not None else ""
        if not line:
            raise SystemExit(f"the {self.label} tree's matcher process failed")
        return json.loads(line)

    def ask(self, *request: str) -> Any:
        if self._proc.stdin is None:
            raise SystemExit(f"the {self.label} tree's matcher process has no input")
        self._proc.stdin.write(json.dumps(request) + "\n")
        self._proc.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        self._proc.wait()
        self._spec_path.unlink(missing_ok=True)


def compare_decisions(
    label: str, items: list[dict[str, Any]], after: list[Decision], before: list[Decision]
) -> None:
    """How many items the two trees decide, score or tier differently."""
    pairs = list(zip(after, before, strict=True))
    print(
        f"{label}: {len(items)} items; before → after: "
        f"{sum(a[0] != b[0] for a, b in pairs)} decisions differ, "
        f"{sum(a[1] != b[1] for a, b in pairs)} scores differ, "
        f"{sum(a[2] != b[2] for a, b in pairs)} tiers differ, "
        f"{sum(a[3] != b[3] for a, b in pairs)} languages (no hint) differ"
    )


def timed_rounds(trees: list[Tree], texts: dict[str, list[str]], rounds: int) -> None:
    """Best pass per tree, watchlist and kind over interleaved rounds; ratios after/before."""
    times: dict[tuple[str, str, str], list[float]] = {}
    for _ in range(rounds):
        for watchlist in ("full", "synthetic"):
            for kind in KINDS:
                for tree in trees:
                    seconds = tree.ask("time", watchlist, kind)
                    times.setdefault((tree.label, watchlist, kind), []).append(seconds)
    labels = {"full": "full watchlist", "synthetic": "watchlist + 1200 synthetic"}
    print(
        f"\nthroughput (CPU time of the process, which load from elsewhere disturbs less than"
        f" wall time): best of {rounds} interleaved rounds, each tree in its own process,"
        " same texts"
    )
    for watchlist in ("full", "synthetic"):
        for kind in KINDS:
            size = _size_mb(texts[kind])
            for tree in trees:
                best = min(times[(tree.label, watchlist, kind)])
                print(
                    f"{labels[watchlist]:<27} {tree.label:<7}"
                    f" {tree.aliases[watchlist]:>6} keys  {kind:<13}"
                    f" {size / best:6.2f} MB/s {len(texts[kind]) / best:7.0f} items/s"
                )
            if len(trees) == 2:
                after, before = (times[(t.label, watchlist, kind)] for t in trees)
                ratio = min(before) / min(after)
                per_round = statistics.median(b / a for a, b in zip(after, before, strict=True))
                print(
                    f"{'':<27} after/before: {ratio:5.3f} (best), {per_round:5.3f}"
                    " (median of the rounds)"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", "-v", action="store_true", help="list misclassified items")
    parser.add_argument("--no-speed", action="store_true", help="skip the throughput benchmark")
    parser.add_argument("--watchlist", type=Path, default=DEFAULT_WATCHLIST)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument(
        "--eval-dir",
        type=Path,
        action="append",
        help="folder of <lang>.jsonl files, repeatable (default tests/eval; tests/eval_real"
        " is real coverage, tests/eval_holdout the blind held-out set)",
    )
    parser.add_argument(
        "--before", type=Path, help="another tree of the project, measured in the same run"
    )
    parser.add_argument(
        "--before-watchlist", type=Path, help="its watchlist (default: the tree's own)"
    )
    parser.add_argument("--rounds", type=int, default=5, help="interleaved timing rounds")
    parser.add_argument(
        "--pin-decisions",
        type=Path,
        metavar="FILE",
        help="write every decision on the labelled sets and seeds (with --watchlist) as JSON"
        " lines for tests/test_match_decisions.py, and stop",
    )
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve)
        return 0

    watchlist = load_watchlist(args.watchlist)
    matcher = Matcher(watchlist, args.threshold)
    if args.pin_decisions:
        rows = pinned_decisions(matcher)
        lines = [json.dumps(row, ensure_ascii=False) + "\n" for row in rows]
        args.pin_decisions.write_text("".join(lines), encoding="utf-8")
        print(f"{len(rows)} decisions (watchlist {watchlist.version}) → {args.pin_decisions}")
        return 0
    eval_dirs: list[Path] = args.eval_dir or [EVAL_DIR]
    sets = {str(d): load_items(d) for d in eval_dirs}
    texts = speed_texts(sets[str(eval_dirs[0])])
    spec = {"threshold": args.threshold, "sets": sets, "texts": texts}
    trees = [] if args.no_speed else [Tree("after", ROOT, args.watchlist, spec)]
    before: Tree | None = None
    if args.before:
        before_watchlist = args.before_watchlist or args.before / "config" / "watchlist.yaml"
        before = Tree("before", args.before, before_watchlist, spec)
        trees.append(before)
    print(
        f"watchlist {watchlist.version}: {len(watchlist.entries)} entries,"
        f" threshold {args.threshold}"
    )
    for name, items in sets.items():
        print(f"\n{name}")
        scores, wrong = evaluate(matcher, items)
        print_table(scores)
        if args.verbose:
            for item, result in wrong:
                verdict = "FN" if item["relevant"] else f"FP[{item['kind']}]"
                print(
                    f"\n{verdict} {item['id']} score={result.score}  {item['title']}"
                    f"\n    {item['summary']}"
                )
                for b in result.breakdown:
                    print(f"      {b['contribution']:+.3f}  {b['label']}")
        if before is not None:
            theirs = before.ask("decisions", name)
            print(f"before ({args.before}, watchlist {before.version}):")
            print_table(scores_of(items, theirs))
            compare_decisions(name, items, decisions(matcher, items), theirs)
    try:
        if not args.no_speed:
            timed_rounds(trees, texts, args.rounds)
            print()
            regex_baseline(watchlist, texts, "full watchlist")
            regex_baseline(synthetic_watchlist(watchlist), texts, "watchlist + 1200 synthetic")
    finally:
        for tree in trees:
            tree.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
