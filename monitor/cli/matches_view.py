"""Terminal output for reviewing matches: the match table, one match, the stats chart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from monitor.cli.common import link_style, stdout

STATUS_STYLE = {"new": "bold", "seen": "dim", "relevant": "green", "irrelevant": "red"}
HIGHLIGHT = "bold black on yellow"
_EIGHTHS = " ▏▎▍▌▋▊▉█"


def _time(iso: str | None) -> str:
    return iso.replace("T", " ")[:16] if iso else "—"


def _status(status: str) -> Text:
    return Text(status, style=STATUS_STYLE.get(status, ""))


def print_match_table(rows: Sequence[dict[str, Any]]) -> None:
    table = Table(box=None, pad_edge=False)
    table.add_column("id", justify="right")
    table.add_column("time", no_wrap=True)
    table.add_column("feed", no_wrap=True, max_width=20, overflow="ellipsis")
    table.add_column("lang")
    table.add_column("score", justify="right")
    table.add_column("status", no_wrap=True, min_width=10)
    table.add_column("title", no_wrap=True, max_width=70, overflow="ellipsis")
    table.add_column("terms", no_wrap=True, max_width=40, overflow="ellipsis")
    for r in rows:
        table.add_row(
            str(r["id"]), _time(r["time"]), r["feed"], r["language"] or "—", f"{r['score']:.2f}",
            _status(r["status"]), r["title"], ", ".join(r["terms"][:3]),
        )  # fmt: skip
    stdout.print(table)
    stdout.print(f"{len(rows)} {'match' if len(rows) == 1 else 'matches'}", style="dim")


def highlighted(text: str, hits: Sequence[dict[str, Any]]) -> Text:
    """``text`` with every hit's span styled; hits whose offsets do not fit are searched for."""
    out = Text(text)
    for hit in hits:
        span = _span(text, hit)
        if span:
            out.stylize(HIGHLIGHT, *span)
    return out


def _span(text: str, hit: dict[str, Any]) -> tuple[int, int] | None:
    start, end, word = hit.get("start"), hit.get("end"), hit.get("text")
    fits = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
    if fits and (not isinstance(word, str) or text[start:end] == word):
        return start, end  # type: ignore[return-value]
    if isinstance(word, str) and word:
        found = text.casefold().find(word.casefold())
        if found >= 0 and len(text.casefold()) == len(text):
            return found, found + len(word)
    return None


def print_match(data: dict[str, Any]) -> None:
    stdout.print(Text(data["title"] or "(no title)", style="bold"))
    outlet = data["feed"] + (f" ({data['feed_title']})" if data.get("feed_title") else "")
    stdout.print(Text.assemble(("match ", "dim"), str(data["id"]), ("  outlet ", "dim"), outlet))
    stdout.print(
        Text.assemble(
            ("time ", "dim"),
            _time(data["time"]),
            ("  language ", "dim"),
            data["language"] or "—",
            ("  score ", "dim"),
            f"{data['score']:.2f}",
            ("  status ", "dim"),
            _status(data["status"]),
        )
    )
    link = data.get("url") or data.get("link")
    if link:
        stdout.print(Text.assemble(("link ", "dim"), Text(link, link_style(link) or "")))
    if data.get("note"):
        stdout.print(Text.assemble(("note ", "dim"), data["note"]))
    hits = data["hits"]
    for name in ("title", "summary", "content"):
        text = data["text"][name]
        if not text:
            continue
        stdout.print(Text(f"\n{name}", style="bold underline"))
        stdout.print(highlighted(text, [h for h in hits if h.get("field") == name]))
    if data["breakdown"]:
        stdout.print(Text("\nrelevance: is it about this border? (score breakdown)",
                          style="bold underline"))  # fmt: skip
        table = Table(box=None, pad_edge=False)
        table.add_column("term or rule")
        table.add_column("contribution", justify="right")
        for b in data["breakdown"]:
            label = b.get("label") or b.get("term_id") or b.get("rule") or "?"
            value = b.get("contribution")
            shown = f"{value:+.2f}" if isinstance(value, int | float) else str(value)
            table.add_row(str(label), shown)
        table.add_row(Text("total", style="bold"), Text(f"{data['score']:.2f}", style="bold"))
        stdout.print(table)
    if data["terms"]:
        stdout.print(Text.assemble(("terms ", "dim"), ", ".join(data["terms"])))
    from monitor.cli.stories_view import significance_lines

    stdout.print(Text("\nsignificance: how much does it matter?", style="bold underline"))
    for line in significance_lines(data.get("reading"), data.get("significance")):
        stdout.print(line)
    if data.get("story") is not None:
        why = "; ".join((data.get("grouping") or {}).get("reasons") or [])
        stdout.print(Text.assemble(("story ", "dim"), str(data["story"]), (f"  {why}", "dim")))
    stdout.print(Text("\nreview history", style="bold underline"))
    if not data["history"]:
        stdout.print("not reviewed yet", style="dim")
    for mark in data["history"]:
        stdout.print(
            Text.assemble(
                _time(mark["marked_at"]),
                " ",
                _status(mark["status"]),
                (f"  {mark['note']}" if mark["note"] else ""),
            )
        )


def bar(value: float, maximum: float, width: int) -> str:
    """A horizontal bar of block characters, in eighths of a cell."""
    if maximum <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / maximum * width * 8))
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _weekly(days: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"date": days[i]["date"], "matches": sum(d["matches"] for d in days[i : i + 7])}
        for i in range(0, len(days), 7)
    ]


def print_stats(report: dict[str, Any], *, top: int = 10) -> None:
    since = _time(report["since"]) if report["since"] else "the beginning"
    by = report["by_status"]
    stdout.print(
        Text.assemble(
            (f"{report['total']} matches", "bold"),
            f" since {since}: {by['new']} new, {by['seen']} seen, "
            f"{by['relevant']} relevant, {by['irrelevant']} irrelevant",
        )
    )
    days, unit = report["per_day"], "day"
    if len(days) > 62:  # too many rows for a terminal: one bar per week instead
        days, unit = _weekly(days), "week (from)"
    stdout.print(Text(f"\nmatches per {unit}", style="bold underline"))
    peak = max((d["matches"] for d in days), default=0)
    for d in days:
        stdout.print(Text.assemble(d["date"], " ", (bar(d["matches"], peak, 40), "cyan"),
                                   f" {d['matches']}" if d["matches"] else " ·"))  # fmt: skip
    stdout.print(Text("\ntop entities", style="bold underline"))
    entities = report["top_entities"]
    if not entities:
        stdout.print("none", style="dim")
    ent_peak = max((e["matches"] for e in entities), default=0)
    for e in entities:
        stdout.print(Text.assemble(f"{e['name']:<28.28} ", (bar(e["matches"], ent_peak, 30),
                                   "magenta"), f" {e['matches']}"))  # fmt: skip
    for title, key, rows in (
        ("per feed", "feed", report["feeds"]),
        ("per language", "language", report["languages"]),
        ("per term", "name", report["terms"][:top]),
    ):
        stdout.print(Text(f"\n{title}", style="bold underline"))
        if not rows:
            stdout.print("none", style="dim")
            continue
        table = Table(box=None, pad_edge=False)
        table.add_column(key if key != "name" else "term")
        for col in ("matches", "relevant", "irrelevant", "relevant share"):
            table.add_column(col, justify="right")
        for r in rows:
            share = r["relevant_share"]
            style = "" if share is None else "green" if share >= 0.5 else "red"
            table.add_row(
                str(r[key]), str(r["matches"]), str(r["relevant"]), str(r["irrelevant"]),
                Text(_share(share), style=style),
            )  # fmt: skip
        stdout.print(table)
    stdout.print(
        "\nrelevant share = relevant / (relevant + irrelevant) among reviewed matches",
        style="dim",
    )
