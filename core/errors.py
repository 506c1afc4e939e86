"""The 500 handler: a database that is down or too slow answers the 503 page instead.

DatabaseUnavailableMiddleware turns database errors raised by views into the 503 page; this
catches the rest (raised by middleware, such as a session saved after the view), which Django
hands to the 500 handler while the exception is being handled.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 10


def database_unavailable(exception):
    """The designed 503 page: self-contained, so it renders without the database."""
    logger.error("database unavailable: %s", exception, extra={"status_code": 503})
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    exception = sys.exception()
    if isinstance(exception, OperationalError | InterfaceError):
        return database_unavailable(exception)
    return defaults.server_error(request)
