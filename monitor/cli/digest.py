"""``monitor digest send|preview|history``: thin wrappers over monitor.usecases.digests."""

from __future__ import annotations

from typing import Literal

import click

from monitor.cli.common import (
    MAX_COUNT,
    Group,
    IntRange,
    json_option,
    print_json,
    say,
    say_nothing,
    state,
)


@click.group("digest", cls=Group, help="Build and deliver digests of new matches.")
def digest() -> None:
    pass


@digest.command("send")
@click.argument("name", metavar="NAME", help="Digest channel name.")
@click.option("--dry-run", is_flag=True, help="Build and render only; deliver and record nothing.")
@json_option("Print the outcome as JSON.")
@click.pass_context
def send(ctx: click.Context, name: str, dry_run: bool, as_json: bool) -> None:
    """Build the digest of channel NAME from matches not yet delivered on it, and deliver it."""
    from monitor.usecases.digests import send_digest

    outcome = send_digest(state(ctx).app(), name, dry_run=dry_run)
    if as_json:
        print_json(outcome.to_json())
        return
    for line in outcome.lines():
        say(line)


@digest.command("preview")
@click.argument("name", metavar="NAME", help="Digest channel name.")
@click.option("--format", "fmt", default="text", metavar="text|md|html", help="Output format.")
@click.pass_context
def preview(ctx: click.Context, name: str, fmt: str) -> None:
    """Print the digest that `send` would deliver, without delivering or recording it."""
    import sys

    from monitor.errors import UsageError
    from monitor.usecases.digests import preview_digest

    if fmt not in ("text", "md", "html"):
        raise UsageError(f"--format must be text, md or html, not {fmt!r}")
    chosen: Literal["text", "md", "html"] = fmt  # type: ignore[assignment]
    sys.stdout.write(preview_digest(state(ctx).app(), name, chosen))


@digest.command("history")
@click.argument("name", metavar="[NAME]", required=False, help="Only this channel.")
@json_option()
@click.option("--limit", type=IntRange(1, MAX_COUNT), default=20, metavar="N", help="At most N.")
@click.pass_context
def history(ctx: click.Context, name: str | None, as_json: bool, limit: int) -> None:
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
        say(
            f"#{r['id']:<5} {r['channel']:<16} {r['status']:<8} {r['match_count']:>5} matches"
            f"  {when}  attempts {r['attempts']}{err}"
        )
