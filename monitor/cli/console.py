"""The Rich consoles the commands print with; imported by a command when it prints with Rich."""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType, RenderHook, RenderResult
from rich.segment import Segment
from rich.style import Style

from monitor.text import printable


class _Printable:
    """Renders another renderable with every control character of its text made visible."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control:
                yield segment
            else:
                yield Segment(printable(segment.text), segment.style)


class _PrintableHook(RenderHook):
    def process_renderables(self, renderables: list[Any]) -> list[Any]:
        return [_Printable(r) for r in renderables]


def _console(**kw: Any) -> Console:
    """Feed and server text is data: no Rich markup or ``:emoji:`` code is interpreted in
    printed strings (our markup is passed explicitly with ``markup=True``) and no control
    character reaches the terminal."""
    console = Console(soft_wrap=True, highlight=False, markup=False, emoji=False, **kw)
    console.push_render_hook(_PrintableHook())
    return console


stdout = _console()
stderr = _console(stderr=True)


def link_style(url: str | None) -> Style | None:
    """A clickable-link style for an http(s) URL; None for any other scheme (javascript:...)."""
    if url and url.lower().startswith(("http://", "https://")):
        return Style(link=url)
    return None
