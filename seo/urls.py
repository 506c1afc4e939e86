"""URLs outside the language prefixes (sitemap.xml, robots.txt)."""

urlpatterns = []
