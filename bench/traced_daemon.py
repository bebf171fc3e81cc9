"""`monitor run` under tracemalloc: every N seconds, the allocation sites that grew the most.

Used by ``bench/daemons.py --tracemalloc N``. The first snapshot is taken after a warm-up
(the first pass imports and builds the matcher); later ones are compared with it, and the
top growth sites are written to stderr as JSON log lines (``"logger": "tracemalloc"``).

Usage: python bench/traced_daemon.py SECONDS monitor-arguments...
"""

from __future__ import annotations

import gc
import json
import sys
import threading
import time
import tracemalloc
from collections import Counter

FRAMES = 1
TOP = 12
TRACED_EVERY = 30.0  # seconds between logged traced totals


def _types() -> Counter[str]:
    return Counter(type(o).__qualname__ for o in gc.get_objects())


def _watch(every: float) -> None:
    time.sleep(every)  # warm-up: imports, the matcher, the first (cold) pass
    base = tracemalloc.take_snapshot()
    base_types = _types()
    start = time.monotonic()
    while True:
        for _ in range(max(1, int(every // TRACED_EVERY)) - 1):  # the traced total, cheaply
            time.sleep(TRACED_EVERY)
            current, _peak = tracemalloc.get_traced_memory()
            print(
                json.dumps(
                    {
                        "logger": "traced",
                        "t": round(time.monotonic() - start),
                        "traced_kib": round(current / 1024),
                    }
                ),
                file=sys.stderr,
                flush=True,
            )
        time.sleep(every % TRACED_EVERY or TRACED_EVERY)
        snap = tracemalloc.take_snapshot()
        stats = snap.compare_to(base, "traceback")
        lines = []
        for stat in stats[:TOP]:
            frames = [f"{f.filename.rsplit('/', 3)[-1]}:{f.lineno}" for f in stat.traceback][
                :FRAMES
            ]
            lines.append(
                {"kib": round(stat.size_diff / 1024, 1), "count": stat.count_diff, "at": frames}
            )
        current, _peak = tracemalloc.get_traced_memory()
        types = _types()
        types.subtract(base_types)
        record = {
            "logger": "tracemalloc",
            "message": f"tracemalloc +{time.monotonic() - start:.0f}s",
            "traced_kib": round(current / 1024),
            "top": lines,
            "objects": [[name, n] for name, n in types.most_common(10)],
        }
        print(json.dumps(record), file=sys.stderr, flush=True)


def main() -> None:
    every = float(sys.argv[1])
    tracemalloc.start(FRAMES)
    threading.Thread(target=_watch, args=(every,), daemon=True).start()
    from monitor.cli.main import main as monitor_main

    monitor_main(sys.argv[2:])


if __name__ == "__main__":
    main()
