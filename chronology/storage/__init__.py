"""PostgreSQL as infrastructure: engine and sessions, the embedded server, migrations, bootstrap, triggers, counts."""
