"""Typed, sourced links between records."""
