"""File channel: the digest as HTML and Markdown files in a folder, written atomically."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TextIO

from monitor.config import FileChannel
from monitor.digest.build import DigestContent
from monitor.digest.render import render
from monitor.errors import DeliveryError
from monitor.files import write_atomic

_SUFFIX = {"html": "html", "md": "md"}


def file_names(channel: FileChannel, content: DigestContent) -> list[Path]:
    """``<channel>_<local date>T<time>_<digest id>.<ext>``: stable across resends of a digest."""
    stamp = content.local(content.generated, "%Y-%m-%dT%H%M")
    ident = content.digest_id if content.digest_id is not None else "preview"
    return [channel.path / f"{channel.name}_{stamp}_{ident}.{_SUFFIX[f]}" for f in channel.formats]


def _write_text(text: str, stream: TextIO) -> int:
    return stream.write(text)


def deliver(channel: FileChannel, content: DigestContent) -> str:
    """Write every configured format; accepted = every file renamed into place."""
    paths = file_names(channel, content)
    try:
        channel.path.mkdir(parents=True, exist_ok=True)
        for fmt, path in zip(channel.formats, paths, strict=True):
            write_atomic(path, partial(_write_text, render(content, fmt)))
    except OSError as exc:
        raise DeliveryError(
            f"cannot write digest to {channel.path}: {exc.strerror or exc}"
        ) from exc
    return "wrote " + ", ".join(str(p) for p in paths)
