"""``monitor matches``: list, show, mark, export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from monitor.cli.common import (
    COUNT,
    FC,
    Group,
    clock,
    feed_option,
    json_option,
    match_ids,
    print_json,
    say,
    say_nothing,
    state,
)

if TYPE_CHECKING:
    from monitor.records import MatchFilter


@click.group("matches", cls=Group, help="Review stored matches: list, show, mark, export.")
def matches() -> None:
    pass


WHEN = "(ISO 8601, or 36h, 7d back)"


def filter_options(f: FC) -> FC:
    """The filters `list` and `export` share (``--limit`` is each one's own)."""
    options: list[Callable[[FC], FC]] = [
        click.option("--since", metavar="WHEN", help=f"From this time {WHEN}."),
        click.option("--until", metavar="WHEN", help=f"Before this time {WHEN}."),
        feed_option(),
        click.option("--term", multiple=True, metavar="TERM",
                     help="Matched this watchlist term, by id or name (repeatable: any of them)."),
        click.option("--lang", multiple=True, metavar="CODE",
                     help="Entry language, e.g. ru (repeatable)."),
        click.option("--min-score", type=float, metavar="X", help="Score at least X."),
        click.option("--status", default="all", metavar="S",
                     help="new, seen, relevant, irrelevant or all."),
    ]  # fmt: skip
    for option in reversed(options):
        f = option(f)
    return f


def _filter(ctx: click.Context, limit: int | None, params: dict[str, Any]) -> MatchFilter:
    from monitor.usecases.review import build_filter

    return build_filter(
        state(ctx).app().clock(), since=params["since"], until=params["until"],
        feeds=list(params["feed"]), terms=list(params["term"]), languages=list(params["lang"]),
        min_score=params["min_score"], status=params["status"], limit=limit,
    )  # fmt: skip


@matches.command("list")
@filter_options
@click.option("--limit", type=COUNT, default=50, metavar="N", help="At most N matches.")
@json_option()
@click.pass_context
def list_(ctx: click.Context, /, limit: int, as_json: bool, **filters: Any) -> None:
    """Stored matches, newest first (by published time, else fetch time)."""
    from monitor.usecases.review import list_matches

    rows = list_matches(state(ctx).app(), _filter(ctx, limit, filters))
    if as_json:
        print_json(rows)
    elif not rows:
        say_nothing(ctx, "no matches")
    else:
        from monitor.cli.matches_view import print_match_table

        print_match_table(rows, clock(ctx))


@matches.command("show")
@click.argument("match_id", metavar="ID", type=int, help="The match id.")
@json_option()
@click.pass_context
def show(ctx: click.Context, match_id: int, as_json: bool) -> None:
    """One match: entry text with the matched words highlighted, score breakdown, history."""
    from monitor.usecases.review import show_match

    data = show_match(state(ctx).app(), match_ids("ID", [match_id])[0])
    if as_json:
        print_json(data)
    else:
        from monitor.cli.matches_view import print_match

        print_match(data, clock(ctx))


@matches.command("mark")
@click.argument("ids", metavar="ID...", nargs=-1, required=True, type=int, help="Match ids.")
@click.option("--as", "as_", required=True, metavar="MARK", help="relevant, irrelevant or seen.")
@click.option("--note", metavar="TEXT", help="Why (kept with the mark).")
@click.pass_context
def mark(ctx: click.Context, ids: tuple[int, ...], as_: str, note: str | None) -> None:
    """Record a reviewer's judgement; a later mark replaces an earlier one, history is kept."""
    from monitor.usecases.review import mark_matches

    marked = mark_matches(state(ctx).app(), match_ids("ID...", ids), as_, note)
    word = "match" if len(marked) == 1 else "matches"
    say(f"marked {len(marked)} {word} {as_.strip().lower()}: {', '.join(map(str, marked))}")


@matches.command("export")
@click.option("--format", "fmt", default="csv", metavar="FORMAT", help="csv, json or jsonl.")
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), metavar="FILE",
    help="Write here (atomically); default: standard output.",
)  # fmt: skip
@filter_options
@click.option("--limit", type=COUNT, metavar="N", help="At most N (default: all).")
@click.pass_context
def export(
    ctx: click.Context, /, fmt: str, output: Path | None, limit: int | None, **filters: Any
) -> None:
    """All matches passing the same filters as `list`, as csv, json or jsonl."""
    import sys

    from monitor.usecases.review import export_matches

    app_ = state(ctx).app()
    count = export_matches(app_, _filter(ctx, limit, filters), fmt.strip().lower(),
                           output or sys.stdout)  # fmt: skip
    if output is not None:
        say(f"wrote {count} matches to {output}", err=True)
    elif count == 0:
        say_nothing(ctx, "no matches")
