"""The writing side of the API: one module per record family, each all-or-nothing."""
