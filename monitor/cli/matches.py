"""``monitor matches``: list, show, mark, export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from monitor.cli.common import (
    MAX_COUNT,
    clock,
    match_ids,
    print_json,
    say_nothing,
    state,
    stderr,
    stdout,
)

app = typer.Typer(help="Review stored matches: list, show, mark, export.", no_args_is_help=True)

Since = Annotated[
    str | None,
    typer.Option("--since", metavar="WHEN", help="From this time (ISO 8601, or 36h, 7d back)."),
]
Until = Annotated[
    str | None,
    typer.Option("--until", metavar="WHEN", help="Before this time (ISO 8601, or 36h, 7d back)."),
]
FeedOpt = Annotated[
    list[str] | None, typer.Option("--feed", metavar="NAME", help="Only this feed (repeatable).")
]
TermOpt = Annotated[
    list[str] | None,
    typer.Option("--term", metavar="TERM", help="Matched this watchlist term, by id or name "
                 "(repeatable: any of them)."),
]  # fmt: skip
LangOpt = Annotated[
    list[str] | None,
    typer.Option("--lang", metavar="CODE", help="Entry language, e.g. ru (repeatable)."),
]
MinScore = Annotated[
    float | None, typer.Option("--min-score", metavar="X", help="Score at least X.")
]
StatusOpt = Annotated[
    str,
    typer.Option("--status", metavar="S", help="new, seen, relevant, irrelevant or all."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


@app.command("list")
def list_(
    ctx: typer.Context,
    since: Since = None,
    until: Until = None,
    feed: FeedOpt = None,
    term: TermOpt = None,
    lang: LangOpt = None,
    min_score: MinScore = None,
    status: StatusOpt = "all",
    limit: Annotated[
        int, typer.Option("--limit", min=0, max=MAX_COUNT, metavar="N", help="At most N matches.")
    ] = 50,
    as_json: JsonOpt = False,
) -> None:
    """Stored matches, newest first (by published time, else fetch time)."""
    from monitor.usecases.review import build_filter, list_matches

    app_ = state(ctx).app()
    filters = build_filter(
        app_.clock(), since=since, until=until, feeds=feed or [], terms=term or [],
        languages=lang or [], min_score=min_score, status=status, limit=limit,
    )  # fmt: skip
    rows = list_matches(app_, filters)
    if as_json:
        print_json(rows)
    elif not rows:
        say_nothing(ctx, "no matches")
    else:
        from monitor.cli.matches_view import print_match_table

        print_match_table(rows, clock(ctx))


@app.command("show")
def show(
    ctx: typer.Context,
    match_id: Annotated[int, typer.Argument(metavar="ID", help="The match id.")],
    as_json: JsonOpt = False,
) -> None:
    """One match: entry text with the matched words highlighted, score breakdown, history."""
    from monitor.usecases.review import show_match

    data = show_match(state(ctx).app(), match_ids("ID", [match_id])[0])
    if as_json:
        print_json(data)
    else:
        from monitor.cli.matches_view import print_match

        print_match(data, clock(ctx))


@app.command("mark")
def mark(
    ctx: typer.Context,
    ids: Annotated[list[int], typer.Argument(metavar="ID...", help="Match ids.")],
    as_: Annotated[str, typer.Option("--as", metavar="MARK", help="relevant, irrelevant or seen.")],
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="Why (kept with the mark).")
    ] = None,
) -> None:
    """Record a reviewer's judgement; a later mark replaces an earlier one, history is kept."""
    from monitor.usecases.review import mark_matches

    marked = mark_matches(state(ctx).app(), match_ids("ID...", ids), as_, note)
    word = "match" if len(marked) == 1 else "matches"
    stdout.print(f"marked {len(marked)} {word} {as_.strip().lower()}: "
                 f"{', '.join(map(str, marked))}")  # fmt: skip


@app.command("export")
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="csv, json or jsonl.")
    ] = "csv",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write here (atomically); "
                     "default: standard output."),
    ] = None,
    since: Since = None,
    until: Until = None,
    feed: FeedOpt = None,
    term: TermOpt = None,
    lang: LangOpt = None,
    min_score: MinScore = None,
    status: StatusOpt = "all",
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", min=0, max=MAX_COUNT, metavar="N", help="At most N (default: all)."
        ),
    ] = None,
) -> None:  # fmt: skip
    """All matches passing the same filters as `list`, as csv, json or jsonl."""
    import sys

    from monitor.usecases.review import build_filter, export_matches

    app_ = state(ctx).app()
    filters = build_filter(
        app_.clock(), since=since, until=until, feeds=feed or [], terms=term or [],
        languages=lang or [], min_score=min_score, status=status, limit=limit,
    )  # fmt: skip
    count = export_matches(app_, filters, fmt.strip().lower(), output or sys.stdout)
    if output is not None:
        stderr.print(f"wrote {count} matches to {output}")
    elif count == 0:
        say_nothing(ctx, "no matches")
