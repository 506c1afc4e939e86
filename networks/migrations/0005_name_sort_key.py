"""NetworkPage.name_sort_key: each page's full name in its language's alphabetical order, so
that the database sorts the directory A to Z and returns one page of it."""

from django.db import migrations, models

from networks.collation import collation_string


def fill_sort_keys(apps, schema_editor):
    NetworkPage = apps.get_model("networks", "NetworkPage")
    pages = NetworkPage.objects.select_related("locale").only(
        "pk", "full_name", "locale__language_code"
    )
    for page in pages.iterator(chunk_size=500):
        page.name_sort_key = collation_string(page.full_name, page.locale.language_code)
        page.save(update_fields=["name_sort_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0004_short_name_and_introduction"),
    ]

    operations = [
        migrations.AddField(
            model_name="networkpage",
            name="name_sort_key",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_sort_keys, migrations.RunPython.noop),
    ]
