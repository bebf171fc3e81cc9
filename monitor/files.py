"""The user's files: YAML and its validation in one-line errors, atomic replacement, and the
data folders shipped in the package."""

from __future__ import annotations

import os
import re
import tempfile
import types
import typing
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TextIO, TypeVar

import msgspec
import yaml

from monitor.errors import ConfigError

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
DecodeHook = Callable[[type, Any], Any]


def convert(raw: Any, type_: type[T], dec_hook: DecodeHook | None = None) -> T:
    """Validate parsed YAML as ``type_`` (a msgspec Struct, or a type built of them).

    Not strict: a number or true/false written as text (as ``${VAR}`` yields) is accepted.
    Raises msgspec.ValidationError on the first problem; ``problems`` finds them all.
    """
    return msgspec.convert(raw, type_, strict=False, dec_hook=dec_hook)


class Problem(msgspec.Struct, frozen=True):
    """One thing wrong in a file's data: where (keys and indexes), what, and in words."""

    where: Location
    kind: Literal["unknown", "missing", "value"]
    text: str = ""
    known: tuple[str, ...] = ()  # for an unknown key: the keys valid beside it


def problems(
    type_: Any, value: Any, dec_hook: DecodeHook | None = None, where: Location = ()
) -> list[Problem]:
    """Every problem in ``value`` as ``type_``, in the file's order (msgspec stops at the
    first, so this walks into mappings, lists and channel types to find the others)."""
    try:
        convert(value, type_, dec_hook)
    except msgspec.ValidationError as exc:
        bare = _bare(type_, value)
        if typing.get_origin(bare) is Literal:
            choices = ", ".join(repr(c) for c in typing.get_args(bare))
            return [Problem(where, "value", f"expected one of {choices}, not {value!r}")]
        inside = _inside(bare, value, dec_hook, where)
        return inside or [_from_error(str(exc), where, by_key=_has_struct(bare))]
    return []


def _bare(type_: Any, value: Any) -> Any:
    """``type_`` without its constraints, and without ``None`` when the value is not None."""
    while typing.get_origin(type_) is typing.Annotated:
        type_ = typing.get_args(type_)[0]
    if typing.get_origin(type_) in (typing.Union, types.UnionType) and value is not None:
        args = [a for a in typing.get_args(type_) if a is not type(None)]
        if len(args) == 1:
            return _bare(args[0], value)
    return type_


def _is_struct(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, msgspec.Struct)


def _has_struct(type_: Any) -> bool:
    """Whether ``type_`` is a Struct or a union of them (checks of a whole mapping)."""
    if typing.get_origin(type_) in (typing.Union, types.UnionType):
        return any(_is_struct(t) for t in typing.get_args(type_))
    return _is_struct(type_)


def _inside(type_: Any, value: Any, hook: DecodeHook | None, where: Location) -> list[Problem]:
    """The problems found one level down (empty: the problem is ``value`` as a whole)."""
    origin = typing.get_origin(type_)
    if _is_struct(type_) and isinstance(value, dict):
        return _struct_problems(type_, value, hook, where)
    if origin is list and isinstance(value, list):
        (item,) = typing.get_args(type_)
        return [p for i, v in enumerate(value) for p in problems(item, v, hook, (*where, i))]
    if origin is dict and isinstance(value, dict):
        key_type, value_type = typing.get_args(type_)
        out: list[Problem] = []
        for key, item in value.items():
            at = (*where, key if isinstance(key, int | str) else str(key))
            out += problems(key_type, key, hook, at) or problems(value_type, item, hook, at)
        return out
    if origin in (typing.Union, types.UnionType) and isinstance(value, dict):
        return _tagged_problems(typing.get_args(type_), value, hook, where)
    return []


def _struct_problems(
    type_: type[msgspec.Struct], value: dict[Any, Any], hook: DecodeHook | None, where: Location
) -> list[Problem]:
    fields = {f.encode_name: f for f in msgspec.structs.fields(type_)}
    tag_field = type_.__struct_config__.tag_field
    out: list[Problem] = []
    for key, item in value.items():
        field = fields.get(key)
        if field is not None:
            out += problems(field.type, item, hook, (*where, key))
        elif key != tag_field:
            out.append(Problem((*where, str(key)), "unknown", known=tuple(fields)))
    out += [
        Problem((*where, k), "missing") for k, f in fields.items() if f.required and k not in value
    ]
    return out


def _tagged_problems(
    members: tuple[Any, ...], value: dict[Any, Any], hook: DecodeHook | None, where: Location
) -> list[Problem]:
    """A mapping that is one of several Struct types told apart by a tag (``type: email``)."""
    structs = [t for t in members if _is_struct(t)]
    tag_field = structs[0].__struct_config__.tag_field if structs else None
    if tag_field is None:
        return []
    tags = {t.__struct_config__.tag: t for t in structs}
    if tag_field not in value:
        return [Problem((*where, tag_field), "missing")]
    chosen = tags.get(value[tag_field])
    if chosen is None:
        choices = ", ".join(str(t) for t in tags)
        text = f"unknown {tag_field} {value[tag_field]!r} (use {choices})"
        return [Problem((*where, tag_field), "value", text)]
    return _struct_problems(chosen, value, hook, where)


_MSGSPEC_AT = re.compile(r"^(?P<text>.*) - at `(?:key` in `)?\$(?P<path>[^`]*)`$", re.DOTALL)
_PATH_PART = re.compile(r"\.([^.\[]+)|\[(\d+|\.\.\.)\]")
_KEYED = re.compile(r"^(?P<key>\w+(?:\[\d+\])*(?:\.\w+(?:\[\d+\])*)*): (?P<text>.+)$", re.DOTALL)
_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "str": "text",
    "int": "an integer",
    "float": "a number",
    "bool": "true or false",
    "null": "nothing",
}


def _type_names(types_: re.Match[str]) -> str:
    """The types a msgspec message names (`int | null`) in words (an integer or nothing)."""
    return " or ".join(_TYPE_NAMES.get(t.strip(), t.strip()) for t in types_[1].split("|"))


def _from_error(message: str, where: Location, *, by_key: bool) -> Problem:
    """A msgspec error message as a Problem below ``where``.

    With ``by_key`` (a check of a whole mapping), a message that starts with a key path
    (``feeds[1].name: duplicate name``) is placed at that key.
    """
    path = ""
    if m := _MSGSPEC_AT.match(message):
        message, path = m["text"], m["path"]
    for name, index in _PATH_PART.findall(path):
        where = (*where, int(index) if index.isdigit() else (index or name))
    if m := re.fullmatch(r"Object contains unknown field `(.+)`", message):
        return Problem((*where, m[1]), "unknown")
    if m := re.fullmatch(r"Object missing required field `(.+)`", message):
        return Problem((*where, m[1]), "missing")
    if by_key and (m := _KEYED.match(message)):
        for name, index in _PATH_PART.findall("." + m["key"]):
            where = (*where, int(index) if index else name)
        message = m["text"]
    if message.startswith("Expected `") or message.startswith("Invalid enum value"):
        message = message[0].lower() + message[1:]
        message = re.sub(r"`([^`]+)`", _type_names, message)
    return Problem(where, "value", message)


def nearest_key(problem: Problem) -> str:
    """`` — did you mean 'x'?`` for an unknown key close to a valid one, else nothing."""
    import difflib

    near = difflib.get_close_matches(str(problem.where[-1]), problem.known, n=1, cutoff=0.6)
    return f" — did you mean {near[0]!r}?" if near else ""


def dotted(location: Location) -> str:
    """``("feeds", 0, "url")`` → ``feeds.0.url``."""
    return ".".join(str(part) for part in location)


def validation_problem(
    type_: Any,
    value: Any,
    dec_hook: DecodeHook | None = None,
    where: Callable[[Location], str] = dotted,
) -> str:
    """The first problem in ``value`` as ``type_``, as one line without the file name."""
    found = problems(type_, value, dec_hook)
    if not found:
        return "invalid value"
    problem = found[0]
    key = where(problem.where)
    if problem.kind == "unknown":
        return f"unknown key {key!r}{nearest_key(problem)}"
    if problem.kind == "missing":
        return f"required key {key!r} is missing"
    if not key:
        return problem.text if ": " in problem.text else f"top level: {problem.text}"
    return f"{key}: {problem.text}"
