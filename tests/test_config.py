"""Configuration: validation errors are one line naming the file, the key and the problem."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import REPO

from monitor.config import load_config
from monitor.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "monitor.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path, env: dict[str, str] | None = None) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path, env=env or {})
    message = str(info.value)
    assert "\n" not in message
    return message


def test_default_config_is_valid_and_real() -> None:
    cfg = load_config(REPO / "config" / "monitor.yaml", env={})
    s = cfg.settings
    assert len(s.feeds) >= 15
    langs = {f.language for f in s.feeds}
    assert {"en", "ru", "tg", "fa"} <= langs
    urls = " ".join(f.url for f in s.feeds)
    assert "news.google.com/rss/search" in urls and "api.gdeltproject.org/api/v2/doc/doc" in urls
    assert any(d.type == "file" for d in s.digests)
    assert s.watchlist == (REPO / "config" / "watchlist.yaml").resolve()
    assert s.database.url == f"sqlite:///{(REPO / 'data' / 'monitor.db').resolve()}"


def test_unknown_key_names_file_and_key(tmp_path: Path) -> None:
    path = write(tmp_path, "feeds:\n  - name: a\n    url: http://x/\n    colour: red\n")
    msg = error_of(path)
    assert str(path) in msg and "feeds[0].colour" in msg and "unknown key" in msg


def test_bad_values(tmp_path: Path) -> None:
    msg = error_of(write(tmp_path, "feeds:\n  - name: a\n    url: http://x/\n    interval: soon\n"))
    assert "feeds[0].interval" in msg and "invalid duration" in msg
    msg = error_of(write(tmp_path, "feeds:\n  - name: Bad Name\n    url: http://x/\n"))
    assert "feeds[0].name" in msg
    msg = error_of(write(tmp_path, "feeds:\n  - name: a\n    url: ftp://x/\n"))
    assert "feeds[0].url" in msg
    msg = error_of(write(tmp_path, "digests:\n  - name: d\n    type: file\n    schedule: '* *'\n"))
    assert "digests[0].schedule" in msg and "five fields" in msg
    msg = error_of(
        write(tmp_path, "digests:\n  - name: d\n    type: file\n    timezone: Mars/Base\n")
    )
    assert "digests[0].timezone" in msg
    msg = error_of(write(tmp_path, "digests:\n  - name: d\n    type: pigeon\n"))
    assert "digests[0]" in msg
    msg = error_of(
        write(
            tmp_path, "feeds:\n  - {name: a, url: 'http://x/'}\n  - {name: a, url: 'http://y/'}\n"
        )
    )
    assert "duplicate name 'a'" in msg
    msg = error_of(write(tmp_path, "feeds: [\n"))
    assert str(tmp_path) in msg
    msg = error_of(write(tmp_path, "- just\n- a list\n"))
    assert "mapping" in msg


def test_env_substitution(tmp_path: Path) -> None:
    text = (
        "digests:\n  - name: mail\n    type: email\n    from: a@x.org\n    to: [b@x.org]\n"
        "    smtp: {host: localhost, password: '${SMTP_PASSWORD}'}\n"
    )
    path = write(tmp_path, text)
    msg = error_of(path)
    assert "SMTP_PASSWORD" in msg and "digests[0].smtp.password" in msg
    cfg = load_config(path, env={"SMTP_PASSWORD": "s3cret"})
    channel = cfg.settings.digests[0]
    assert channel.smtp.password == "s3cret"  # type: ignore[union-attr]


def test_relative_paths_resolve_against_config_folder(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "database: {url: 'sqlite:///db/m.db'}\nwatchlist: lists/w.yaml\n"
        "feeds:\n  - {name: a, url: feeds/a.xml}\n"
        "digests:\n  - {name: f, type: file, path: out}\n",
    )
    s = load_config(path, env={}).settings
    assert s.database.url == f"sqlite:///{tmp_path / 'db' / 'm.db'}"
    assert s.watchlist == tmp_path / "lists" / "w.yaml"
    assert s.feeds[0].url == (tmp_path / "feeds" / "a.xml").as_uri()
    assert s.digests[0].path == tmp_path / "out"  # type: ignore[union-attr]


def test_db_url_override_order(tmp_path: Path) -> None:
    path = write(tmp_path, "database: {url: 'sqlite:///a.db'}\n")
    env = {"MONITOR_DATABASE_URL": "sqlite:////tmp/env.db"}
    assert load_config(path, env=env).settings.database.url == "sqlite:////tmp/env.db"
    cfg = load_config(path, env=env, db_url="postgresql+psycopg://u@h/db")
    assert cfg.settings.database.url == "postgresql+psycopg://u@h/db"


def test_digest_retry_after(tmp_path: Path) -> None:
    channel = "digests: [{name: d, type: file, path: out, retry_after: %s}]\n"
    cfg = load_config(write(tmp_path, channel % "2m"), env={})
    assert cfg.settings.digests[0].retry_after.total_seconds() == 120
    message = error_of(write(tmp_path, channel % "0s"))
    assert "retry_after" in message and "longer than 0s" in message


def test_malformed_whsec_secret_is_a_config_error(tmp_path: Path) -> None:
    hook = "digests: [{name: h, type: webhook, url: 'https://example.org/h', secret: %s}]\n"
    assert load_config(write(tmp_path, hook % "whsec_c2VjcmV0"), env={})
    assert load_config(write(tmp_path, hook % "plain-secret"), env={})
    message = error_of(write(tmp_path, hook % "whsec_not*base64!"))
    assert "secret" in message and "base64" in message


def test_every_problem_inside_channels_is_named_with_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "digests:\n  - name: d\n    type: webhook\n    url: ftp://x\n    format: xml\n"
        "    headers: {'X A': b}\n  - {name: e, type: pigeon}\n"
        "  - {name: f, type: email, from: m@example.org, to: []}\n"
        "fetch: {concurrency: 0, max_body: '12'}\n",
    )
    with pytest.raises(ConfigError) as info:
        load_config(path, env={})
    assert [line.removeprefix(f"{path}: ") for line in str(info.value).splitlines()] == [
        "digests[0].url (line 4): 'ftp://x' is not an http:// or https:// URL",
        "digests[0].format (line 5): expected one of 'json', 'slack', 'teams', not 'xml'",
        "digests[0].headers.X A (line 6): 'X A' is not an HTTP header name",
        "digests[1].type (line 7): unknown type 'pigeon' (use email, webhook, file)",
        "digests[2].smtp (line 8): required key is missing",
        "digests[2].to (line 8): expected a list of length >= 1",
        "fetch.concurrency (line 9): expected an integer >= 1",
    ]


def test_numbers_and_switches_from_environment_variables(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "fetch: {concurrency: '${N}', allow_private: '${PRIVATE}'}\n"
        "digests: [{name: m, type: email, from: m@example.org, to: [a@example.org],"
        " smtp: {host: localhost, port: '${PORT}'}}]\n",
    )
    cfg = load_config(path, env={"N": "4", "PRIVATE": "true", "PORT": "2525"})
    assert cfg.settings.fetch.concurrency == 4 and cfg.settings.fetch.allow_private is True
    assert cfg.settings.digests[0].smtp.port == 2525  # type: ignore[union-attr]
    message = error_of(path, env={"N": "4", "PRIVATE": "true"})  # one line: not also a bad port
    assert "digests[0].smtp.port (line 2): environment variable PORT is not set" in message
    message = error_of(path, env={"N": "4", "PRIVATE": "true", "PORT": "smtp"})
    assert "smtp.port (line 2): expected an integer or nothing, got text" in message


def test_schedules_checked_without_apscheduler_are_ones_it_accepts(tmp_path: Path) -> None:
    from apscheduler.triggers.cron import CronTrigger

    from monitor.config import _ALWAYS_FIRES

    now = datetime.now(UTC)
    tokens = [
        ["*", *map(str, range(60)), "07"],
        ["*", *map(str, range(24)), "07"],
        ["*", *map(str, range(1, 32)), "07"],
    ]
    for field, values in enumerate(tokens):
        for value in values:
            fields = ["*"] * 5
            fields[field] = value
            schedule = " ".join(fields)
            assert _ALWAYS_FIRES.fullmatch(schedule), schedule
            trigger = CronTrigger.from_crontab(schedule, timezone=UTC)
            assert trigger.get_next_fire_time(None, now) is not None
    for other in ["60 * * * *", "0 24 * * *", "0 0 32 * *", "0 0 0 * *", "0 0 * 2 *", "0 0 * * 1"]:
        assert not _ALWAYS_FIRES.fullmatch(other), other
    path = write(tmp_path, "digests: [{name: d, type: file, schedule: '0 7 * * *'}]\n")
    code = (
        f"import sys; from monitor.config import load_config; load_config({str(path)!r}, env={{}})"
    )
    code += "; assert 'apscheduler' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_without_a_watchlist_key_the_packaged_watchlist_is_used_when_none_is_beside(
    tmp_path: Path,
) -> None:
    (tmp_path / "monitor.yaml").write_text("feeds: []\n", encoding="utf-8")
    packaged = load_config(tmp_path / "monitor.yaml", env={}).settings.watchlist
    assert packaged.name == "watchlist.yaml" and packaged.exists()
    assert packaged.parent != tmp_path
    # Near-misses: a watchlist beside the config wins; a watchlist key is taken as given.
    (tmp_path / "watchlist.yaml").write_text("entries: []\n", encoding="utf-8")
    assert (
        load_config(tmp_path / "monitor.yaml", env={}).settings.watchlist
        == tmp_path / "watchlist.yaml"
    )
    (tmp_path / "other.yaml").write_text("feeds: []\nwatchlist: missing.yaml\n", encoding="utf-8")
    assert (
        load_config(tmp_path / "other.yaml", env={}).settings.watchlist == tmp_path / "missing.yaml"
    )
