"""URLs inside the language prefixes (/tr/…, /en/…), such as the search page."""

urlpatterns = []
