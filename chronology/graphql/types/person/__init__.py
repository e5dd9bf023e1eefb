"""People and bodies, with the names the sources give them and their memberships."""
