"""The compiler: a page's or a node's whole selection answered by one SQL statement building its JSON."""
