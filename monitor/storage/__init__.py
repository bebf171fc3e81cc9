"""All SQL lives here: one function per use case, each taking a Session.

Callers own the transaction (``with session.begin():``); these functions never commit.
"""
