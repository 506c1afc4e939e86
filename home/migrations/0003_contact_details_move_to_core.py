"""FooterText moved to core as ContactDetails (core 0001 renames its table)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0002_footer_contact_details_and_moderation'),
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="FooterText")],
        ),
    ]
