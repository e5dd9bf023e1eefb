"""Read queries as SQLAlchemy statements: filters, windows, chains."""
