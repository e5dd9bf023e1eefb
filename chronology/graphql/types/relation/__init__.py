"""Typed, sourced links between records: their type, their vocabularies and their SQL."""
