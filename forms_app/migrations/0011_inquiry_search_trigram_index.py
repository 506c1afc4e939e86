"""The inbox search on PostgreSQL: a trigram index on the folded search_text, which answers
the search's LIKE '%…%' without reading the table (pg_trgm; trusted since PostgreSQL 13, so
the site's database owner may create it). SQLite keeps reading the table: the index would be
of no use to its LIKE, and the search behaves the same either way (forms_app.inbox)."""

from django.db import migrations

INDEX = "forms_app_inquiry_search_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON forms_app_inquiry "
        "USING gin (search_text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("forms_app", "0010_inquiry_export")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
