"""Historical dates as GraphQL types: fuzzy dates, their vocabularies, their SQL, and windows of time."""
