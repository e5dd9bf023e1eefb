"""Documents and what hangs off them: parties, copies, editions, annotations."""
