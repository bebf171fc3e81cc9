"""Terminal output for stories: the story table, one story, a match's significance."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text

from monitor.cli.console import link_style, stdout

if TYPE_CHECKING:
    from monitor.usecases.stories import StoryView

SEVERITY_STYLE = {3: "bold red", 2: "yellow", 1: "", 0: "dim"}
SEVERITY_NAME = {3: "violence", 2: "security event", 1: "routine", 0: "analysis"}


def _time(iso: str | None) -> str:
    return iso.replace("T", " ")[:16] if iso else "—"


def print_story_table(views: Sequence[StoryView]) -> None:
    table = Table(box=None, pad_edge=False)
    table.add_column("id", justify="right")
    table.add_column("sev", justify="right")
    table.add_column("signif.", justify="right")
    table.add_column("last report", no_wrap=True)
    table.add_column("header", overflow="fold")
    for v in views:
        data = v.to_json()
        table.add_row(
            str(data["id"]),
            Text(str(data["severity"]), style=SEVERITY_STYLE.get(data["severity"], "")),
            f"{data['significance']:.2f}",
            _time(data["last_seen"]),
            data["header"],
        )
    stdout.print(table)
    stdout.print(f"{len(views)} {'story' if len(views) == 1 else 'stories'}", style="dim")


def significance_lines(reading: dict[str, Any] | None, significance: float | None) -> list[Text]:
    """How a report's significance was read: event type, cues, counts, severity."""
    if not reading:
        return [Text("not read yet (grouped at the next poll or digest)", style="dim")]
    severity = int(reading.get("severity") or 0)
    lines = [
        Text.assemble(
            ("event ", "dim"),
            str(reading.get("event")),
            ("  severity ", "dim"),
            (str(severity), SEVERITY_STYLE.get(severity, "")),
            f" ({SEVERITY_NAME.get(severity, '?')})",
            ("  significance ", "dim"),
            f"{significance:.3f}" if significance is not None else "—",
        )
    ]
    counts = reading.get("counts") or {}
    if counts:
        shown = ", ".join(f"{k} {v:g}" for k, v in counts.items())
        lines.append(Text.assemble(("counts ", "dim"), shown))
    cues = "; ".join(dict.fromkeys(reading.get("cues") or []))  # title and lead may repeat one
    lines.append(Text.assemble(("cues ", "dim"), cues or "none (fallback)"))
    return lines


def print_story(view: StoryView) -> None:
    data = view.to_json(full=True)
    stdout.print(Text(data["header"], style="bold"))
    stdout.print(
        Text.assemble(
            ("story ", "dim"),
            str(data["id"]),
            ("  event ", "dim"),
            data["event"],
            ("  severity ", "dim"),
            (str(data["severity"]), SEVERITY_STYLE.get(data["severity"], "")),
            ("  significance ", "dim"),
            f"{data['significance']:.3f}",
        )
    )
    stdout.print(
        Text.assemble(
            ("first ", "dim"),
            _time(data["first_seen"]),
            ("  last ", "dim"),
            _time(data["last_seen"]),
            ("  reports ", "dim"),
            str(data["reports"]),
            ("  languages ", "dim"),
            " ".join(data["languages"]) or "—",
        )
    )
    stdout.print(Text.assemble(("entities ", "dim"), ", ".join(data["entities"]) or "—"))
    if data["delivered"]:
        sent = "; ".join(f"{k}: {', '.join(map(str, v))}" for k, v in data["delivered"].items())
        stdout.print(Text.assemble(("delivered ", "dim"), sent))
    for item in data["items"]:
        stdout.print()
        stdout.print(Text(item["title"] or "(no title)", style="bold"))
        stdout.print(
            Text.assemble(
                ("match ", "dim"),
                str(item["id"]),
                ("  ", ""),
                item["outlet"],
                ("  ", ""),
                item["language"] or "?",
                ("  ", ""),
                _time(item["time"]),
                ("  relevance ", "dim"),
                f"{item['score']:.2f}",
                ("  status ", "dim"),
                item["status"],
            )
        )
        if item["url"]:
            url = item["url"]
            stdout.print(Text.assemble(("link ", "dim"), Text(url, link_style(url) or "")))
        reading = {k: item[k] for k in ("event", "severity", "counts", "cues")}
        for line in significance_lines(reading, item["significance"]):
            stdout.print(line)
        why = item["why"] or ["—"]
        stdout.print(Text.assemble(("why grouped ", "dim"), "; ".join(why)))
