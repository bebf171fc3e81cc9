"""The watchlist: curated terms with their kind, scoring role, side and aliases."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct, field

from monitor.errors import ConfigError
from monitor.files import convert, read_yaml, validation_problem
from monitor.match.normalize import normalize

Role = Literal[
    "anchor",  # names the Tajik–Afghan border itself or the pair ("Tajik-Afghan")
    "country",  # Tajikistan / Afghanistan and their capitals, demonyms
    "border",  # the word "border" and its relatives in every language
    "place",  # a place on the Tajik–Afghan border (crossing, river, border district)
    "region",  # a province touching the border; weak on its own
    "actor",  # a person, group or force active on the border
    "topic",  # border-topic keywords: smuggling, clash, militants, shelling…
    "negative",  # another border's context (Kyrgyz, Pakistani, Iranian, Uzbek, Turkmen)
    "neutral",  # scores 0: blocks shorter aliases (Panjshir vs Panj), or a third party (China)
    "candidate",  # seeded, not curated yet: matched but never scored
]
# Neutral entries of these kinds name a third party (China, Russia, the UN): they score
# nothing, but tell stories apart by who takes part and show in story headers.
THIRD_PARTY_KINDS = frozenset({"country", "org"})
Side = Literal["tj", "af", "both", "none"]
NegativeContext = Literal[
    "kyrgyz_border",
    "afpak_border",
    "afiran_border",
    "af_uz_border",
    "af_tm_border",
    "india",
    "tj_unrest",  # protests, unrest, anniversaries, diaspora rallies (no crossing)
    "tj_domestic",  # district life: celebrations, harvests, roads, schools (no crossing)
    "travel",  # Pamir Highway travel writing, tourism
]
# Contexts that only cap a score when nothing crosses the border (see scoring.py).
DOMESTIC_CONTEXTS = frozenset({"tj_unrest", "tj_domestic", "travel"})
Frame = Literal[
    "origin",  # "from Afghanistan", "из Афганистана", "از افغانستان": where something comes from
    # (side none: "from across the border", "с сопредельной территории": the other side of
    # whichever Tajik or Afghan term is named)
    "destination",  # "into Tajikistan", "в Таджикистан", "به تاجیکستان": where it goes or happens
    "border_with",  # "the border with Afghanistan": a border word naming ONE side (other implicit)
    "relation",  # bilateral relations: delegation, talks, minister's call, "main enemy"
    "location",  # "in Tajikistan", "в Таджикистане", "په تاجکستان کې": where something happens
    "contraband",  # what is smuggled across the river: heroin, hashish, opium
    "seizure",  # seized, detained, изъято, ونیول شول: a seizure or an arrest
    "violence",  # shooting, attack, clash: at a border place it is not district life
]
_SIDED_FRAMES = frozenset({"origin", "destination", "border_with", "location"})
ROLES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]


class Provenance(Struct, forbid_unknown_fields=True):
    """Where an entry came from: seed documents with counts, or a note why it was added."""

    seeds: dict[str, int] = field(default_factory=dict)
    added_by_hand: str | None = None


class WatchlistEntry(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """One watched term."""

    id: Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    name: Annotated[str, Meta(min_length=1)]
    kind: Annotated[str, Meta(min_length=1)]
    role: Role
    side: Side = "none"
    context: NegativeContext | None = None
    frame: Frame | None = None
    weight: Annotated[float, Meta(ge=0.0, le=1.0)] | None = None
    implies_border: bool = False
    # counts only when one of these entries (ids) is matched too: an ambiguous bare name
    # ("Sher Khan" is also a nickname and a TV series) needs a cue (port, bridge, Kunduz…)
    requires: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    proper_aliases: list[str] = field(default_factory=list)
    status: Literal["curated", "candidate"] = "curated"
    notes: str | None = None
    count: int = 0
    provenance: Provenance = field(default_factory=Provenance)

    def __post_init__(self) -> None:
        for key, aliases in (("aliases", self.aliases), ("proper_aliases", self.proper_aliases)):
            for alias in aliases:
                if not normalize(alias.replace("~", "")).strip():
                    raise ValueError(f"{key}: alias {alias!r} is empty after normalization")

    @property
    def third_party(self) -> bool:
        """A neutral entry naming a third country or organisation (China, the UN)."""
        return self.role == "neutral" and self.kind in THIRD_PARTY_KINDS

    def all_aliases(self) -> list[str]:
        """The name plus every alias (plain ones first)."""
        return [self.name, *self.aliases, *self.proper_aliases]


class Watchlist:
    """A validated, immutable list of entries."""

    def __init__(self, entries: list[WatchlistEntry], source: str = "<memory>") -> None:
        self.entries = list(entries)
        self.source = source
        self._by_key: dict[str, WatchlistEntry] = {}
        for entry in self.entries:
            self._by_key.setdefault(entry.id, entry)
        for entry in self.entries:
            self._by_key.setdefault(entry.name.casefold(), entry)
        self.version = _content_hash(self.entries)

    def get(self, id_or_name: str) -> WatchlistEntry | None:
        """The entry with this id, else with this canonical name (case-insensitive)."""
        return self._by_key.get(id_or_name) or self._by_key.get(id_or_name.casefold())

    def __len__(self) -> int:
        return len(self.entries)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Watchlist, (self.entries, self.source))


def _content_hash(entries: list[WatchlistEntry]) -> str:
    """A hash of everything that changes matching or scoring (not provenance or counts)."""
    scoring = [msgspec.structs.asdict(e) for e in entries]
    for fields in scoring:
        for unscored in ("provenance", "count", "notes"):
            del fields[unscored]
    blob = json.dumps(scoring, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def parse_watchlist(raw: Any, source: str) -> Watchlist:
    """Validate a parsed YAML document into a Watchlist; ConfigError names file and entry."""
    if not isinstance(raw, dict) or not isinstance(raw.get("entries"), list):
        raise ConfigError(f"{source}: top level must be a mapping with an 'entries' list")
    try:
        validated = convert(raw["entries"], list[WatchlistEntry])
    except msgspec.ValidationError:
        validated = None  # the first bad entry is found and named below
    entries: list[WatchlistEntry] = []
    seen_ids: dict[str, int] = {}
    seen_aliases: dict[str, str] = {}
    for i, item in enumerate(raw["entries"]):
        label = f"entries[{i}]"
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            label += f" ({item['id']})"
        if not isinstance(item, dict):
            raise ConfigError(f"{source}: {label}: entry must be a mapping")
        if validated is not None:
            entry = validated[i]
        else:
            try:
                entry = convert(item, WatchlistEntry)
            except msgspec.ValidationError:
                problem = validation_problem(WatchlistEntry, item)
                raise ConfigError(f"{source}: {label}: {problem}") from None
        if entry.id in seen_ids:
            first = seen_ids[entry.id]
            raise ConfigError(
                f"{source}: {label}: duplicate id {entry.id!r} (first: entries[{first}])"
            )
        seen_ids[entry.id] = i
        if entry.role == "negative" and entry.context is None:
            raise ConfigError(f"{source}: {label}: role 'negative' needs a 'context'")
        sideless_origin = entry.frame == "origin" and entry.side == "none"  # "from across"
        if entry.frame in _SIDED_FRAMES and entry.side not in ("tj", "af") and not sideless_origin:
            raise ConfigError(f"{source}: {label}: frame {entry.frame!r} needs side 'tj' or 'af'")
        for alias in entry.all_aliases():
            key = normalize(alias)
            other = seen_aliases.get(key)
            if other is not None and other != entry.id:
                raise ConfigError(
                    f"{source}: {label}: alias {alias!r} is already an alias of {other!r}"
                )
            seen_aliases[key] = entry.id
        entries.append(entry)
    for i, entry in enumerate(entries):
        unknown = [r for r in entry.requires if r not in seen_ids or r == entry.id]
        if unknown:
            raise ConfigError(
                f"{source}: entries[{i}] ({entry.id}): requires unknown id {unknown[0]!r}"
            )
    return Watchlist(entries, source)


def load_watchlist(path: Path) -> Watchlist:
    """Read and validate a watchlist YAML file. Raises ConfigError with one readable line."""
    raw = read_yaml(path, "watchlist")
    return parse_watchlist(raw, str(path))
