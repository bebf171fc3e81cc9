"""Entry point: ``monitor`` and ``python -m monitor``."""

from __future__ import annotations

import gc
import importlib
import logging
import sys

import click

from monitor import __version__
from monitor.cli.common import CliState, Group, feed_option, json_option, print_json, state
from monitor.errors import MonitorError, UsageError

# The order a new user needs them in; anything not listed follows.
ORDER = (
    "run", "poll", "status", "feeds", "matches", "stories", "digest", "stats", "match",
    "rescan", "seed", "db",
)  # fmt: skip

# Commands defined in their own modules, imported only when named (or listed by --help): a
# command pays for its own module, not for every command's.
LAZY = {
    "feeds": "monitor.cli.feeds:feeds",
    "matches": "monitor.cli.matches:matches",
    "stories": "monitor.cli.stories:stories",
    "digest": "monitor.cli.digest:digest",
    "stats": "monitor.cli.stats:stats",
    "match": "monitor.cli.watchlist:match",
    "rescan": "monitor.cli.watchlist:rescan",
    "seed": "monitor.cli.watchlist:seed",
}


class _Root(Group):
    """The root command: lists commands in ORDER and imports those of LAZY on first use."""

    def _load(self, name: str) -> None:
        if name in self.commands or name not in LAZY:
            return
        module, _, attr = LAZY[name].partition(":")
        command = getattr(importlib.import_module(module), attr)
        if not isinstance(command, click.Command):
            raise TypeError(f"{LAZY[name]} is not a click command")
        self.add_command(command, name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        names = [*self.commands, *(n for n in LAZY if n not in self.commands)]
        return sorted(names, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._load(cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and args[0] not in LAZY:
            for name in LAZY:  # an unknown name: suggest among all commands
                self._load(name)
        return super().resolve_command(ctx, args)


CONFIG_HELP = (
    "Config file (default: $MONITOR_CONFIG, ./monitor.yaml, ./config/monitor.yaml, "
    "else the packaged default). Also accepted after the command."
)
DB_HELP = "SQLAlchemy database URL; overrides database.url. Also accepted after the command."


_STATE_OPTIONS = ("--config", "--db")


def _command_at(args: list[str]) -> int:
    """Where the command name is: after the root's options (``--config``/``--db`` take a value)."""
    i = 0
    while i < len(args) and args[i].startswith("-") and args[i] != "--":
        i += 2 if args[i] in _STATE_OPTIONS else 1
    return i


# Read-only commands that are over within moments; they run with the garbage collector off.
BRIEF = frozenset(
    {"status", "stats", "matches list", "matches show", "stories list", "stories show",
     "digest history", "feeds list"}
)  # fmt: skip


def is_brief(args: list[str]) -> bool:
    """True for a command of BRIEF, and for ``--help``/``--version`` of the root (no command).

    ``args`` are hoisted (state options first, as :func:`hoist_state_options` returns them).
    """
    i = _command_at(args)
    words = args[i : i + 2]
    return not words or words[0] in BRIEF or " ".join(words) in BRIEF


def hoist_state_options(args: list[str]) -> list[str]:
    """Move ``--config``/``--db`` given after the command name in front of it.

    ``monitor status --config X`` then means ``monitor --config X status``.
    """
    i = _command_at(args)
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


@click.group(
    "monitor",
    cls=_Root,
    help="News monitor for the Tajikistan–Afghanistan border.",
    context_settings={
        "help_option_names": ["-h", "--help"],
        "max_content_width": 100,
        "show_default": True,
    },
)
@click.option("--config", metavar="PATH", help=CONFIG_HELP)
@click.option("--db", metavar="URL", envvar="MONITOR_DATABASE_URL", show_envvar=True, help=DB_HELP)
@click.option("--debug", is_flag=True, help="Tracebacks and debug logging.")
@click.version_option(__version__, message="monitor %(version)s", help="Print the version.")
@click.pass_context
def app(ctx: click.Context, config: str | None, db: str | None, debug: bool) -> None:
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


@app.group("db", cls=Group, help="Database maintenance.")
def db_group() -> None:
    pass


@db_group.command("upgrade")
@click.pass_context
def db_upgrade(ctx: click.Context) -> None:
    """Apply database migrations (Alembic) up to the newest."""
    from monitor.cli.common import say
    from monitor.usecases.database import upgrade_database

    before, after = upgrade_database(state(ctx).config())
    if before == after:
        say(f"database is up to date (revision {after})")
    else:
        say(f"database upgraded from {before or 'empty'} to {after}")


@app.command()
@feed_option()
@json_option("Print the JSON summary.")
@click.pass_context
def poll(ctx: click.Context, feed: tuple[str, ...], as_json: bool) -> None:
    """Fetch every enabled feed (or the named ones) once now, store and match new entries."""
    from monitor.usecases.polling import poll_once

    app_ = state(ctx).app()
    if as_json:  # no Rich: `poll --json` from cron prints no table and no progress
        report = poll_once(app_, list(feed))
        print_json(report.to_json())
    else:
        from monitor.cli.console import stderr
        from monitor.cli.feeds_view import poll_progress, print_poll_report

        with poll_progress(enabled=stderr.is_terminal) as on_feed:
            report = poll_once(app_, list(feed), on_feed=on_feed)
        print_poll_report(report)
    if report.feeds and all(f.status == "error" for f in report.feeds):
        ctx.exit(1)


@app.command()
@json_option()
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """Feeds (last fetch, result, errors, next due), digests (last sent), database."""
    from monitor.usecases.status import status_report

    report = status_report(state(ctx).app())
    if as_json:
        print_json(report)
    else:
        from monitor.cli.feeds_view import print_status

        print_status(report)


@app.command()
@click.option("--tick", default="30s", metavar="DURATION", help="How often to look for due feeds.")
@click.option("--log-format", default="text", metavar="text|json", help="Log line format.")
@click.pass_context
def run(ctx: click.Context, tick: str, log_format: str) -> None:
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
    args = hoist_state_options(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    collecting = gc.isenabled()
    if is_brief(args):
        # Start-up allocates some 100,000 objects (mostly library imports) that live until exit;
        # collecting them while they pile up was a tenth of a read-only command's CPU time
        # (bench/startup.py). A brief command frees what it drops by reference counting and
        # exits; every other command (the daemon, poll, rescan, export) keeps the collector.
        gc.disable()
    try:
        code = app.main(args=args, prog_name="monitor", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:  # `monitor`, `monitor feeds`: the help
        sys.stderr.write(exc.ctx.get_help() + "\n")
        code = 2
    except click.Abort:
        _error("aborted")
        code = 130
    except click.ClickException as exc:  # bad arguments
        if debug:
            raise
        ctx = getattr(exc, "ctx", None)
        where = (
            f" (see `{ctx.command_path} --help`)" if ctx is not None and ctx.command_path else ""
        )
        _error(f"{exc.format_message()}{where}")
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
    finally:
        if collecting:
            gc.enable()
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


def _error(message: str) -> None:
    """One line per problem (a config may have several), each prefixed ``monitor: error:``."""
    for part in message.splitlines() or [""]:
        line = " ".join(part.split())
        if line:
            sys.stderr.write(f"monitor: error: {line}\n")
