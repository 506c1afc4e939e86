"""The moderation workflow and its task get Turkish names ("Moderation" read "Moderation için
gönder" in the Turkish admin). A database created after this already has them (0002 uses the
names in editorial.roles); administrators' own renames are left alone."""

from django.db import migrations

RENAMES = {
    "Workflow": ("Moderation", "Yayın onayı"),
    "Task": ("Moderator approval", "Moderatör onayı"),
}


def rename(apps, backwards=False):
    for model_name, (old, new) in RENAMES.items():
        if backwards:
            old, new = new, old
        model = apps.get_model("wagtailcore", model_name)
        if not model.objects.filter(name=new).exists():
            model.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    rename(apps)


def backwards(apps, schema_editor):
    rename(apps, backwards=True)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0003_inquiry_handlers")]

    operations = [migrations.RunPython(forwards, backwards)]
