"""Correspondence metadata brought by other editions: CMIF files and csv2cmi letter tables (pure)."""
