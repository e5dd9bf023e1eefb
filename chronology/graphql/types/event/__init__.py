"""Events: trials, plenums, arrests, journeys, and who took part."""
