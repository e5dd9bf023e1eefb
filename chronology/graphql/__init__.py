"""The GraphQL API: the schema and its HTTP view, the types by family, the compiler, the runtime, the mutations."""
