"""The contact details snippet moves from `home` (as FooterText) to `core` (as ContactDetails).

Only the state moves; in the database the table is renamed, and the content type and the
permissions keep their rows under the new names, so revisions, workflow states, log entries,
translations and the groups' permissions still point at them."""

import django.db.models.deletion
import uuid
import wagtail.models.preview
from django.conf import settings
from django.db import migrations, models


OLD = ("home", "footertext")
NEW = ("core", "contactdetails")


def move_table(apps, schema_editor):
    tables = schema_editor.connection.introspection.table_names()
    if "home_footertext" in tables and "core_contactdetails" not in tables:
        model = apps.get_model("core", "ContactDetails")
        schema_editor.alter_db_table(model, "home_footertext", "core_contactdetails")
    elif "core_contactdetails" not in tables:
        schema_editor.create_model(apps.get_model("core", "ContactDetails"))


def move_content_type(apps, schema_editor):
    """Rename the content type and its permissions in place. Where the new content type was
    already made (the roles' migrations name it), the old one's rows move to it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old = ContentType.objects.filter(app_label=OLD[0], model=OLD[1]).first()
    if old is None:
        return
    new = ContentType.objects.filter(app_label=NEW[0], model=NEW[1]).first()
    if new is None:
        old.app_label, old.model = NEW
        old.save()
        new = old
    else:
        for relation in ContentType._meta.related_objects:
            if relation.many_to_many or relation.related_model is Permission:
                continue
            relation.related_model._base_manager.filter(
                **{relation.field.name: old}
            ).update(**{relation.field.name: new})
    for permission in Permission.objects.filter(content_type__in={old, new}):
        if OLD[1] not in permission.codename:
            continue
        codename = permission.codename.replace(OLD[1], NEW[1])
        existing = Permission.objects.filter(content_type=new, codename=codename).first()
        if existing is None:
            permission.codename = codename
            permission.name = permission.name.replace("footer contact details", "contact details")
            permission.content_type = new
            permission.save()
        else:
            for group in permission.group_set.all():
                group.permissions.add(existing)
            permission.delete()
    if new.pk != old.pk:
        old.delete()


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('home', '0002_footer_contact_details_and_moderation'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ContactDetails',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                        ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                        ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                        ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                        ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                        ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                        ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                        ('locked', models.BooleanField(default=False, editable=False, verbose_name='locked')),
                        ('locked_at', models.DateTimeField(editable=False, null=True, verbose_name='locked at')),
                        ('organisation', models.CharField(max_length=200, verbose_name='organisation')),
                        ('address', models.TextField(blank=True, help_text='As MBB publishes it, e.g. “Sarıdemir Mah., … 34134 Eminönü, Fatih / İstanbul”.', verbose_name='postal address')),
                        ('phone', models.CharField(blank=True, max_length=40, verbose_name='phone')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                        ('kep_address', models.EmailField(blank=True, help_text='The registered electronic mail (KEP) address, e.g. name@hs01.kep.tr.', max_length=254, verbose_name='KEP address')),
                        ('map_url', models.URLField(blank=True, help_text='A link to the address on a map (OpenStreetMap, Google Maps …).', verbose_name='map link')),
                        ('note', models.TextField(blank=True, help_text='A short line such as how to get in touch.', verbose_name='note')),
                        ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                        ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                        ('locked_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='locked_%(class)ss', to=settings.AUTH_USER_MODEL, verbose_name='locked by')),
                    ],
                    options={
                        'verbose_name': 'contact details',
                        'verbose_name_plural': 'contact details',
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                    bases=(wagtail.models.preview.PreviewableMixin, models.Model),
                ),
            ],
        ),
        migrations.RunPython(move_table, migrations.RunPython.noop),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]
