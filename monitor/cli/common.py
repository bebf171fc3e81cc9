"""What every command shares: global options, opening the app, printing."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console

if TYPE_CHECKING:  # imported when a command needs them: `--help` stays fast
    from monitor.config import LoadedConfig
    from monitor.usecases.context import App

stdout = Console(soft_wrap=True, highlight=False)
stderr = Console(stderr=True, soft_wrap=True, highlight=False)


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
