"""``monitor digest send|preview|history``: thin wrappers over monitor.digest.service."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from monitor.cli.common import MAX_COUNT, print_json, say_nothing, state, stdout

app = typer.Typer(help="Build and deliver digests of new matches.", no_args_is_help=True)


@app.command("send")
def send(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="Digest channel name.")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Build and render only; deliver and record nothing.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the outcome as JSON.")] = False,
) -> None:
    """Build the digest of channel NAME from matches not yet delivered on it, and deliver it."""
    from monitor.usecases.digests import send_digest

    outcome = send_digest(state(ctx).app(), name, dry_run=dry_run)
    if as_json:
        print_json(outcome.to_json())
        return
    for line in outcome.lines():
        stdout.print(line, markup=False)


@app.command("preview")
def preview(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="Digest channel name.")],
    fmt: Annotated[
        str, typer.Option("--format", metavar="text|md|html", help="Output format.")
    ] = "text",
) -> None:
    """Print the digest that `send` would deliver, without delivering or recording it."""
    from monitor.errors import UsageError
    from monitor.usecases.digests import preview_digest

    if fmt not in ("text", "md", "html"):
        raise UsageError(f"--format must be text, md or html, not {fmt!r}")
    chosen: Literal["text", "md", "html"] = fmt  # type: ignore[assignment]
    import sys

    sys.stdout.write(preview_digest(state(ctx).app(), name, chosen))


@app.command("history")
def history(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(metavar="[NAME]", help="Only this channel.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=MAX_COUNT, metavar="N", help="At most N.")
    ] = 20,
) -> None:
    """Past digests, newest first: status, attempts, matches, last error."""
    from monitor.usecases.digests import digest_history

    rows = digest_history(state(ctx).app(), name, limit)
    if as_json:
        print_json(rows)
        return
    if not rows:
        say_nothing(ctx, "no digests yet")
        return
    for r in rows:
        when = r["sent"] or r["created"]
        err = f"  {r['last_error']}" if r["last_error"] else ""
        stdout.print(
            f"#{r['id']:<5} {r['channel']:<16} {r['status']:<8} {r['match_count']:>5} matches"
            f"  {when}  attempts {r['attempts']}{err}",
            markup=False,
        )
