"""People and bodies, the names the sources give them and their memberships: types, SQL and lists."""
