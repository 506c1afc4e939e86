"""/robots.txt: crawl the site, not the admin or search results; where the sitemap is."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation

from core.site_url import absolute_url


def disallowed_paths():
    paths = ["/admin/"]
    for language_code, _name in settings.LANGUAGES:
        with translation.override(language_code):
            paths.append(reverse("search"))
    return paths


def robots_txt(request):
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {path}" for path in disallowed_paths()]
    lines += ["", f"Sitemap: {absolute_url(reverse('sitemap'), request)}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
