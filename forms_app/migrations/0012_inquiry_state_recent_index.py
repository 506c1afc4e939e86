"""An index for the inbox's default view: one state, newest first (Inquiry.Meta.indexes)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('forms_app', '0011_inquiry_search_trigram_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='inquiry',
            index=models.Index(fields=['status', '-submit_time'], name='inquiry_state_recent_idx'),
        ),
    ]
