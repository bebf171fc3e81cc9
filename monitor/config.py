"""Configuration: find, read, substitute ``${VAR}``, validate into typed settings.

Loading never touches the network or the database.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import timedelta
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
from monitor.files import packaged_data, read_yaml, validation_problem
from monitor.units import parse_duration, parse_size

ENV_CONFIG = "MONITOR_CONFIG"
ENV_DATABASE_URL = "MONITOR_DATABASE_URL"
_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_NAME = r"^[a-z0-9_-]+$"


def _duration(value: Any) -> timedelta:
    if isinstance(value, timedelta):
        return value
    if not isinstance(value, str | int | float):
        raise ValueError("expected a duration such as 30m")
    return parse_duration(value)


def _size(value: Any) -> int:
    if not isinstance(value, str | int):
        raise ValueError("expected a size such as 10MB")
    return parse_size(value)


Duration = Annotated[timedelta, BeforeValidator(_duration)]
Size = Annotated[int, BeforeValidator(_size)]


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
    max_text: int = Field(20_000, ge=200, description="characters kept per text field")
    # Redirects may lead to loopback, private or link-local addresses only with this set.
    allow_private: bool = False
    # Wall clock for parsing one feed's body; the worker is replaced when it overruns.
    parse_deadline: Duration = timedelta(seconds=30)


class MatchingSettings(_Strict):
    threshold: float = Field(0.5, ge=0.0)


class StoriesSettings(_Strict):
    """How matches are grouped into stories (see docs/stories.md)."""

    window: Duration = timedelta(hours=48)  # reports further apart are different events
    events: Path | None = None  # the event vocabulary; default: events.yaml beside the watchlist


class FeedSettings(_Strict):
    name: Name
    url: str
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


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown timezone {value!r}") from exc
    return value


def _cron(value: str) -> str:
    fields = value.split()
    if len(fields) != 5:
        raise ValueError(f"cron schedule {value!r} must have five fields")
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(value)
    except ValueError as exc:
        raise ValueError(f"invalid cron schedule {value!r}: {exc}") from exc
    return value


class _Channel(_Strict):
    name: Name
    schedule: Annotated[str, BeforeValidator(_cron)] = "0 7 * * *"
    timezone: Annotated[str, BeforeValidator(_timezone)] = "Asia/Dushanbe"
    min_score: float | None = None
    max_items: int = Field(200, ge=1)
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
    host: str
    port: int | None = Field(None, ge=1, le=65535)
    security: Literal["none", "starttls", "ssl"] = "starttls"
    username: str | None = None
    password: str | None = None
    timeout: Duration = timedelta(seconds=30)

    @property
    def effective_port(self) -> int:
        return self.port or {"none": 25, "starttls": 587, "ssl": 465}[self.security]


class EmailChannel(_Channel):
    type: Literal["email"]
    from_: str = Field(alias="from")
    to: list[str] = Field(min_length=1)
    smtp: SmtpSettings
    subject_prefix: str = "[monitor]"


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
    url: str = Field(pattern=r"^https?://")
    format: Literal["json", "slack", "teams"] = "json"
    secret: Annotated[str | None, BeforeValidator(_webhook_secret)] = None
    timeout: Duration = timedelta(seconds=30)
    headers: dict[str, str] = Field(default_factory=dict)


class FileChannel(_Channel):
    type: Literal["file"]
    path: Path = Path("digests")
    formats: list[Literal["html", "md"]] = Field(default_factory=lambda: ["html", "md"])  # type: ignore[arg-type]


Channel = Annotated[EmailChannel | WebhookChannel | FileChannel, Field(discriminator="type")]


class Settings(_Strict):
    database: DatabaseSettings = DatabaseSettings()
    fetch: FetchSettings = FetchSettings()
    matching: MatchingSettings = MatchingSettings()
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
    """Return the config path to use and whether it is the packaged default."""
    if explicit:
        return Path(explicit), False
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env), False
    local = (cwd or Path.cwd()) / "config" / "monitor.yaml"
    if local.is_file():
        return local, False
    return packaged_config_dir() / "monitor.yaml", True


def substitute_env(value: Any, env: Mapping[str, str], where: str = "") -> Any:
    """Replace ``${NAME}`` in every string of a parsed YAML tree."""
    if isinstance(value, str):

        def repl(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in env:
                raise ConfigError(f"{where or 'value'}: environment variable {name} is not set")
            return env[name]

        return _ENV_REF.sub(repl, value)
    if isinstance(value, dict):
        return {
            k: substitute_env(v, env, f"{where}.{k}" if where else str(k)) for k, v in value.items()
        }
    if isinstance(value, list):
        return [substitute_env(v, env, f"{where}[{i}]") for i, v in enumerate(value)]
    return value


def _error_location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("email", "webhook", "file") and out.startswith("digests"):
            continue  # discriminator tag pydantic inserts
        else:
            out += f".{part}" if out else str(part)
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
    """Find and validate the configuration. Raises ConfigError with one readable line."""
    env = os.environ if env is None else env
    path, packaged = find_config(explicit, cwd)
    raw = read_yaml(path, "config") or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: top level must be a mapping of keys")
    try:
        raw = substitute_env(raw, env)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    try:
        settings = Settings.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {validation_problem(exc, _error_location)}") from None

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
