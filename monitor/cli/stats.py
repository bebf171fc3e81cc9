"""``monitor stats``: where matches come from and how many of them reviewers keep."""

from __future__ import annotations

from typing import Annotated

import typer

from monitor.cli.common import MAX_COUNT, print_json, say_nothing, state


def stats(
    ctx: typer.Context,
    since: Annotated[
        str, typer.Option("--since", metavar="WHEN", help="From this time (ISO 8601, or 30d back).")
    ] = "30d",
    until: Annotated[
        str | None, typer.Option("--until", metavar="WHEN", help="Before this time.")
    ] = None,
    top: Annotated[
        int, typer.Option("--top", metavar="N", help="Rows per ranking.", min=1, max=MAX_COUNT)
    ] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Matches per day, top names and places, topics, feeds and review shares."""
    from monitor.usecases.review import build_filter, match_stats

    app_ = state(ctx).app()
    f = build_filter(app_.clock(), since=since, until=until)
    report = match_stats(app_, f.since, f.until, top=top)
    if as_json:
        print_json(report)
    elif not report["total"]:
        say_nothing(ctx, f"no matches since {f.since:%Y-%m-%d %H:%M} UTC")
    else:
        from monitor.cli.matches_view import print_stats

        print_stats(report, top=top)


def register(app: typer.Typer) -> None:
    """Add ``stats`` to the root command."""
    app.command("stats")(stats)
