"""The benchmark's ceiling: the site's production settings and middleware, and a view that does
nothing but return a fixed response. Served by the same gunicorn command as the site:

    gunicorn bench.ceiling:application
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mbbcms.settings.production")

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def ceiling(request):
    # Plain text, so the page cache stores nothing and every request runs this view.
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("ceiling/", ceiling)]

application = get_wsgi_application()
settings.ROOT_URLCONF = __name__
