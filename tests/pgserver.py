"""A throwaway PostgreSQL server for tests: from $MONITOR_TEST_POSTGRES_URL, or started here.

Starting one needs the server binaries (Debian: ``apt-get install postgresql``); as root the
server runs as the ``postgres`` user. Where neither works, the tests that need it are skipped
with the reason.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Unavailable(Exception):
    pass


def _bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    if candidates:
        return candidates[0]
    raise Unavailable(f"PostgreSQL server binary {name!r} not found (apt-get install postgresql)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    """A server of our own in a temporary folder, which a test may stop and start again."""

    def __init__(self) -> None:
        self.initdb, self.pg_ctl = _bin("initdb"), _bin("pg_ctl")
        self.prefix: list[str] = []
        self.workdir = Path(tempfile.mkdtemp(prefix="monitor-pg-"))
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                raise Unavailable("running as root and there is no 'postgres' user") from None
            os.chown(self.workdir, user.pw_uid, user.pw_gid)
            runuser = _bin("runuser") if shutil.which("runuser") else "runuser"
            self.prefix = [runuser, "-u", "postgres", "--"]
        self.data = self.workdir / "data"
        self.port = _free_port()
        self.url = f"postgresql+psycopg://monitor@127.0.0.1:{self.port}/postgres"

    def _run(self, *cmd: str) -> None:
        proc = subprocess.run([*self.prefix, *cmd], capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise Unavailable(f"{Path(cmd[0]).name} failed: {proc.stderr.strip()[:300]}")

    def init(self) -> None:
        self._run(
            self.initdb, "-D", str(self.data), "-A", "trust", "-U", "monitor", "-E", "UTF8",
            "--no-sync",
        )  # fmt: skip

    def start(self) -> None:
        opts = f"-p {self.port} -k {self.workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.workdir / "log")
        self._run(self.pg_ctl, "-D", str(self.data), "-o", opts, "-l", log, "-w", "start")

    def stop(self, mode: str = "immediate") -> None:
        subprocess.run(
            [*self.prefix, self.pg_ctl, "-D", str(self.data), "-m", mode, "-w", "stop"],
            capture_output=True,
            timeout=60,
        )

    def remove(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)


@contextmanager
def own_postgres_server() -> Iterator[PostgresServer]:
    """A fresh server for this caller alone (it may stop and start it)."""
    server = PostgresServer()
    try:
        server.init()
        server.start()
        try:
            yield server
        finally:
            server.stop()
    finally:
        server.remove()


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yield a SQLAlchemy URL of a fresh, empty database on a real PostgreSQL server."""
    url = os.environ.get("MONITOR_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    with own_postgres_server() as server:
        yield server.url
