"""``monitor feeds``: list, check, import, enable, disable."""

from __future__ import annotations

from pathlib import Path

import click

from monitor.cli.common import Group, feed_option, json_option, print_json, say, say_nothing, state


@click.group("feeds", cls=Group, help="Feeds: list, check, add, import from OPML.")
def feeds() -> None:
    pass


@feeds.command("list")
@json_option()
@click.pass_context
def list_feeds(ctx: click.Context, as_json: bool) -> None:
    """The feeds the monitor knows, with their state."""
    from monitor.usecases.status import status_report

    rows = status_report(state(ctx).app())["feeds"]
    if as_json:
        print_json(rows)
    elif not rows:
        say_nothing(ctx, "no feeds")
    else:
        from monitor.cli.feeds_view import print_feed_table

        print_feed_table(rows, detailed=True)


@feeds.command("check")
@feed_option()
@json_option()
@click.pass_context
def check(ctx: click.Context, feed: tuple[str, ...], as_json: bool) -> None:
    """Fetch and parse each feed once (stores nothing): reachable, items, newest age."""
    from dataclasses import asdict

    from monitor.usecases.feeds import check_feeds, imported_feeds

    st = state(ctx)
    checks = check_feeds(st.config(), list(feed), imported=imported_feeds(st.app()))
    if as_json:
        print_json([asdict(c) for c in checks])
    else:
        from monitor.cli.feeds_view import print_feed_checks

        print_feed_checks(checks)
    if checks and not all(c.ok for c in checks):
        ctx.exit(1)


@feeds.command("add")
@click.argument("url", metavar="URL", help="A feed, or a page advertising one.")
@click.option("--name", metavar="NAME", help="Feed name (default: from title).")
@click.option("--language", "--lang", metavar="CODE", help="e.g. ru (default: the feed's).")
@click.pass_context
def add(ctx: click.Context, url: str, name: str | None, language: str | None) -> None:
    """Add a feed by URL; a web page's advertised feed is found, as feed readers do."""
    from monitor.usecases.feeds import add_feed

    added = add_feed(state(ctx).app(), url, name, language)
    if added.page:
        say(f"{added.page} is an HTML page; it advertises the feed {added.url}")
    facts = ", ".join(
        x for x in (added.title and f"“{added.title}”", f"{added.entries} items",
                    added.language and f"language {added.language}") if x
    )  # fmt: skip
    say(f"added {added.name}: {added.url} ({facts})")
    say(
        "It lives in the database and is polled from the next pass; "
        f"`monitor feeds disable {added.name}` stops it."
    )


@feeds.command("import")
@click.argument(
    "path", metavar="FILE.opml", type=click.Path(path_type=Path), help="An OPML subscription list."
)
@click.pass_context
def import_(ctx: click.Context, path: Path) -> None:
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
        say(line)
    if len(lines) > shown:
        say(f"… and {len(lines) - shown:,} more (`monitor feeds list` shows them all)")
    say(
        f"{len(report.added)} added, {len(report.skipped)} skipped"
        + (f", {len(report.rejected)} rejected" if report.rejected else "")
    )


@feeds.command("enable")
@click.argument("name", metavar="NAME", help="The feed's name.")
@click.pass_context
def enable(ctx: click.Context, name: str) -> None:
    """Poll a feed again (also after a 410 Gone)."""
    _set_enabled(ctx, name, True)


@feeds.command("disable")
@click.argument("name", metavar="NAME", help="The feed's name.")
@click.pass_context
def disable(ctx: click.Context, name: str) -> None:
    """Stop polling a feed (its entries and matches stay)."""
    _set_enabled(ctx, name, False)


def _set_enabled(ctx: click.Context, name: str, enabled: bool) -> None:
    from monitor.usecases.feeds import set_feed_enabled

    set_feed_enabled(state(ctx).app(), name, enabled)
    say(f"{name} {'enabled' if enabled else 'disabled'}")
