"""Which config and which database: found in the working folder, named when nothing is found."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import Monitor


def run_here(monitor: Monitor, *args: str) -> subprocess.CompletedProcess[str]:
    """``monitor ARGS`` in the monitor's folder, without ``--config``."""
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args], cwd=monitor.home, env=monitor.env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_monitor_yaml_in_the_working_folder_is_used_and_named(monitor: Monitor) -> None:
    monitor.write_config([])
    proc = run_here(monitor, "matches", "list")
    assert proc.returncode == 0, proc.stderr
    where = f"config {monitor.config_path}, database sqlite:///{monitor.db_path}"
    assert proc.stderr.strip() == f"no matches ({where})"
    assert monitor.db_path.exists()
    for args in (["digest", "history"], ["feeds", "list"], ["stats"]):
        said = run_here(monitor, *args)
        assert said.returncode == 0 and f"({where})" in said.stderr, (args, said.stderr)


def test_status_always_names_config_and_database(monitor: Monitor) -> None:
    monitor.write_config([])
    out = run_here(monitor, "status").stdout
    assert f"config {monitor.config_path}\n" in out
    assert f"database sqlite:///{monitor.db_path} " in out
    assert monitor.json("status", "--json")["config"] == str(monitor.config_path)


def test_config_and_db_options_after_the_command(monitor: Monitor, tmp_path_factory) -> None:
    other = tmp_path_factory.mktemp("other")
    elsewhere = Monitor(other)
    elsewhere.write_config([{"name": "solo", "url": "http://127.0.0.1:9/x.xml"}])
    before = run_here(monitor, "--config", str(elsewhere.config_path), "feeds", "list", "--json")
    after = run_here(monitor, "feeds", "list", "--json", "--config", str(elsewhere.config_path))
    assert before.returncode == after.returncode == 0, after.stderr
    names = [[f["name"] for f in json.loads(p.stdout)] for p in (before, after)]
    assert names == [["solo"], ["solo"]]
    db = other / "moved.db"
    proc = run_here(
        monitor, "status", f"--config={elsewhere.config_path}", "--db", f"sqlite:///{db}"
    )
    assert proc.returncode == 0, proc.stderr
    assert f"database sqlite:///{db} " in proc.stdout and db.exists()


def test_a_config_written_in_a_new_folder_starts_with_the_shipped_watchlist(tmp_path) -> None:
    config = tmp_path / "monitor.yaml"
    config.write_text("database: {url: 'sqlite:///m.db'}\nfeeds: []\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "monitor", "--config", str(config), "rescan", "--json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["entries"] == 0
    # Near-miss: a watchlist the config names must exist (one line, exit 2).
    config.write_text("feeds: []\nwatchlist: mine.yaml\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "monitor", "--config", str(config), "rescan"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2
    assert (
        proc.stderr.strip() == f"monitor: error: {tmp_path / 'mine.yaml'}: watchlist file not found"
    )
