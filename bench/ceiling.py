"""The benchmark's second reference: the site's production settings and whole middleware stack
around a view that does nothing but return a fixed response. Served by the same gunicorn
command as the site:

    gunicorn bench.ceiling:application

The ceiling cache hits are measured against is bench/bare.py (no middleware): this one shows
what the middleware alone costs.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mbbcms.settings.production")

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path


def ceiling(request):
    # Plain text, so the page cache stores nothing and every request runs this view.
    return HttpResponse(b"ok", content_type="text/plain")


application = get_wsgi_application()

from mbbcms.urls import urlpatterns as site_urlpatterns  # noqa: E402

# The site's own patterns stay: middleware reverses them (the admin's CSP finds its prefix).
urlpatterns = [path("ceiling/", ceiling), *site_urlpatterns]
settings.ROOT_URLCONF = __name__
