"""What every edition reader shares: natural keys, copy forms, letter parts, sentences, tallies (pure)."""
