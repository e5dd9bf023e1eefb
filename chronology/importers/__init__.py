"""Importers: one pure parser per edition format, and the loader that writes."""
