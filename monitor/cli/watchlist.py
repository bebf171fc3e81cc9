"""``monitor seed``, ``monitor match`` and ``monitor rescan``."""

from __future__ import annotations

from pathlib import Path

import click

from monitor.cli.common import json_option, print_json, say, state
from monitor.errors import UsageError


@click.command("seed")
@click.option("--write", is_flag=True, help="Merge into the watchlist file.")
@click.option(
    "--seeds", type=click.Path(path_type=Path), metavar="DIR", help="Folder of seed documents."
)
@click.pass_context
def seed(ctx: click.Context, write: bool, seeds: Path | None) -> None:
    """Derive watchlist terms and entities from the documents in seeds/."""
    from monitor.usecases.watchlist import seed as seed_case
    from monitor.usecases.watchlist import seed_dir_for

    cfg = state(ctx).config()
    for line in seed_case(cfg, seed_dir_for(cfg, seeds, Path.cwd()), write=write):
        say(line)


@click.command("match")
@click.option("--text", required=True, metavar="TEXT", help="The text to match (as a summary).")
@click.option("--title", default="", show_default=False, metavar="TITLE", help="An optional title.")
@click.option("--lang", metavar="CODE", help="Language hint (en, ru, tg, fa…).")
@json_option("Print the explanation as JSON.")
@click.pass_context
def match(ctx: click.Context, text: str, title: str, lang: str | None, as_json: bool) -> None:
    """Explain how any text scores against the watchlist (stores nothing)."""
    from rich.table import Table
    from rich.text import Text

    from monitor.cli.console import stdout
    from monitor.usecases.watchlist import explain_text

    result = explain_text(state(ctx).config(), text, title=title, language=lang)
    if as_json:
        print_json({"relevant": result.relevant, "terms": result.terms, **result.to_explanation()})
        return
    tier = f" ({result.tier} tier)" if result.tier and result.relevant else ""
    verdict = (f"relevant{tier}", "green") if result.relevant else ("not relevant", "dim")
    stdout.print(
        Text.assemble(
            f"score {result.score:.2f} (threshold {result.threshold:g}): ",
            verdict,
            f"; language {result.language or 'unknown'}",
        )
    )
    if result.hits:
        table = Table("term", "kind", "role", "field", "matched text", box=None, pad_edge=False)
        for h in result.hits:
            table.add_row(h.name, h.kind, h.role, f"{h.field}[{h.start}:{h.end}]", h.text)
        stdout.print(table)
    if result.breakdown:
        table = Table("contribution", "because", box=None, pad_edge=False)
        for b in result.breakdown:
            table.add_row(f"{b['contribution']:+.2f}", str(b.get("label", "")))
        stdout.print(table)


@click.command("rescan")
@click.option("--since", metavar="WHEN", help="Only entries fetched since.")
@json_option()
@click.pass_context
def rescan(ctx: click.Context, since: str | None, as_json: bool) -> None:
    """Re-match stored entries after the watchlist or the threshold changed."""
    from dataclasses import asdict
    from datetime import UTC, datetime

    from monitor.units import parse_when
    from monitor.usecases.watchlist import rescan as rescan_case

    when = None
    if since:
        try:
            when = parse_when(since, datetime.now(UTC))
        except ValueError as exc:
            raise UsageError(f"--since: {exc}") from None
    report = rescan_case(state(ctx).app(), when)
    if as_json:
        print_json(asdict(report))
        return
    say(
        f"{report.entries} entries re-matched: {report.new} new matches, {report.updated} "
        f"updated, {report.removed} removed, {report.kept_reviewed} kept (reviewed or delivered); "
        f"{report.regrouped} matches grouped into stories again"
    )
