"""The benchmark's bare ceiling: Django with no middleware and no installed apps, one view that
returns a small fixed response. Served by the same gunicorn command as the site:

    gunicorn bench.bare:application

A page-cache hit can at best match it: everything a hit costs beyond this is the site's.
"""

import secrets

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

BODY = b"ok"

settings.configure(
    DEBUG=False,
    SECRET_KEY=secrets.token_urlsafe(32),
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_I18N=False,
)


def ceiling(request):
    return HttpResponse(BODY, content_type="text/plain")


urlpatterns = [path("ceiling/", ceiling)]

application = get_wsgi_application()
