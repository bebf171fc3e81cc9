"""What every command shares: global options, opening the app, printing."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console, ConsoleOptions, RenderableType, RenderHook, RenderResult
from rich.segment import Segment
from rich.style import Style

from monitor.text import printable

if TYPE_CHECKING:  # imported when a command needs them: `--help` stays fast
    from monitor.config import LoadedConfig
    from monitor.usecases.context import App


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
    """Feed and server text is data: no Rich markup is interpreted in printed strings (ours is
    passed explicitly with ``markup=True``) and no control character reaches the terminal."""
    console = Console(soft_wrap=True, highlight=False, markup=False, **kw)
    console.push_render_hook(_PrintableHook())
    return console


stdout = _console()
stderr = _console(stderr=True)


def link_style(url: str | None) -> Style | None:
    """A clickable-link style for an http(s) URL; None for any other scheme (javascript:...)."""
    if url and url.lower().startswith(("http://", "https://")):
        return Style(link=url)
    return None


@dataclass
class CliState:
    config_path: str | None = None
    db_url: str | None = None
    debug: bool = False
    _config: LoadedConfig | None = field(default=None, repr=False)
    _app: App | None = field(default=None, repr=False)

    def config(self) -> LoadedConfig:
        from monitor.config import load_config

        if self._config is None:
            self._config = load_config(self.config_path, db_url=self.db_url)
        return self._config

    def app(self, *, auto_upgrade: bool = True) -> App:
        from monitor.usecases.context import App

        if self._app is None:
            self._app = App.open(self.config(), auto_upgrade=auto_upgrade)
        return self._app

    def close(self) -> None:
        if self._app is not None:
            self._app.close()


def state(ctx: typer.Context) -> CliState:
    obj = ctx.find_root().obj
    if not isinstance(obj, CliState):
        raise TypeError("the root command did not set up the CLI state")
    return obj


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
