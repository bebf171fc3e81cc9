"""``monitor seed``, ``monitor match`` and ``monitor rescan``."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from monitor.cli.common import print_json, state, stdout
from monitor.errors import UsageError


def register(app: typer.Typer) -> None:
    app.command("seed")(seed)
    app.command("match")(match)
    app.command("rescan")(rescan)


def seed(
    ctx: typer.Context,
    write: Annotated[bool, typer.Option("--write", help="Merge into the watchlist file.")] = False,
    seeds: Annotated[
        Path | None, typer.Option("--seeds", metavar="DIR", help="Folder of seed documents.")
    ] = None,
) -> None:
    """Derive watchlist terms and entities from the documents in seeds/."""
    from monitor.usecases.watchlist import seed as seed_case
    from monitor.usecases.watchlist import seed_dir_for

    cfg = state(ctx).config()
    for line in seed_case(cfg, seed_dir_for(cfg, seeds, Path.cwd()), write=write):
        stdout.print(line, markup=False)


def match(
    ctx: typer.Context,
    text: Annotated[
        str, typer.Option("--text", metavar="TEXT", help="The text to match (as a summary).")
    ],
    title: Annotated[str, typer.Option("--title", metavar="TITLE", help="An optional title.")] = "",
    lang: Annotated[
        str | None, typer.Option("--lang", metavar="CODE", help="Language hint (en, ru, tg, fa…).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the explanation as JSON.")] = False,
) -> None:
    """Explain how any text scores against the watchlist (stores nothing)."""
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


def rescan(
    ctx: typer.Context,
    since: Annotated[
        str | None, typer.Option("--since", metavar="WHEN", help="Only entries fetched since.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Re-match stored entries after the watchlist or the threshold changed."""
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
    stdout.print(
        f"{report.entries} entries re-matched: {report.new} new matches, {report.updated} "
        f"updated, {report.removed} removed, {report.kept_reviewed} kept (reviewed or delivered); "
        f"{report.regrouped} matches grouped into stories again"
    )
