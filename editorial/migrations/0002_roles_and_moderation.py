"""Groups Editors, Translators and Moderators, their permissions and the "Moderation" workflow.

Idempotent: it corrects what exists (including Wagtail's default Editors and Moderators groups,
whose grants on the root page would reach both language trees) and creates what is missing.
On a fresh database the language home pages do not exist yet; `editorial.signals` runs the same
code when each home page is published by `load_seed_content`.
"""

from django.db import migrations

from editorial.roles import set_up_roles_and_moderation


def forwards(apps, schema_editor):
    set_up_roles_and_moderation(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        # After Wagtail's initial data, which gives its default Editors and Moderators groups
        # document permissions; ours replace them (images and documents stay available
        # through Wagtail's collection permissions).
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("forms_app", "0001_initial"),
        ("home", "0001_initial"),
        ("networks", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
