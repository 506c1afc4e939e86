"""The roles' permissions on contact-form topics (editorial.roles.WRITE_TOPICS, DELETE_TOPICS and
TRANSLATE_TOPICS), applied to existing groups."""

from django.db import migrations

from editorial.roles import set_up_roles_and_moderation


def forwards(apps, schema_editor):
    set_up_roles_and_moderation(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0006_footer_moderation"),
        ("forms_app", "0007_delete_topicroute"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
