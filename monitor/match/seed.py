"""Seeding: derive candidate watchlist terms from seed articles and merge them in.

Offline and deterministic heuristics (no model): capitalised n-grams with connectors
("State Committee for National Security"), known patterns ("X Province", "X River",
"201st …", acronyms), and border-topic keywords. Candidates are compared with the
watchlist by alias (through the same automaton the matcher uses); merging only adds new
entries as ``status: candidate`` (never scored until curated) and updates provenance and
counts of existing ones — every curated field is kept as it is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from monitor.files import read_yaml, write_atomic
from monitor.match.automaton import AliasAutomaton
from monitor.match.normalize import Normalizer, normalize
from monitor.match.watchlist import Watchlist, load_watchlist, parse_watchlist
from monitor.units import slug

WATCHLIST_HEADER = """\
# Watchlist for the Tajikistan–Afghanistan border monitor.
#
# Each entry: id (stable slug), name (canonical), kind, role (how it scores, see
# docs/matching.md), side (tj | af | both | none), aliases (any script; matched after
# normalization, with inflectional endings allowed; a non-final word ending in "~"
# inflects too), proper_aliases (only count when capitalised and not sentence-initial;
# a multi-word one when its last word is capitalised),
# context (for role: negative), frame (origin | destination | border_with | relation: how
# the term takes part in a co-occurrence rule), provenance (seed files with counts, or
# added_by_hand).
# `monitor seed --write` only adds candidates and updates provenance/count; curated
# fields are never changed. Entries with status: candidate are neither matched nor scored.
"""


def _words(text: str) -> list[str]:
    return text.split()


ENTRY_KEY_ORDER = _words(
    "id name kind role side context frame weight implies_border status aliases proper_aliases "
    "notes count provenance"
)

_CONNECTORS = frozenset({"of", "for", "the", "on", "al", "e", "i", "ul", "de"})
_STOP = frozenset(
    _words(
        """
    A An The This That These Those It Its In On At Of For From By With As To And But Or If Then
    Thus However Moreover Meanwhile Although Despite According Since While When After Before
    During Among Beyond Yet So Also Even Each Every Both Many Several Some Most More No Not
    Other Such There Here What Who Which Why How Our We They He She His Her Their Them Us You
    I Mr Ms Dr President Prince Published Similar Posts Analysis Feature Side Source Exit
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Post Comment Comments Read Most
    Staunton Nevertheless Further Efforts Bordering Dozens Four Two Three Five Ten Last First
    Specifically Given Observers Interestingly Focusing Addressing Neighboring Worse Bilateral
    Earlier Barring Analysis Mutual Tajik Afghan Russian American British Western Uzbek
    Central South Asian Soviet Lower House Deputy Commander Umar Farsi Valery Kulikov
    Paul Goble MOST READ ASIA EDM
    """
    )
)
_GENERIC_TAIL = frozenset(
    _words(
        "province provinces region oblast district village valley valleys river corridor "
        "mountains autonomous section area areas border borders city capital division base"
    )
)
_KIND_BY_WORD = {
    "province": "province",
    "region": "province",
    "oblast": "province",
    "district": "place",
    "village": "place",
    "valley": "place",
    "corridor": "place",
    "mountains": "place",
    "river": "river",
    "troops": "unit",
    "division": "unit",
    "base": "unit",
    "forces": "unit",
    "army": "unit",
    "committee": "org",
    "council": "org",
    "organization": "org",
    "ministry": "org",
    "agency": "org",
    "front": "group",
    "emirate": "group",
    "agreement": "agreement",
    "accord": "agreement",
    "treaty": "agreement",
}
_TOPIC_KEYWORDS = (
    "border guard",
    "border guards",
    "border post",
    "border checkpoint",
    "border security",
    "border troops",
    "breakthrough",
    "drug trafficking",
    "drug trade",
    "smugglers",
    "smuggling",
    "narcotics",
    "heroin",
    "militants",
    "armed clashes",
    "clashes",
    "refugees",
    "rockets",
    "terrorist groups",
    "illegally crossed",
    "counterterrorism operation",
)
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9-]{1,7}$")
_ORDINAL_UNIT = re.compile(
    r"\b(\d+(?:st|nd|rd|th))(?:'s)?\s+((?:[A-Z]?[a-z]+\s+){0,3}?(?:base|division|Division|Base))\b"
)


@dataclass(frozen=True)
class Candidate:
    """A term found in the seeds: canonical form, guessed kind, count and documents."""

    id: str
    name: str
    kind: str
    count: int
    documents: tuple[tuple[str, int], ...]  # (file name, count), sorted by file name

    @property
    def document_names(self) -> list[str]:
        return [name for name, _ in self.documents]


@dataclass(frozen=True)
class ProvenanceUpdate:
    """New seed counts for an existing entry."""

    entry_id: str
    seeds: dict[str, int]
    count: int
    previous_count: int


@dataclass
class SeedPlan:
    """What a merge would do; ``render()`` gives a human summary."""

    watchlist_path: Path
    additions: list[Candidate] = field(default_factory=list)
    updates: list[ProvenanceUpdate] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # entry ids already up to date

    @property
    def empty(self) -> bool:
        return not self.additions and not self.updates

    def render(self) -> list[str]:
        """One line per change, for ``monitor seed`` without --write."""
        lines = [
            f"{self.watchlist_path}: {len(self.additions)} new candidate(s), "
            f"{len(self.updates)} provenance update(s), {len(self.unchanged)} unchanged"
        ]
        for c in self.additions:
            docs = ", ".join(f"{n}×{k}" for n, k in c.documents)
            lines.append(f"+ {c.id}: {c.name!r} ({c.kind}) count={c.count} in {docs}")
        for u in self.updates:
            docs = ", ".join(f"{n}×{k}" for n, k in sorted(u.seeds.items()))
            lines.append(f"~ {u.entry_id}: count {u.previous_count} → {u.count} ({docs})")
        return lines


def slugify(name: str) -> str:
    """A stable ASCII id for a name."""
    return slug(normalize(name).replace("'", "")) or "term"


def _guess_kind(name: str) -> str:
    words = name.lower().split()
    for word in reversed(words):
        if word in _KIND_BY_WORD:
            return _KIND_BY_WORD[word]
    if _ACRONYM.match(name):
        return "org"
    if name[:1].isdigit():
        return "unit"
    if len(words) in (2, 3) and all(w[:1].isalpha() for w in name.split()):
        return "person_or_place"
    return "entity"


def _is_title_case_line(line: str) -> bool:
    words = _WORD.findall(line)
    caps = sum(w[:1].isupper() for w in words)
    return len(words) >= 4 and caps / len(words) > 0.6


def _capitalised_ngrams(text: str) -> list[str]:
    """Runs of capitalised words joined by single spaces (connectors allowed inside).

    A run ends at punctuation, at a possessive ('s) and at a lower-case word; headline-case
    lines are skipped because every word there is capitalised.
    """
    found: list[str] = []
    for line in text.splitlines():
        if _is_title_case_line(line):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            found.extend(_runs(sentence))
    return found


def _runs(sentence: str) -> list[str]:
    runs: list[str] = []
    run: list[str] = []
    pending: list[str] = []  # connectors waiting for a following capitalised word
    prev_end = 0
    for m in _WORD.finditer(sentence):
        token = m.group().replace("’", "'")
        gap = sentence[prev_end : m.start()]
        prev_end = m.end()
        if run and gap not in (" ", ""):
            runs.append(" ".join(run))
            run, pending = [], []
        possessive = token.endswith("'s")
        token = token.removesuffix("'s").rstrip("'")
        capital = token[:1].isupper() or (token[:1].isdigit() and token[-2:] in _ORDINALS)
        if capital and token not in _STOP:
            run.extend(pending)
            run.append(token)
            pending = []
        elif run and token.lower() in _CONNECTORS and not possessive:
            pending.append(token)
            continue
        else:
            if run:
                runs.append(" ".join(run))
            run, pending = [], []
        if possessive and run:
            runs.append(" ".join(run))
            run, pending = [], []
    if run:
        runs.append(" ".join(run))
    return [piece for r in runs for piece in _split_long(r)]


def _split_long(run: str, limit: int = 4) -> list[str]:
    """Split runs longer than ``limit`` words at "of (the)" ("Border Troops of the State…")."""
    words = run.split()
    if len(words) <= limit:
        return [run]
    pieces = [p.strip() for p in re.split(r"\s+of(?:\s+the)?\s+", run) if p.strip()]
    return pieces if len(pieces) > 1 else [run]


_ORDINALS = ("st", "nd", "rd", "th")


def _document_terms(text: str) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for gram in _capitalised_ngrams(text):
        counts[gram] += 1
    for m in _ORDINAL_UNIT.finditer(text):
        counts[f"{m.group(1)} {m.group(2).strip()}"] += 1
    lowered = normalize(text)
    for keyword in _TOPIC_KEYWORDS:
        n = len(re.findall(rf"(?<!\w){re.escape(keyword)}(?!\w)", lowered))
        if n:
            counts[keyword] += n
    return counts


def derive_candidates(seed_dir: Path) -> list[Candidate]:
    """Candidate terms from ``seed_dir/*.txt``, most frequent first (deterministic)."""
    per_term: dict[str, dict[str, int]] = defaultdict(dict)
    display: dict[str, str] = {}
    for path in sorted(seed_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for term, n in _document_terms(text).items():
            key = normalize(term)
            per_term[key][path.name] = per_term[key].get(path.name, 0) + n
            display.setdefault(key, term)
    candidates = []
    for key, docs in per_term.items():
        name = display[key]
        total = sum(docs.values())
        multiword = " " in name or bool(_ACRONYM.match(name))
        if total < 2 and not multiword:
            continue
        if len(name) < 3 and not _ACRONYM.match(name):
            continue
        candidates.append(
            Candidate(
                id=slugify(name),
                name=name,
                kind="topic" if name.islower() else _guess_kind(name),
                count=total,
                documents=tuple(sorted(docs.items())),
            )
        )
    candidates.sort(key=lambda c: (-c.count, c.name))
    return candidates


def _covering_entry(automaton: AliasAutomaton, ids: list[str], name: str) -> str | None:
    """The entry whose aliases cover the whole candidate (ignoring a generic tail word)."""
    words = name.split()
    forms = [name]
    while len(words) > 1 and words[-1].lower() in _GENERIC_TAIL:
        words.pop()
        forms.append(" ".join(words))
    normalizer = Normalizer()
    for form in forms:
        norm = normalizer.normalize(form)
        hits = automaton.find(norm, form)
        if len(hits) == 1 and hits[0].start == 0 and hits[0].end >= len(norm.text):
            return ids[hits[0].entry_index]
    return None


def count_entry_hits(watchlist: Watchlist, seed_dir: Path) -> dict[str, dict[str, int]]:
    """For every entry id, how often its aliases occur in each seed document."""
    automaton = AliasAutomaton(watchlist)
    normalizer = Normalizer()
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for path in sorted(seed_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for hit in automaton.find(normalizer.normalize(text), text):
            entry_id = watchlist.entries[hit.entry_index].id
            counts[entry_id][path.name] = counts[entry_id].get(path.name, 0) + 1
    return counts


def plan_merge(
    watchlist_path: Path, candidates: list[Candidate], seed_dir: Path | None = None
) -> SeedPlan:
    """Compare candidates with the watchlist by alias: what would be added or updated.

    Provenance of existing entries comes from the candidates they cover; with ``seed_dir``
    it is counted exactly, by running every alias over the seed documents.
    """
    watchlist = load_watchlist(watchlist_path)
    automaton = AliasAutomaton(watchlist)
    ids = [e.id for e in watchlist.entries]
    per_entry: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    plan = SeedPlan(watchlist_path)
    taken = set(ids)
    by_name = {normalize(e.name): e.id for e in watchlist.entries}
    # Any alias, as the watchlist's duplicate check compares them: a candidate "US" is the
    # entry whose proper alias it is, though a lone capitalised word reads as sentence-initial.
    by_alias = {normalize(a): e.id for e in watchlist.entries for a in e.all_aliases()}
    pending = {e.id for e in watchlist.entries if e.status == "candidate" or e.role == "candidate"}
    for candidate in candidates:
        entry_id = by_name.get(normalize(candidate.name)) or by_alias.get(normalize(candidate.name))
        if entry_id is None:
            entry_id = _covering_entry(automaton, ids, candidate.name)
        if entry_id is not None:
            for doc, n in candidate.documents:
                per_entry[entry_id][doc] += n
            continue
        cid = candidate.id
        suffix = 2
        while cid in taken:
            cid = f"{candidate.id}-{suffix}"
            suffix += 1
        taken.add(cid)
        plan.additions.append(
            Candidate(cid, candidate.name, candidate.kind, candidate.count, candidate.documents)
        )
    if seed_dir is not None:
        exact = count_entry_hits(watchlist, seed_dir)
        for entry_id in list(per_entry):
            if entry_id not in pending:  # candidates are not matched: keep their own counts
                del per_entry[entry_id]
        for entry_id, docs in exact.items():
            per_entry[entry_id].update(docs)
    for entry in watchlist.entries:
        seeds = dict(sorted(per_entry.get(entry.id, {}).items()))
        count = sum(seeds.values())
        if seeds == entry.provenance.seeds and count == entry.count:
            plan.unchanged.append(entry.id)
        else:
            plan.updates.append(ProvenanceUpdate(entry.id, seeds, count, entry.count))
    return plan


def _ordered(entry: dict[str, Any]) -> dict[str, Any]:
    known = {k: entry[k] for k in ENTRY_KEY_ORDER if k in entry}
    return known | {k: v for k, v in entry.items() if k not in known}


class _Dumper(yaml.SafeDumper):
    """Block style throughout (one alias per line), entries indented under ``entries``."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def render_watchlist(document: dict[str, Any]) -> str:
    """The YAML text of a watchlist document, with the fixed header."""
    body = yaml.dump(
        document,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1000,
    )
    return WATCHLIST_HEADER + body


def apply_merge(watchlist_path: Path, plan: SeedPlan) -> None:
    """Write the plan into the watchlist, keeping every curated field (atomic replace)."""
    raw = read_yaml(watchlist_path, "watchlist")
    parse_watchlist(raw, str(watchlist_path))  # refuse to merge into an invalid file
    entries: list[dict[str, Any]] = raw["entries"]
    by_id = {e["id"]: e for e in entries}
    for update in plan.updates:
        entry = by_id.get(update.entry_id)
        if entry is None:
            continue
        provenance = dict(entry.get("provenance") or {})
        if update.seeds:
            provenance["seeds"] = dict(update.seeds)
        else:
            provenance.pop("seeds", None)
        entry["provenance"] = provenance
        entry["count"] = update.count
    for c in plan.additions:
        if c.id in by_id:
            continue
        entries.append(
            {
                "id": c.id,
                "name": c.name,
                "kind": c.kind,
                "role": "candidate",
                "status": "candidate",
                "count": c.count,
                "provenance": {"seeds": dict(c.documents)},
            }
        )
    document = {k: v for k, v in raw.items() if k != "entries"}
    document["entries"] = [_ordered(e) for e in entries]
    text = render_watchlist(document)
    parse_watchlist(yaml.safe_load(text), str(watchlist_path))
    write_atomic(watchlist_path, lambda stream: stream.write(text))
