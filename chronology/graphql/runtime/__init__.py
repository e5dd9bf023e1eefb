"""What every resolver leans on, per request: context, database, budget, loaders, pages, ids, errors, execution."""
