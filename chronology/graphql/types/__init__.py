"""GraphQL object types, one family per module."""
