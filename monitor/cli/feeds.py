"""``monitor feeds``: list, check, import, enable, disable."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from monitor.cli.common import print_json, say_nothing, state, stdout

app = typer.Typer(help="Feeds: list, check, add, import from OPML.", no_args_is_help=True)


@app.command("list")
def list_feeds(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The feeds the monitor knows, with their state."""
    from monitor.cli.feeds_view import print_feed_table
    from monitor.usecases.status import status_report

    feeds = status_report(state(ctx).app())["feeds"]
    if as_json:
        print_json(feeds)
    elif not feeds:
        say_nothing(ctx, "no feeds")
    else:
        print_feed_table(feeds, detailed=True)


@app.command("check")
def check(
    ctx: typer.Context,
    feed: Annotated[
        list[str] | None,
        typer.Option("--feed", metavar="NAME", help="Only this feed (repeatable)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Fetch and parse each feed once (stores nothing): reachable, items, newest age."""
    from monitor.cli.feeds_view import print_feed_checks
    from monitor.usecases.feeds import check_feeds, imported_feeds

    st = state(ctx)
    checks = check_feeds(st.config(), feed or [], imported=imported_feeds(st.app()))
    if as_json:
        print_json([asdict(c) for c in checks])
    else:
        print_feed_checks(checks)
    if checks and not all(c.ok for c in checks):
        raise typer.Exit(1)


@app.command("add")
def add(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(metavar="URL", help="A feed, or a page advertising one.")],
    name: Annotated[
        str | None, typer.Option("--name", metavar="NAME", help="Feed name (default: from title).")
    ] = None,
    language: Annotated[
        str | None,
        typer.Option("--language", "--lang", metavar="CODE", help="e.g. ru (default: the feed's)."),
    ] = None,
) -> None:
    """Add a feed by URL; a web page's advertised feed is found, as feed readers do."""
    from monitor.usecases.feeds import add_feed

    added = add_feed(state(ctx).app(), url, name, language)
    if added.page:
        stdout.print(
            f"{added.page} is an HTML page; it advertises the feed {added.url}", markup=False
        )
    facts = ", ".join(
        x for x in (added.title and f"“{added.title}”", f"{added.entries} items",
                    added.language and f"language {added.language}") if x
    )  # fmt: skip
    stdout.print(f"added {added.name}: {added.url} ({facts})", markup=False)
    stdout.print(
        "It lives in the database and is polled from the next pass; "
        f"`monitor feeds disable {added.name}` stops it.",
        markup=False,
    )


@app.command("import")
def import_(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(metavar="FILE.opml", help="An OPML subscription list.")],
) -> None:
    """Add the feeds of an OPML file (as exported by feed readers)."""
    from monitor.usecases.feeds import import_opml

    report = import_opml(state(ctx).app(), path)
    shown = 50  # lines of the outcome printed one by one
    lines = [
        *(f"added {name}" for name in report.added),
        *(f"skipped {url} (already known)" for url in report.skipped),
        *(f"rejected {url}: {why}" for url, why in report.rejected),
    ]
    for line in lines[:shown]:
        stdout.print(line)
    if len(lines) > shown:
        stdout.print(f"… and {len(lines) - shown:,} more (`monitor feeds list` shows them all)")
    stdout.print(
        f"{len(report.added)} added, {len(report.skipped)} skipped"
        + (f", {len(report.rejected)} rejected" if report.rejected else "")
    )


FeedName = Annotated[str, typer.Argument(metavar="NAME", help="The feed's name.")]


@app.command("enable")
def enable(ctx: typer.Context, name: FeedName) -> None:
    """Poll a feed again (also after a 410 Gone)."""
    _set_enabled(ctx, name, True)


@app.command("disable")
def disable(ctx: typer.Context, name: FeedName) -> None:
    """Stop polling a feed (its entries and matches stay)."""
    _set_enabled(ctx, name, False)


def _set_enabled(ctx: typer.Context, name: str, enabled: bool) -> None:
    from monitor.usecases.feeds import set_feed_enabled

    set_feed_enabled(state(ctx).app(), name, enabled)
    stdout.print(f"{name} {'enabled' if enabled else 'disabled'}")
