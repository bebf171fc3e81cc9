"""Configuration: find, read, substitute ``${VAR}``, validate into typed settings.

Loading never touches the network or the database.
"""

from __future__ import annotations

import difflib
import os
import re
import types
import typing
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from email.utils import parseaddr
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from monitor.errors import ConfigError
from monitor.files import YamlPath, packaged_data, read_yaml_lines
from monitor.units import parse_duration, parse_size

ENV_CONFIG = "MONITOR_CONFIG"
ENV_DATABASE_URL = "MONITOR_DATABASE_URL"
_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_NAME = r"^[a-z0-9_-]+$"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_DURATION = timedelta(days=365)
MAX_SIZE = 1 << 30


def _duration(value: Any) -> timedelta:
    if isinstance(value, timedelta):
        return value
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("expected a duration such as 30m")
    delta = parse_duration(value)
    if delta > MAX_DURATION:
        raise ValueError(f"duration {value!r} is longer than a year")
    return delta


def _size(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError("expected a size such as 10MB")
    size = parse_size(value)
    if size > MAX_SIZE:
        raise ValueError(f"size {value!r} is larger than 1GB")
    return size


def _text(value: Any) -> Any:
    """A one-line string: no line breaks or control characters (they would forge headers)."""
    if isinstance(value, str) and _CONTROL.search(value):
        raise ValueError(f"{value!r} contains a line break or control character")
    return value


def _address(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected an email address such as analyst@example.org")
    _text(value)
    _, addr = parseaddr(value)
    if not re.fullmatch(r"[^@\s<>,;]+@[^@\s<>,;]+", addr):
        raise ValueError(f"{value!r} is not an email address")
    return value


Duration = Annotated[timedelta, BeforeValidator(_duration)]
Size = Annotated[int, BeforeValidator(_size)]
Text = Annotated[str, BeforeValidator(_text)]
Address = Annotated[str, BeforeValidator(_address)]
Score = Annotated[float, Field(ge=0.0, allow_inf_nan=False)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class DatabaseSettings(_Strict):
    url: str = "sqlite:///data/monitor.db"


class FetchSettings(_Strict):
    """How feeds are fetched. Every bound here protects against a hostile server."""

    connect_timeout: Duration = timedelta(seconds=10)
    read_timeout: Duration = timedelta(seconds=20)
    deadline: Duration = timedelta(seconds=45)
    max_body: Size = 10_000_000
    max_redirects: int = Field(5, ge=0, le=20)
    concurrency: int = Field(16, ge=1, le=256)
    per_host: int = Field(2, ge=1, le=32)
    default_interval: Duration = timedelta(minutes=30)
    max_backoff: Duration = timedelta(days=1)
    max_text: int = Field(20_000, ge=200, le=10_000_000, description="characters per text field")
    # Redirects may lead to loopback, private or link-local addresses only with this set.
    allow_private: bool = False
    # Wall clock for parsing one feed's body; the worker is replaced when it overruns.
    parse_deadline: Duration = timedelta(seconds=30)


class MatchingSettings(_Strict):
    threshold: Score = 0.5


class StoriesSettings(_Strict):
    """How matches are grouped into stories (see docs/stories.md)."""

    window: Duration = timedelta(hours=48)  # reports further apart are different events
    events: Path | None = None  # the event vocabulary; default: events.yaml beside the watchlist


class FeedSettings(_Strict):
    name: Name
    url: Text
    interval: Duration | None = None
    language: str | None = Field(None, pattern=r"^[a-z]{2,3}$")
    enabled: bool = True
    title: str | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        has_scheme = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", value)
        if has_scheme and not value.lower().startswith(("http://", "https://", "file://")):
            raise ValueError("only http(s)://, file:// URLs or local paths are supported")
        return value


def _name(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(_NAME, value):
        raise ValueError(f"{value!r} is not a valid name (use a-z, 0-9, - and _)")
    return value


Name = Annotated[str, BeforeValidator(_name)]


def _timezone(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a time zone name such as Asia/Dushanbe, not {value!r}")
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown timezone {value!r}") from exc
    return value


def _cron(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a cron schedule in quotes such as '0 7 * * *', not {value!r}")
    fields = value.split()
    if len(fields) != 5:
        raise ValueError(f"cron schedule {value!r} must have five fields")
    from apscheduler.triggers.cron import CronTrigger

    try:
        trigger = CronTrigger.from_crontab(value, timezone=UTC)
    except ValueError as exc:
        raise ValueError(f"invalid cron schedule {value!r}: {exc}") from exc
    if trigger.get_next_fire_time(None, datetime.now(UTC)) is None:
        raise ValueError(f"cron schedule {value!r} never fires (no such date)")
    return value


class DisplaySettings(_Strict):
    """How the command line shows things: times in ``timezone`` (digests use their own)."""

    timezone: Annotated[str, BeforeValidator(_timezone)] = "UTC"


class _Channel(_Strict):
    name: Name
    schedule: Annotated[str, BeforeValidator(_cron)] = "0 7 * * *"
    timezone: Annotated[str, BeforeValidator(_timezone)] = "Asia/Dushanbe"
    min_score: Score | None = None
    max_items: int = Field(200, ge=1, le=100_000)
    send_empty: bool = False
    enabled: bool = True
    retry_after: Duration = timedelta(minutes=15)  # a failed digest is tried again after this

    @field_validator("retry_after")
    @classmethod
    def _positive(cls, value: timedelta) -> timedelta:
        if value <= timedelta(0):
            raise ValueError("must be longer than 0s")
        return value


class SmtpSettings(_Strict):
    host: Text
    port: int | None = Field(None, ge=1, le=65535)
    security: Literal["none", "starttls", "ssl"] = "starttls"
    username: Text | None = None
    password: str | None = None
    timeout: Duration = timedelta(seconds=30)

    @property
    def effective_port(self) -> int:
        return self.port or {"none": 25, "starttls": 587, "ssl": 465}[self.security]


class EmailChannel(_Channel):
    type: Literal["email"]
    from_: Address = Field(alias="from")
    to: list[Address] = Field(min_length=1)
    smtp: SmtpSettings
    subject_prefix: Text = "[monitor]"


WHSEC_PROBLEM = "a secret starting with 'whsec_' must continue in base64 (Standard Webhooks)"


def _webhook_secret(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("whsec_"):
        import base64
        import binascii

        try:
            base64.b64decode(value[6:], validate=True)
        except (binascii.Error, ValueError):
            raise ValueError(WHSEC_PROBLEM) from None
    return value


class WebhookChannel(_Channel):
    type: Literal["webhook"]
    url: Text = Field(pattern=r"^https?://")
    format: Literal["json", "slack", "teams"] = "json"
    secret: Annotated[str | None, BeforeValidator(_webhook_secret)] = None
    timeout: Duration = timedelta(seconds=30)
    headers: dict[Annotated[str, Field(pattern=r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")], Text] = Field(
        default_factory=dict
    )


class FileChannel(_Channel):
    type: Literal["file"]
    path: Path = Path("digests")
    formats: list[Literal["html", "md"]] = Field(default_factory=lambda: ["html", "md"])  # type: ignore[arg-type]


Channel = Annotated[EmailChannel | WebhookChannel | FileChannel, Field(discriminator="type")]


class Settings(_Strict):
    database: DatabaseSettings = DatabaseSettings()
    fetch: FetchSettings = FetchSettings()
    matching: MatchingSettings = MatchingSettings()
    display: DisplaySettings = DisplaySettings()
    stories: StoriesSettings = StoriesSettings()
    feeds: list[FeedSettings] = Field(default_factory=list)
    watchlist: Path = Path("watchlist.yaml")
    digests: list[Channel] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_names(self) -> Settings:
        for what, names in (
            ("feeds", [f.name for f in self.feeds]),
            ("digests", [d.name for d in self.digests]),
        ):
            seen: set[str] = set()
            for i, name in enumerate(names):
                if name in seen:
                    raise ValueError(f"{what}[{i}].name: duplicate name {name!r}")
                seen.add(name)
        return self

    def feed(self, name: str) -> FeedSettings | None:
        return next((f for f in self.feeds if f.name == name), None)

    def channel(self, name: str) -> EmailChannel | WebhookChannel | FileChannel | None:
        return next((d for d in self.digests if d.name == name), None)


class LoadedConfig(BaseModel):
    """Settings plus where they came from; paths in ``settings`` are absolute.

    ``data_dir`` is where state goes by default: the user's data folder for the packaged
    config, else the folder above the config file's.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    settings: Settings
    path: Path
    packaged: bool
    data_dir: Path


def packaged_config_dir() -> Path:
    """The folder of the default config shipped with the package (or the source tree)."""
    return packaged_data("config")


def find_config(explicit: str | Path | None, cwd: Path | None = None) -> tuple[Path, bool]:
    """Return the config path to use and whether it is the packaged default.

    Lookup order: ``--config``, ``$MONITOR_CONFIG``, ``./monitor.yaml``, ``./config/monitor.yaml``,
    the packaged default.
    """
    if explicit:
        return Path(explicit), False
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env), False
    here = cwd or Path.cwd()
    for local in (here / "monitor.yaml", here / "config" / "monitor.yaml"):
        if local.is_file():
            return local, False
    return packaged_config_dir() / "monitor.yaml", True


def substitute_env(
    value: Any, env: Mapping[str, str], where: YamlPath = (), missing: list[YamlPath] | None = None
) -> Any:
    """Replace ``${NAME}`` in every string of a parsed YAML tree.

    An unset variable raises ConfigError, or is recorded in ``missing`` (as the key's path with
    the variable's name last) when that list is given.
    """
    if isinstance(value, str):

        def repl(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in env:
                if missing is None:
                    raise ConfigError(f"{_dotted(where)}: environment variable {name} is not set")
                missing.append((*where, name))
                return ""
            return env[name]

        return _ENV_REF.sub(repl, value)
    if isinstance(value, dict):
        return {k: substitute_env(v, env, (*where, k), missing) for k, v in value.items()}
    if isinstance(value, list):
        return [substitute_env(v, env, (*where, i), missing) for i, v in enumerate(value)]
    return value


def _dotted(where: YamlPath) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "top level"


def _data_path(loc: YamlPath, raw: Any) -> YamlPath:
    """The part of a pydantic error location that names keys of the file (tags dropped)."""
    out: list[str | int] = []
    node = raw
    for i, part in enumerate(loc):
        inside = (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        )
        if inside:
            node = node[part]
        elif i < len(loc) - 1:
            continue  # a union branch or discriminator tag pydantic inserts
        else:
            node = None
        out.append(part)
    return tuple(out)


def _line(where: YamlPath, lines: Mapping[YamlPath, int]) -> int:
    """The line of ``where`` in the file, else of its nearest enclosing key (0: unknown)."""
    for end in range(len(where), -1, -1):
        if where[:end] in lines:
            return lines[where[:end]]
    return 0


def _problem(where: YamlPath, lines: Mapping[YamlPath, int], text: str) -> tuple[int, str]:
    """``text`` with ``{key}`` and ``{line}`` filled in, keyed by line number for sorting."""
    line = _line(where, lines)
    return line, text.format(key=_dotted(where), line=f" (line {line})" if line else "")


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if typing.get_origin(annotation) in (typing.Annotated, types.UnionType, typing.Union, list):
        return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]
    return []


def _keys_at(loc: YamlPath) -> list[str]:
    """The valid keys of the mapping at ``loc`` (a pydantic location, tags included)."""
    models: list[type[BaseModel]] = [Settings]
    for part in loc:
        if isinstance(part, int):
            continue
        fields = [f for m in models for n, f in m.model_fields.items() if part in (n, f.alias)]
        if fields:
            models = [m for f in fields for m in _models_in(f.annotation)]
        else:  # a discriminator tag: keep the channel types it names
            models = [m for m in models if _tag(m) == part] or models
    return sorted({f.alias or n for m in models for n, f in m.model_fields.items()})


def _tag(model: type[BaseModel]) -> str | None:
    field = model.model_fields.get("type")
    args = typing.get_args(field.annotation) if field else ()
    return str(args[0]) if args else None


def _problems(
    exc: ValidationError, raw: Any, lines: Mapping[YamlPath, int]
) -> list[tuple[int, str]]:
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        where = _data_path(loc, raw)
        msg = err["msg"].removeprefix("Value error, ")
        if not where and (m := re.match(r"^(\w+)\[(\d+)\]\.(\w+): (.*)$", msg)):
            where, msg = (m[1], int(m[2]), m[3]), m[4]  # a check across keys names its key
        if err["type"] == "extra_forbidden":
            near = difflib.get_close_matches(str(where[-1]), _keys_at(loc[:-1]), n=1, cutoff=0.6)
            hint = f" — did you mean {near[0]!r}?" if near else ""
            out.append(_problem(where, lines, "unknown key '{key}'{line}" + hint))
        elif err["type"] == "missing":
            out.append(_problem(where, lines, "{key}{line}: required key is missing"))
        else:
            out.append(
                _problem(where, lines, "{key}{line}: " + msg.replace("{", "{{").replace("}", "}}"))
            )
    return out


def _resolve_sqlite(url: str, base: Path) -> str:
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and url != "sqlite://":
        rest = url[len(prefix) :]
        if rest and not rest.startswith(":memory:"):
            return prefix + str((base / rest).resolve())
    return url


def load_config(
    explicit: str | Path | None = None,
    *,
    db_url: str | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> LoadedConfig:
    """Find and validate the configuration.

    Raises ConfigError with one line per problem, each naming the file, key and line.
    """
    env = os.environ if env is None else env
    path, packaged = find_config(explicit, cwd)
    raw, lines = read_yaml_lines(path, "config")
    raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: top level must be a mapping of keys")
    missing: list[YamlPath] = []
    raw = substitute_env(raw, env, (), missing)
    problems = [
        _problem(m[:-1], lines, "{key}{line}: environment variable " + f"{m[-1]} is not set")
        for m in missing
    ]
    try:
        settings = Settings.model_validate(raw)
    except ValidationError as exc:
        problems += _problems(exc, raw, lines)
    if problems:
        raise ConfigError("\n".join(f"{path}: {p}" for _, p in sorted(problems)))

    config_dir = path.resolve().parent
    # The packaged config lives in site-packages: its writable paths (database, digest folders)
    # resolve as if it were a config/ folder inside the user's data folder.
    data_dir = Path(platformdirs.user_data_dir("monitor")) if packaged else config_dir.parent
    state_base = data_dir / "config" if packaged else config_dir
    url = db_url or env.get(ENV_DATABASE_URL) or settings.database.url
    settings = settings.model_copy(
        update={
            "database": DatabaseSettings(url=_resolve_sqlite(url, state_base)),
            "watchlist": (config_dir / settings.watchlist).resolve(),
            "stories": settings.stories.model_copy(
                update={"events": (config_dir / settings.stories.events).resolve()}
            )
            if settings.stories.events is not None
            else settings.stories,
            "digests": [_resolve_channel(c, state_base) for c in settings.digests],
            "feeds": [_resolve_feed(f, config_dir) for f in settings.feeds],
        }
    )
    return LoadedConfig(
        settings=settings, path=path.resolve(), packaged=packaged, data_dir=data_dir
    )


def _resolve_channel(
    channel: EmailChannel | WebhookChannel | FileChannel, base: Path
) -> EmailChannel | WebhookChannel | FileChannel:
    if isinstance(channel, FileChannel):
        return channel.model_copy(update={"path": (base / channel.path).resolve()})
    return channel


def _resolve_feed(feed: FeedSettings, base: Path) -> FeedSettings:
    if "://" in feed.url:
        return feed
    return feed.model_copy(update={"url": (base / feed.url).resolve().as_uri()})
