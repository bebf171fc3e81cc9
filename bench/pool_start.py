"""Start-up cost of the parse pool per start method: from creating it to every worker answering.

The pool gets the configured matcher through the poll's initializer, and the forkserver is
the poll's own (``pipeline.poll.pool_context``, with its preloads); the figure is wall time
until 2N short tasks have run on N workers, median of ``--repeat`` runs, each in a fresh
interpreter (so the forkserver is started, not reused, every time).

Usage: python bench/pool_start.py [--workers 2] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import multiprocessing, sys, time
from concurrent.futures import ProcessPoolExecutor, wait
from pathlib import Path
from monitor.match import Matcher, load_watchlist
from monitor.pipeline.poll import pool_context
from monitor.pipeline.workers import init_worker

method, workers = sys.argv[1], int(sys.argv[2])
matcher = Matcher(load_watchlist(Path(sys.argv[3])), 0.5)
start = time.perf_counter()
# the poll's own context for the forkserver (its preloads included); others for comparison
ctx = pool_context() if method == "forkserver" else multiprocessing.get_context(method)
with ProcessPoolExecutor(
    workers, mp_context=ctx, initializer=init_worker, initargs=(matcher,)
) as pool:
    wait([pool.submit(time.sleep, 0.02) for _ in range(workers * 2)])
    print(time.perf_counter() - start)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=5)
    opts = ap.parse_args()
    watchlist = ROOT / "config" / "watchlist.yaml"
    code = CHILD
    print(f"{opts.workers} workers, median of {opts.repeat} runs (seconds until all answered)")
    for method in ("fork", "forkserver", "spawn"):
        times = []
        for _ in range(opts.repeat):
            out = subprocess.run(
                [sys.executable, "-c", code, method, str(opts.workers), str(watchlist)],
                capture_output=True, text=True, check=True, cwd=ROOT,
                env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
            )  # fmt: skip
            times.append(float(out.stdout.strip().splitlines()[-1]))
        print(f"{method:<11} {statistics.median(times):6.3f}  (min {min(times):.3f})")


if __name__ == "__main__":
    main()
