"""GraphQL types by family: each with its resolvers, vocabularies, SQL (`compiled.py`) and queries (`query.py`)."""
