"""A broken config: every problem at once, one line each with its line number; exit 2."""

from __future__ import annotations

import os

import pytest
from conftest import one_error_line

SEVERAL = """\
database:
  url: sqlite:///monitor.db
matching:
  treshold: 0.4
fetch:
  concurency: 3
feeds:
  - name: a
    url: http://127.0.0.1:1/a.xml
    intervall: 30m
  - name: b
    url: http://127.0.0.1:1/b.xml
    interval: soon
digests:
  - name: f
    type: file
    formts: [md]
    timezone: Mars/Base
"""


def test_all_config_errors_at_once_with_lines_and_suggestions(monitor) -> None:
    monitor.config_path.write_text(SEVERAL, encoding="utf-8")
    proc = monitor.run("status")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert all(line.startswith(f"monitor: error: {monitor.config_path}: ") for line in lines)
    prefix = f"monitor: error: {monitor.config_path}: "
    assert [line.removeprefix(prefix) for line in lines] == [
        "unknown key 'matching.treshold' (line 4) — did you mean 'threshold'?",
        "unknown key 'fetch.concurency' (line 6) — did you mean 'concurrency'?",
        "unknown key 'feeds[0].intervall' (line 10) — did you mean 'interval'?",
        "feeds[1].interval (line 13): invalid duration 'soon' (use e.g. 30s, 15m, 2h, 7d)",
        "unknown key 'digests[0].formts' (line 17) — did you mean 'formats'?",
        "digests[0].timezone (line 18): unknown timezone 'Mars/Base'",
    ]


def _bomb() -> str:
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        rows.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join([*rows, "feeds: *j", ""])


FEED = "feeds:\n  - name: a\n    url: http://127.0.0.1:1/a.xml\n"
MAIL = (
    "digests:\n  - name: mail\n    type: email\n    from: monitor@example.org\n"
    "    smtp: {host: 127.0.0.1}\n"
)


@pytest.mark.parametrize(
    "text,needles",
    [
        (_bomb(), ["aliases expand to more than"]),
        ("feeds: &a [*a]\n", ["line 1", "alias refers to itself"]),
        (FEED.encode() + b"    title: Caf\xe9\n", ["line 4", "not UTF-8"]),
        ("digests:\n  - {name: d, type: file, schedule: 5}\n", ["digests[0].schedule", "cron"]),
        ("digests:\n  - {name: d, type: file, timezone: 5}\n", ["digests[0].timezone", "zone"]),
        (
            "digests:\n  - {name: d, type: file, schedule: '0 0 30 2 *'}\n",
            ["digests[0].schedule (line 2)", "never fires"],
        ),
        (FEED + "    interval: 99999999999d\n", ["feeds[0].interval (line 4)", "longer"]),
        (FEED + "    interval: .inf\n", ["feeds[0].interval", "longer"]),
        (FEED + "    interval: 400d\n", ["feeds[0].interval", "longer than a year"]),
        ("fetch: {deadline: .nan}\n", ["fetch.deadline"]),
        ("fetch: {max_body: 99999999999999999999GB}\n", ["fetch.max_body", "larger"]),
        ("matching: {threshold: .nan}\n", ["matching.threshold"]),
        (
            MAIL + '    to: ["analyst@example.org\\r\\nBcc: x@evil.example"]\n',
            ["to[0]", "line break"],
        ),
        (MAIL + "    to: [not-an-address]\n", ["digests[0].to[0] (line 6)", "not an email"]),
        (
            MAIL.replace("monitor@example.org", '"m@example.org\\nBcc: x@evil.example"')
            + "    to: [a@example.org]\n",
            ["digests[0].from", "line break"],
        ),
        (
            "digests:\n  - {name: h, type: webhook, url: 'http://127.0.0.1:1/',"
            ' headers: {X-A: "1\\r\\nX-B: 2"}}\n',
            ["digests[0].headers.X-A", "line break"],
        ),
        ("- a\n- b\n", ["mapping"]),
    ],
)
def test_bad_config_value_is_one_line_exit_2(
    monitor, text: str | bytes, needles: list[str]
) -> None:
    if isinstance(text, bytes):
        monitor.config_path.write_bytes(text)
    else:
        monitor.config_path.write_text(text, encoding="utf-8")
    one_error_line(monitor.run("status"), str(monitor.config_path), *needles)


def test_config_that_is_a_fifo_is_refused_not_waited_for(monitor) -> None:
    os.mkfifo(monitor.config_path)
    one_error_line(monitor.run("status", timeout=30), "not a regular file")


BIG = "99999999999999999999"


@pytest.mark.parametrize(
    "args,needle",
    [
        (["matches", "list", "--limit", BIG], "'--limit'"),
        (["matches", "export", "--limit", BIG], "'--limit'"),
        (["matches", "show", BIG], "ID: 99999999999999999999 is not a match id"),
        (["matches", "mark", "1", BIG, "--as", "seen"], "is not a match id"),
        (["stats", "--top", BIG], "'--top'"),
        (["digest", "history", "--limit", BIG], "'--limit'"),
        (["matches", "list", "--since", "99999999999d"], "--since"),
        (["stories", "list", "--limit", BIG], "'--limit'"),
        (["stories", "list", "--min-severity", BIG], "'--min-severity'"),
        (["stories", "show", BIG], "is not a story id"),
        (["stories", "mark", BIG, "--as", "seen"], "is not a story id"),
    ],
)
def test_huge_numbers_on_the_command_line_are_usage_errors(
    monitor, args: list[str], needle: str
) -> None:
    monitor.write_config([])
    one_error_line(monitor.run(*args), needle)
