"""The timeline: a period's records laid out for a timeline widget, their SQL, and density bars."""
