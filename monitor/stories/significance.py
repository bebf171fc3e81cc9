"""Significance: how much a report or a story matters (pure functions; not relevance).

The integer part is the severity (3 killed/wounded, attack, clash, armed incursion; 2 concrete
security event without casualties; 1 routine; 0 analysis). The fraction orders reports of
one severity by magnitude (people killed or wounded, kilograms seized, people crossing), by
how concretely they are placed (specific places and actors named), by how clearly they name
the event, and by relevance; a story's also by how many outlets tell it. The fraction stays
below 1, so a more severe report always ranks first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from monitor.stories.reading import Reading


def _saturating(value: float, half: float) -> float:
    """0 at 0, 0.5 at ``half``, approaching 1 (never reaching it)."""
    return value / (value + half) if value > 0 else 0.0


def magnitude(counts: Mapping[str, float]) -> float:
    """How big the reported event is, in [0, 1)."""
    casualties = counts.get("killed", 0.0) + 0.5 * counts.get("wounded", 0.0)
    return max(
        _saturating(casualties, 3.0),
        _saturating(counts.get("kg", 0.0), 100.0),
        _saturating(counts.get("people", 0.0), 30.0) * 0.8,
    )


def significance(reading: Reading, concreteness: float, relevance: float) -> float:
    """A report's significance: severity + a fraction in [0, 0.95).

    ``concreteness`` is the summed specificity of the entities named (see grouping).
    """
    fraction = (
        0.35 * magnitude(reading.counts)
        + 0.25 * _saturating(concreteness, 6.0)
        + 0.2 * _saturating(reading.confidence, 1.5)
        + 0.15 * min(max(relevance, 0.0), 1.0)
    )
    return round(reading.severity + min(fraction, 0.949), 4)


def story_significance(members: Iterable[float], outlets: int) -> float:
    """A story's significance: the severity of its most significant report, and a fraction
    that is three quarters that report's and one quarter how many outlets tell the story
    (a half at four, saturating): among stories of one severity, one told by sixteen outlets
    ranks above one outlet's report; a more severe story still always ranks first."""
    best = max(members, default=0.0)
    severity = int(best)
    spread = _saturating(max(outlets - 1, 0), 3.0)
    return round(severity + min(0.75 * (best - severity) + 0.25 * spread, 0.9999), 4)
