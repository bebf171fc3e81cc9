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


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yield a SQLAlchemy URL of a fresh, empty database on a real PostgreSQL server."""
    url = os.environ.get("MONITOR_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    prefix: list[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="monitor-pg-"))
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            raise Unavailable("running as root and there is no 'postgres' user") from None
        os.chown(workdir, user.pw_uid, user.pw_gid)
        prefix = [_bin("runuser") if shutil.which("runuser") else "runuser", "-u", "postgres", "--"]
    data = workdir / "data"
    port = _free_port()

    def run(*cmd: str) -> None:
        proc = subprocess.run([*prefix, *cmd], capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise Unavailable(f"{Path(cmd[0]).name} failed: {proc.stderr.strip()[:300]}")

    try:
        run(initdb, "-D", str(data), "-A", "trust", "-U", "monitor", "-E", "UTF8", "--no-sync")
        opts = f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(pg_ctl, "-D", str(data), "-o", opts, "-l", str(workdir / "log"), "-w", "start")
        try:
            yield f"postgresql+psycopg://monitor@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run(
                [*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                capture_output=True,
                timeout=60,
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
