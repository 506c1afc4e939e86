"""Editors no longer delete contact-form topics: a deletion takes a topic off the public form
with no moderation step. Only the one permission is taken away; nothing else changes."""

from django.db import migrations

from editorial.roles import EDITORS


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    delete_topic = Permission.objects.filter(
        content_type__app_label="forms_app", codename="delete_topic"
    )
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(*delete_topic)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0008_topic_moderation")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
