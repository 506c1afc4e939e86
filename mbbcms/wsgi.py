import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mbbcms.settings.production")

django_application = get_wsgi_application()

# After Django is set up (the page cache reads settings and the cache).
from core.page_cache_middleware import PageCacheApplication  # noqa: E402

# Page-cache hits are answered in front of Django's request handling, which costs more than a
# hit (core/page_cache_middleware.py); everything else goes on to Django.
application = PageCacheApplication(django_application)
