"""The review queue over GraphQL: its items, their filter, and an editor's resolution."""
