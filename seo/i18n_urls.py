"""URLs inside the language prefixes (/tr/…, /en/…): the search page, at a translated path."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from .search import views as search_views

urlpatterns = [
    path(_("search/"), search_views.search, name="search"),
]
