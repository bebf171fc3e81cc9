"""Several `monitor run` processes on one real PostgreSQL database."""

from __future__ import annotations

import itertools
import os
import re
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest
from feedserver import FeedServer, wait_for


class Daemons:
    """``monitor run`` processes with their stderr in files (read while they run)."""

    def __init__(self, monitor) -> None:
        self.monitor = monitor
        self.procs: list[subprocess.Popen[bytes]] = []
        self.logs: list[Path] = []

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        m = self.monitor
        log = m.home / f"daemon{len(self.procs)}.log"
        cmd = [sys.executable, "-m", "monitor", "--config", str(m.config_path), "run", *args]
        with log.open("wb") as err:
            proc = subprocess.Popen(
                cmd, cwd=m.home, env=m.env, stdout=subprocess.DEVNULL, stderr=err
            )
        self.procs.append(proc)
        self.logs.append(log)
        return proc

    def log(self, i: int) -> str:
        return self.logs[i].read_text(encoding="utf-8", errors="replace")

    def stop_all(self, timeout: float = 20) -> list[int]:
        for p in self.procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        codes = []
        for p in self.procs:
            try:
                codes.append(p.wait(timeout=timeout))
            except subprocess.TimeoutExpired:
                p.kill()
                codes.append(p.wait())
        return codes


@contextmanager
def daemons(monitor) -> Iterator[Daemons]:
    d = Daemons(monitor)
    try:
        yield d
    finally:
        d.stop_all()


def test_four_daemons_started_at_once_on_an_empty_database_all_run(
    monitor, feed_server: FeedServer, postgres_db: str
) -> None:
    feed_server.fixture("/rss2.xml", "rss2.xml")
    feeds = [{"name": f"f{i}", "url": feed_server.url(f"/rss2.xml?{i}")} for i in range(20)]
    monitor.write_config(feeds, database={"url": postgres_db})
    with daemons(monitor) as d:
        for _ in range(4):
            d.start("--tick", "0.5s")
        assert wait_for(
            lambda: (
                all("daemon started" in d.log(i) for i in range(4))
                or any(p.poll() is not None for p in d.procs)
            ),
            timeout=60,
        )
        running = [p.poll() is None for p in d.procs]
        codes = d.stop_all()
    logs = "\n".join(d.log(i) for i in range(4))
    assert all(running), logs
    assert codes == [0, 0, 0, 0], logs
    assert "Traceback" not in logs and "UniqueViolation" not in logs
    from sqlalchemy import create_engine, text

    engine = create_engine(postgres_db)
    try:
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM feeds")) == 20
            assert conn.scalar(text("SELECT count(*) FROM alembic_version")) == 1
    finally:
        engine.dispose()


def _children(pid: int) -> list[int]:
    """Child processes, whichever of its threads forked them."""
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with suppress(OSError):
            out.extend(int(c) for c in (task / "children").read_text().split())
    return out


def _workers(pid: int) -> list[int]:
    """The daemon's grandchildren: its forkserver's children, the parse workers."""
    return [w for c in _children(pid) for w in _children(c)]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited (reaped later by whoever adopted it)


def _sigterm_caught(pid: int) -> bool:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) & (1 << (signal.SIGTERM - 1)))
    raise AssertionError("no SigCgt line")


def _sockets(pid: int) -> int:
    count = 0
    for fd in os.listdir(f"/proc/{pid}/fd"):
        with suppress(OSError):
            count += os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:")
    return count


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: passes parse in-process")
def test_parse_workers_die_with_a_killed_daemon(
    monitor, feed_server: FeedServer, postgres_db: str
) -> None:
    feed_server.fixture("/rss2.xml", "rss2.xml")
    feed_server.slow("/slow.xml", interval=0.2)  # keeps the pass (and its workers) running
    feeds = [{"name": f"f{i}", "url": feed_server.url(f"/rss2.xml?{i}")} for i in range(10)]
    feeds.append({"name": "slow", "url": feed_server.url("/slow.xml")})
    monitor.write_config(
        feeds,
        database={"url": postgres_db},
        fetch={"deadline": "120s", "read_timeout": "60s", "connect_timeout": "2s"},
    )
    with daemons(monitor) as d:
        proc = d.start("--tick", "0.5s")
        assert wait_for(lambda: "poll pass" in d.log(0) or feed_server.hits["/slow.xml"], 60)
        # the parse workers are the children of the daemon's forkserver (its child)
        assert wait_for(lambda: len(_workers(proc.pid)) >= 2, timeout=60), d.log(0)
        workers = _workers(proc.pid)
        # a worker runs none of the daemon's signal handlers and holds none of its sockets
        assert not any(_sigterm_caught(w) for w in workers)
        assert all(_sockets(w) == 0 for w in workers), [_sockets(w) for w in workers]
        assert _sockets(proc.pid) > 0  # the daemon's own database connection, at least
        helpers = _children(proc.pid)  # the forkserver, the resource tracker
        proc.kill()
        proc.wait(timeout=10)
        gone = [*workers, *helpers]
        assert wait_for(lambda: not any(_alive(p) for p in gone), timeout=20), gone


def test_concurrent_migrations_and_feed_syncs_are_serialized(postgres_db: str) -> None:
    """Four processes' worth of start-up at the same instant: every one succeeds."""
    from concurrent.futures import ThreadPoolExecutor
    from datetime import UTC, datetime
    from threading import Barrier

    from sqlalchemy import create_engine, text

    from monitor.config import FeedSettings
    from monitor.storage import db
    from monitor.storage import feeds as feed_store

    feeds = [FeedSettings(name=f"f{i}", url=f"http://127.0.0.1:9/{i}.xml") for i in range(50)]
    barrier = Barrier(4, timeout=60)

    def start_up(_: int) -> int:
        engine = db.create_db_engine(postgres_db)
        try:
            barrier.wait()
            db.upgrade(engine)
            barrier.wait()
            with db.session_factory(engine).begin() as session:
                sync = feed_store.sync_config_feeds(session, feeds, datetime.now(UTC))
            return len(sync.added)
        finally:
            engine.dispose()

    with ThreadPoolExecutor(4) as pool:
        added = list(pool.map(start_up, range(4)))
    assert sorted(added) == [0, 0, 0, 50]
    engine = create_engine(postgres_db)
    try:
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == db.SCHEMA_HEAD
            assert conn.scalar(text("SELECT count(*) FROM feeds")) == 50
    finally:
        engine.dispose()


def timed_feeds(server: FeedServer, count: int) -> dict[str, list[float]]:
    """``count`` feeds at /f{i}.xml; returns, per path, the times it was requested."""
    from feedserver import FIXTURES

    body = (FIXTURES / "rss2.xml").read_text(encoding="utf-8").replace("<ttl>60</ttl>", "")
    times: dict[str, list[float]] = {}
    for i in range(count):
        path = f"/f{i}.xml"
        server.feed(path, body.encode())
        inner = server.routes[path]
        times[path] = []

        def route(h, inner=inner, seen=times[path]) -> None:
            seen.append(time.monotonic())
            inner(h)

        server.routes[path] = route
    return times


def fetched_per_daemon(log: str) -> int:
    return sum(int(m) for m in re.findall(r"poll pass: (\d+) feeds", log))


def test_three_daemons_share_the_feeds_and_fetch_none_twice_in_an_interval(
    monitor, feed_server: FeedServer, postgres_db: str
) -> None:
    count, interval = 24, 3.0
    times = timed_feeds(feed_server, count)
    feeds = [
        {"name": f"f{i}", "url": feed_server.url(f"/f{i}.xml"), "interval": f"{interval:g}s"}
        for i in range(count)
    ]
    monitor.write_config(feeds, database={"url": postgres_db})
    monitor.run("db", "upgrade", check=True)
    with daemons(monitor) as d:
        for _ in range(3):
            # a tick longer than the interval: feeds must be claimed when due, not per tick
            d.start("--tick", "5s")
        assert wait_for(lambda: all("daemon started" in d.log(i) for i in range(3)), 60)
        started = time.monotonic()
        # about four intervals with all three running
        assert wait_for(
            lambda: sum(t > started for ts in times.values() for t in ts) >= 4 * count, 90
        ), [d.log(i)[-2000:] for i in range(3)]
        codes = d.stop_all()
    logs = [d.log(i) for i in range(3)]
    assert codes == [0, 0, 0], logs
    shares = [fetched_per_daemon(log) for log in logs]
    total = sum(len(ts) for ts in times.values())
    # A daemon stopped while its pass is fetching has asked the server for feeds it logs no
    # pass for (the stop cuts the pass short); those feeds are claimed by no other daemon, so
    # together they are fewer than all feeds.
    assert sum(shares) <= total < sum(shares) + count, (shares, total)
    # every daemon did part of the work, none nearly all of it (one tick per daemon gave the
    # first one everything); the first daemon up polls the first round alone
    assert all(share > 0 for share in shares) and max(shares) < 0.8 * total, shares
    gaps = sorted(b - a for ts in times.values() for a, b in itertools.pairwise(ts))
    assert gaps and gaps[0] > interval / 2, gaps[:5]  # no feed fetched twice in an interval
    assert statistics.median(gaps) < 1.5 * interval, gaps
    assert not any("Traceback" in log for log in logs)


@pytest.fixture
def own_postgres() -> Iterator[Any]:
    """A PostgreSQL server of this test's own, which it may stop and start."""
    if os.environ.get("MONITOR_TEST_POSTGRES_URL"):
        pytest.skip("restarts a server of its own: not with MONITOR_TEST_POSTGRES_URL")
    from pgserver import Unavailable, own_postgres_server

    try:
        with own_postgres_server() as server:
            yield server
    except Unavailable as exc:
        pytest.skip(f"no PostgreSQL server: {exc}")


def test_a_database_restart_is_survived_with_one_line_and_no_feed_left_claimed(
    monitor, feed_server: FeedServer, own_postgres
) -> None:
    count = 12
    times = timed_feeds(feed_server, count)
    feeds = [
        {"name": f"f{i}", "url": feed_server.url(f"/f{i}.xml"), "interval": "2s"}
        for i in range(count)
    ]
    monitor.write_config(feeds, database={"url": own_postgres.url})
    with daemons(monitor) as d:
        d.start("--tick", "0.5s")
        assert wait_for(lambda: all(len(ts) >= 2 for ts in times.values()), 60), d.log(0)
        own_postgres.stop("fast")  # every connection dropped, mid-pass or between passes
        assert wait_for(lambda: "database unavailable" in d.log(0), 30), d.log(0)
        time.sleep(3)  # the outage goes on for a while
        own_postgres.start()
        assert wait_for(lambda: "database available again" in d.log(0), 60), d.log(0)
        back = time.monotonic()
        # every feed is fetched again soon: none stays claimed for a lease (60 s) or longer
        assert wait_for(lambda: all(ts[-1] > back for ts in times.values()), 30), d.log(0)
        codes = d.stop_all()
    log = d.log(0)
    assert codes == [0], log
    assert "Traceback" not in log
    assert log.count("database unavailable") == 1, log
    noisy = [line for line in log.splitlines() if " WARNING " in line or " ERROR " in line]
    assert len(noisy) <= 2, noisy
    from sqlalchemy import create_engine, text

    engine = create_engine(own_postgres.url)
    try:
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM feeds WHERE claimed_by IS NOT NULL")) == 0
    finally:
        engine.dispose()
