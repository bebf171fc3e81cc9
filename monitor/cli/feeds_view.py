"""Human-readable output: tables and progress on a terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text

from monitor.cli.console import stderr, stdout
from monitor.units import format_duration, parse_iso

if TYPE_CHECKING:  # `status` and `feeds list` must not pay for importing the poll pass
    from monitor.pipeline.poll import FeedReport, PollReport
    from monitor.usecases.feeds import FeedCheck

_STYLE = {"ok": "green", "not_modified": "cyan", "error": "red", "disabled": "dim"}


@contextmanager
def poll_progress(
    *, enabled: bool, total: int | None = None
) -> Iterator[Callable[[FeedReport], None] | None]:
    """A progress bar on stderr advancing once per finished feed; nothing when disabled."""
    if not enabled:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(
        TextColumn("polling"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=total)

        def advance(line: FeedReport) -> None:
            progress.update(task, advance=1, description=line.name)

        yield advance


def print_poll_report(report: PollReport) -> None:
    table = Table(box=None, pad_edge=False)
    for col, justify in (
        ("feed", "left"),
        ("result", "left"),
        ("new", "right"),
        ("matches", "right"),
        ("error", "left"),
    ):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for f in report.feeds:
        table.add_row(
            f.name,
            Text(f.status, style=_STYLE.get(f.status, "")),
            str(f.new_entries),
            str(f.new_matches),
            Text(f.error or "", style="red"),
        )
    stdout.print(table)
    t = report.totals()
    stdout.print(
        f"{t['feeds']} feeds, {t['new_entries']} new entries, {t['new_matches']} new matches, "
        f"{t['errors']} errors"
    )


def _ago(iso: str | None, now: datetime) -> str:
    if not iso:
        return "never"
    when = parse_iso(iso)
    delta = when - now
    return (
        f"in {format_duration(delta)}"
        if delta.total_seconds() > 0
        else f"{format_duration(-delta)} ago"
    )


def _due(iso: str | None, now: datetime) -> str:
    """When a feed is next polled: ``in 12m``, or ``now`` when it is due (also overdue)."""
    if iso and datetime.fromisoformat(iso.replace("Z", "+00:00")) <= now:
        return "now"
    return _ago(iso, now)


def print_feed_table(
    feeds: Sequence[dict[str, Any]], *, detailed: bool = False, problems: bool = True
) -> None:
    """One row per feed; ``problems``: with the last error (status lists failures below)."""
    now = datetime.now(UTC)
    problems = problems and any(f["error"] or f["disabled_reason"] for f in feeds)
    table = Table(box=None, pad_edge=False)
    cols = ["feed", "result", "last fetch", "next due", "errors", "entries"]
    if detailed:
        cols.insert(1, "url")
    for col in [*cols, "problem"] if problems else cols:
        if col == "problem":
            table.add_column(col, overflow="fold", ratio=1)
        elif col == "feed":  # the name is what commands take: kept whole (up to 30)
            longest = max((len(f["name"]) for f in feeds), default=4)
            table.add_column(col, no_wrap=True, overflow="ellipsis", min_width=min(longest, 30))
        elif col == "url":  # gives way first
            table.add_column(col, no_wrap=True, overflow="ellipsis", max_width=48)
        else:
            table.add_column(col, no_wrap=True, min_width=max(len(col), 10 if " " in col else 0))
    for f in feeds:
        result = f["result"] or "—"
        if not f["enabled"]:
            result = "disabled"
        row = [
            f["name"],
            Text(result, style=_STYLE.get(result, "")),
            _ago(f["last_fetch"], now),
            _due(f["next_due"], now) if f["enabled"] else "—",
            str(f["consecutive_errors"]),
            str(f["entries"]),
        ]
        if detailed:
            row.insert(1, f["url"])
        if problems:
            row.append(Text(f["error"] or f["disabled_reason"] or "", style="red"))
        table.add_row(*row)
    stdout.print(table)


def print_status(report: dict[str, Any]) -> None:
    now = datetime.now(UTC)
    db = report["database"]
    stdout.print(Text.assemble(("config", "bold"), f" {report['config']}"))
    stdout.print(
        Text.assemble(
            ("database", "bold"),
            f" {db['url']} ({db['backend']}, revision {db['revision']}): "
            f"{db['feeds']} feeds, {db['entries']} entries, {db['matches']} matches",
        )
    )
    feeds = report["feeds"]
    failing = [f for f in feeds if f["result"] == "error" and f["enabled"]]
    stdout.print(Text.assemble(("\nfeeds", "bold"), f" {len(feeds)} known, {len(failing)} failing"))
    print_feed_table(feeds, problems=False)
    due = sorted((f for f in feeds if f["enabled"] and f["next_due"]), key=lambda f: f["next_due"])
    if due:
        soon = ", ".join(f"{f['name']} ({_due(f['next_due'], now)})" for f in due[:5])
        stdout.print(f"next due: {soon}", markup=False)
    by_error: dict[str, list[dict[str, Any]]] = {}
    for f in failing:  # each failure said once; many feeds failing alike, in one line
        by_error.setdefault(f["error"] or "error", []).append(f)
    for error, group in by_error.items():
        if len(group) == 1:
            f = group[0]
            line = f"failing: {f['name']}: {error} ({f['consecutive_errors']} in a row)"
        else:
            names = ", ".join(f["name"] for f in group[:6]) + (", …" if len(group) > 6 else "")
            line = f"failing: {len(group)} feeds ({names}): {error}"
        stdout.print(Text(line, "red"), soft_wrap=False)
    stdout.print(Text("\ndigests", "bold"))
    if not report["digests"]:
        stdout.print("no digest channels configured")
        return
    table = Table(box=None, pad_edge=False)
    for col in (
        "channel",
        "type",
        "schedule",
        "last sent",
        "last result",
        "next run",
        "undelivered",
    ):
        table.add_column(col)
    for d in report["digests"]:
        sched = f"{d['schedule']} {d['timezone']}" if d["schedule"] else "not in config"
        table.add_row(
            d["name"],
            d["type"] or "—",
            sched,
            _ago(d["last_sent"], now),
            Text(d["last_status"] or "—", style="red" if d["last_status"] == "failed" else ""),
            _ago(d["next_run"], now) if d["next_run"] else "—",
            str(d["undelivered"]),
        )
    stdout.print(table)


def print_feed_checks(checks: Sequence[FeedCheck]) -> None:
    table = Table(box=None, pad_edge=False)
    for col in ("feed", "ok", "http", "items", "newest", "time", "problem"):
        table.add_column(col, overflow="fold")
    for c in checks:
        age = f"{c.newest_age_hours:g}h ago" if c.newest_age_hours is not None else "—"
        table.add_row(
            c.name,
            Text("yes" if c.ok else "no", style="green" if c.ok else "red"),
            str(c.http_status or "—"),
            str(c.entries),
            age,
            f"{c.elapsed_ms} ms",
            Text(c.problem or "", style="red" if not c.ok else "yellow"),
        )
    stdout.print(table)
    ok = sum(c.ok for c in checks)
    stdout.print(f"{ok} of {len(checks)} feeds reachable and parseable")
