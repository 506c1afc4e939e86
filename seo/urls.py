"""URLs outside the language prefixes: /sitemap.xml and /robots.txt."""

from django.urls import path

from .robots import robots_txt
from .sitemap import sitemap

urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
