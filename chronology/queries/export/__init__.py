"""The database side of the exports: which records, read in keyset batches from one snapshot."""
