"""Brief read-only commands run with the garbage collector off; every other command keeps it."""

from __future__ import annotations

import gc

import pytest

from monitor.cli.main import hoist_state_options, is_brief, main


@pytest.mark.parametrize(
    ("argv", "brief"),
    [
        (["status"], True),
        (["status", "--json"], True),
        (["status", "--config", "x.yaml"], True),
        (["--config", "x.yaml", "--db", "sqlite:///x", "matches", "list", "--since", "1d"], True),
        (["--debug", "stories", "show", "3"], True),
        (["--help"], True),
        ([], True),
        (["run"], False),
        (["poll"], False),
        (["rescan"], False),
        (["matches", "export", "--format", "csv"], False),
        (["matches", "mark", "3", "read"], False),
        (["digest", "send"], False),
        (["--config", "status", "poll"], False),  # a config file named "status"
    ],
)
def test_is_brief(argv: list[str], brief: bool) -> None:
    assert is_brief(hoist_state_options(argv)) is brief


def test_main_restores_the_collector() -> None:
    assert gc.isenabled()
    with pytest.raises(SystemExit):
        main(["status", "--config", "/nonexistent/monitor.yaml"])
    assert gc.isenabled()
