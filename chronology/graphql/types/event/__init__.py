"""Events (trials, plenums, arrests, journeys) and who took part; answered field by field or as SQL."""
