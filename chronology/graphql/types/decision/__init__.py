"""Decisions, the votes on them and their tallies: their types, their SQL and their list."""
