from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

# A database error outside a view still answers the 503 page (mbbcms/errors.py).
handler500 = "mbbcms.errors.server_error"

# Admin and documents live outside the language prefixes.
urlpatterns = [
    path("", include("seo.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under /tr/ or /en/. "/" has no page of its own: LocaleMiddleware
# redirects it to the visitor's language (Accept-Language, Turkish by default).
urlpatterns += i18n_patterns(
    path("", include("seo.i18n_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
