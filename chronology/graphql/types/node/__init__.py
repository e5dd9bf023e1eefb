"""Any record by its global id: the Node interface every record type implements, and the `node` queries."""
