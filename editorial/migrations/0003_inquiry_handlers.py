"""The Inquiry handlers group ("Başvuru sorumluları"), the only role that reads inquiries;
Editors lose the inquiry access they had (KVKK art. 12, need to know)."""

from django.db import migrations

from editorial.roles import set_up_inquiry_handlers


def forwards(apps, schema_editor):
    set_up_inquiry_handlers(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_roles_and_moderation"),
        ("forms_app", "0003_inquiry_state_and_search"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
