"""Fuzzy historical dates: the grammar of printed dates, EDTF values, phrases and the fuzzy-date value (pure)."""
