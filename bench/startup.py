"""Start-up benchmark: whole-process wall time of read-only commands on an empty database.

Each command runs as ``python -m monitor --config C ...`` in a fresh process, ``--repeat`` times
after one warm-up run (the database is created and migrated by the warm-up); the figure is the
median. ``python -c pass`` runs in the same loop as the anchor: a command's own cost is its time
minus the anchor's. CPU seconds (user + system, from ``wait4``) are printed too: on a
loaded machine they stay close to what an idle one would show, wall time does not.
``--imports`` also prints each command's costliest imports (``-X importtime``).
``--layers`` prints where ``status``'s start-up goes: CPU seconds of processes that import one
more group of libraries each (the CLI's, the config's, the database's, then monitor's own
modules), the command's own work being what ``status`` costs beyond the last.

Target (issue 10): ``status``, ``matches list`` and ``stories list`` under 0.3 s on an empty
database.

Usage: python bench/startup.py [--repeat 7] [--imports] [--layers] [--code OLD_TREE]... [--json]
"""

from __future__ import annotations

import argparse
import compileall
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
DEFAULT = "@default-config"
COMMANDS: dict[str, list[str]] = {
    "python -c pass": [],
    "--help": ["--help"],
    "status": ["status"],
    "status --json": ["status", "--json"],
    "matches list": ["matches", "list"],
    "stories list": ["stories", "list"],
    "digest history": ["digest", "history"],
    # the packaged config/monitor.yaml (31 feeds, a file digest channel), as a new user runs it
    "status, default cfg": [DEFAULT, "status"],
}


# Cumulative import groups of ``status`` (each line imports the ones above it too).
LAYERS: dict[str, str] = {
    "interpreter (python -c pass)": "pass",
    "+ CLI: click, rich": "import click, rich.console",
    "+ config: msgspec, yaml, monitor.config": "import click, rich.console, monitor.config",
    "+ database: sqlalchemy, sqlite dialect": (
        "import click, rich.console, monitor.config, sqlalchemy, sqlalchemy.dialects.sqlite"
    ),
    "+ monitor's own modules": (
        "import monitor.cli.main, monitor.usecases.status, monitor.cli.feeds_view"
    ),
}


def _layers(setup: dict[str, Any]) -> dict[str, float]:
    """Median CPU seconds of each LAYERS process, and of ``status`` (the command's own work)."""
    cpu: dict[str, list[float]] = {name: [] for name in [*LAYERS, "+ the command (status)"]}
    for _ in range(setup["repeat"]):
        for name, code in LAYERS.items():
            argv = [sys.executable, "-c", code]
            cpu[name].append(_run(argv, setup["env"], setup["home"])[1])
        status = _argv(setup, ["status"])
        cpu["+ the command (status)"].append(_run(status, setup["env"], setup["home"])[1])
    return {name: round(statistics.median(values), 3) for name, values in cpu.items()}


def _argv(setup: dict[str, Any], args: list[str]) -> list[str]:
    if not args:
        return [sys.executable, "-c", "pass"]
    if args[0] == DEFAULT:
        packaged = setup["code"] / "config" / "monitor.yaml"
        db = f"sqlite:///{setup['home'] / 'default.db'}"
        return [sys.executable, "-m", "monitor", "--config", str(packaged), "--db", db, *args[1:]]
    return [sys.executable, "-m", "monitor", "--config", str(setup["config"]), *args]


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


def _setup(code: Path, home: Path, repeat: int, imports: bool) -> dict[str, Any]:
    """A config and environment to run the tree ``code`` in its own folder."""
    home.mkdir()
    config = home / "monitor.yaml"
    config.write_text(
        "database: {url: 'sqlite:///monitor.db'}\n"
        f"watchlist: {json.dumps(str(code / 'config' / 'watchlist.yaml'))}\n"
        "feeds:\n  - {name: example, url: 'http://127.0.0.1:9/feed.xml'}\n"
        "digests: []\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(code), "HOME": str(home), "NO_COLOR": "1"}
    env.pop("MONITOR_CONFIG", None)
    env.pop("MONITOR_DATABASE_URL", None)
    # Bytecode as an installed package has it (pip compiles at install): without this, a tree
    # run under PYTHONDONTWRITEBYTECODE recompiles monitor's sources on every run.
    compileall.compile_dir(str(code / "monitor"), quiet=1)
    return {
        "code": code, "config": config, "env": env, "home": home, "repeat": repeat,
        "imports": imports,
    }  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--imports", action="store_true", help="show the heaviest imports")
    ap.add_argument("--layers", action="store_true", help="where status's start-up goes")
    ap.add_argument(
        "--code", type=Path, action="append", default=[], metavar="DIR",
        help="also measure the monitor tree in DIR (e.g. an older checkout), interleaved",
    )  # fmt: skip
    ap.add_argument("--json", action="store_true")
    opts = ap.parse_args()
    trees = [ROOT, *(p.resolve() for p in opts.code)]
    results: dict[str, Any] = {"python": sys.version.split()[0], "repeat": opts.repeat}
    with tempfile.TemporaryDirectory() as tmp:
        setups = [
            _setup(code, Path(tmp) / str(i), opts.repeat, opts.imports)
            for i, code in enumerate(trees)
        ]
        codes: list[dict[str, int]] = [{} for _ in trees]
        for setup, code_of in zip(setups, codes, strict=True):  # warm-up: makes the database
            for name, args in COMMANDS.items():
                code_of[name] = _run(_argv(setup, args), setup["env"], setup["home"])[2]
        times = [{name: [] for name in COMMANDS} for _ in trees]
        cpu = [{name: [] for name in COMMANDS} for _ in trees]
        for _ in range(opts.repeat):  # interleaved, so background load hits all alike
            for t, setup in enumerate(setups):
                for name, args in COMMANDS.items():
                    wall, used, _ = _run(_argv(setup, args), setup["env"], setup["home"])
                    times[t][name].append(wall)
                    cpu[t][name].append(used)
        results["trees"] = {}
        for t, (code, setup) in enumerate(zip(trees, setups, strict=True)):
            anchor = statistics.median(times[t]["python -c pass"])
            rows: dict[str, Any] = {}
            for name, values in times[t].items():
                med = statistics.median(values)
                rows[name] = {
                    "median_s": round(med, 3),
                    "min_s": round(min(values), 3),
                    "over_anchor_s": round(med - anchor, 3),
                    "cpu_s": round(statistics.median(cpu[t][name]), 3),
                    "exit": codes[t][name],
                }
                if opts.imports and COMMANDS[name]:
                    rows[name]["imports"] = _import_costs(
                        _argv(setup, COMMANDS[name]), setup["env"], setup["home"]
                    )
            results["trees"][str(code)] = rows
        if opts.layers:
            results["layers"] = {str(c): _layers(s) for c, s in zip(trees, setups, strict=True)}
    if opts.json:
        print(json.dumps(results, indent=2))
        return
    print(f"python {results['python']}, median of {opts.repeat} runs, empty SQLite database")
    for code, rows in results["trees"].items():
        print(f"\n{code}")
        print(f"{'command':<18} {'median':>8} {'min':>8} {'- anchor':>9} {'cpu':>8}  exit")
        for name, row in rows.items():
            print(
                f"{name:<18} {row['median_s']:>7.3f}s {row['min_s']:>7.3f}s "
                f"{row['over_anchor_s']:>8.3f}s {row['cpu_s']:>7.3f}s  {row['exit']}"
            )
            for line in row.get("imports", []):
                print(f"{'':<20}{line}")
    for code, layers in results.get("layers", {}).items():
        print(f"\nwhere status's start-up goes, CPU s (cumulative), {code}")
        before = 0.0
        for name, total in layers.items():
            print(f"{name:<44} {total:>7.3f}  (+{total - before:.3f})")
            before = total


if __name__ == "__main__":
    main()
