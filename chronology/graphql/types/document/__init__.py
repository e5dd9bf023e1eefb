"""Documents and what hangs off them (parties, copies, editions, annotations): their type, SQL, filter and list."""
