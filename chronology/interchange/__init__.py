"""What crosses the database boundary as plain data: export records and the data package's layout (pure)."""
