"""Terminal output for reviewing matches: the match table, one match, the stats chart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.table import Table
from rich.text import Text

from monitor.cli.common import Clock
from monitor.cli.console import link_style, stdout

STATUS_STYLE = {"new": "bold", "seen": "dim", "relevant": "green", "irrelevant": "red"}
HIGHLIGHT = "bold black on yellow"
_EIGHTHS = " ▏▎▍▌▋▊▉█"
TITLE_MIN = 30
# Roles of watchlist terms that name a thing (as the stats use case counts entities).
ENTITY_ROLES = frozenset({"anchor", "country", "actor", "place", "region"})


def _time(iso: str | None) -> str:
    return iso.replace("T", " ")[:16] if iso else "—"


def _status(status: str) -> Text:
    return Text(status, style=STATUS_STYLE.get(status, ""))


def print_match_table(rows: Sequence[dict[str, Any]], clock: Clock | None = None) -> None:
    """id, time, score, language, status and title first; feed and terms only where they fit.

    The title keeps at least TITLE_MIN cells: the optional columns give way before it shrinks.
    """
    clock = clock or Clock()
    table = Table(box=None, pad_edge=False)
    ids = max((len(str(r["id"])) for r in rows), default=2)
    table.add_column("id", justify="right", no_wrap=True, min_width=max(ids, 2))
    time_head = f"time ({clock.label})"
    time_w = max(16, len(time_head))
    table.add_column(time_head, no_wrap=True, min_width=time_w, max_width=time_w)
    table.add_column("score", justify="right", no_wrap=True, min_width=5)
    table.add_column("lang", no_wrap=True, min_width=4)
    status_w = max((len(r["status"]) for r in rows), default=6)
    table.add_column("status", no_wrap=True, min_width=max(status_w, 6))
    fixed = max(ids, 2) + time_w + 5 + 4 + max(status_w, 6) + 2 * 5  # five columns and their gaps
    feeds = max((len(r["feed"]) for r in rows), default=4)
    feed_w, terms_w = min(max(feeds, 4), 20), 30
    room = stdout.width - fixed - 1
    show_feed = room - feed_w - 2 >= TITLE_MIN + 10
    show_terms = show_feed and room - feed_w - terms_w - 4 >= TITLE_MIN + 25
    title_w = room - (feed_w + 2 if show_feed else 0) - (terms_w + 2 if show_terms else 0)
    longest = max((len(r["title"] or "") for r in rows), default=5)
    title_w = max(min(title_w, longest), 10)
    table.add_column("title", no_wrap=True, overflow="ellipsis", width=title_w)
    if show_feed:
        table.add_column("feed", no_wrap=True, overflow="ellipsis", width=feed_w)
    if show_terms:
        table.add_column("terms", no_wrap=True, overflow="ellipsis", width=terms_w)
    for r in rows:
        cells: list[str | Text] = [
            str(r["id"]), clock.time(r["time"]), f"{r['score']:.2f}", r["language"] or "—",
            _status(r["status"]), Text(r["title"] or "(no title)"),
        ]  # fmt: skip
        if show_feed:
            cells.append(Text(r["feed"]))
        if show_terms:
            cells.append(Text(", ".join(r["terms"][:3])))
        table.add_row(*cells)
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


def _capped(text: str, limit: int) -> tuple[str, int]:
    """``text`` cut at a word boundary near ``limit`` characters, and how many were left out."""
    if len(text) <= limit:
        return text, 0
    cut = text.rfind(" ", limit // 2, limit)
    cut = cut if cut > 0 else limit
    return text[:cut].rstrip() + " …", len(text) - cut


def _joined(parts: Sequence[tuple[str, str]], label: str) -> Text:
    """``label  a +0.25 · b +0.20 · …`` as one wrappable paragraph."""
    out = Text.assemble((f"{label} ", "dim"))
    for i, (name, value) in enumerate(parts):
        out.append(" · " if i else " ", style="dim")
        out.append(f"{name} {value}")
    return out


def print_match(data: dict[str, Any], clock: Clock | None = None) -> None:
    """One match on about one screen (30 rows at 100 columns): title, facts, text with the
    matched words highlighted (long text cut, ``--json`` has all), why it scored, its review."""
    clock = clock or Clock()
    width = max(stdout.width, 40)
    hits = data["hits"]
    title = data["title"] or "(no title)"
    head = highlighted(title, [h for h in hits if h.get("field") == "title"])
    head.stylize("bold")
    stdout.print(head, soft_wrap=False)
    outlet = data["feed"] + (f" ({data['feed_title']})" if data.get("feed_title") else "")
    facts = [
        f"match {data['id']}", outlet, clock.time(data["time"], zone=True),
        data["language"] or "—", f"score {data['score']:.2f}",
    ]  # fmt: skip
    meta = Text(" · ".join(facts) + " · ", style="dim")
    meta.append_text(_status(data["status"]))
    stdout.print(meta, soft_wrap=False)
    link = data.get("url") or data.get("link")
    if link:
        stdout.print(Text(link, link_style(link) or ""), soft_wrap=True)  # whole: it is copied
    if data.get("note"):
        stdout.print(Text.assemble(("note ", "dim"), data["note"]), soft_wrap=False)
    shown = {title.strip()}
    cut_total = 0
    for name, lines in (("summary", 3), ("content", 2)):
        text = (data["text"][name] or "").strip()
        if not text or text in shown or any(text in t for t in shown):
            continue
        shown.add(text)
        body, cut = _capped(text, lines * (width - 5))
        cut_total += cut
        spans = [h for h in hits if h.get("field") == name and (h.get("end") or 0) <= len(body)]
        stdout.print(Text(f"\n{name}", style="bold"))
        stdout.print(highlighted(body, spans), soft_wrap=False)
    if cut_total:
        stdout.print(f"({cut_total} more characters: --json shows all)", style="dim")
    terms = [(str(b.get("label") or b.get("term_id")), _signed(b.get("contribution")))
             for b in data["breakdown"] if b.get("term_id")]  # fmt: skip
    rules = [(str(b.get("label") or b.get("rule")), _signed(b.get("contribution")))
             for b in data["breakdown"] if not b.get("term_id")]  # fmt: skip
    stdout.print(
        Text(f"\nrelevance: is it about this border? score {data['score']:.2f}", style="bold")
    )
    if terms:
        stdout.print(_joined(terms, "terms"), soft_wrap=False)
    if rules:
        stdout.print(_joined(rules, "rules"), soft_wrap=False)
    from monitor.cli.stories_view import significance_lines

    stdout.print(Text("\nsignificance: how much does it matter?", style="bold"))
    for line in significance_lines(data.get("reading"), data.get("significance")):
        stdout.print(line, soft_wrap=False)
    if data.get("story") is not None:
        why = "; ".join((data.get("grouping") or {}).get("reasons") or [])
        stdout.print(
            Text.assemble(("story ", "dim"), str(data["story"]), (f"  {why}", "dim")),
            soft_wrap=False,
        )
    history = data["history"]
    review = Text("review ", style="dim")
    if not history:
        review.append("not reviewed yet", style="dim")
    for i, mark in enumerate(history[-3:]):
        review.append(" · " if i else "", style="dim")
        review.append(clock.time(mark["marked_at"], zone=True) + " ")
        review.append_text(_status(mark["status"]))
        if mark["note"]:
            review.append(f" {mark['note']}")
    if len(history) > 3:
        review.append(f" ({len(history) - 3} earlier: --json)", style="dim")
    stdout.print(Text("\n").append_text(review), soft_wrap=False)


def _signed(value: object) -> str:
    return f"{value:+.2f}" if isinstance(value, int | float) else str(value)


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


def _monthly(days: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    months: dict[str, int] = {}
    for d in days:
        months[d["date"][:7]] = months.get(d["date"][:7], 0) + d["matches"]
    return [{"date": m, "matches": n} for m, n in months.items()]


def fit(name: str, width: int) -> str:
    """``name`` in ``width`` cells, cut after a whole word (with …), never inside one."""
    if len(name) <= width:
        return name
    cut = name.rfind(" ", 0, width - 1)
    return (name[:cut] if cut > 0 else name[: width - 1]).rstrip(" ,-–") + "…"


def _ranking(rows: Sequence[dict[str, Any]], style: str, top: int) -> Table:
    """name, a bar and a count per row; names kept whole up to 28 cells."""
    table = Table(box=None, pad_edge=False, show_header=False)
    width = min(max((len(r["name"]) for r in rows), default=4), 28)
    table.add_column(no_wrap=True, min_width=width)
    table.add_column(no_wrap=True)
    peak = max((r["matches"] for r in rows), default=0)
    for r in rows[:top]:
        table.add_row(fit(r["name"], width), Text.assemble((bar(r["matches"], peak, 12), style),
                                                          f" {r['matches']}"))  # fmt: skip
    return table


def print_stats(report: dict[str, Any], *, top: int = 10) -> None:
    """One screen on day one: totals, a bar per day (from the first match), names and places
    beside topics, feeds and languages; review shares once some matches are reviewed."""
    by = report["by_status"]
    days, unit = report["per_day"], "day"
    first = next((i for i, d in enumerate(days) if d["matches"]), len(days))
    days = days[first:]  # the quiet days before the first match say nothing
    since = days[0]["date"] if days else (_time(report["since"]) or "the beginning")
    if len(days) > 21 * 7:  # too many rows for one screen: one bar per month
        days, unit = _monthly(days), "month"
    elif len(days) > 21:  # or per week
        days, unit = _weekly(days), "week (from)"
    stdout.print(
        Text.assemble(
            (f"{report['total']} matches", "bold"),
            f" since {since} (UTC): {by['new']} new, {by['seen']} seen, "
            f"{by['relevant']} relevant, {by['irrelevant']} irrelevant",
        )
    )
    stdout.print(Text(f"\nmatches per {unit} (UTC)", style="bold"))
    peak = max((d["matches"] for d in days), default=0)
    for d in days:
        stdout.print(Text.assemble(d["date"], " ", (bar(d["matches"], peak, 40), "cyan"),
                                   f" {d['matches']}" if d["matches"] else " ·"))  # fmt: skip
    names = [t for t in report["terms"] if t.get("role") in ENTITY_ROLES]
    topics = [t for t in report["terms"] if t.get("role") not in ENTITY_ROLES]
    grid = Table(box=None, pad_edge=False, padding=(0, 4))
    grid.add_column(Text("names and places", style="bold"))
    grid.add_column(Text("topics", style="bold"))
    grid.add_row(_ranking(names, "magenta", top), _ranking(topics, "yellow", top))
    stdout.print()
    stdout.print(grid)
    reviewed = by["relevant"] + by["irrelevant"]
    if not reviewed:
        stdout.print()
        for title, key, rows in (("feeds", "feed", report["feeds"]),
                                 ("languages", "language", report["languages"])):  # fmt: skip
            shown = " · ".join(f"{r[key]} {r['matches']}" for r in rows[:top])
            more = f" · {len(rows) - top} more" if len(rows) > top else ""
            stdout.print(Text.assemble((f"{title} ", "bold"), shown + more), soft_wrap=False)
        stdout.print(
            "\nno reviews yet: mark matches (`monitor matches mark ID --as relevant`) to see "
            "the relevant share per feed, language and term",
            style="dim",
        )
        return
    for title, key, rows in (
        ("per feed", "feed", report["feeds"][:top]),
        ("per language", "language", report["languages"][:top]),
        ("per term", "name", report["terms"][:top]),
    ):
        stdout.print(Text(f"\n{title}", style="bold"))
        table = Table(box=None, pad_edge=False)
        table.add_column(key if key != "name" else "term", no_wrap=True)
        for col in ("matches", "relevant", "irrelevant", "relevant share"):
            table.add_column(col, justify="right", no_wrap=True)
        for r in rows:
            share = r["relevant_share"]
            style = "" if share is None else "green" if share >= 0.5 else "red"
            table.add_row(
                fit(str(r[key]), 28), str(r["matches"]), str(r["relevant"]),
                str(r["irrelevant"]), Text(_share(share), style=style),
            )  # fmt: skip
        stdout.print(table)
    stdout.print(
        "\nrelevant share = relevant / (relevant + irrelevant) among reviewed matches",
        style="dim",
    )
