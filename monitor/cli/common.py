"""What every command shares: the CLI state, opening the app, plain printing.

No Rich here: a command imports `monitor.cli.console` when it prints with Rich."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import click

from monitor.text import printable

if TYPE_CHECKING:  # imported when a command needs them: `--help` stays fast
    from monitor.config import LoadedConfig
    from monitor.usecases.context import App

FC = TypeVar("FC", bound=Callable[..., Any] | click.Command)

MAX_ID = 2**63 - 1  # the largest id a database stores: beyond it, a usage error, not SQL overflow
MAX_COUNT = 1_000_000  # --limit, --top


class IntRange(click.IntRange):
    """``click.IntRange`` whose error says "'x' is not a valid integer" (not "integer range")."""

    name = "integer"


COUNT = IntRange(0, MAX_COUNT)  # --limit N


class Group(click.Group):
    """A command group that lists its commands in the order they were added (not sorted)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


def json_option(help: str = "Print JSON.") -> Callable[[FC], FC]:
    """``--json``, passed to the command as ``as_json``."""
    return click.option("--json", "as_json", is_flag=True, help=help)


def feed_option() -> Callable[[FC], FC]:
    """``--feed NAME`` (repeatable), passed as a tuple of names."""
    return click.option(
        "--feed", multiple=True, metavar="NAME", help="Only this feed (repeatable)."
    )


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


def state(ctx: click.Context) -> CliState:
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


def clock(ctx: click.Context) -> Clock:
    return Clock(state(ctx).config().settings.display.timezone)


def match_ids(name: str, ids: Sequence[int], what: str = "match") -> list[int]:
    """Ids as given, each a positive number a database can hold; else a UsageError."""
    from monitor.errors import UsageError

    for i in ids:
        if not 1 <= i <= MAX_ID:
            raise UsageError(f"{name}: {i} is not a {what} id (ids are 1 to {MAX_ID})")
    return list(ids)


def where_from(ctx: click.Context) -> str:
    """``config PATH, database URL`` (password hidden): said when a command finds nothing."""
    app = state(ctx).app()
    url = app.engine.url.render_as_string(hide_password=True)
    return f"config {app.config.path}, database {url}"


def say(text: str, *, err: bool = False) -> None:
    """A plain line on stdout (or stderr), control characters made visible: output that needs
    no Rich does not import it."""
    (sys.stderr if err else sys.stdout).write(printable(text) + "\n")


def say_nothing(ctx: click.Context, what: str) -> None:
    """``what`` (e.g. "no matches") on stderr, with the config and database it looked in."""
    say(f"{what} ({where_from(ctx)})", err=True)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
