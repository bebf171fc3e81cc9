"""The user's files: YAML and its validation in one-line errors, atomic replacement, and the
data folders shipped in the package."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import yaml

from monitor.errors import ConfigError

if TYPE_CHECKING:
    from pydantic import ValidationError

T = TypeVar("T")
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, what: str) -> Any:
    """Parse a YAML file; a missing, unreadable or malformed file is one-line ConfigError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: {what} file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read {what} file: {exc.strerror}") from exc
    try:
        return yaml.load(text, Loader=_FAST_LOADER)  # libyaml: 8x faster on the watchlist
    except yaml.YAMLError:
        pass
    try:  # the pure-Python loader's message, with the line numbers users know
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}:{line}: {problem}") from exc


def write_atomic(path: Path, write: Callable[[TextIO], T], *, newline: str | None = "\n") -> T:
    """Write through ``write`` to a temp file beside ``path``, fsync, then rename into place.

    Readers see the old file or the new one, never half of it; on error nothing is left behind.
    """
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as stream:
            result = write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result


def packaged_data(name: str) -> Path:
    """A data folder shipped in the wheel (``monitor/_data/<name>``), else the source tree's."""
    data = resources.files("monitor") / "_data" / name
    if data.is_dir():
        return Path(str(data))
    return Path(__file__).resolve().parent.parent / name


Location = tuple[int | str, ...]


def dotted(location: Location) -> str:
    """``("feeds", 0, "url")`` → ``feeds.0.url``."""
    return ".".join(str(part) for part in location)


def validation_problem(exc: ValidationError, where: Callable[[Location], str] = dotted) -> str:
    """The first problem pydantic found in a file's data, as one line without the file name."""
    err = exc.errors()[0]
    key = where(tuple(err["loc"]))
    if err["type"] == "extra_forbidden":
        return f"unknown key {key!r}"
    if err["type"] == "missing":
        return f"required key {key!r} is missing"
    msg = err["msg"].removeprefix("Value error, ")
    if not key:
        return msg if ": " in msg else f"top level: {msg}"
    return f"{key}: {msg}"
