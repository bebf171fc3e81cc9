"""Benchmark: one `monitor poll` over every hostile feed at once (plus good feeds), and OPML
imports of 10,000 to 100,000 outlines.

Reports the poll's wall time, the peak resident memory of the whole process tree (sampled
from /proc every 20 ms: the monitor process and its parse workers, summed) and the largest
single process (getrusage RUSAGE_CHILDREN), each feed's outcome, and the import times.

    python bench/hostile.py [--json] [--skip-import]

The promise (issue 14): the poll finishes within the fetch deadline plus a minute, stores every
good feed's entries, reports each hostile feed's error and stays under 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from feedserver import FeedServer, make_gzip_bomb  # noqa: E402
from hostile import serve_hostile  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as fh:
                rss[int(entry)] = int(fh.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def run_measured(cmd: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """Run ``cmd``; returns the result, wall seconds and the peak RSS of its process tree."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err), wall, peak


def hostile_poll(home: Path) -> dict[str, Any]:
    server = FeedServer().start()
    private = FeedServer("127.0.0.2").start()
    try:
        cat = serve_hostile(server, private, home / "files")
        server.gzip_bomb("/bomb.xml", make_gzip_bomb(200 << 20))
        server.huge("/huge.xml", 50 << 20)
        server.slow("/slow.xml")
        extra = {"bomb": "decompression", "huge": "limit", "slow": "deadline"}
        feeds = [*cat.feeds, *({"name": n, "url": server.url(f"/{n}.xml")} for n in extra)]
        deadline = 45  # the default fetch deadline
        config = {
            "database": {"url": "sqlite:///monitor.db"},
            "watchlist": str(ROOT / "config" / "watchlist.yaml"),
            "feeds": feeds,
        }
        (home / "monitor.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
        cmd = [sys.executable, "-m", "monitor", "--config", "monitor.yaml", "poll", "--json"]
        proc, wall, peak = run_measured(cmd, home)
        largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        report = json.loads(proc.stdout) if proc.stdout.strip() else {"feeds": []}
        outcomes = {f["name"]: (f["status"], f["new_entries"], f["error"]) for f in report["feeds"]}
        expected_ok = {**cat.good, **cat.odd_ok}
        good_stored = all(
            outcomes.get(n, ("", 0, None))[:2] == ("ok", c) for n, c in expected_ok.items()
        )
        errors = {**cat.errors, **extra}
        errors.pop("slow-parse", None)  # parses within the default 30 s limit here
        errors_reported = all(outcomes.get(n, ("",))[0] == "error" for n in errors)
        return {
            "feeds": len(feeds),
            "exit_code": proc.returncode,
            "wall_s": round(wall, 2),
            "limit_s": deadline + 60,
            "peak_tree_rss_mb": round(peak / 1e6, 1),
            "largest_process_rss_mb": round(largest / 1e6, 1),
            "good_feeds_stored": good_stored,
            "hostile_errors_reported": errors_reported,
            "timings": report.get("timings"),
            "outcomes": outcomes,
        }
    finally:
        server.stop()
        private.stop()


def opml_imports(home: Path, sizes: list[int]) -> list[dict[str, Any]]:
    out = []
    for n in sizes:
        folder = home / f"import-{n}"
        folder.mkdir()
        body = "".join(
            f"<outline text={quoteattr('Same title' if i % 2 else f'Feed {i}')} "
            f'xmlUrl="https://f{i}.example/rss"/>'
            for i in range(n)
        )
        (folder / "big.opml").write_text(f'<opml version="2.0"><body>{body}</body></opml>')
        (folder / "monitor.yaml").write_text("database: {url: 'sqlite:///m.db'}\nfeeds: []\n")
        cmd = [sys.executable, "-m", "monitor", "--config", "monitor.yaml", "feeds", "import",
               "big.opml"]  # fmt: skip
        proc, wall, peak = run_measured(cmd, folder)
        out.append({"outlines": n, "exit_code": proc.returncode, "wall_s": round(wall, 2),
                    "peak_rss_mb": round(peak / 1e6, 1),
                    "summary": proc.stdout.strip().splitlines()[-1:]})  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        result: dict[str, Any] = {"poll": hostile_poll(home)}
        if not args.skip_import:
            result["opml_import"] = opml_imports(home, [10_000, 50_000, 100_000])
    if args.json:
        print(json.dumps(result, indent=2))
        return
    poll = result["poll"]
    print(f"all-hostile poll of {poll['feeds']} feeds: {poll['wall_s']} s "
          f"(limit {poll['limit_s']} s), peak RSS of the process tree "
          f"{poll['peak_tree_rss_mb']} MB, largest process {poll['largest_process_rss_mb']} MB, "
          f"exit {poll['exit_code']}")  # fmt: skip
    print(f"  good feeds stored: {poll['good_feeds_stored']}; "
          f"hostile errors reported: {poll['hostile_errors_reported']}")  # fmt: skip
    for name, (status, new, error) in poll["outcomes"].items():
        print(f"  {name:<20} {status:<13} {new:>4}  {error or ''}"[:160])
    for imp in result.get("opml_import", []):
        print(f"import of {imp['outlines']:,} outlines: {imp['wall_s']} s, "
              f"peak RSS {imp['peak_rss_mb']} MB, {imp['summary']}")  # fmt: skip


if __name__ == "__main__":
    main()
