"""Shared fixtures: a loopback feed server, a config writer, a runner for `monitor`."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from feedserver import FeedServer

REPO = Path(__file__).resolve().parent.parent
WATCHLIST = REPO / "config" / "watchlist.yaml"


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def private_server() -> Iterator[FeedServer]:
    """A second loopback address standing in for a host on a private network."""
    server = FeedServer("127.0.0.2").start()
    try:
        yield server
    finally:
        server.stop()


class Monitor:
    """Runs ``python -m monitor`` in a folder with its own config and SQLite file."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.config_path = home / "monitor.yaml"
        self.db_path = home / "monitor.db"
        self.env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "HOME": str(home),
            "NO_COLOR": "1",
            "COLUMNS": "200",
        }
        self.env.pop("MONITOR_CONFIG", None)
        self.env.pop("MONITOR_DATABASE_URL", None)

    def write_config(self, feeds: list[dict[str, Any]] | None = None, **extra: Any) -> Path:
        data: dict[str, Any] = {
            "database": {"url": "sqlite:///monitor.db"},
            "fetch": {"connect_timeout": "2s", "read_timeout": "2s", "deadline": "3s"},
            "watchlist": str(WATCHLIST),
            "feeds": feeds or [],
            **extra,
        }
        self.config_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return self.config_path

    def run(
        self,
        *args: str,
        timeout: float = 120,
        check: bool | None = None,
        env: dict[str, str] | None = None,
        input: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "monitor", "--config", str(self.config_path), *args]
        proc = subprocess.run(
            cmd,
            cwd=self.home,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
            input=input,
        )
        if check is True and proc.returncode != 0:
            raise AssertionError(f"{cmd} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
        return proc

    def json(self, *args: str, **kw: Any) -> Any:
        proc = self.run(*args, check=True, **kw)
        return json.loads(proc.stdout)

    def sql(self, query: str, *params: Any) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.db_path) as conn:
            return list(conn.execute(query, params))

    def sql_exec(self, query: str, *params: Any) -> None:
        with sqlite3.connect(self.db_path) as conn:
            conn.execute(query, params)


def one_error_line(proc: subprocess.CompletedProcess[str], *needles: str, code: int = 2) -> str:
    """Assert the command failed with ``code`` and one line on stderr naming ``needles``."""
    assert proc.returncode == code, (proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def monitor(tmp_path: Path) -> Monitor:
    return Monitor(tmp_path)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    from pgserver import Unavailable, postgres_server

    try:
        with postgres_server() as url:
            yield url
    except Unavailable as exc:
        pytest.skip(f"no PostgreSQL server: {exc}")


@pytest.fixture
def postgres_db(postgres_url: str) -> Iterator[str]:
    """A fresh database on the shared server, dropped afterwards."""
    import uuid

    from sqlalchemy import create_engine, text

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield postgres_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


from receivers import receiver, smtp  # noqa: E402,F401  (fixtures shared by delivery tests)


@pytest.fixture(scope="session")
def matcher() -> Any:
    """The matcher built from the shipped watchlist, shared by the matching tests."""
    from match_support import shipped_matcher

    return shipped_matcher()
