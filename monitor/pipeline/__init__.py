"""A poll pass (fetch, parse, match, store) and the rules for when feeds and digests are due."""
