"""Contact-form topics go through moderation like the footer: they get the Moderation
workflow, and only Moderators may publish (and lock or unlock) them."""

from django.db import migrations

from editorial.roles import set_up_snippet_moderation


def forwards(apps, schema_editor):
    set_up_snippet_moderation(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0007_topic_permissions"),
        ("forms_app", "0008_topic_moderation"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
