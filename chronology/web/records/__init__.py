"""A page for every record at its permanent address, as HTML for readers and JSON-LD for machines."""
