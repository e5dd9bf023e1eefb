"""The timeline page, its embeddable variant, and the static assets they load."""
