"""NetworkPage's `acronym` is the network's short name ("Energy Cities" is no acronym), and its
`summary` is BasePage's `introduction` (every page type inherits BasePage)."""

from django.db import migrations, models

from core.serialized_fields import rename_serialized_fields

RENAMES = {
    "acronym": "short_name",
    "acronym_language": "short_name_language",
    "summary": "introduction",
}


def forwards(apps, schema_editor):
    rename_serialized_fields(apps, "networks", "networkpage", RENAMES)


def backwards(apps, schema_editor):
    rename_serialized_fields(
        apps, "networks", "networkpage", {new: old for old, new in RENAMES.items()}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0003_founded_city_member_kind_website_per_language"),
        # Its data migration reads the old field names.
        ("forms_app", "0006_topics_from_the_topic_dropdown"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RenameField("networkpage", "acronym", "short_name"),
        migrations.RenameField("networkpage", "acronym_language", "short_name_language"),
        migrations.RenameField("networkpage", "summary", "introduction"),
        migrations.RunPython(forwards, backwards),
        migrations.AlterField(
            model_name='networkindexpage',
            name='introduction',
            field=models.TextField(blank=True, help_text='One or two sentences shown under the title and in listings.', verbose_name='introduction'),
        ),
        migrations.AlterField(
            model_name='networkpage',
            name='short_name',
            field=models.CharField(help_text="The network's own short name, e.g. NALAS.", max_length=20, verbose_name='short name'),
        ),
    ]
