"""Several daemons, one PostgreSQL: how the work is shared, how regular the fetches are.

Serves N feeds from a loopback HTTP server (each gains one new item a minute, so every due
fetch after the first minute is a 200 with one new entry; ETags make the rest 304s), starts a
throwaway PostgreSQL server (tests/pgserver.py, or $MONITOR_TEST_POSTGRES_URL), and for each
daemon count runs that many ``monitor run`` processes on one fresh database for a while. The
server's request log gives, per feed, the gaps between fetches; the daemons' JSON logs give
each daemon's share. Resident memory, open files and database connections are sampled.

Printed per daemon count: fetches per daemon (share), throughput (fetches a minute against
the feeds' demand), median and p90 gap between two fetches of a feed against the interval,
fetches closer together than half an interval (duplicates), and the resource samples.

Saturation: ``--delay 1.0 --concurrency 2`` makes every response take a second and gives each
daemon two fetch slots, so one daemon can fetch at most two feeds a second; with a demand above
that (300 feeds at ``--interval 30`` ask for 600 fetches a minute), the throughput curve shows
what each added daemon buys until the demand, the feed server or the database is the limit.

Usage: python bench/daemons.py [--daemons 1,2,3,4] [--feeds 300] [--interval 60]
       [--duration 180] [--tick 30s] [--delay SECONDS] [--concurrency N] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import hashlib
import itertools
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import feedserver  # noqa: E402
from ingest import BORDER, RELEVANT_SHARE, _escape, _sentence, _summary_html  # noqa: E402

feedserver.Handler.disable_nagle_algorithm = True
ITEMS = 20  # items per feed body: the newest ITEMS of one new item a minute


class Handler(feedserver.Handler):
    server: FeedServer  # type: ignore[assignment]

    def do_GET(self) -> None:
        self.server.log.append((time.monotonic(), self.path.split("?")[0]))
        if self.server.delay:
            time.sleep(self.server.delay)  # a slow origin: the fetch slot stays busy
        super().do_GET()


class FeedServer(feedserver.FeedServer):
    """The test server with a request log (time, path) and a listen backlog for a benchmark."""

    request_queue_size = 512

    def __init__(self) -> None:
        super().__init__()
        self.RequestHandlerClass = Handler
        self.log: list[tuple[float, str]] = []
        self.epoch = time.monotonic()
        self.delay = 0.0


@dataclass
class Sample:
    t: float
    rss_kib: dict[int, int]
    fds: dict[int, int]
    children: dict[int, int]
    connections: int


@dataclass
class RunResult:
    daemons: int
    duration: float
    fetches: dict[str, list[float]] = field(default_factory=dict)  # path -> request times
    shares: list[int] = field(default_factory=list)  # feeds fetched, per daemon (its log)
    passes: list[int] = field(default_factory=list)
    samples: list[Sample] = field(default_factory=list)
    start_failures: list[str] = field(default_factory=list)
    errors: int = 0
    traces: dict[int, dict[str, Any]] = field(default_factory=dict)  # pid -> last snapshot diff


def _item(index: int, seq: int, lang: str) -> str:
    rng = random.Random(index * 1_000_003 + seq)
    border = rng.choice(BORDER[lang]) if rng.random() < RELEVANT_SHARE else None
    title = _sentence(rng, lang, 6, 12)
    if border and rng.random() < 0.5:
        title = f"{title} {border}"
    summary = _summary_html(rng, lang, border)
    link = f"https://news{index % 37}.example/{lang}/{index}/{seq}"
    stamp = seq * 60
    return (
        f"<item><title>{_escape(title)}</title><link>{link}</link>"
        f'<guid isPermaLink="false">f{index}-{seq}</guid>'
        f"<pubDate>{email.utils.formatdate(stamp, usegmt=True)}</pubDate>"
        f"<description>{_escape(summary)}</description></item>"
    )


def feed_body(index: int, minute: int) -> bytes:
    lang = ("en", "ru", "tg", "fa")[index % 4]
    items = "".join(_item(index, seq, lang) for seq in range(minute, minute - ITEMS, -1))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>News {index}</title><link>https://news{index % 37}.example/</link>"
        f"<language>{lang}</language>{items}</channel></rss>"
    ).encode()


def serve_changing_feeds(server: FeedServer, feeds: int) -> None:
    """Feed i at /f{i}.xml gains an item every minute; a conditional GET within it gets 304."""
    cache: dict[tuple[int, int], tuple[bytes, str]] = {}
    lock = threading.Lock()

    def body(index: int) -> tuple[bytes, str]:
        minute = int(time.time() // 60)
        with lock:
            got = cache.get((index, minute))
            if got is None:
                data = feed_body(index, minute)
                got = cache[(index, minute)] = (
                    data,
                    '"' + hashlib.sha1(data).hexdigest()[:16] + '"',
                )
                cache.pop((index, minute - 2), None)
        return got

    def route_for(index: int) -> feedserver.Route:
        def route(h: feedserver.Handler) -> None:
            data, tag = body(index)
            if h.headers.get("If-None-Match") == tag:
                h.send_response(304)
                h.send_header("ETag", tag)
                h.send_header("Content-Length", "0")
                h.end_headers()
                return
            h.reply(200, data, "application/rss+xml", {"ETag": tag})

        return route

    for i in range(feeds):
        server.routes[f"/f{i}.xml"] = route_for(i)


def _proc_status(pid: int, key: str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _fds(pid: int) -> int:
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return -1


def _children(pid: int) -> int:
    count = 0
    for task in Path(f"/proc/{pid}/task").glob("*"):  # whichever thread forked them
        with contextlib.suppress(OSError):
            count += len((task / "children").read_text().split())
    return count


def _connections(admin_url: str, db: str) -> int:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(admin_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return int(
                conn.scalar(
                    text("SELECT count(*) FROM pg_stat_activity WHERE datname = :d"), {"d": db}
                )
            )
    finally:
        engine.dispose()


def write_config(
    home: Path, url: str, server: FeedServer, feeds: int, interval: int, concurrency: int | None
) -> Path:
    import yaml

    path = home / "monitor.yaml"
    fetch: dict[str, Any] = {"per_host": 32}
    if concurrency:
        fetch["concurrency"] = concurrency
    data = {
        "database": {"url": url},
        "watchlist": str(ROOT / "config" / "watchlist.yaml"),
        "fetch": fetch,
        "feeds": [
            {"name": f"f{i}", "url": server.url(f"/f{i}.xml"), "interval": f"{interval}s"}
            for i in range(feeds)
        ],
    }
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def run_daemons(
    n: int,
    *,
    admin_url: str,
    server: FeedServer,
    feeds: int,
    interval: int,
    duration: float,
    tick: str | None,
    prepare: bool,
    sample_every: float,
    trace: float | None = None,
    concurrency: int | None = None,
) -> RunResult:
    from sqlalchemy import create_engine, text

    db = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{db}"'))
    url = admin_url.rsplit("/", 1)[0] + "/" + db
    home = Path(tempfile.mkdtemp(prefix="bench-daemons-"))
    config = write_config(home, url, server, feeds, interval, concurrency)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    env.pop("MONITOR_DATABASE_URL", None)
    base = [sys.executable, "-m", "monitor", "--config", str(config)]
    if prepare:  # migrate and sync once, so daemons that race on an empty database still run
        subprocess.run([*base, "db", "upgrade"], env=env, check=True, capture_output=True)
        subprocess.run([*base, "status"], env=env, check=True, capture_output=True)
    server.requests.clear()
    server.hits.clear()
    server.log.clear()
    server.epoch = time.monotonic()
    args = ["run", "--log-format", "json"] + (["--tick", tick] if tick else [])
    if trace:
        traced = [sys.executable, str(ROOT / "bench" / "traced_daemon.py"), str(trace)]
        command = [*traced, "--config", str(config), *args]
    else:
        command = [*base, *args]
    logs = [home / f"daemon{i}.log" for i in range(n)]
    procs = [
        subprocess.Popen(command, env=env, stderr=log.open("w"), stdout=subprocess.DEVNULL)
        for log in logs
    ]
    result = RunResult(n, duration)
    start = time.monotonic()
    try:
        while (elapsed := time.monotonic() - start) < duration:
            pids = [p.pid for p in procs if p.poll() is None]
            result.samples.append(
                Sample(
                    elapsed,
                    {pid: _proc_status(pid, "VmRSS") or 0 for pid in pids},
                    {pid: _fds(pid) for pid in pids},
                    {pid: _children(pid) for pid in pids},
                    _connections(admin_url, db),
                )
            )
            time.sleep(min(sample_every, max(0.0, duration - elapsed)))
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
    times: dict[str, list[float]] = defaultdict(list)
    for stamp, path in server.log:
        if stamp - server.epoch <= duration:
            times[path].append(stamp - server.epoch)
    result.fetches = dict(times)
    for p, log in zip(procs, logs, strict=True):
        fetched = passes = 0
        for line in log.read_text(errors="replace").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if record.get("logger") == "tracemalloc":
                result.traces[p.pid] = record
            if m := re.match(r"poll pass: (\d+) feeds", str(record.get("message", ""))):
                fetched += int(m.group(1))
                result.errors += int(record.get("errors", 0))
                passes += 1
        result.shares.append(fetched)
        result.passes.append(passes)
        if p.returncode not in (0, -15):
            tail = log.read_text(errors="replace").strip().splitlines()[-1:] or ["(no output)"]
            result.start_failures.append(f"exit {p.returncode}: {tail[0][:160]}")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
    admin.dispose()
    return result


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def summarize(r: RunResult, interval: int, feeds: int) -> dict[str, Any]:
    gaps = [b - a for ts in r.fetches.values() for a, b in itertools.pairwise(ts)]
    dupes = sum(g < interval / 2 for g in gaps)
    total = sum(len(ts) for ts in r.fetches.values())
    # throughput after the first minute (the cold start fetches every feed at once)
    late = sum(1 for ts in r.fetches.values() for t in ts if t >= 60)
    minutes = max((r.duration - 60) / 60, 1e-9)
    rss = {}
    if r.samples:
        first, last = r.samples[min(2, len(r.samples) - 1)], r.samples[-1]
        for pid, kib in last.rss_kib.items():
            start_kib = first.rss_kib.get(pid, kib)
            span = max((last.t - first.t) / 60, 1e-9)
            rss[pid] = {
                "series_mb": [
                    [round(x.t), round(x.rss_kib[pid] / 1024, 1), x.fds.get(pid), x.connections]
                    for x in r.samples
                    if pid in x.rss_kib
                ],
                "start_mb": round(start_kib / 1024, 1),
                "end_mb": round(kib / 1024, 1),
                "mb_per_min": round((kib - start_kib) / 1024 / span, 2),
                "fds": last.fds.get(pid),
                "children": last.children.get(pid),
            }
    return {
        "daemons": r.daemons,
        "fetches": total,
        "fetches_per_min_after_1st_min": round(late / minutes, 1),
        "demand_per_min": round(feeds * 60 / interval, 1),
        "shares": r.shares,
        "passes": r.passes,
        "feeds_fetched": len(r.fetches),
        "gap_median_s": round(statistics.median(gaps), 1) if gaps else None,
        "gap_p90_s": round(_pct(gaps, 0.9), 1) if gaps else None,
        "gap_max_s": round(max(gaps), 1) if gaps else None,
        "duplicates": dupes,
        "errors": r.errors,
        "connections_max": max((s.connections for s in r.samples), default=0),
        "memory": rss,
        "start_failures": r.start_failures,
        "tracemalloc": r.traces,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--daemons", default="1,2,3,4")
    ap.add_argument("--feeds", type=int, default=300)
    ap.add_argument("--interval", type=int, default=60, help="seconds")
    ap.add_argument("--duration", type=float, default=180, help="seconds per daemon count")
    ap.add_argument("--tick", default=None, help="passed to `monitor run --tick`")
    ap.add_argument("--cold", action="store_true", help="start on an empty database")
    ap.add_argument("--sample-every", type=float, default=10)
    ap.add_argument("--tracemalloc", type=float, metavar="SECONDS", help="trace allocations (slow)")
    ap.add_argument("--delay", type=float, default=0.0, help="seconds per response (saturation)")
    ap.add_argument("--concurrency", type=int, help="fetch.concurrency of each daemon")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from pgserver import postgres_server

    server = FeedServer()
    server.delay = args.delay
    serve_changing_feeds(server, args.feeds)
    server.start()
    out = []
    print(
        f"# {platform.node()}: {os.cpu_count()} cores (shared), Python {platform.python_version()}"
        f"; {args.feeds} feeds at {args.interval}s, {args.duration:.0f}s per run"
        + (f"; responses take {args.delay:g}s" if args.delay else "")
        + (f"; fetch.concurrency {args.concurrency}" if args.concurrency else ""),
        file=sys.stderr,
    )
    try:
        with postgres_server() as admin_url:
            for n in (int(x) for x in args.daemons.split(",")):
                server.log.clear()
                server.epoch = time.monotonic()
                r = run_daemons(
                    n,
                    admin_url=admin_url,
                    server=server,
                    feeds=args.feeds,
                    interval=args.interval,
                    duration=args.duration,
                    tick=args.tick,
                    prepare=not args.cold,
                    sample_every=args.sample_every,
                    trace=args.tracemalloc,
                    concurrency=args.concurrency,
                )
                s = summarize(r, args.interval, args.feeds)
                out.append(s)
                if not args.json:
                    print(report_line(s), flush=True)
    finally:
        server.stop()
    if args.json:
        print(json.dumps(out, indent=2))


def report_line(s: dict[str, Any]) -> str:
    mem = "; ".join(
        f"{m['start_mb']}→{m['end_mb']} MB ({m['mb_per_min']:+} MB/min), {m['fds']} fds"
        for m in s["memory"].values()
    )
    fails = f"\n   start failures: {s['start_failures']}" if s["start_failures"] else ""
    for pid, m in s["memory"].items():
        series = ", ".join(
            f"{t}s {mb}MB/{fds}fd/{conns}conn" for t, mb, fds, conns in m["series_mb"]
        )
        fails += f"\n   {pid} RSS over time: {series}"
    for pid, trace in s["tracemalloc"].items():
        fails += f"\n   {pid} {trace['message']}: traced {trace['traced_kib']} KiB; growth:"
        fails += f"\n     objects: {trace.get('objects')}"
        for site in trace["top"]:
            fails += f"\n     {site['kib']:+8.1f} KiB {site['count']:+6d}  {' < '.join(site['at'])}"
    return (
        f"{s['daemons']} daemon(s): {s['fetches']} fetches of {s['feeds_fetched']} feeds, "
        f"shares {s['shares']} (passes {s['passes']}), "
        f"{s['fetches_per_min_after_1st_min']}/min after the first minute "
        f"(demand {s['demand_per_min']}/min)\n"
        f"   gap median {s['gap_median_s']} s, p90 {s['gap_p90_s']} s, max {s['gap_max_s']} s; "
        f"duplicates (< interval/2) {s['duplicates']}; errors {s['errors']}; "
        f"PG connections max {s['connections_max']}\n   memory: {mem}{fails}"
    )


if __name__ == "__main__":
    main()
