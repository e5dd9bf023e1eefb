"""Events (trials, plenums, arrests, journeys) and who took part: their type, their SQL and their list."""
