"""Translators may view (not edit) the Turkish pages.

Adds only what is missing on the Turkish home (the same step that runs when a language home is
published), so nothing an administrator changed since 0002 is undone. On a fresh database the
home appears later and gets the grant then.
"""

from django.db import migrations

from editorial.roles import SOURCE_LANGUAGE, attach_language_home, language_homes


def forwards(apps, schema_editor):
    home = language_homes(apps).get(SOURCE_LANGUAGE)
    if home is not None:
        attach_language_home(apps, home)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0004_turkish_workflow_names")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
