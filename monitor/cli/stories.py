"""``monitor stories``: list, show, mark."""

from __future__ import annotations

from typing import Annotated

import typer

from monitor.cli.common import MAX_COUNT, match_ids, print_json, state, stderr, stdout

app = typer.Typer(
    help="Stories: one event, all its reports across outlets and languages.",
    no_args_is_help=True,
)
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


@app.command("list")
def list_(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="WHEN", help="Last report at or after this time "
                     "(ISO 8601, or 36h, 7d back)."),
    ] = None,
    min_severity: Annotated[
        int | None,
        typer.Option("--min-severity", min=0, max=3, metavar="N", help="Severity at least N."),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", min=0, max=MAX_COUNT, metavar="N", help="At most N stories.")
    ] = 50,
    as_json: JsonOpt = False,
) -> None:  # fmt: skip
    """Stories, most significant first."""
    from monitor.errors import UsageError
    from monitor.units import parse_when
    from monitor.usecases.stories import list_stories

    if limit < 0:
        raise UsageError(f"--limit: must be 0 or more, not {limit}")
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
        stderr.print("no stories")
    else:
        from monitor.cli.stories_view import print_story_table

        print_story_table(views)


@app.command("show")
def show(
    ctx: typer.Context,
    story_id: Annotated[int, typer.Argument(metavar="ID", help="The story id.")],
    as_json: JsonOpt = False,
) -> None:
    """One story: header, event type, severity, entities, every report and why it joined."""
    from monitor.usecases.stories import show_story

    view = show_story(state(ctx).app(), match_ids("ID", [story_id], "story")[0])
    if as_json:
        print_json(view.to_json(full=True))
    else:
        from monitor.cli.stories_view import print_story

        print_story(view)


@app.command("mark")
def mark(
    ctx: typer.Context,
    story_id: Annotated[int, typer.Argument(metavar="ID", help="The story id.")],
    as_: Annotated[str, typer.Option("--as", metavar="MARK", help="relevant, irrelevant or seen.")],
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="Why (kept with the mark).")
    ] = None,
) -> None:
    """Mark every report of a story, as `matches mark` would."""
    from monitor.usecases.stories import mark_story

    marked = mark_story(state(ctx).app(), match_ids("ID", [story_id], "story")[0], as_, note)
    word = "match" if len(marked) == 1 else "matches"
    stdout.print(f"story {story_id}: marked {len(marked)} {word} {as_.strip().lower()}: "
                 f"{', '.join(map(str, marked))}")  # fmt: skip
