"""Alembic's entry point, run in-process by ``service.storage.Store.open`` on a connection it already holds."""

from alembic import context

from service.storage.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
