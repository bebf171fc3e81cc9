"""Matching engine: watchlist, normalization, Aho-Corasick matching, language, scoring."""

from __future__ import annotations

from monitor.match.hit import Hit
from monitor.match.language import detect_language
from monitor.match.matcher import Matcher, MatchResult
from monitor.match.normalize import NormalizedText, Normalizer, normalize
from monitor.match.scoring import ScoringRules, score_hits
from monitor.match.watchlist import Watchlist, WatchlistEntry, load_watchlist, parse_watchlist

__all__ = [
    "Hit",
    "MatchResult",
    "Matcher",
    "NormalizedText",
    "Normalizer",
    "ScoringRules",
    "Watchlist",
    "WatchlistEntry",
    "detect_language",
    "load_watchlist",
    "normalize",
    "parse_watchlist",
    "score_hits",
]
