from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from monitor.match import load_watchlist
from monitor.match.seed import apply_merge, derive_candidates, plan_merge

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def test_derive_is_deterministic() -> None:
    assert derive_candidates(SEEDS) == derive_candidates(SEEDS)


def test_derive_finds_border_entities() -> None:
    names = {c.name for c in derive_candidates(SEEDS)}
    for expected in (
        "Abdusattor Shohiyon",
        "Border Troops",
        "Takhar",
        "Jamaat Ansarullah",
        "Zabihullah Mujahid",
        "Panj River",
        "National Resistance Front",
    ):
        assert any(expected in n for n in names), expected


def test_candidates_carry_counts_and_documents() -> None:
    taliban = next(c for c in derive_candidates(SEEDS) if c.name == "Taliban")
    assert taliban.count == sum(n for _, n in taliban.documents)
    assert all(doc.endswith(".txt") for doc in taliban.document_names)


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "watchlist.yaml"
    shutil.copy(ROOT / "config" / "watchlist.yaml", target)
    return target


def test_plan_compares_by_alias(tmp_path: Path) -> None:
    plan = plan_merge(_copy(tmp_path), derive_candidates(SEEDS), SEEDS)
    added = {c.name for c in plan.additions}
    assert "Taliban" not in added and "Rakhmon" not in added and "GBAO" not in added
    lines = plan.render()
    assert lines[0].startswith(str(tmp_path))
    assert all(line.startswith(("+", "~")) for line in lines[1:])


def test_apply_keeps_curated_fields_and_marks_candidates(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    before = yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
    plan = plan_merge(path, derive_candidates(SEEDS), SEEDS)
    apply_merge(path, plan)
    after = yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
    by_id = {e["id"]: e for e in after}
    curated = ("name", "kind", "role", "side", "aliases", "proper_aliases", "notes", "context")
    for old in before:
        new = by_id[old["id"]]
        for key in curated:
            assert new.get(key) == old.get(key), (old["id"], key)
        hand = (old.get("provenance") or {}).get("added_by_hand")
        assert new["provenance"].get("added_by_hand") == hand
    added = [e for e in after if e["id"] not in {o["id"] for o in before}]
    assert added and all(e["status"] == "candidate" and e["role"] == "candidate" for e in added)
    assert path.read_text(encoding="utf-8").startswith("# Watchlist")
    load_watchlist(path)  # still valid


def test_apply_is_idempotent(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    candidates = derive_candidates(SEEDS)
    apply_merge(path, plan_merge(path, candidates, SEEDS))
    first = path.read_text(encoding="utf-8")
    second_plan = plan_merge(path, candidates, SEEDS)
    assert second_plan.empty
    apply_merge(path, second_plan)
    assert path.read_text(encoding="utf-8") == first


def test_a_candidate_that_is_a_proper_alias_is_that_entry(tmp_path: Path) -> None:
    """A lone capitalised candidate ("US") reads as sentence-initial to the automaton, so
    only the alias comparison finds its entry; adding it would make a duplicate alias."""
    path = _copy(tmp_path)
    proper = next(e for e in load_watchlist(path).entries if "US" in e.proper_aliases)
    us = next((c for c in derive_candidates(SEEDS) if c.name == "US"), None)
    assert us is not None  # the seeds name it
    plan = plan_merge(path, [us], SEEDS)
    assert plan.additions == []
    apply_merge(path, plan)
    assert load_watchlist(path).get(proper.id) is not None
