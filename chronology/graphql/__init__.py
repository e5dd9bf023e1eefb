"""The GraphQL API: schema, context, loaders, types, inputs and errors."""
