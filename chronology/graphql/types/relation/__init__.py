"""Typed, sourced links between records, answered field by field or as SQL."""
