import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load MBB's seed content once per test session; each test then runs in a rollback."""
    with django_db_blocker.unblock():
        call_command("load_seed_content", verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def uploads_removed_afterwards():
    """Uploaded files and exports go to folders of this test process
    (mbbcms/settings/test.py), removed when the session ends."""
    yield
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        if Path(root).is_relative_to(tempfile.gettempdir()):
            shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def tr(db):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="tr")


@pytest.fixture
def en(db):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache (rate-limit counters, cached pages), also when
    CI runs the suite against a shared Redis."""
    from django.core.cache import caches

    for alias in ("default", "ratelimit"):
        caches[alias].clear()
    yield
