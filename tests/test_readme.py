"""The README's quick start: two complete lines, and CI runs its test line as written."""

from __future__ import annotations

import re
import subprocess

from conftest import REPO


def quick_start_lines() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start\n+```sh\n(.*?)```", text, re.S)
    assert block is not None
    return block.group(1).strip().splitlines()


def test_quick_start_is_two_lines_that_make_their_own_venv() -> None:
    lines = quick_start_lines()
    assert len(lines) == 2
    for line in lines:  # PEP 668 systems refuse pip outside a venv: each line makes its own
        assert line.startswith("python3 -m venv .venv && .venv/bin/pip install ")
    assert lines[0].endswith(".venv/bin/monitor run")
    assert lines[1].endswith(".venv/bin/python -m pytest")


def test_ci_runs_the_readme_test_line_literally() -> None:
    out = subprocess.run(
        [str(REPO / ".ci" / "run"), "--print-test-line"],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert out.stdout.strip() == quick_start_lines()[1]
