"""People and bodies, the names the sources give them and their memberships; field by field or as SQL."""
