"""Entry point: ``monitor`` and ``python -m monitor``."""

from __future__ import annotations

import importlib
import logging
import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperGroup
from typer.main import get_group_from_info
from typer.models import TyperInfo

from monitor import __version__
from monitor.cli import stats as stats_cli
from monitor.cli import watchlist as watchlist_cli
from monitor.cli.common import CliState, print_json, state, stderr, stdout
from monitor.errors import MonitorError, UsageError

# The order a new user needs them in; anything not listed follows.
ORDER = (
    "run", "poll", "status", "feeds", "matches", "stories", "digest", "stats", "match",
    "rescan", "seed", "db",
)  # fmt: skip


def _no_type(self: TyperArgument, ctx: Any) -> None:
    return None


# This Typer prints an argument's Python type after its metavar (`ID... <list[int]>`); the
# metavar already says what to type, as for options.
setattr(TyperArgument, "display_type_rich", _no_type)  # noqa: B010


# Command groups built only when named (or listed by --help): a command pays for its own
# group, not for every group's modules and parameters.
GROUPS = {
    "feeds": "monitor.cli.feeds",
    "matches": "monitor.cli.matches",
    "digest": "monitor.cli.digest",
    "stories": "monitor.cli.stories",
}


class _Root(TyperGroup):
    """The root command: lists commands in ORDER (not alphabetically or as defined) and builds
    the groups of GROUPS on first use, as ``add_typer`` would have."""

    def _load(self, name: str) -> None:
        if name in self.commands or name not in GROUPS:
            return
        sub = importlib.import_module(GROUPS[name]).app
        self.add_command(
            get_group_from_info(
                TyperInfo(sub, name=name),
                pretty_exceptions_short=app.pretty_exceptions_short,
                suggest_commands=app.suggest_commands,
                rich_markup_mode=app.rich_markup_mode,
            ),
            name,
        )

    def list_commands(self, ctx: Any) -> list[str]:
        for name in GROUPS:
            self._load(name)
        names = list(self.commands)
        return sorted(names, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        self._load(cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.commands and args[0] not in GROUPS:
            self.list_commands(ctx)  # an unknown name: suggest among all commands
        return super().resolve_command(ctx, args)


app = typer.Typer(
    name="monitor",
    help="News monitor for the Tajikistan–Afghanistan border.",
    cls=_Root,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: flags without <bool>, options with their metavar
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")
stats_cli.register(app)
watchlist_cli.register(app)


CONFIG_HELP = (
    "Config file (default: $MONITOR_CONFIG, ./monitor.yaml, ./config/monitor.yaml, "
    "else the packaged default). Also accepted after the command."
)
DB_HELP = "SQLAlchemy database URL; overrides database.url. Also accepted after the command."


_STATE_OPTIONS = ("--config", "--db")


def hoist_state_options(args: list[str]) -> list[str]:
    """Move ``--config``/``--db`` given after the command name in front of it.

    ``monitor status --config X`` then means ``monitor --config X status``.
    """
    i = 0
    while i < len(args) and args[i].startswith("-") and args[i] != "--":
        i += 2 if args[i] in _STATE_OPTIONS else 1
    head, rest, moved = list(args[:i]), [], []
    j = i
    while j < len(args):
        token = args[j]
        if token == "--":
            rest += args[j:]
            break
        if token in _STATE_OPTIONS and j + 1 < len(args):
            moved += args[j : j + 2]
            j += 2
            continue
        if token.startswith(tuple(f"{o}=" for o in _STATE_OPTIONS)):
            moved.append(token)
        else:
            rest.append(token)
        j += 1
    return head + moved + rest


def _version(value: bool) -> None:
    if value:
        stdout.print(f"monitor {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    config: Annotated[
        str | None,
        typer.Option(
            "--config",
            metavar="PATH",
            help=CONFIG_HELP,
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            envvar="MONITOR_DATABASE_URL",
            help=DB_HELP,
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Tracebacks and debug logging.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    ctx.obj = CliState(config_path=config, db_url=db, debug=debug)
    ctx.call_on_close(ctx.obj.close)
    configure_logging(logging.DEBUG if debug else logging.WARNING)


def configure_logging(level: int, fmt: str = "text") -> None:
    """Logging goes to stderr; configured here and nowhere else."""
    root_logger = logging.getLogger()
    for handler in list(root_logger.handlers):
        root_logger.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    if fmt == "json":
        from monitor.cli.jsonlog import JsonFormatter

        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(
            logging.Formatter(
                "%(asctime)s %(levelname)s %(name)s: %(message)s", "%Y-%m-%dT%H:%M:%S%z"
            )
        )
    handler.addFilter(_url_origins_only)
    root_logger.addHandler(handler)
    root_logger.setLevel(level)
    if level > logging.DEBUG:
        for noisy in ("httpx", "httpcore", "alembic"):
            logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
        # "skipped: maximum number of running instances" is the intended back-pressure
        logging.getLogger("apscheduler").setLevel(logging.ERROR)


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Apply database migrations (Alembic) up to the newest."""
    from monitor.usecases.database import upgrade_database

    before, after = upgrade_database(state(ctx).config())
    if before == after:
        stdout.print(f"database is up to date (revision {after})")
    else:
        stdout.print(f"database upgraded from {before or 'empty'} to {after}")


@app.command()
def poll(
    ctx: typer.Context,
    feed: Annotated[
        list[str] | None,
        typer.Option("--feed", metavar="NAME", help="Only this feed (repeatable)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON summary.")] = False,
) -> None:
    """Fetch every enabled feed (or the named ones) once now, store and match new entries."""
    from monitor.cli.feeds_view import poll_progress, print_poll_report
    from monitor.usecases.polling import poll_once

    app_ = state(ctx).app()
    names = feed or []
    with poll_progress(enabled=not as_json and stderr.is_terminal) as on_feed:
        report = poll_once(app_, names, on_feed=on_feed)
    if as_json:
        print_json(report.to_json())
    else:
        print_poll_report(report)
    if report.feeds and all(f.status == "error" for f in report.feeds):
        raise typer.Exit(1)


@app.command()
def status(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Feeds (last fetch, result, errors, next due), digests (last sent), database."""
    from monitor.cli.feeds_view import print_status
    from monitor.usecases.status import status_report

    report = status_report(state(ctx).app())
    if as_json:
        print_json(report)
    else:
        print_status(report)


@app.command()
def run(
    ctx: typer.Context,
    tick: Annotated[
        str, typer.Option("--tick", metavar="DURATION", help="How often to look for due feeds.")
    ] = "30s",
    log_format: Annotated[
        str, typer.Option("--log-format", metavar="text|json", help="Log line format.")
    ] = "text",
) -> None:
    """The daemon: poll feeds on their intervals, send digests on their schedules."""
    from monitor.daemon import Daemon
    from monitor.units import parse_duration

    if log_format not in ("text", "json"):
        raise UsageError(f"--log-format: expected text or json, not {log_format!r}")
    try:
        every = parse_duration(tick)
    except ValueError as exc:
        raise UsageError(f"--tick: {exc}") from None
    if every.total_seconds() < 0.1:
        raise UsageError("--tick: must be at least 0.1s")
    st = state(ctx)
    configure_logging(logging.DEBUG if st.debug else logging.INFO, log_format)
    Daemon(st.app(), tick=every).run()


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; errors become one line on stderr and exit code 2 (usage) or 1 (work)."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    # Pydantic scans every installed package's entry points for plugins when it builds the
    # config models (milliseconds of every command); the CLI uses none. A user's setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        code = app(args=hoist_state_options(args), prog_name="monitor", standalone_mode=False)
    except typer.Exit as exc:
        code = exc.exit_code
    except typer.Abort:
        _error("aborted")
        code = 130
    except typer.TyperException as exc:  # bad arguments
        if debug:
            raise
        ctx = getattr(exc, "ctx", None)
        where = (
            f" (see `{ctx.command_path} --help`)" if ctx is not None and ctx.command_path else ""
        )
        _error(f"{_message(exc)}{where}")
        code = 2
    except UsageError as exc:
        if debug:
            raise
        _error(str(exc))
        code = 2
    except MonitorError as exc:
        if debug:
            raise
        _error(str(exc))
        code = 1
    except KeyboardInterrupt:
        code = 130
    except Exception as exc:  # a bug: still one line, unless --debug
        if debug:
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        code = 1
    sys.exit(code if isinstance(code, int) else 0)


def _url_origins_only(record: logging.LogRecord) -> bool:
    """Log URLs as scheme://host:port: a webhook's path is often its secret (httpx logs every
    request's URL at debug level)."""
    if isinstance(record.args, tuple) and record.args:
        from monitor.urls import origin

        record.args = tuple(
            origin(str(a)) if type(a).__name__ == "URL" or _is_url(a) else a for a in record.args
        )
    return True


def _is_url(value: object) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def _message(exc: Exception) -> str:
    fmt = getattr(exc, "format_message", None)
    return str(fmt() if callable(fmt) else exc)


def _error(message: str) -> None:
    """One line per problem (a config may have several), each prefixed ``monitor: error:``."""
    for part in message.splitlines() or [""]:
        line = " ".join(part.split())
        if line:
            sys.stderr.write(f"monitor: error: {line}\n")
