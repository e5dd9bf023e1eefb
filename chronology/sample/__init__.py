"""The sample dataset: parsed corpus records without the editions' texts, and key events."""
