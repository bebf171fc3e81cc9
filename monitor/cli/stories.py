"""``monitor stories``: list, show, mark."""

from __future__ import annotations

import click

from monitor.cli.common import (
    COUNT,
    Group,
    IntRange,
    json_option,
    match_ids,
    print_json,
    say,
    state,
)


@click.group(
    "stories", cls=Group, help="Stories: one event, all its reports across outlets and languages."
)
def stories() -> None:
    pass


@stories.command("list")
@click.option(
    "--since", metavar="WHEN",
    help="Last report at or after this time (ISO 8601, or 36h, 7d back).",
)  # fmt: skip
@click.option("--min-severity", type=IntRange(0, 3), metavar="N", help="Severity at least N.")
@click.option("--limit", type=COUNT, default=50, metavar="N", help="At most N stories.")
@json_option()
@click.pass_context
def list_(
    ctx: click.Context, since: str | None, min_severity: int | None, limit: int, as_json: bool
) -> None:
    """Stories, most significant first."""
    from monitor.errors import UsageError
    from monitor.units import parse_when
    from monitor.usecases.stories import list_stories

    app_ = state(ctx).app()
    when = None
    if since and since.strip():
        try:
            when = parse_when(since, app_.clock())
        except ValueError as exc:
            raise UsageError(f"--since: {exc}") from None
    views = list_stories(app_, when, limit, min_severity)
    if as_json:
        print_json([v.to_json() for v in views])
    elif not views:
        say("no stories", err=True)
    else:
        from monitor.cli.stories_view import print_story_table

        print_story_table(views)


@stories.command("show")
@click.argument("story_id", metavar="ID", type=int, help="The story id.")
@json_option()
@click.pass_context
def show(ctx: click.Context, story_id: int, as_json: bool) -> None:
    """One story: header, event type, severity, entities, every report and why it joined."""
    from monitor.usecases.stories import show_story

    view = show_story(state(ctx).app(), match_ids("ID", [story_id], "story")[0])
    if as_json:
        print_json(view.to_json(full=True))
    else:
        from monitor.cli.stories_view import print_story

        print_story(view)


@stories.command("mark")
@click.argument("story_id", metavar="ID", type=int, help="The story id.")
@click.option("--as", "as_", required=True, metavar="MARK", help="relevant, irrelevant or seen.")
@click.option("--note", metavar="TEXT", help="Why (kept with the mark).")
@click.pass_context
def mark(ctx: click.Context, story_id: int, as_: str, note: str | None) -> None:
    """Mark every report of a story, as `matches mark` would."""
    from monitor.usecases.stories import mark_story

    marked = mark_story(state(ctx).app(), match_ids("ID", [story_id], "story")[0], as_, note)
    word = "match" if len(marked) == 1 else "matches"
    say(f"story {story_id}: marked {len(marked)} {word} {as_.strip().lower()}: "
        f"{', '.join(map(str, marked))}")  # fmt: skip
