"""Archival references: how they are printed, read, repaired, flagged and cited (pure)."""
