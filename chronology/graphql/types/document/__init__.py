"""Documents and what hangs off them (parties, copies, editions, annotations), answered field by field or as SQL."""
