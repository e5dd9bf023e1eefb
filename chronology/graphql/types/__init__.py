"""GraphQL object types, one folder per record family."""
