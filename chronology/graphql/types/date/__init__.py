"""Historical dates as GraphQL types: fuzzy dates, their vocabularies, and their SQL."""
