"""Import direction, read from the source with ast (docs/design.md, "Architecture").

cli → daemon → usecases → pipeline → digest, stories → fetch, parse, match, storage →
errors, config, records, units, files, text, urls. A module imports only from its own package
or from a lower layer; only ``storage/`` touches SQLAlchemy and the ORM; nothing imports the
CLI. The foundations may import each other. Imports under ``if TYPE_CHECKING:`` count too:
they are dependencies all the same.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "monitor"

# Layer of each top-level part of the package: higher layers may import lower ones.
LAYERS = {
    "monitor": 0,  # the package itself: version, user agent
    "errors": 0, "config": 0, "records": 0, "units": 0, "files": 0, "text": 0, "urls": 0,
    "discover": 0,
    "fetch": 1, "parse": 1, "match": 1, "storage": 1,
    "digest": 2, "stories": 2,
    "pipeline": 3,
    "usecases": 4,
    "daemon": 5,
    "cli": 6,
    "__main__": 7,
}  # fmt: skip


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


MODULES = dict(modules())


def imported(name: str, path: Path) -> set[str]:
    """Every module ``name`` imports (``from a import b`` counts as ``a.b`` when that is one)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            out.add(base)
            out.update(f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES)
    return out


def part(module: str) -> str:
    """The top-level part of the package a module belongs to (``monitor.storage.db`` → storage)."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "monitor"


IMPORTS = {name: imported(name, path) for name, path in MODULES.items()}


def test_every_module_has_a_layer() -> None:
    assert {part(m) for m in MODULES} <= set(LAYERS), sorted(
        {part(m) for m in MODULES} - set(LAYERS)
    )


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_go_down_the_layers(name: str) -> None:
    mine = part(name)
    wrong = sorted(
        target
        for target in IMPORTS[name]
        if target.startswith("monitor")
        and part(target) != mine
        and LAYERS[part(target)] >= LAYERS[mine]
        and LAYERS[mine] > 0  # the foundations (errors, config, units, files…) share a layer
    )
    assert not wrong, f"{name} (layer {LAYERS[mine]}) imports upward or sideways: {wrong}"


def test_nothing_imports_the_cli() -> None:
    wrong = sorted(
        name
        for name, targets in IMPORTS.items()
        if part(name) not in ("cli", "__main__") and any(part(t) == "cli" for t in targets)
    )
    assert not wrong


def test_only_storage_touches_sqlalchemy_and_the_tables() -> None:
    wrong = sorted(
        (name, target)
        for name, targets in IMPORTS.items()
        for target in targets
        if part(name) != "storage"
        and (target.split(".")[0] == "sqlalchemy" or target == "monitor.storage.tables")
    )
    assert not wrong


def test_storage_imports_no_parser_fetcher_or_matcher() -> None:
    banned = {"parse", "fetch", "match", "pipeline", "digest", "stories", "usecases"}
    wrong = sorted(
        (name, target)
        for name, targets in IMPORTS.items()
        if part(name) == "storage"
        for target in targets
        if target.startswith("monitor.") and part(target) in banned
    )
    assert not wrong


def test_the_rules_see_a_violation(tmp_path: Path) -> None:
    """The checker itself: an upward and a relative import are both found."""
    bad = tmp_path / "bad.py"
    bad.write_text("from monitor.cli import main\nfrom . import feeds\n", encoding="utf-8")
    found = imported("monitor.storage.bad", bad)
    assert "monitor.cli.main" in found and "monitor.storage.feeds" in found


def test_the_cli_and_the_daemon_reach_work_through_use_cases() -> None:
    """Below the use cases they use only foundations (and the pass's report types)."""
    banned = {"storage", "fetch", "parse", "match", "digest", "stories"}
    wrong = sorted(
        (name, target)
        for name, targets in IMPORTS.items()
        if part(name) in ("cli", "daemon")
        for target in targets
        if target.startswith("monitor.") and part(target) in banned
    )
    assert not wrong
