"""Digests: build the undelivered matches of a channel into one message and deliver it."""
