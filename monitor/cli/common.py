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

MAX_ID = 2**63 - 1  # the largest id a database stores: beyond it, a usage error, not SQL overflow
MAX_COUNT = 1_000_000  # --limit, --top


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


@dataclass(frozen=True)
class Clock:
    """Times as the user reads them: in the configured display zone, the zone always said."""

    zone: str = "UTC"

    @property
    def label(self) -> str:
        """The zone's name for a column header: ``UTC`` or e.g. ``Asia/Dushanbe``."""
        return "UTC" if self.zone in ("UTC", "Etc/UTC") else self.zone

    def time(self, iso: str | None, *, zone: bool = False) -> str:
        """``2024-06-03 09:30`` in the display zone; with ``zone``, ``… UTC+05`` or ``… CEST``."""
        if not iso:
            return "—"
        from datetime import datetime
        from zoneinfo import ZoneInfo

        when = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(ZoneInfo(self.zone))
        text = when.strftime("%Y-%m-%d %H:%M")
        if not zone:
            return text
        name = when.strftime("%Z")
        return f"{text} " + (
            "UTC" if name in ("UTC", "+00") else f"UTC{name}" if name[:1] in "+-" else name
        )


def clock(ctx: typer.Context) -> Clock:
    return Clock(state(ctx).config().settings.display.timezone)


def match_ids(name: str, ids: list[int], what: str = "match") -> list[int]:
    """Ids as given, each a positive number a database can hold; else a UsageError."""
    from monitor.errors import UsageError

    for i in ids:
        if not 1 <= i <= MAX_ID:
            raise UsageError(f"{name}: {i} is not a {what} id (ids are 1 to {MAX_ID})")
    return ids


def where_from(ctx: typer.Context) -> str:
    """``config PATH, database URL`` (password hidden): said when a command finds nothing."""
    app = state(ctx).app()
    url = app.engine.url.render_as_string(hide_password=True)
    return f"config {app.config.path}, database {url}"


def say_nothing(ctx: typer.Context, what: str) -> None:
    """``what`` (e.g. "no matches") on stderr, with the config and database it looked in."""
    stderr.print(f"{what} ({where_from(ctx)})", markup=False)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
