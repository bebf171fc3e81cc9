"""Who holds a claim: one process of monitor, named ``host:pid:nonce``."""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Instance:
    """One daemon process: ``host:pid:nonce`` marks its claims (the nonce tells a restarted
    daemon that reuses a pid from its predecessor)."""

    host: str
    pid: int
    nonce: str

    @classmethod
    def current(cls) -> Instance:
        return cls(socket.gethostname()[:60], os.getpid(), secrets.token_hex(4))

    @property
    def id(self) -> str:
        return f"{self.host}:{self.pid}:{self.nonce}"

    def dead_predecessors(self, owners: set[str], alive: Callable[[int], bool]) -> list[str]:
        """The claim owners that were daemons on this host and are gone: the same pid as this
        process (so an earlier life of it), or a pid no longer running."""
        dead = []
        for owner in owners:
            host, _, rest = owner.partition(":")
            pid_text = rest.partition(":")[0]
            if host != self.host or not pid_text.isdigit() or owner == self.id:
                continue
            pid = int(pid_text)
            if pid == self.pid or not alive(pid):
                dead.append(owner)
        return sorted(dead)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True
