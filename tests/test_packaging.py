"""A non-editable install finds its migrations, default config and watchlist (package data)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling", reason="hatchling builds the wheel offline (test extra)")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(REPO)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return next(out.glob("monitor-*.whl"))


def test_wheel_ships_migrations_config_and_watchlist(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "monitor/_data/config/monitor.yaml" in names
    assert "monitor/_data/config/watchlist.yaml" in names
    assert "monitor/_data/alembic/env.py" in names
    assert any(n.startswith("monitor/_data/alembic/versions/0001") for n in names)
    assert any(n.endswith("entry_points.txt") for n in names)


def test_installed_command_runs_on_the_packaged_default(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    # The dependencies come from the environment running the tests (a venv or not), offline:
    # a .pth line appends its site-packages after the new venv's own, so the wheel wins.
    site_dir = next((venv / "lib").glob("python*/site-packages"))
    running = dict.fromkeys(sysconfig.get_paths()[k] for k in ("purelib", "platlib"))
    (site_dir / "running_env.pth").write_text("\n".join(running) + "\n")
    install = [str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index"]
    subprocess.run([*install, str(wheel)], check=True, capture_output=True, timeout=300)
    home = tmp_path / "home"
    work = tmp_path / "elsewhere"  # no config/ folder here: the packaged default is used
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), PYTHONPATH="")
    monitor = venv / "bin" / "monitor"
    run = lambda *a: subprocess.run(  # noqa: E731
        [str(monitor), *a], cwd=work, env=env, capture_output=True, text=True, timeout=120
    )
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("monitor ")
    up = run("db", "upgrade")
    assert up.returncode == 0, up.stderr
    status = run("status", "--json")
    assert status.returncode == 0, status.stderr
    report = json.loads(status.stdout)
    assert len(report["feeds"]) >= 15
    db_url = report["database"]["url"]
    assert str(home / "data" / "monitor") in db_url  # state goes to the user's data folder
    explained = run("match", "--text", "Clashes on the Tajik-Afghan border near Pyanj", "--json")
    assert explained.returncode == 0 and json.loads(explained.stdout)["relevant"] is True
    as_module = subprocess.run(
        [str(py), "-m", "monitor", "--version"], cwd=work, env=env, capture_output=True, text=True
    )
    assert as_module.returncode == 0
    where = subprocess.run(
        [str(py), "-c", "import monitor; print(monitor.__file__)"],
        cwd=work, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert where.stdout.startswith(str(venv))  # the wheel's copy, not the source tree


def test_schema_head_constant_matches_alembic(tmp_path: Path) -> None:
    from monitor.storage import db

    engine = db.create_db_engine(f"sqlite:///{tmp_path / 'm.db'}")
    assert db.head_revision(engine) == db.SCHEMA_HEAD
    assert db.current_revision(engine) is None
    db.upgrade(engine)
    assert db.current_revision(engine) == db.SCHEMA_HEAD
