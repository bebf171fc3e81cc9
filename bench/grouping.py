"""Story grouping cost, in process: the grouping after a cold poll, and the daemon's steady state.

Serves bench/ingest.py's workload (N feeds x M entries, ~15 % about the border) on loopback,
polls it once into a fresh SQLite file, then:

* cold grouping: takes every story apart and groups all matches again (``regroup``), as the
  grouping after a cold ``monitor poll`` does; the median of ``--repeat`` runs (the story
  teller is built before the first; its cost is printed apart);
* daemon: takes every story apart, then groups the matches in time order in batches of
  ``--batch`` (as a daemon's passes bring them), printing the seconds per batch and the
  resident memory while the 48-hour window fills.

Usage: python bench/grouping.py [--feeds 200] [--entries 50] [--repeat 3] [--batch 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ingest import Servers, make_feed  # noqa: E402

from monitor.config import load_config  # noqa: E402
from monitor.usecases import stories  # noqa: E402
from monitor.usecases.context import App  # noqa: E402
from monitor.usecases.polling import poll_once  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch", type=int, default=20)
    args = parser.parse_args()
    servers = Servers()
    try:
        urls = [
            servers.feed(i, make_feed(i, args.entries), "application/rss+xml")
            for i in range(args.feeds)
        ]
        with tempfile.TemporaryDirectory() as tmp:
            config = Path(tmp) / "grouping.yaml"
            config.write_text(
                json.dumps(
                    {
                        "database": {"url": f"sqlite:///{tmp}/grouping.db"},
                        "watchlist": str(ROOT / "config" / "watchlist.yaml"),
                        "feeds": [{"name": f"feed-{i}", "url": u} for i, u in enumerate(urls)],
                        "digests": [],
                    }
                ),
                encoding="utf-8",
            )
            app = App.open(load_config(config))
            started = time.perf_counter()
            stories.teller_for(app)
            teller = time.perf_counter() - started
            report = poll_once(app)
            matches = report.totals()["new_matches"]
            runs = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                stories.regroup(app, None)
                runs.append(time.perf_counter() - started)
            found = len(stories.list_stories(app, None))
            print(
                f"{matches:,} matches, {found:,} stories; story teller built in {teller:.2f} s\n"
                f"cold grouping (regroup of every match): median {statistics.median(runs):.3f} s "
                f"(runs: {', '.join(f'{r:.3f}' for r in runs)})"
            )
            daemon(app, args.batch)
            app.close()
    finally:
        servers.stop()


def daemon(app: App, batch: int) -> None:
    """Group the matches in time order, ``batch`` at a time: seconds and RSS as the window fills."""
    from monitor.storage import stories as store

    with app.sessions.begin() as session:
        store.ungroup_since(session, None)
        order = [r.match_id for r in store.ungrouped(session)]
    # Park every match but the first batch in a story of 1970 ("not arrived yet"): grouping
    # loads stories of the window only, so the parked ones are neither pending nor candidates.
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    with app.sessions.begin() as session:
        fields = store.StoryFields("analysis", 0, 0.0, "parked", epoch, epoch, 0, [], [], [])
        (parked,) = store.create_stories(session, [fields], epoch)
    _set_story(app, order[batch:], parked)
    seconds, rss = [], []
    for i in range(0, len(order), batch):
        if i:
            _set_story(app, order[i : i + batch], None)
        started = time.perf_counter()
        stories.group_new(app)
        seconds.append(time.perf_counter() - started)
        rss.append(rss_mb())
    n = len(seconds)
    marks = sorted({0, n // 4, n // 2, 3 * n // 4, n - 1})
    print(
        f"daemon: {n} groupings of {batch} matches in time order; per grouping: median "
        f"{statistics.median(seconds) * 1000:.1f} ms, max {max(seconds) * 1000:.1f} ms"
    )
    print(
        "  RSS MB after grouping "
        + ", ".join(f"#{k + 1}: {rss[k]:.1f}" for k in marks)
        + "  |  ms per grouping "
        + ", ".join(f"#{k + 1}: {seconds[k] * 1000:.1f}" for k in marks)
    )


def _set_story(app: App, match_ids: list[int], value: int | None) -> None:
    from sqlalchemy import update

    from monitor.storage.tables import matches

    with app.sessions.begin() as session:
        for i in range(0, len(match_ids), 500):
            session.execute(
                update(matches)
                .where(matches.c.id.in_(match_ids[i : i + 500]))
                .values(story_id=value)
            )


if __name__ == "__main__":
    main()
