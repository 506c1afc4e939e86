from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import media, routing, throttled_views

# A database error outside a view still answers the 503 page (core/errors.py).
handler500 = "core.errors.server_error"

# Admin and documents live outside the language prefixes.
urlpatterns = [
    path("", include("seo.urls")),
    # Wagtail's password-reset view behind per-client and per-address throttles; matched
    # before the admin's own URL for it.
    path(
        "admin/password_reset/",
        throttled_views.password_reset,
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

# Uploads on the local disk are served by the app, in production too (core/media.py); with
# object storage they come from the bucket or its CDN instead.
if media.serves_local_media():
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", media.serve, name="media")
    ]

# Every public page lives under /tr/ or /en/. "/" has no page of its own: LocaleMiddleware
# redirects it to the visitor's language (Accept-Language, Turkish by default).
urlpatterns += i18n_patterns(
    path("", include("seo.i18n_urls")),
    # Wagtail's page-password view, counting wrong passwords per client; before Wagtail's URLs.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttled_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # Pages, served by Wagtail's serve view with the route remembered (core/routing.py); the
    # same addresses as Wagtail's pattern (`reverse("wagtail_serve")` still builds them),
    # leaving Wagtail's _util/ views to Wagtail.
    re_path(r"^(?!_util/)" + wagtail_urls.serve_pattern.removeprefix("^"), routing.serve),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
