"""The writer: parsed sources into the database by natural key, the only importer family that writes."""
