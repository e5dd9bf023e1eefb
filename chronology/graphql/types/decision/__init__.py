"""Decisions, the votes on them, and the tallies where no names survive; answered field by field or as SQL."""
