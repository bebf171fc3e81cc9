"""Configuration: find, read, substitute ``${VAR}``, validate into typed settings.

Loading never touches the network or the database.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, TypeAlias, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec
from msgspec import Meta, Struct, field
from msgspec.structs import replace

from monitor.errors import ConfigError
from monitor.files import Problem as _Problem
from monitor.files import YamlPath, convert, nearest_key, packaged_data, problems, read_yaml_lines
from monitor.units import parse_duration, parse_size

ENV_CONFIG = "MONITOR_CONFIG"
ENV_DATABASE_URL = "MONITOR_DATABASE_URL"
_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_NAME = re.compile(r"[a-z0-9_-]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Minute, hour and day of the month each ``*`` or one number in range, every month, any weekday
# (``0 7 * * *``): valid, and it fires. Anything else is checked by APScheduler, as it runs.
_ALWAYS_FIRES = re.compile(
    r"(\*|[0-5]?\d)\s+(\*|[01]?\d|2[0-3])\s+(\*|0?[1-9]|[12]\d|3[01])\s+\*\s+\*"
)
_TOKEN = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+")  # an HTTP header name
MAX_DURATION = timedelta(days=365)
MAX_SIZE = 1 << 30
T = TypeVar("T")


def _duration(value: Any) -> timedelta:
    """A duration written 30s, 15m, 2h or 7d; at most a year."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("expected a duration such as 30m")
    delta = parse_duration(value)
    if delta > MAX_DURATION:
        raise ValueError(f"duration {value!r} is longer than a year")
    return delta


def _size(value: Any) -> int:
    """A size in bytes written 10MB, 512kB or a number; at most 1 GB."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError("expected a size such as 10MB")
    size = parse_size(value)
    if size > MAX_SIZE:
        raise ValueError(f"size {value!r} is larger than 1GB")
    return size


def _score(value: Any) -> float:
    """A finite score, 0 or more."""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise ValueError(f"expected a number, not {value!r}") from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, not {value!r}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"expected a finite number of 0 or more, not {value!r}")
    return float(value)


def _string(value: Any, expected: str = "text") -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected {expected}, not {value!r}")
    return value


def _text(value: Any) -> str:
    """One line of text: no line breaks or control characters (they would forge headers)."""
    text = _string(value)
    if _CONTROL.search(text):
        raise ValueError(f"{text!r} contains a line break or control character")
    return text


def _name(value: Any) -> str:
    """A feed's or channel's name: a-z, 0-9, - and _."""
    if not isinstance(value, str) or not _NAME.fullmatch(value):
        raise ValueError(f"{value!r} is not a valid name (use a-z, 0-9, - and _)")
    return value


def _language(value: Any) -> str:
    """A language code (ISO 639-1, or 639-3 where there is no two-letter code)."""
    if not isinstance(value, str) or not re.fullmatch(r"[a-z]{2,3}", value):
        raise ValueError(f"{value!r} is not a language code such as en, ru or fa")
    return value


def _feed_url(value: Any) -> str:
    """An http(s):// or file:// URL, or a local path (relative to the config file)."""
    text = _text(value)
    has_scheme = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text)
    if has_scheme and not text.lower().startswith(("http://", "https://", "file://")):
        raise ValueError("only http(s)://, file:// URLs or local paths are supported")
    return text


def _http_url(value: Any) -> str:
    """An http:// or https:// URL."""
    text = _text(value)
    if not re.match(r"^https?://", text):
        raise ValueError(f"{text!r} is not an http:// or https:// URL")
    return text


def _address(value: Any) -> str:
    """An email address, optionally with a display name."""
    from email.utils import parseaddr  # 8 ms to import: only for configs that send email

    text = _text(_string(value, "an email address such as analyst@example.org"))
    _, addr = parseaddr(text)
    if not re.fullmatch(r"[^@\s<>,;]+@[^@\s<>,;]+", addr):
        raise ValueError(f"{text!r} is not an email address")
    return text


def _header_name(value: Any) -> str:
    """An HTTP header name."""
    if not isinstance(value, str) or not _TOKEN.fullmatch(value):
        raise ValueError(f"{value!r} is not an HTTP header name")
    return value


def _timezone(value: Any) -> str:
    """An IANA time zone name such as Asia/Dushanbe."""
    text = _string(value, "a time zone name such as Asia/Dushanbe")
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown timezone {text!r}") from exc
    return text


def _cron(value: Any) -> str:
    """A five-field cron schedule that fires at least once."""
    text = _string(value, "a cron schedule in quotes such as '0 7 * * *'")
    if len(text.split()) != 5:
        raise ValueError(f"cron schedule {text!r} must have five fields")
    if _ALWAYS_FIRES.fullmatch(text.strip()):
        return text  # no need to import APScheduler (about 20 ms of every command)
    from apscheduler.triggers.cron import CronTrigger

    try:
        trigger = CronTrigger.from_crontab(text, timezone=UTC)
    except ValueError as exc:
        raise ValueError(f"invalid cron schedule {text!r}: {exc}") from exc
    if trigger.get_next_fire_time(None, datetime.now(UTC)) is None:
        raise ValueError(f"cron schedule {text!r} never fires (no such date)")
    return text


WHSEC_PROBLEM = "a secret starting with 'whsec_' must continue in base64 (Standard Webhooks)"


def _webhook_secret(value: Any) -> str:
    """A webhook signing secret; a ``whsec_`` one must continue in base64."""
    text = _string(value)
    if text.startswith("whsec_"):
        import base64
        import binascii

        try:
            base64.b64decode(text[6:], validate=True)
        except (binascii.Error, ValueError):
            raise ValueError(WHSEC_PROBLEM) from None
    return text


def _checked(name: str, base: type, parse: Callable[[Any], Any]) -> Any:
    """A subclass of ``base`` whose values msgspec hands to ``_decode`` (it calls ``parse``)."""
    return type(name, (base,), {"parse": staticmethod(parse), "__module__": __name__})


# Values the YAML writes as text and the code reads as something checked or parsed. To the type
# checker each is the type it holds; at run time a subclass of it (instances behave exactly
# like the base type), which tells msgspec to hand the value to ``_decode``.
if TYPE_CHECKING:
    Duration: TypeAlias = timedelta
    Size: TypeAlias = int
    Score: TypeAlias = float
    Text: TypeAlias = str
    Name: TypeAlias = str
    Language: TypeAlias = str
    FeedUrl: TypeAlias = str
    HttpUrl: TypeAlias = str
    Address: TypeAlias = str
    HeaderName: TypeAlias = str
    TimeZone: TypeAlias = str
    Cron: TypeAlias = str
    Secret: TypeAlias = str
else:
    Duration = _checked("Duration", timedelta, _duration)
    Size = _checked("Size", int, _size)
    Score = _checked("Score", float, _score)
    Text = _checked("Text", str, _text)
    Name = _checked("Name", str, _name)
    Language = _checked("Language", str, _language)
    FeedUrl = _checked("FeedUrl", str, _feed_url)
    HttpUrl = _checked("HttpUrl", str, _http_url)
    Address = _checked("Address", str, _address)
    HeaderName = _checked("HeaderName", str, _header_name)
    TimeZone = _checked("TimeZone", str, _timezone)
    Cron = _checked("Cron", str, _cron)
    Secret = _checked("Secret", str, _webhook_secret)


def _decode(type_: type, value: Any) -> Any:
    """msgspec's hook for the types above (and paths)."""
    if type_ is Path:
        return Path(_string(value, "a path"))
    parse = type_.__dict__.get("parse")
    if parse is None:
        raise NotImplementedError(type_)
    parsed = parse(value)
    if isinstance(parsed, timedelta):
        return type_(days=parsed.days, seconds=parsed.seconds, microseconds=parsed.microseconds)
    return type_(parsed)


class _Strict(Struct, forbid_unknown_fields=True, frozen=True):
    pass


class DatabaseSettings(_Strict, frozen=True):
    url: str = "sqlite:///data/monitor.db"


class FetchSettings(_Strict, frozen=True):
    """How feeds are fetched. Every bound here protects against a hostile server."""

    connect_timeout: Duration = Duration(seconds=10)
    read_timeout: Duration = Duration(seconds=20)
    deadline: Duration = Duration(seconds=45)
    max_body: Size = Size(10_000_000)
    max_redirects: Annotated[int, Meta(ge=0, le=20)] = 5
    concurrency: Annotated[int, Meta(ge=1, le=256)] = 16
    per_host: Annotated[int, Meta(ge=1, le=32)] = 2
    default_interval: Duration = Duration(minutes=30)
    max_backoff: Duration = Duration(days=1)
    max_text: Annotated[int, Meta(ge=200, le=10_000_000)] = 20_000  # characters per text field
    # Redirects may lead to loopback, private or link-local addresses only with this set.
    allow_private: bool = False
    # Wall clock for parsing one feed's body; the worker is replaced when it overruns.
    parse_deadline: Duration = Duration(seconds=30)


class MatchingSettings(_Strict, frozen=True):
    threshold: Score = Score(0.5)


class StoriesSettings(_Strict, frozen=True):
    """How matches are grouped into stories (see docs/stories.md)."""

    window: Duration = Duration(hours=48)  # reports further apart are different events
    events: Path | None = None  # the event vocabulary; default: events.yaml beside the watchlist


class FeedSettings(_Strict, frozen=True):
    name: Name
    url: FeedUrl
    interval: Duration | None = None
    language: Language | None = None
    enabled: bool = True
    title: str | None = None


class DisplaySettings(_Strict, frozen=True):
    """How the command line shows things: times in ``timezone`` (digests use their own)."""

    timezone: TimeZone = TimeZone("UTC")


class _Channel(_Strict, frozen=True, tag_field="type"):
    name: Name
    schedule: Cron = Cron("0 7 * * *")
    timezone: TimeZone = TimeZone("Asia/Dushanbe")
    min_score: Score | None = None
    max_items: Annotated[int, Meta(ge=1, le=100_000)] = 200
    send_empty: bool = False
    enabled: bool = True
    retry_after: Duration = Duration(minutes=15)  # a failed digest is tried again after this

    def __post_init__(self) -> None:
        if self.retry_after <= timedelta(0):
            raise ValueError("retry_after: must be longer than 0s")


class SmtpSettings(_Strict, frozen=True):
    host: Text
    port: Annotated[int, Meta(ge=1, le=65535)] | None = None
    security: Literal["none", "starttls", "ssl"] = "starttls"
    username: Text | None = None
    password: str | None = None
    timeout: Duration = Duration(seconds=30)

    @property
    def effective_port(self) -> int:
        return self.port or {"none": 25, "starttls": 587, "ssl": 465}[self.security]


class EmailChannel(_Channel, frozen=True, tag="email", kw_only=True):
    type: ClassVar[Literal["email"]] = "email"
    from_: Address = field(name="from")
    to: Annotated[list[Address], Meta(min_length=1)]
    smtp: SmtpSettings
    subject_prefix: Text = Text("[monitor]")


class WebhookChannel(_Channel, frozen=True, tag="webhook", kw_only=True):
    type: ClassVar[Literal["webhook"]] = "webhook"
    url: HttpUrl
    format: Literal["json", "slack", "teams"] = "json"
    secret: Secret | None = None
    timeout: Duration = Duration(seconds=30)
    headers: dict[HeaderName, Text] = field(default_factory=dict)


class FileChannel(_Channel, frozen=True, tag="file"):
    type: ClassVar[Literal["file"]] = "file"
    path: Path = Path("digests")
    formats: list[Literal["html", "md"]] = field(default_factory=lambda: ["html", "md"])


Channel = EmailChannel | WebhookChannel | FileChannel


class Settings(_Strict, frozen=True):
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    matching: MatchingSettings = field(default_factory=MatchingSettings)
    display: DisplaySettings = field(default_factory=DisplaySettings)
    stories: StoriesSettings = field(default_factory=StoriesSettings)
    feeds: list[FeedSettings] = field(default_factory=list)
    watchlist: Path = Path("watchlist.yaml")
    digests: list[Channel] = field(default_factory=list)

    def __post_init__(self) -> None:
        for what, names in (
            ("feeds", [f.name for f in self.feeds]),
            ("digests", [d.name for d in self.digests]),
        ):
            seen: set[str] = set()
            for i, name in enumerate(names):
                if name in seen:
                    raise ValueError(f"{what}[{i}].name: duplicate name {name!r}")
                seen.add(name)

    def feed(self, name: str) -> FeedSettings | None:
        return next((f for f in self.feeds if f.name == name), None)

    def channel(self, name: str) -> Channel | None:
        return next((d for d in self.digests if d.name == name), None)


def validate(raw: Any, type_: type[T]) -> T:
    """Validate parsed YAML as one of the settings types above (raises msgspec.ValidationError)."""
    return convert(raw, type_, _decode)


def problems_in(raw: Any, type_: Any = Settings) -> list[_Problem]:
    """Every problem in ``raw`` as ``type_`` (empty when it is valid)."""
    return problems(type_, raw, _decode)


class LoadedConfig(Struct, frozen=True, kw_only=True):
    """Settings plus where they came from; paths in ``settings`` are absolute.

    ``data_dir`` is where state goes by default: the user's data folder for the packaged
    config, else the folder above the config file's.
    """

    settings: Settings
    path: Path
    packaged: bool
    data_dir: Path


def packaged_config_dir() -> Path:
    """The folder of the default config shipped with the package (or the source tree)."""
    return packaged_data("config")


def beside_or_packaged(folder: Path, name: str) -> Path:
    """The file ``name`` in ``folder`` if it is there, else the packaged config's."""
    beside = folder / name
    return beside if beside.is_file() else packaged_config_dir() / name


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


def _described(problem: _Problem, lines: Mapping[YamlPath, int]) -> tuple[int, str]:
    if problem.kind == "unknown":
        hint = nearest_key(problem).replace("{", "{{").replace("}", "}}")
        return _problem(problem.where, lines, "unknown key '{key}'{line}" + hint)
    if problem.kind == "missing":
        return _problem(problem.where, lines, "{key}{line}: required key is missing")
    text = problem.text.replace("{", "{{").replace("}", "}}")
    return _problem(problem.where, lines, "{key}{line}: " + text)


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
    found = [
        _problem(m[:-1], lines, "{key}{line}: environment variable " + f"{m[-1]} is not set")
        for m in missing
    ]
    try:
        settings = validate(raw, Settings)
    except msgspec.ValidationError:
        unset = {m[:-1] for m in missing}  # already reported: not also as a bad (empty) value
        found += [_described(p, lines) for p in problems_in(raw) if p.where not in unset]
    if found:
        raise ConfigError("\n".join(f"{path}: {p}" for _, p in sorted(found)))

    config_dir = path.resolve().parent
    # The packaged config lives in site-packages: its writable paths (database, digest folders)
    # resolve as if it were a config/ folder inside the user's data folder.
    if packaged:
        import platformdirs

        data_dir = Path(platformdirs.user_data_dir("monitor"))
    else:
        data_dir = config_dir.parent
    state_base = data_dir / "config" if packaged else config_dir
    url = db_url or env.get(ENV_DATABASE_URL) or settings.database.url
    stories = settings.stories
    if stories.events is not None:
        stories = replace(stories, events=(config_dir / stories.events).resolve())
    settings = replace(
        settings,
        database=DatabaseSettings(url=_resolve_sqlite(url, state_base)),
        watchlist=_watchlist_path(config_dir, settings.watchlist, "watchlist" in raw),
        stories=stories,
        digests=[_resolve_channel(c, state_base) for c in settings.digests],
        feeds=[_resolve_feed(f, config_dir) for f in settings.feeds],
    )
    return LoadedConfig(
        settings=settings, path=path.resolve(), packaged=packaged, data_dir=data_dir
    )


def _watchlist_path(config_dir: Path, watchlist: Path, given: bool) -> Path:
    """The watchlist file: as given, relative to the config; without a ``watchlist:`` key,
    ``watchlist.yaml`` beside the config, else the packaged one (a config written in a new
    folder starts with the shipped watchlist instead of failing)."""
    if given:
        return (config_dir / watchlist).resolve()
    return beside_or_packaged(config_dir, watchlist.name).resolve()


def _resolve_channel(channel: Channel, base: Path) -> Channel:
    if isinstance(channel, FileChannel):
        return replace(channel, path=(base / channel.path).resolve())
    return channel


def _resolve_feed(feed: FeedSettings, base: Path) -> FeedSettings:
    if "://" in feed.url:
        return feed
    return replace(feed, url=FeedUrl((base / feed.url).resolve().as_uri()))
