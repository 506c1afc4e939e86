"""The footer goes through moderation like a page: it gets the Moderation workflow, and only
Moderators may publish (and lock or unlock) it. Editors' and Translators' changes are drafts."""

from django.db import migrations

from editorial.roles import set_up_snippet_moderation


def forwards(apps, schema_editor):
    set_up_snippet_moderation(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0005_translators_view_turkish_pages"),
        ("home", "0002_footer_contact_details_and_moderation"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
