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
_UMASK = os.umask(0o022)  # read once, at import, before any thread starts
os.umask(_UMASK)


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


YamlPath = tuple[str | int, ...]
MAX_CONFIG_BYTES = 10_000_000
MAX_YAML_VALUES = 200_000  # after expanding aliases: a "billion laughs" stops here


def read_yaml_lines(path: Path, what: str) -> tuple[Any, dict[YamlPath, int]]:
    """Parse a small YAML file the user wrote; also return each key's and item's line number.

    Refuses what is not a regular UTF-8 file under 10 MB, and aliases that expand to more than
    MAX_YAML_VALUES values (or into themselves), before anything is built from them.
    """
    try:
        if path.exists() and not path.is_file():
            raise ConfigError(f"{path}: {what} file is not a regular file")
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: {what} file is larger than 10 MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: {what} file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read {what} file: {exc.strerror}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(
            f"{path}: line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); "
            f"save the {what} file as UTF-8"
        ) from None
    loader = _FAST_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines: dict[YamlPath, int] = {}
        _walk(node, (), lines, set())
        return loader.construct_document(node), lines
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" line {mark.line + 1}:" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}:{at} {problem}") from exc
    except ValueError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    finally:
        loader.dispose()


def _walk(node: yaml.Node, where: YamlPath, lines: dict[YamlPath, int], open_: set[int]) -> None:
    """Record the line of every key and item under ``where``, aliases expanded (bounded)."""
    lines.setdefault(where, node.start_mark.line + 1)
    if len(lines) > MAX_YAML_VALUES:
        raise ValueError(f"YAML aliases expand to more than {MAX_YAML_VALUES:,} values")
    if id(node) in open_:
        raise ValueError(f"line {node.start_mark.line + 1}: an alias refers to itself")
    open_.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else f"line {key.start_mark.line}"
            lines.setdefault((*where, name), key.start_mark.line + 1)
            _walk(value, (*where, name), lines, open_)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*where, i), lines, open_)
    open_.discard(id(node))


def write_atomic(path: Path, write: Callable[[TextIO], T], *, newline: str | None = "\n") -> T:
    """Write through ``write`` to a temp file beside ``path``, fsync, then rename into place.

    Readers see the old file or the new one, never half of it; on error nothing is left behind.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:  # mkstemp makes 0600 files: keep the mode of the file replaced, else the umask's
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o666 & ~_UMASK
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)
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
