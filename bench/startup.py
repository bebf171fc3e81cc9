"""Start-up benchmark: whole-process wall time of read-only commands on an empty database.

Each command runs as ``python -m monitor --config C ...`` in a fresh process, ``--repeat`` times
after one warm-up run (the database is created and migrated by the warm-up); the figure is the
median. ``python -c pass`` runs in the same loop as the anchor: a command's own cost is its time
minus the anchor's. CPU seconds (user + system, from ``wait4``) are printed too: on a
loaded machine they stay close to what an idle one would show, wall time does not.
``--imports`` also prints each command's costliest imports (``-X importtime``).

Target (issue 10): ``status``, ``matches list`` and ``stories list`` under 0.3 s on an empty
database.

Usage: python bench/startup.py [--repeat 7] [--imports] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COMMANDS: dict[str, list[str]] = {
    "python -c pass": [],
    "--help": ["--help"],
    "status": ["status"],
    "status --json": ["status", "--json"],
    "matches list": ["matches", "list"],
    "stories list": ["stories", "list"],
    "digest history": ["digest", "history"],
}


def _argv(config: Path, args: list[str]) -> list[str]:
    if not args:
        return [sys.executable, "-c", "pass"]
    return [sys.executable, "-m", "monitor", "--config", str(config), *args]


def _run(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, from wait4) and the exit code of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, proc.returncode


def _import_costs(argv: list[str], env: dict[str, str], cwd: Path, top: int = 8) -> list[str]:
    """The ``top`` costliest imports made at depth 0 or 1 in one run (``-X importtime``)."""
    proc = subprocess.run(
        [argv[0], "-X", "importtime", *argv[1:]],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    rows = []
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if not line.startswith("import time:") or len(parts) != 3 or "cumulative" in line:
            continue
        depth = (len(parts[2]) - len(parts[2].lstrip()) - 1) // 2
        if depth <= 1:
            rows.append((int(parts[1]), parts[2].strip()))
    rows.sort(reverse=True)
    return [f"{name} {us / 1000:.0f} ms" for us, name in rows[:top]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--imports", action="store_true", help="show the heaviest imports")
    ap.add_argument("--json", action="store_true")
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        config = home / "monitor.yaml"
        config.write_text(
            "database: {url: 'sqlite:///monitor.db'}\n"
            f"watchlist: {json.dumps(str(ROOT / 'config' / 'watchlist.yaml'))}\n"
            "feeds:\n  - {name: example, url: 'http://127.0.0.1:9/feed.xml'}\n"
            "digests: []\n",
            encoding="utf-8",
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": tmp, "NO_COLOR": "1"}
        env.pop("MONITOR_CONFIG", None)
        env.pop("MONITOR_DATABASE_URL", None)
        codes = {}
        for name, args in COMMANDS.items():  # warm-up: creates the database, fills OS caches
            codes[name] = _run(_argv(config, args), env, home)[2]
        times: dict[str, list[float]] = {name: [] for name in COMMANDS}
        cpu: dict[str, list[float]] = {name: [] for name in COMMANDS}
        for _ in range(opts.repeat):  # interleaved, so background load hits all alike
            for name, args in COMMANDS.items():
                wall, used, _ = _run(_argv(config, args), env, home)
                times[name].append(wall)
                cpu[name].append(used)
        anchor = statistics.median(times["python -c pass"])
        result: dict[str, Any] = {"python": sys.version.split()[0], "repeat": opts.repeat}
        rows = {}
        for name, values in times.items():
            med = statistics.median(values)
            rows[name] = {
                "median_s": round(med, 3),
                "min_s": round(min(values), 3),
                "over_anchor_s": round(med - anchor, 3),
                "cpu_s": round(statistics.median(cpu[name]), 3),
                "exit": codes[name],
            }
            if opts.imports and COMMANDS[name]:
                rows[name]["imports"] = _import_costs(_argv(config, COMMANDS[name]), env, home)
        result["commands"] = rows
    if opts.json:
        print(json.dumps(result, indent=2))
        return
    print(f"python {result['python']}, median of {opts.repeat} runs, empty SQLite database")
    print(f"{'command':<18} {'median':>8} {'min':>8} {'- anchor':>9} {'cpu':>8}  exit")
    for name, row in rows.items():
        print(
            f"{name:<18} {row['median_s']:>7.3f}s {row['min_s']:>7.3f}s "
            f"{row['over_anchor_s']:>8.3f}s {row['cpu_s']:>7.3f}s  {row['exit']}"
        )
        for line in row.get("imports", []):
            print(f"{'':<20}{line}")


if __name__ == "__main__":
    main()
