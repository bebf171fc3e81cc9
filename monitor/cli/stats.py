"""``monitor stats``: where matches come from and how many of them reviewers keep."""

from __future__ import annotations

import click

from monitor.cli.common import MAX_COUNT, IntRange, json_option, print_json, say_nothing, state


@click.command("stats")
@click.option(
    "--since", default="30d", metavar="WHEN", help="From this time (ISO 8601, or 30d back)."
)
@click.option("--until", metavar="WHEN", help="Before this time.")
@click.option(
    "--top", type=IntRange(1, MAX_COUNT), default=10, metavar="N", help="Rows per ranking."
)
@json_option()
@click.pass_context
def stats(ctx: click.Context, since: str, until: str | None, top: int, as_json: bool) -> None:
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
